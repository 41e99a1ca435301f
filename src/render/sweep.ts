import type { EnvironmentRecord, Verdict } from '../teardown/staleness';
import { code, plain } from './markdown';

/** One environment the sweep looked at: what was found, the verdict, and what removing it did. */
export interface SweepRow {
  record: EnvironmentRecord;
  verdict: Verdict;
  outcome?: { removed: string[]; error?: string };
}

/** The sweep's headline: how many environments were stale and what became of them. */
export function sweepHeadline(rows: SweepRow[], dryRun: boolean): string {
  const stale = rows.filter((r) => r.verdict.stale).length;
  const removed = rows.filter((r) => r.outcome && !r.outcome.error).length;
  return dryRun ? `${stale} of ${rows.length} environment(s) stale (dry run, nothing removed)` : `removed ${removed} of ${stale} stale environment(s); ${rows.length - stale} kept`;
}

/**
 * The sweep's table: every environment of the repository with its verdict and outcome. Names, parts and errors come
 * from AWS and Grafana (a PR's dashboard titles among them): escaped.
 */
export function renderSweepTable(rows: SweepRow[], dryRun: boolean): string {
  if (rows.length === 0) return 'No environments of this repository were found.';
  return [
    '| Environment | Verdict | Found | Removed | Result |', '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${code(r.record.environment)} | ${r.verdict.stale ? 'stale' : 'kept'}: ${plain(r.verdict.reason)} | ${plain(r.record.parts.join('; '))} | ${plain(r.outcome?.removed.join('; ') || '—')} | ${resultCell(r, dryRun)} |`),
  ].join('\n');
}

function resultCell(r: SweepRow, dryRun: boolean): string {
  if (!r.verdict.stale) return 'kept';
  if (dryRun) return 'would remove (dry run)';
  return r.outcome?.error ? `❌ ${plain(r.outcome.error)}` : '✅ removed';
}
