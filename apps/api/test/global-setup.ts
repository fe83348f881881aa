import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** One throwaway embedded PostgreSQL cluster for the run; unless XS_TEST_DATABASE_URL points at a server. */
export default async function globalSetup() {
  if (process.env.XS_TEST_DATABASE_URL) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-test-pg-'));
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o777);
  const server = await startEmbeddedPostgres(path.join(dir, 'data'), await freePort());
  process.env.XS_TEST_DATABASE_URL = server.url;
  (globalThis as { __xsTestPg?: { stop(): Promise<void>; dir: string } }).__xsTestPg = { stop: server.stop, dir };
}
