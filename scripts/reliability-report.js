#!/usr/bin/env node
/**
 * `npm run report:reliability`: the README's Reliability table, written from what the suites recorded —
 * bench/results/faults.json (`npm run test:faults`) and bench/results/hostile.json (`npm test`). Prints the
 * table and replaces the block between the reliability markers in README.md (`--print` only prints).
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const BEGIN = '<!-- reliability:begin (npm run report:reliability) -->';
const END = '<!-- reliability:end -->';
const n = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : String(x));
/** "healthP99Ms" → "health p99", with the unit moved to the value: suites name figures for JSON, the README for people. */
function figure(key, value) {
  const ms = /Ms$/.test(key);
  const words = key
    .replace(/Ms$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\b(P\d+)\b/g, (p) => p.toLowerCase())
    .toLowerCase();
  return `${words} ${n(value)}${ms ? ' ms' : ''}`;
}
const plural = (count, word) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;

/** What each hostile-input suite tried and checked, in README words. */
const HOSTILE = {
  'hostile-rest': (s) => [
    `Fuzzed REST input on all ${s.routes} routes: bodies, params, queries, uploads (malformed JSON, oversized, wrong types, unknown fields, huge arrays, deep nesting, invalid UTF-8, lone surrogates, NUL, prototype keys)`,
    'a coded error or a valid change for each; stored rows unchanged after every refusal',
  ],
  'hostile-sockets': (s) => [
    `Fuzzed socket events of /live and /collab (${s.runsPerEvent} runs per event and input class), garbage Yjs updates`,
    'a coded error ack for each, the server alive, the session and document unchanged',
  ],
  'authorization-matrix': (s) => [
    `Authorization matrix: ${s.routes} routes × ${s.roles} roles, live commands × actors, resources of another meeting or department`,
    'every cell answered as its rule says; a route without a rule fails the test',
  ],
  'session-security': () => [
    'Session security: cookie flags behind TLS, CSRF binding, login lockout, forged proxy headers, passwords in logs, session fixation',
    'each property held',
  ],
};

function rows() {
  const out = [];
  const faults = fs.existsSync(path.join(root, 'bench/results/faults.json')) ? readJson('bench/results/faults.json') : { suites: {} };
  const ORDER = ['kill-9-mid-session', 'postgres-outage', 'instance-failover', 'redis-restart', 'reconnect-storm'];
  const rank = (k) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  for (const [key, s] of Object.entries(faults.suites).sort(([a], [b]) => rank(a) - rank(b))) {
    const checked = Object.entries(s.checked).map(([k, v]) => figure(k, v)).join(', ');
    const figures = Object.entries(s.metrics ?? {}).map(([k, v]) => figure(k, v)).join(', ');
    out.push([s.fault, plural(s.cycles, 'cycle'), checked, n(s.lost), n(s.duplicated), figures || '—', key]);
  }
  const hostile = readJson('bench/results/hostile.json');
  for (const [key, s] of Object.entries(hostile.suites)) {
    const cases = Object.values(s.cases).reduce((a, b) => a + b, 0);
    const [tried, checked] = (HOSTILE[key] ?? (() => [key, '']))(s);
    const failures = s.failures.length ? ` (${n(s.failures.length)} failed)` : '';
    out.push([tried, `${n(cases)} cases`, checked + failures, n(s.lost.length), '—', '—', key]);
  }
  return out;
}

function table() {
  const lines = ['| fault or input | tried | checked afterwards | lost | applied twice | figures |', '|---|---|---|---|---|---|'];
  for (const r of rows()) lines.push(`| ${r.slice(0, 6).join(' | ')} |`);
  return lines.join('\n');
}

const md = table();
console.log(md);
if (!process.argv.includes('--print')) {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
  fs.writeFileSync(readmePath, readme.slice(0, a + BEGIN.length) + '\n' + md + '\n' + readme.slice(b));
  console.log('README.md: Reliability table updated');
}
