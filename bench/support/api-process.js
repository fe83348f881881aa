/**
 * The built api as its own process for the benchmarks: embedded PostgreSQL in a temp folder, free
 * ports, demo data, production mode, no Redis. Resolves once /api/health answers.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** `nodeArgs`: extra node flags (e.g. --inspect for forcing GC); `name`: part of the temp folder's name. */
async function startApi({ nodeArgs = [], name = 'bench' } = {}) {
  if (!fs.existsSync(MAIN)) throw new Error(`No api build at ${MAIN}: run npm run build:api`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `xieshang-${name}-`));
  // embedded PostgreSQL runs as a separate user when we are root
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o777);
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: 'production', SEED_DEMO: 'auto', REDIS_URL: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) throw new Error(`api did not start:\n${log}`);
    await sleep(200);
  }
  return { child, url, dataDir, databaseUrl: `postgres://xieshang:xieshang@127.0.0.1:${pgPort}/xieshang`, log: () => log };
}

module.exports = { ROOT, MAIN, freePort, startApi };
