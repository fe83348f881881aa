import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServer } from './server';

/** One shared server (embedded PostgreSQL, demo data) for the e2e files that need no special setup. */
export default async function globalSetup() {
  const server = await startServer();
  process.env.XS_E2E_URL = server.url;
  (globalThis as { __xsServer?: typeof server }).__xsServer = server;
  fs.mkdirSync(path.join(__dirname, '../../../test-results'), { recursive: true });
}
