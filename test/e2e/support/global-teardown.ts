import * as fs from 'node:fs';
import type { ServerHandle } from './server';

export default async function globalTeardown() {
  const server = (globalThis as { __xsServer?: ServerHandle }).__xsServer;
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
