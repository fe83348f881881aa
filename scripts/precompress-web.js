#!/usr/bin/env node
/**
 * After `vite build`: a Brotli (.br) and a gzip (.gz) copy beside every text asset of the web build, made once
 * at build time at the highest levels, so the api serves them without compressing per request (see
 * apps/api/src/common/precompressed-static.ts). A phone in a hall with weak Wi-Fi loads about a quarter of the bytes.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '../apps/web/dist'));
const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.test(entry.name)) yield full;
  }
}

let raw = 0;
let br = 0;
let count = 0;
for (const file of files(dist)) {
  const body = fs.readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  const brotli = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const gzip = zlib.gzipSync(body, { level: 9 });
  // only worth serving when it saves a tenth or more
  if (brotli.length < body.length * 0.9) fs.writeFileSync(`${file}.br`, brotli);
  if (gzip.length < body.length * 0.9) fs.writeFileSync(`${file}.gz`, gzip);
  raw += body.length;
  br += Math.min(brotli.length, body.length);
  count++;
}
console.log(`precompressed ${count} files in ${path.relative(process.cwd(), dist) || dist}: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB with Brotli`);
