#!/usr/bin/env node
/**
 * `npm run bench:collab [-- --editors 50 --rate 5 --seconds 60 --log-rows 100000]`
 *
 * Co-editing benchmark (issue 5, Performance). In one run, on this machine:
 *  1. the built api as its own process (embedded PostgreSQL, demo data), N bench members with a session
 *     each, all editors of one blank document;
 *  2. fleet processes (fleet.js, `--fleets`, 2 by default) holding the N editors, each typing `rate`
 *     updates per second for `seconds`:
 *     ack latency (send → durable ack), broadcast latency (send → every other editor has it), the api's
 *     CPU time and peak RSS;
 *  3. the same workload against a stock Hocuspocus server (in memory, not durable) in its own process;
 *  4. the load time of a document whose log holds `log-rows` updates, before and after compaction.
 * Prints a table and writes bench/results/collab.json.
 */
const { fork, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { ROOT, freePort, startApi } = require('../support/api-process');
const { round, summarize } = require('../live/stats');
const { seedMembers } = require('../live/seed');
const { measureLoad } = require('./load');
const { cpuMs, rssKb, stop } = require('../support/process-stats');

function args() {
  const a = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 && a[i + 1] !== undefined ? Number(a[i + 1]) : dflt;
  };
  const out = { editors: get('editors', 50), rate: get('rate', 5), seconds: get('seconds', 60), logRows: get('log-rows', 100_000), loads: get('loads', 20), fleets: get('fleets', 2) };
  for (const [k, v] of Object.entries(out)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
  return out;
}

/** Peak resident memory of a process while `work` runs, sampled every 250 ms. */
async function withPeakRss(pid, work) {
  let peak = rssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 250);
  try {
    return { result: await work(), peakRssKb: peak };
  } finally {
    clearInterval(timer);
  }
}

/** Editor processes; each holds a share of the editors (the client side must not be the bottleneck). */
class Fleets {
  constructor(count) {
    this.procs = Array.from({ length: count }, () => fork(path.join(__dirname, 'fleet.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    for (const p of this.procs) p.on('message', (m) => m.type === 'error' && console.error(`  fleet: ${m.error}`));
    this.ready = Promise.all(this.procs.map((p) => this.next(p, 'ready')));
  }

  next(p, type) {
    return new Promise((resolve, reject) => {
      const on = (m) => {
        if (m.type !== type && m.type !== 'error') return;
        p.off('message', on);
        if (m.type === 'error') reject(new Error(m.error));
        else resolve(m);
      };
      p.on('message', on);
    });
  }

  async all(type, message) {
    const answers = this.procs.map((p) => this.next(p, type));
    this.procs.forEach((p, i) => p.send(typeof message === 'function' ? message(i) : message));
    return Promise.all(answers);
  }

  /** Connect, type for `seconds`, let the last updates land, and merge what every fleet saw. */
  async run({ system, url, documentId, cookies, rate, seconds }) {
    await this.ready;
    const total = cookies.length;
    const share = Math.ceil(total / this.procs.length);
    await this.all('connected', (i) => ({ type: 'connect', system, url, documentId, total, first: i * share, cookies: cookies.slice(i * share, (i + 1) * share) }));
    console.log(`  ${system}: ${total} editors synced`);
    const typed = await this.all('typed', { type: 'type', rate, until: Date.now() + seconds * 1000 });
    await new Promise((r) => setTimeout(r, 3000));
    const reports = await this.all('report', { type: 'report' });
    return merge(total, typed, reports);
  }

  exit() {
    for (const p of this.procs) if (p.connected) p.send({ type: 'exit' });
  }
}

/** Per update: sent by its owner, reached by every other editor (over all fleets) at the latest arrival. */
function merge(total, typed, reports) {
  const sentAt = [];
  for (const r of reports) r.sentAt.forEach((times, k) => (sentAt[r.first + k] = times));
  const broadcast = [];
  let sent = 0;
  let notEverywhere = 0;
  let missing = 0;
  for (let j = 0; j < total; j++) {
    const times = sentAt[j] ?? [];
    sent += times.length;
    times.forEach((t, seq) => {
      let count = 0;
      let last = 0;
      for (const r of reports) {
        const a = r.arrivals[j][seq];
        if (!a) continue;
        count += a[0];
        last = Math.max(last, a[1]);
      }
      if (count === total - 1) broadcast.push(last - t);
      else notEverywhere++;
    });
    for (const r of reports) missing += r.receivers[j] * times.length - r.lengthSums[j];
  }
  return { sent, missing, notEverywhere, ack: typed.flatMap((t) => t.ack), ackErrors: typed.reduce((n, t) => n + t.ackErrors, 0), broadcast };
}

async function startHocuspocus() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'hocuspocus-server.js'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => /listening/.test(String(d)) && resolve());
    child.once('exit', (code) => reject(new Error(`hocuspocus exited ${code}`)));
  });
  return { child, url: `ws://127.0.0.1:${port}` };
}

/** One blank document with every bench member as an editor. */
async function seedDocument(db, memberIds, title) {
  const [doc] = (await db.query(`INSERT INTO documents (kind, title) VALUES ('blank', $1) RETURNING id`, [title])).rows;
  await db.query(`INSERT INTO document_members (document_id, user_id, role) SELECT $1, u, 'editor' FROM unnest($2::uuid[]) AS u`, [doc.id, memberIds]);
  return doc.id;
}

function summary(r, cpu, peakRssKb) {
  return {
    sent: r.sent,
    missing: r.missing,
    not_everywhere: r.notEverywhere,
    ack_errors: r.ackErrors,
    ack: r.ack.length ? summarize(r.ack) : null,
    broadcast: summarize(r.broadcast),
    server_cpu_ms: round(cpu, 0),
    server_peak_rss_mb: round(peakRssKb / 1024, 1),
  };
}

async function main() {
  const opts = args();
  console.log(`bench:collab — ${opts.editors} editors × ${opts.rate} updates/s for ${opts.seconds} s; load of ${opts.logRows} logged updates`);
  const api = await startApi({ name: 'bench-collab' });
  const db = new Client({ connectionString: api.databaseUrl });
  await db.connect();
  const fleets = new Fleets(opts.fleets);
  let hocus;
  try {
    const { ids, cookies } = await seedMembers(db, opts.editors);
    const documentId = await seedDocument(db, ids, '压测：协同编辑');
    const workload = { rate: opts.rate, seconds: opts.seconds, cookies };

    const cpu0 = cpuMs(api.child.pid);
    const ours = await withPeakRss(api.child.pid, () => fleets.run({ system: 'ours', url: api.url, documentId, ...workload }));
    const oursSummary = summary(ours.result, cpuMs(api.child.pid) - cpu0, ours.peakRssKb);

    hocus = await startHocuspocus();
    const hcpu0 = cpuMs(hocus.child.pid);
    const peer = await withPeakRss(hocus.child.pid, () => fleets.run({ system: 'hocuspocus', url: hocus.url, documentId, ...workload }));
    const peerSummary = summary(peer.result, cpuMs(hocus.child.pid) - hcpu0, peer.peakRssKb);

    const load = await measureLoad({ api, db, memberIds: ids, cookie: cookies[0], rows: opts.logRows, loads: opts.loads, seedDocument });

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: require('node:os').cpus().length, node: process.version },
      editors: opts.editors,
      fleets: opts.fleets,
      rate_per_editor: opts.rate,
      seconds: opts.seconds,
      ack_p50_ms: oursSummary.ack?.p50_ms ?? null,
      ack_p99_ms: oursSummary.ack?.p99_ms ?? null,
      broadcast_p50_ms: oursSummary.broadcast.p50_ms,
      broadcast_p99_ms: oursSummary.broadcast.p99_ms,
      peer_broadcast_p50_ms: peerSummary.broadcast.p50_ms,
      peer_broadcast_p99_ms: peerSummary.broadcast.p99_ms,
      load_before_compaction_p99_ms: load.before.p99_ms,
      load_p99_ms: load.after.p99_ms,
      ours: oursSummary,
      hocuspocus: peerSummary,
      load,
    };
    printTable(result);
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/collab.json'), JSON.stringify(result, null, 2) + '\n');
    console.log('written bench/results/collab.json');
  } finally {
    fleets.exit();
    await db.end().catch(() => undefined);
    await stop(hocus?.child);
    await stop(api.child);
    fs.rmSync(api.dataDir, { recursive: true, force: true });
  }
}

function printTable(r) {
  const row = (label, ours, peer) => console.log(`${label.padEnd(34)}${String(ours ?? '—').padStart(14)}${String(peer ?? '—').padStart(14)}`);
  console.log(`\n${''.padEnd(34)}${'Xieshang'.padStart(14)}${'Hocuspocus'.padStart(14)}`);
  row('durable before ack', 'yes', 'no ack');
  row('updates sent', r.ours.sent, r.hocuspocus.sent);
  row('updates missing at the end', r.ours.missing, r.hocuspocus.missing);
  row('updates not at every editor', r.ours.not_everywhere, r.hocuspocus.not_everywhere);
  row('ack p50 / p99 (ms)', `${r.ack_p50_ms} / ${r.ack_p99_ms}`, '—');
  row('broadcast p50 / p99 (ms)', `${r.broadcast_p50_ms} / ${r.broadcast_p99_ms}`, `${r.peer_broadcast_p50_ms} / ${r.peer_broadcast_p99_ms}`);
  row('server CPU (ms)', r.ours.server_cpu_ms, r.hocuspocus.server_cpu_ms);
  row('server peak RSS (MB)', r.ours.server_peak_rss_mb, r.hocuspocus.server_peak_rss_mb);
  row(`load p50 / p99, ${r.load.rows} rows (ms)`, `${r.load.before.p50_ms} / ${r.load.before.p99_ms}`, '');
  row('load p50 / p99, compacted (ms)', `${r.load.after.p50_ms} / ${r.load.after.p99_ms}`, '');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
