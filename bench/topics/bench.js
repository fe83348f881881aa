#!/usr/bin/env node
/**
 * `npm run bench:topics [-- --topics 100000 --requests 200]`
 *
 * Topic board benchmark (issue 3, Performance): starts the built api as its own process (embedded
 * PostgreSQL, demo data), seeds --topics synthetic topics, then measures through HTTP, one request
 * at a time, as the office: the board list (newest first, random pages), filtered lists (state, year,
 * category, policy area, source, and a full-text search), and similar-topic suggestions (pg_trgm).
 * Prints a table and writes bench/results/topics.json. Target: p95 ≤ 50 ms.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, startApi } = require('../support/api-process');
const { Client } = require('pg');
const { round, summarize } = require('../live/stats');
const { seedTopics, SUBJECTS } = require('./seed');

const TARGET_P95_MS = 50;

function args() {
  const a = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 && a[i + 1] !== undefined ? Number(a[i + 1]) : dflt;
  };
  const out = { topics: get('topics', 100_000), requests: get('requests', 200) };
  for (const [k, v] of Object.entries(out)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
  return out;
}


async function login(url) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.local', password: 'xieshang-demo' }) });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Sequential GETs; the latency of each, after a short warm-up. */
async function measure(url, cookie, paths) {
  const get = async (p) => {
    const t0 = performance.now();
    const res = await fetch(url + p, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return performance.now() - t0;
  };
  for (const p of paths.slice(0, 10)) await get(p);
  const latencies = [];
  for (const p of paths) latencies.push(await get(p));
  return summarize(latencies);
}

async function main() {
  const opts = args();
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  console.log(`starting api, seeding ${opts.topics} topics…`);
  const api = await startApi({ name: 'bench-topics' });
  try {
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    const seedMs = await seedTopics(db, opts.topics, year);
    const [{ total }] = (await db.query('SELECT count(*)::int AS total FROM topics')).rows;
    const ids = (await db.query(`SELECT id FROM topics ORDER BY hashtext(id::text) LIMIT $1`, [opts.requests])).rows.map((r) => r.id);
    await db.end();
    console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s (${total} topics in the table)`);
    const cookie = await login(api.url);
    if (process.env.BENCH_KEEP) {
      // For EXPLAIN sessions: leave the api and its database running until interrupted.
      console.log(`api ${api.url}, database ${api.databaseUrl}, cookie ${cookie}; Ctrl-C to stop`);
      await new Promise(() => undefined);
    }

    const n = opts.requests;
    const rnd = (i, k) => (i * 7919 + k * 104729) % k;
    const listPaths = Array.from({ length: n }, (_, i) => `/api/topics?page=${1 + (i % 20)}&pageSize=50`);
    const filters = [
      (i) => `state=pooled&year=${year - (i % 3)}&category=supervision`,
      (i) => `policyArea=${['ecology', 'health', 'economy', 'livelihood'][i % 4]}&state=pooled,shortlisted`,
      (i) => `source=${['public_call', 'department', 'joint'][i % 3]}&year=${year}&sort=support`,
      (i) => `q=${encodeURIComponent(SUBJECTS[rnd(i, SUBJECTS.length)])}`,
      (i) => `q=${encodeURIComponent(SUBJECTS[rnd(i, SUBJECTS.length)].slice(0, 2))}&state=pooled`,
    ];
    const filterPaths = Array.from({ length: n }, (_, i) => `/api/topics?${filters[i % filters.length](i)}&pageSize=50`);
    const searchPaths = Array.from({ length: n }, (_, i) => `/api/topics?q=${encodeURIComponent(SUBJECTS[rnd(i, SUBJECTS.length)])}&pageSize=50`);
    const similarPaths = ids.map((id) => `/api/topics/${id}/similar?limit=5`);

    const results = {
      list: await measure(api.url, cookie, listPaths),
      filter: await measure(api.url, cookie, filterPaths),
      search: await measure(api.url, cookie, searchPaths),
      similar: await measure(api.url, cookie, similarPaths),
    };
    const out = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: round(os.totalmem() / 2 ** 30, 1), node: process.version },
      topics: total,
      requestsPerScenario: n,
      targetP95Ms: TARGET_P95_MS,
      seedSeconds: round(seedMs / 1000, 1),
      results,
    };
    console.log('\nscenario   p50 ms   p95 ms   p99 ms   max ms');
    for (const [k, v] of Object.entries(results)) {
      console.log(`${k.padEnd(9)} ${String(v.p50_ms).padStart(7)} ${String(v.p95_ms).padStart(8)} ${String(v.p99_ms).padStart(8)} ${String(v.max_ms).padStart(8)}${v.p95_ms > TARGET_P95_MS ? '   ✗ over target' : ''}`);
    }
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/topics.json'), JSON.stringify(out, null, 2) + '\n');
    console.log('\nwrote bench/results/topics.json');
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    fs.rmSync(api.dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
