#!/usr/bin/env node
/**
 * `npm run bench:live -- --clients 2000 [--commands 200] [--fleets 2]`
 *
 * Live-session delivery benchmark (issue 8, Performance). Runs, on this machine:
 *  1. the built api as its own process (embedded PostgreSQL, demo data), plus N bench members with a
 *     session each and one meeting inviting them all;
 *     (Idle memory is read after a full GC, through the api's inspector, and also before it.)
 *  2. client fleet processes (bench/live/fleet.js) that connect and join N clients over /live;
 *  3. the host (this process) issuing `--commands` commands one after another; for each, the latency
 *     from sending it to the moment the last of the N clients has the new version;
 *  4. in the same run, alternating with those commands, the same measure against a bare socket.io
 *     server (baseline-server.js) broadcasting a payload of the same size to as many clients: the floor.
 * Prints a table and writes bench/results/live.json (and live-<clients>.json).
 *
 * Environment: BENCH_JOIN_MODE=room|remote joins every client the same way (default: half in the room,
 * half online, and online joiners are checked in); BENCH_API_NODE_ARGS / BENCH_BARE_NODE_ARGS pass node
 * flags to the api / bare server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, startApi } = require('../support/api-process');
const { cpuMs, rssKb, stop } = require('../support/process-stats');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const { io } = require('socket.io-client');
const WebSocket = require('ws');
const { now, round, summarize, sleep } = require('./stats');
const { seedMembers, seedMeeting } = require('./seed');


function args() {
  const a = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 && a[i + 1] !== undefined ? Number(a[i + 1]) : dflt;
  };
  const out = { clients: get('clients', 2000), commands: get('commands', 200), fleets: get('fleets', 2), concurrency: get('concurrency', 100) };
  for (const [k, v] of Object.entries(out)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
  return out;
}

/** Full garbage collection in the api through its inspector, so idle memory is not the join storm's garbage. */
async function collectGarbage(inspectorUrl) {
  if (!inspectorUrl) return;
  const ws = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let id = 0;
  const call = (method) =>
    new Promise((resolve) => {
      const mine = ++id;
      const on = (m) => {
        if (JSON.parse(String(m)).id !== mine) return;
        ws.off('message', on);
        resolve();
      };
      ws.on('message', on);
      ws.send(JSON.stringify({ id: mine, method }));
    });
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  ws.close();
  await sleep(500);
}

async function startLiveApi() {
  // the inspector (on a free port) lets the bench force a full GC before reading idle memory
  const nodeArgs = ['--inspect=127.0.0.1:0', ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const api = await startApi({ nodeArgs, name: 'bench' });
  return { ...api, inspector: /Debugger listening on (ws:\/\/\S+)/.exec(api.log())?.[1] };
}

function startBaseline() {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'baseline-server.js'), [], { execArgv: ['--expose-gc', ...(process.env.BENCH_BARE_NODE_ARGS ?? '').split(' ').filter(Boolean)], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    child.stdout.on('data', (d) => {
      const m = /ready (\d+)/.exec(String(d));
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited ${code}`)));
  });
}

/** The same full GC in the bare server (it runs with --expose-gc). */
function collectBaselineGarbage(child) {
  return new Promise((resolve) => {
    child.once('message', () => sleep(500).then(resolve));
    child.send('gc');
  });
}

/** The client fleets: forked processes, each holding a share of every group of clients. */
class Fleets {
  constructor(count) {
    this.delivered = new Map();
    this.waiters = new Map();
    this.procs = Array.from({ length: count }, () => fork(path.join(__dirname, 'fleet.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    for (const p of this.procs) {
      p.on('message', (m) => {
        if (m.type === 'delivered') this.onDelivered(`${m.group}:${m.v}`, m.t);
        else if (m.type === 'log') console.log(`  fleet: ${m.message}`);
      });
    }
  }

  ready() {
    return Promise.all(this.procs.map((p) => this.next(p, 'ready')));
  }

  next(p, type) {
    return new Promise((resolve) => {
      const on = (m) => {
        if (m.type !== type) return;
        p.off('message', on);
        resolve(m);
      };
      p.on('message', on);
    });
  }

  onDelivered(key, t) {
    const d = this.delivered.get(key) ?? { fleets: 0, last: 0 };
    d.fleets++;
    d.last = Math.max(d.last, t);
    this.delivered.set(key, d);
    if (d.fleets === this.procs.length) this.waiters.get(key)?.(d.last);
  }

  /** Resolves with the time the last client of the group, over every fleet, had version v. */
  whenDelivered(group, v, timeoutMs = 30_000) {
    const key = `${group}:${v}`;
    const d = this.delivered.get(key);
    if (d && d.fleets === this.procs.length) return Promise.resolve(d.last);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${key} not delivered to every client in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(key, (last) => {
        clearTimeout(t);
        this.waiters.delete(key);
        resolve(last);
      });
    });
  }

  /** Connect a group of clients (split between fleets); resolves when all have connected (and joined). */
  async connect(group, opts, cookies) {
    const share = Math.ceil(cookies.length / this.procs.length);
    const joined = this.procs.map((p) => this.next(p, 'joined'));
    this.procs.forEach((p, i) => p.send({ type: 'connect', group, ...opts, cookies: cookies.slice(i * share, (i + 1) * share) }));
    const results = await Promise.all(joined);
    return { t: Math.max(...results.map((r) => r.t)), joined: results.reduce((n, r) => n + r.joined, 0), failures: results.reduce((n, r) => n + r.failures, 0) };
  }

  async report(group, versions) {
    const reports = this.procs.map((p) => this.next(p, 'report'));
    this.procs.forEach((p) => p.send({ type: 'report', group, versions }));
    const r = await Promise.all(reports);
    return { missing: r.reduce((n, x) => n + x.missing.length, 0), gaps: r.reduce((n, x) => n + x.gaps, 0) };
  }

  async close() {
    const closed = this.procs.map((p) => this.next(p, 'closed'));
    this.procs.forEach((p) => p.send({ type: 'close' }));
    await Promise.all(closed);
  }

  exit() {
    for (const p of this.procs) if (p.connected) p.send({ type: 'exit' });
  }
}

function connectHost(url, cookie) {
  return new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** The host's commands: the timer controls a host uses most, always valid while the session is live. */
const CYCLE = [{ type: 'timer:start' }, { type: 'timer:pause' }, { type: 'timer:resume' }, { type: 'timer:extend', ms: 30_000 }, { type: 'timer:stop' }];

/**
 * Alternate one api command and one bare broadcast, each sent only after the previous one reached every
 * client: both measures see the same machine load. Latency = send → the last client has that version.
 */
async function measure(fleets, count, sendLive, sendBare) {
  const out = { live: [], liveAcks: [], liveVersions: [], bare: [], bareVersions: [] };
  const one = async (group, send, latencies, versions, acks) => {
    const t0 = now();
    const version = await send();
    acks?.push(now() - t0);
    latencies.push((await fleets.whenDelivered(group, version)) - t0);
    versions.push(version);
    await sleep(10);
  };
  for (let i = 0; i < count; i++) {
    await one('live', () => sendLive(i), out.live, out.liveVersions, out.liveAcks);
    await one('bare', () => sendBare(i), out.bare, out.bareVersions);
  }
  return out;
}

async function main() {
  const opt = args();
  console.log(`live bench: ${opt.clients} clients, ${opt.commands} commands, ${opt.fleets} fleet processes, ${os.cpus().length} cores`);
  const api = await startLiveApi();
  const fleets = new Fleets(opt.fleets);
  let baseline;
  const db = new Client({ connectionString: api.databaseUrl });
  try {
    await fleets.ready();
    await db.connect();
    const members = await seedMembers(db, opt.clients);
    const meetingId = await seedMeeting(db, members.ids);

    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'chair@demo.local', password: 'xieshang-demo' }) });
    const hostCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const host = await connectHost(`${api.url}/live`, hostCookie);
    const joinAck = await host.emitWithAck('live:join', { meetingId, mode: 'room' });
    if (!joinAck.data) throw new Error(`host join failed: ${JSON.stringify(joinAck.error)}`);
    const command = async (c) => {
      const ack = await host.timeout(30_000).emitWithAck('live:command', { meetingId, command: { ...c, clientCommandId: randomUUID() } });
      if (!ack.data) throw new Error(`${c.type} refused: ${JSON.stringify(ack.error)}`);
      return ack.data.version;
    };
    await command({ type: 'session:open' });
    await sleep(2_000);
    await collectGarbage(api.inspector);
    const rssBefore = rssKb(api.child.pid);

    // ---- join and idle memory: the api, then the bare server with as many clients ----
    console.log(`joining ${opt.clients} clients…`);
    const joinStart = now();
    const joinCpu0 = cpuMs(api.child.pid);
    const joined = await fleets.connect('live', { url: `${api.url}/live`, meetingId, concurrency: opt.concurrency }, members.cookies);
    const joinS = (joined.t - joinStart) / 1000;
    const joinApiCpuS = (cpuMs(api.child.pid) - joinCpu0) / 1000;
    if (joined.failures) console.log(`  ${joined.failures} clients failed to join`);
    await sleep(3_000); // presence settles; the clients are idle
    const rawRssPerClientKb = (rssKb(api.child.pid) - rssBefore) / joined.joined;
    await collectGarbage(api.inspector);
    const rssPerClientKb = (rssKb(api.child.pid) - rssBefore) / joined.joined;

    baseline = await startBaseline();
    await sleep(1_000);
    await collectBaselineGarbage(baseline.child);
    const baseRssBefore = rssKb(baseline.child.pid);
    await fleets.connect('bare', { url: baseline.url, concurrency: opt.concurrency }, Array(joined.joined).fill(''));
    await sleep(3_000);
    const rawBaseRssPerClientKb = (rssKb(baseline.child.pid) - baseRssBefore) / joined.joined;
    await collectBaselineGarbage(baseline.child);
    const baseRssPerClientKb = (rssKb(baseline.child.pid) - baseRssBefore) / joined.joined;
    const bhost = await connectHost(baseline.url);

    // ---- delivery: the api's commands and the bare broadcast, alternately ----
    let payloadBytes = 0;
    host.on('live:event', (p) => (payloadBytes = Math.max(payloadBytes, Buffer.byteLength(JSON.stringify(p)))));
    await command({ type: 'settings:update', firstTimeFirst: false }); // learn the event size
    await sleep(500);
    const envelope = { meetingId, event: { version: 0, pad: '' } };
    envelope.event.pad = 'x'.repeat(Math.max(0, payloadBytes - Buffer.byteLength(JSON.stringify(envelope))));
    console.log(`host sends ${opt.commands} commands, alternating with as many bare broadcasts…`);
    const cpu0 = { api: cpuMs(api.child.pid), bare: cpuMs(baseline.child.pid) };
    const m = await measure(
      fleets,
      opt.commands,
      (i) => command(CYCLE[i % CYCLE.length]),
      async (i) => (await bhost.timeout(30_000).emitWithAck('bcast', { ...envelope, event: { ...envelope.event, version: i + 1 } })).data.version,
    );
    const apiCpuMsPerCommand = (cpuMs(api.child.pid) - cpu0.api) / opt.commands;
    const baselineCpuMsPerCommand = (cpuMs(baseline.child.pid) - cpu0.bare) / opt.commands;
    const liveCheck = await fleets.report('live', m.liveVersions);
    const baseCheck = await fleets.report('bare', m.bareVersions);
    host.close();
    bhost.close();
    await fleets.close();
    const live = { latencies: m.live, acks: m.liveAcks };
    const base = { latencies: m.bare };

    const l = summarize(live.latencies);
    const b = summarize(base.latencies);
    const result = {
      clients: joined.joined,
      commands: opt.commands,
      fleets: opt.fleets,
      cores: os.cpus().length,
      ...l,
      baseline_p50_ms: b.p50_ms,
      baseline_p95_ms: b.p95_ms,
      baseline_p99_ms: b.p99_ms,
      baseline_max_ms: b.max_ms,
      p99_vs_baseline: round(l.p99_ms / b.p99_ms, 2),
      join_s: round(joinS, 2),
      join_failures: joined.failures,
      join_api_cpu_s: round(joinApiCpuS, 2),
      rss_per_client_kb: round(rssPerClientKb, 1),
      baseline_rss_per_client_kb: round(baseRssPerClientKb, 1),
      rss_per_client_before_gc_kb: round(rawRssPerClientKb, 1),
      baseline_rss_per_client_before_gc_kb: round(rawBaseRssPerClientKb, 1),
      ack_p50_ms: summarize(live.acks).p50_ms,
      ack_p99_ms: summarize(live.acks).p99_ms,
      payload_bytes: payloadBytes,
      api_cpu_ms_per_command: round(apiCpuMsPerCommand, 2),
      baseline_cpu_ms_per_command: round(baselineCpuMsPerCommand, 2),
      all_delivered: liveCheck.missing === 0 && baseCheck.missing === 0,
      missed_deliveries: liveCheck.missing,
      out_of_order_deliveries: liveCheck.gaps,
      at: new Date().toISOString(),
      node: process.version,
    };
    printTable(result);
    const dir = path.join(ROOT, 'bench/results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'live.json'), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, `live-${result.clients}.json`), JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote bench/results/live.json and live-${result.clients}.json`);
  } finally {
    fleets.exit();
    await db.end().catch(() => undefined);
    await stop(baseline?.child);
    await stop(api.child);
    fs.rmSync(api.dataDir, { recursive: true, force: true });
  }
}

function printTable(r) {
  const rows = [
    ['clients', r.clients],
    ['join time (all clients)', `${r.join_s} s (api CPU ${r.join_api_cpu_s} s)`],
    ['RSS per idle client, after GC (api / bare)', `${r.rss_per_client_kb} / ${r.baseline_rss_per_client_kb} KB`],
    ['  before GC (api / bare)', `${r.rss_per_client_before_gc_kb} / ${r.baseline_rss_per_client_before_gc_kb} KB`],
    ['host ack (committed) p50 / p99', `${r.ack_p50_ms} / ${r.ack_p99_ms} ms`],
    ['delivery p50 / p95 / p99 / max', `${r.p50_ms} / ${r.p95_ms} / ${r.p99_ms} / ${r.max_ms} ms`],
    ['bare socket.io p50 / p95 / p99 / max', `${r.baseline_p50_ms} / ${r.baseline_p95_ms} / ${r.baseline_p99_ms} / ${r.baseline_max_ms} ms`],
    ['p99 vs bare socket.io', `${r.p99_vs_baseline}×`],
    ['payload (live:event)', `${r.payload_bytes} B`],
    ['server CPU per command (api / bare)', `${r.api_cpu_ms_per_command} / ${r.baseline_cpu_ms_per_command} ms`],
    ['every command delivered to every client', r.all_delivered ? 'yes' : `NO (${r.missed_deliveries} missing)`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log('\n' + rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
