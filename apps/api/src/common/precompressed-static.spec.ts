import express from 'express';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { acceptsEncoding, precompressedStatic } from './precompressed-static';

/** A raw GET (node:http does not decompress, unlike fetch). */
function get(port: number, urlPath: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, path: urlPath, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

describe('precompressed web assets', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-precompressed-'));
  const script = Buffer.from('console.log("协商");\n'.repeat(500));
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets/app-1234.js'), script);
    fs.writeFileSync(path.join(root, 'assets/app-1234.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(root, 'assets/app-1234.js.gz'), zlib.gzipSync(script));
    fs.writeFileSync(path.join(root, 'assets/plain.css'), 'body{}');
    fs.writeFileSync(path.join(os.tmpdir(), 'secret.txt.br'), 'outside');
    const cache = (res: express.Response, file: string) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    };
    const app = express();
    app.use(precompressedStatic(root, cache));
    app.use(express.static(root, { setHeaders: cache }));
    server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), 'secret.txt.br'), { force: true });
  });

  it('serves Brotli first, then gzip, with the type and cache headers of the original', async () => {
    const br = await get(port, '/assets/app-1234.js', 'gzip, deflate, br');
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: 'Accept-Encoding', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.body).equals(script)).toBe(true);
    expect(br.body.length).toBeLessThan(script.length / 4);

    const gz = await get(port, '/assets/app-1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(script)).toBe(true);
    expect((await get(port, '/assets/app-1234.js', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
  });

  it('serves the original to a client that takes no compression, and files without copies as they are', async () => {
    const plain = await get(port, '/assets/app-1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
    expect((await get(port, '/assets/app-1234.js', 'identity')).body.equals(script)).toBe(true);
    const css = await get(port, '/assets/plain.css', 'br');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body{}');
  });

  it('never serves a compressed file from outside the build', async () => {
    const res = await get(port, '/../secret.txt', 'br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).not.toBe('outside');
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(acceptsEncoding('gzip, br', 'br')).toBe(true);
    expect(acceptsEncoding('br;q=0', 'br')).toBe(false);
    expect(acceptsEncoding('*', 'gzip')).toBe(true);
    expect(acceptsEncoding(undefined, 'br')).toBe(false);
    expect(acceptsEncoding('gzip;q=0.5', 'gzip')).toBe(true);
  });
});
