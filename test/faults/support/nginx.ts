import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../e2e/support/server';

/*
 * nginx in front of api instances, configured by OUR docker/nginx.conf: a temporary copy whose
 * `server apiN:3000` upstream lines point at the given instances, listening on a free port, with its pid,
 * logs and temp files in a temporary directory. Everything else (ip_hash, max_fails, websocket upgrade,
 * timeouts) is what production runs. One addition for the tests: an `X-Upstream` response header naming the
 * instance that answered, so a suite can tell which instance serves its clients.
 */

export const NGINX = '/usr/sbin/nginx';
const CONF = path.resolve(__dirname, '../../../docker/nginx.conf');

export interface NginxHandle {
  url: string;
  port: number;
  dir: string;
  /** error log so far */
  errors(): string;
  /** `host:port` of the instance that answers a request from this machine (ip_hash: all of ours go there) */
  upstreamOf(pathname?: string): Promise<string>;
  stop(): Promise<void>;
}

export function nginxConfig(source: string, opts: { upstreams: string[]; port: number; dir: string; mimeTypes: string | null; tempPaths: string[] }): string {
  let n = 0;
  let conf = source.replace(/^(\s*server\s+)api\d+:3000\b/gm, (_m, lead: string) => {
    const target = opts.upstreams[n++];
    if (!target) throw new Error(`docker/nginx.conf has more upstream servers than the ${opts.upstreams.length} instances given`);
    return `${lead}${target}`;
  });
  if (n !== opts.upstreams.length) throw new Error(`docker/nginx.conf has ${n} 'server apiN:3000' lines; ${opts.upstreams.length} instances given`);
  const replace = (re: RegExp, by: string, what: string) => {
    if (!re.test(conf)) throw new Error(`docker/nginx.conf: no ${what} line to rewrite`);
    conf = conf.replace(re, by);
  };
  replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${opts.port};`, 'listen');
  replace(/^(\s*)pid\s+[^;]+;/m, `$1pid ${opts.dir}/nginx.pid;`, 'pid');
  replace(/^(\s*)error_log\s+[^;]+;/m, `$1error_log ${opts.dir}/error.log warn;`, 'error_log');
  replace(/^(\s*)access_log\s+[^;]+;/m, `$1access_log ${opts.dir}/access.log;`, 'access_log');
  conf = opts.mimeTypes
    ? conf.replace(/include\s+\/etc\/nginx\/mime\.types;/, `include ${opts.mimeTypes};`)
    : conf.replace(/^\s*include\s+\/etc\/nginx\/mime\.types;\s*$/m, '');
  // temp paths inside the directory; the answering instance as a header (test-only addition)
  const extra = [...opts.tempPaths.map((d) => `${d} ${opts.dir}/${d.replace(/_temp_path$/, '')};`), 'add_header X-Upstream $upstream_addr always;'];
  replace(/^(\s*)http\s*\{/m, `$1http {\n  ${extra.join('\n  ')}`, 'http {');
  return conf;
}

/** Temp-path directives this nginx knows (Debian's light build may be compiled without some modules). */
function tempPathDirectives(): string[] {
  const configure = execFileSync(NGINX, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) + '';
  const built = (m: string) => !configure.includes(`--without-http_${m}_module`);
  return ['client_body_temp_path', 'proxy_temp_path', ...['fastcgi', 'uwsgi', 'scgi'].filter(built).map((m) => `${m}_temp_path`)];
}

export async function startNginx(upstreams: string[]): Promise<NginxHandle> {
  if (!fs.existsSync(NGINX)) {
    throw new Error(`nginx is not installed (${NGINX} missing): apt-get install -y nginx-light (.ci/run installs it). The failover suite runs our docker/nginx.conf in front of the api instances.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-nginx-'));
  // as root the workers run as nobody: they write temp files here
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const conf = nginxConfig(fs.readFileSync(CONF, 'utf8'), {
    upstreams,
    port,
    dir,
    mimeTypes: fs.existsSync('/etc/nginx/mime.types') ? '/etc/nginx/mime.types' : null,
    tempPaths: tempPathDirectives(),
  });
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);

  const child: ChildProcess = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const errors = () => out + (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${errors()}\n--- config ---\n${conf}`);
    try {
      if ((await fetch(`${url}/api/health`)).status < 502) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer in 10 s:\n${errors()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    dir,
    errors,
    upstreamOf: async (pathname = '/api/health') => {
      const res = await fetch(`${url}${pathname}`);
      await res.arrayBuffer();
      // after a failed try nginx lists every address it tried ("a, b"): the last one answered
      return (res.headers.get('x-upstream') ?? '').split(',').pop()!.trim();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        // fast shutdown: open websockets are closed rather than waited for
        child.kill('SIGTERM');
      }),
  };
}
