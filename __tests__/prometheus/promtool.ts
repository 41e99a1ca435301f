// A real Prometheus evaluates the dashboard's PromQL: `promtool test rules` (Debian's prometheus package, 2.42)
// loads `input_series` into its own storage, evaluates each `promql_expr_test` with the Prometheus query engine at
// `eval_time`, and compares the result with `exp_samples` exactly (labels and float value).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { InputSeries, seriesKey, STEP_SECONDS } from './collector-series';

const ROOT = join(__dirname, '../..');

/** promtool's path, installing Debian's prometheus package first if it is missing (scripts/install-prometheus.sh). */
export function promtool(): string {
  const r = spawnSync('bash', [join(ROOT, 'scripts/install-prometheus.sh')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/install-prometheus.sh failed (${r.status}):\n${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
}

export interface ExprCase {
  /** Shown when promtool reports a mismatch. */
  name: string;
  expr: string;
  samples: { labels: Record<string, string>; value: number }[];
}

export interface PromtoolGroup {
  name: string;
  series: InputSeries[];
  steps: number;
  cases: ExprCase[];
}

/** The promtool unit-test file for these groups: every case evaluated at the last scrape. */
export function promtoolTestFile(groups: PromtoolGroup[]): string {
  return stringify({
    evaluation_interval: `${STEP_SECONDS}s`,
    tests: groups.map((g) => ({
      name: g.name,
      interval: `${STEP_SECONDS}s`,
      input_series: g.series.map((s) => ({ series: seriesKey(s.labels), values: valuesNotation(s.values) })),
      promql_expr_test: g.cases.map((c) => ({
        expr: c.expr,
        eval_time: `${g.steps * STEP_SECONDS}s`,
        exp_samples: c.samples.map((s) => ({ labels: seriesKey({ __name__: '', ...s.labels }), value: s.value })),
      })),
    })),
  }, { lineWidth: 0 });
}

/** promtool's expanding notation: `a+bxn` for a linear run, else the values one by one. */
function valuesNotation(values: number[]): string {
  const d = values.length > 1 ? values[1] - values[0] : 0;
  if (values.every((v, i) => v === values[0] + d * i)) return `${values[0]}${d < 0 ? '' : '+'}${d}x${values.length - 1}`;
  return values.join(' ');
}

/**
 * Runs promtool on the groups; returns its exit status and everything it printed. The test file is kept (and
 * named in the output) only when promtool fails, to read the input it was given.
 */
export function runPromtool(path: string, groups: PromtoolGroup[]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-numbers-'));
  const file = join(dir, 'dashboard-numbers.test.yaml');
  writeFileSync(file, promtoolTestFile(groups));
  const r = spawnSync(path, ['test', 'rules', file], { encoding: 'utf8' });
  if (r.status === 0) rmSync(dir, { recursive: true, force: true });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}
