import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/*
 * Each fault suite records what it tried and what was lost into bench/results/faults.json (one row per
 * suite, merged by key), and the README's Reliability table is written from it (scripts/reliability-report.js).
 * A row is recorded only after the suite's checks passed, so the file never shows a run that failed.
 */

export const FAULTS_JSON = path.resolve(__dirname, '../../../bench/results/faults.json');

export interface FaultRow {
  /** what was done to the system, as the README table shows it */
  fault: string;
  /** how many times it was done (kill cycles, outages, storms) */
  cycles: number;
  /** what was checked after each, e.g. "acknowledged queue commands" */
  checked: Record<string, number>;
  /** acknowledged things missing afterwards: the target is 0 */
  lost: number;
  /** things applied twice: the target is 0 */
  duplicated: number;
  /** timings and counts worth publishing (recovery seconds, health p99 …) */
  metrics?: Record<string, number>;
  notes?: string;
}

interface FaultsFile {
  machine: { cpus: number; model: string; node: string };
  suites: Record<string, FaultRow & { recordedAt: string }>;
}

export function recordFault(key: string, row: FaultRow): void {
  let file: FaultsFile = { machine: machine(), suites: {} };
  try {
    file = JSON.parse(fs.readFileSync(FAULTS_JSON, 'utf8')) as FaultsFile;
  } catch {
    /* first run */
  }
  file.machine = machine();
  file.suites[key] = { ...row, recordedAt: new Date().toISOString() };
  fs.mkdirSync(path.dirname(FAULTS_JSON), { recursive: true });
  fs.writeFileSync(FAULTS_JSON, JSON.stringify(file, null, 2) + '\n');
  console.log(`[faults] ${key}: ${row.fault} × ${row.cycles}: lost ${row.lost}, duplicated ${row.duplicated} ${JSON.stringify({ ...row.checked, ...row.metrics })}`);
}

function machine(): FaultsFile['machine'] {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version };
}

/** p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
