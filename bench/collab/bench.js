#!/usr/bin/env node
/**
 * `npm run bench:collab [-- --editors 50 --rate 5 --seconds 60 --log-rows 100000]`
 *
 * Co-editing benchmark (issue 5, Performance). In one run, on this machine:
 *  1. the built api as its own process (embedded PostgreSQL, demo data), N bench members with a session
 *     each, all editors of one blank document;
 *  2. a fleet process (fleet.js) with N editors typing `rate` updates per second each for `seconds`:
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
  const out = { editors: get('editors', 50), rate: get('rate', 5), seconds: get('seconds', 60), logRows: get('log-rows', 100_000), loads: get('loads', 20) };
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

function startFleet() {
  const child = fork(path.join(__dirname, 'fleet.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', (m) => m.type === 'log' && console.log(`  fleet: ${m.message}`));
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

function fleetRun(fleet, opts) {
  return new Promise((resolve, reject) => {
    const on = (m) => {
      if (m.type !== 'result') return;
      fleet.off('message', on);
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    };
    fleet.on('message', on);
    fleet.send({ type: 'run', ...opts });
  });
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
    ack_errors: r.ackErrors,
    ack: r.ack.length ? summarize(r.ack) : null,
    broadcast: summarize(r.broadcast),
    delivery: summarize(r.delivery),
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
  const fleet = await startFleet();
  let hocus;
  try {
    const { ids, cookies } = await seedMembers(db, opts.editors);
    const documentId = await seedDocument(db, ids, '压测：协同编辑');
    const workload = { rate: opts.rate, seconds: opts.seconds, cookies };

    const cpu0 = cpuMs(api.child.pid);
    const ours = await withPeakRss(api.child.pid, () => fleetRun(fleet, { system: 'ours', url: api.url, documentId, ...workload }));
    const oursSummary = summary(ours.result, cpuMs(api.child.pid) - cpu0, ours.peakRssKb);

    hocus = await startHocuspocus();
    const hcpu0 = cpuMs(hocus.child.pid);
    const peer = await withPeakRss(hocus.child.pid, () => fleetRun(fleet, { system: 'hocuspocus', url: hocus.url, documentId, ...workload }));
    const peerSummary = summary(peer.result, cpuMs(hocus.child.pid) - hcpu0, peer.peakRssKb);

    const load = await measureLoad({ api, db, memberIds: ids, cookie: cookies[0], rows: opts.logRows, loads: opts.loads, seedDocument });

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: require('node:os').cpus().length, node: process.version },
      editors: opts.editors,
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
    fleet.send({ type: 'exit' });
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
