/** Small helpers shared by the live bench processes. */
const { performance } = require('node:perf_hooks');

/** Epoch milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
const now = () => performance.timeOrigin + performance.now();

/** Nearest-rank percentile of a list of numbers. */
function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round = (n, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

function summarize(latencies) {
  return {
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.reduce((m, v) => (v > m ? v : m), -Infinity)),
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { now, percentile, round, summarize, sleep };
