import type { TeardownPlan } from '../plan/teardown';
import type { Outcomes } from '../plan/types';
import { describeParts } from '../inventory/environments';
import { code, plain } from './markdown';
import { removedBy } from './teardown';

/** The sweep's headline: how many environments were stale and what became of them. */
export function sweepHeadline(plan: TeardownPlan, outcomes: Outcomes, dryRun: boolean): string {
  const stale = plan.environments.filter((e) => e.verdict?.stale);
  const total = plan.environments.length;
  if (dryRun) return `${stale.length} of ${total} environment(s) stale (dry run, nothing removed)`;
  const removed = stale.filter((e) => e.stepIds.every((id) => ['done', 'kept'].includes(outcomes.get(id)?.status ?? ''))).length;
  return `removed ${removed} of ${stale.length} stale environment(s); ${total - stale.length} kept`;
}

/**
 * The sweep's table: every environment of the repository with its verdict and outcome. Names, parts and errors come
 * from AWS and Grafana (a PR's dashboard titles among them): escaped.
 */
export function renderSweepTable(plan: TeardownPlan, outcomes: Outcomes, dryRun: boolean): string {
  if (plan.environments.length === 0) return 'No environments of this repository were found.';
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  return [
    '| Environment | Verdict | Found | Removed | Result |', '| --- | --- | --- | --- | --- |',
    ...plan.environments.map((e) => {
      const steps = e.stepIds.map((id) => byId.get(id)!);
      const removed = steps.flatMap((s) => removedBy(s, outcomes));
      const failed = steps.filter((s) => outcomes.get(s.id)?.status === 'failed').map((s) => `${s.target}: ${outcomes.get(s.id)!.detail ?? 'failed'}`);
      const stale = e.verdict?.stale ?? false;
      const result = !stale ? 'kept' : dryRun ? 'would remove (dry run)' : failed.length ? `❌ ${plain(failed.join('; '))}` : '✅ removed';
      return `| ${code(e.environment.environment)} | ${stale ? 'stale' : 'kept'}: ${plain(e.verdict?.reason ?? '')} | ${plain(describeParts(e.environment).join('; '))} | ${plain(removed.join('; ') || '—')} | ${result} |`;
    }),
  ].join('\n');
}
