import * as fs from 'node:fs';

export default async function globalTeardown() {
  const pg = (globalThis as { __xsTestPg?: { stop(): Promise<void>; dir: string } }).__xsTestPg;
  if (!pg) return;
  await pg.stop();
  fs.rmSync(pg.dir, { recursive: true, force: true });
}
