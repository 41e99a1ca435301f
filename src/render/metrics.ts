/**
 * The metrics verification as text: log lines and the report's section. Metric names and problems
 * come from what AMP answered and log lines from the collector, so all of it is escaped here.
 */
import type { Finding } from '../verify/collector-logs';
import type { PipelineVerdict } from '../verify/metrics';
import type { Verification } from '../verify/run';
import { code, fenced, plain } from './markdown';

const PIPELINES: { key: 'app' | 'ecs'; label: string }[] = [
  { key: 'app', label: "app (up and the app's series)" },
  { key: 'ecs', label: 'ECS task metrics (per-task labels)' },
];
const ICON: Record<PipelineVerdict['status'], string> = { ok: '✅', incomplete: '⚠️', down: '❌', missing: '❌' };

function age(p: PipelineVerdict): string {
  if (p.newestAgeSeconds === undefined) return 'none';
  return p.newestAgeSeconds < 120 ? `${p.newestAgeSeconds} s ago` : `${Math.round(p.newestAgeSeconds / 60)} min ago`;
}

/** One line per pipeline, then each problem and each collector finding with its fix and quoted line. */
export function metricsLogLines(v: Verification, logGroup: string): string[] {
  const lines = [`Metrics: ${v.verdict.live}`];
  for (const { key, label } of PIPELINES) {
    const p = v.verdict[key];
    lines.push(`  ${label}: ${p.status}, ${p.series} series, ${p.tasks} task(s), newest sample ${age(p)}`);
    for (const problem of p.problems) lines.push(`    - ${problem}`);
  }
  if (v.queryError) lines.push(`  Could not query AMP: ${v.queryError.message}`);
  if (v.collector?.unreadable) lines.push(`  Could not read the collector's log ${logGroup}: ${v.collector.unreadable}`);
  for (const f of v.collector?.findings ?? []) {
    lines.push(`  Collector log (${f.count} line(s)): ${f.meaning} Fix: ${f.fix}`, `    ${f.line}`);
  }
  if (v.collector && !v.collector.unreadable && v.collector.findings.length === 0) {
    lines.push(`  The collector's log ${logGroup} (${v.collector.lines} line(s) since the deploy began) explains nothing.`);
  }
  return lines;
}

export function renderMetricsSection(v: Verification, logGroup: string): string {
  const out = [`**${plain(v.verdict.live)}**`, '', '| Pipeline | Status | Series | Tasks | Newest sample |', '| --- | --- | --- | --- | --- |'];
  for (const { key, label } of PIPELINES) {
    const p = v.verdict[key];
    out.push(`| ${plain(label)} | ${ICON[p.status]} ${p.status} | ${p.series} | ${p.tasks} | ${age(p)} |`);
  }
  const problems = PIPELINES.flatMap(({ key }) => v.verdict[key].problems);
  if (v.queryError) problems.unshift(`could not query AMP: ${v.queryError.message}`);
  if (v.timedOut) problems.push(`still so after waiting ${Math.round(v.elapsedMs / 1000)} s (metrics-timeout-seconds).`);
  if (problems.length) out.push('', ...problems.map((p) => `- ${plain(p)}`));
  const findings: Finding[] = v.collector?.findings ?? [];
  if (findings.length) {
    out.push('', `The collector's log ${code(logGroup)} says why:`);
    for (const f of findings) out.push('', `- ${plain(f.meaning)} **Fix:** ${plain(f.fix)}${f.count > 1 ? ` (${f.count} lines)` : ''}`, '', fenced(f.line));
  } else if (v.collector?.unreadable) {
    out.push('', `The collector's log ${code(logGroup)} could not be read: ${plain(v.collector.unreadable)}`);
  }
  return out.join('\n');
}
