import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * bench/results/hostile.json: what the hostile-input and authorization suites exercised (for the README's
 * Reliability table). Each suite writes its own section; suites run in parallel workers, so the merge
 * holds a lock file for the read-modify-write.
 */

const ROOT = path.resolve(__dirname, '../../../..');
export const HOSTILE_REPORT = path.join(ROOT, 'bench/results/hostile.json');

export interface SuiteSection {
  /** what was tried, by class: how many cases */
  cases: Record<string, number>;
  /** what was lost or half-stored (the target is nothing) */
  lost: string[];
  /** server errors (5xx), crashes or hangs seen (the target is none) */
  failures: string[];
  [extra: string]: unknown;
}

/** A per-class counter the suites fill while they run. */
export class CaseCounter {
  readonly cases: Record<string, number> = {};
  add(cls: string, n = 1): void {
    this.cases[cls] = (this.cases[cls] ?? 0) + n;
  }
  get total(): number {
    return Object.values(this.cases).reduce((a, b) => a + b, 0);
  }
}

export async function writeHostileSection(suite: string, section: SuiteSection): Promise<void> {
  fs.mkdirSync(path.dirname(HOSTILE_REPORT), { recursive: true });
  const lock = HOSTILE_REPORT + '.lock';
  for (let i = 0; ; i++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      // a lock older than 10 s belongs to a worker that died
      const stale = fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > 10_000;
      if (stale || i > 200) fs.rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    let report: { generatedBy: string; suites: Record<string, unknown>; summary?: unknown } = { generatedBy: 'npm test (apps/api/test/hostile-*.int-spec.ts, authorization-matrix.int-spec.ts)', suites: {} };
    if (fs.existsSync(HOSTILE_REPORT)) {
      try {
        report = { ...report, ...JSON.parse(fs.readFileSync(HOSTILE_REPORT, 'utf8')) };
      } catch {
        // a broken file is rewritten
      }
    }
    report.suites[suite] = { ...section, at: new Date().toISOString() };
    // the README's Reliability table: per suite, how many cases, what was lost, what failed
    const suites = report.suites as Record<string, SuiteSection>;
    report.summary = Object.fromEntries(
      Object.entries(suites).map(([name, s]) => [name, { cases: Object.values(s.cases).reduce((a, b) => a + b, 0), lost: s.lost.length, failures: s.failures.length }]),
    );
    fs.writeFileSync(HOSTILE_REPORT, JSON.stringify(report, null, 2) + '\n');
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
