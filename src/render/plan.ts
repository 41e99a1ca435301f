import { order } from '../plan/graph';
import type { Outcome, Outcomes, Plan, ResourceKind, Step, StepAction } from '../plan/types';
import { plain } from './markdown';

const VERB: Record<StepAction, string> = {
  create: 'create', reuse: 'reuse', apply: 'apply', wait: 'wait for', check: 'check', import: 'import',
  delete: 'delete', keep: 'keep', notify: 'notify',
};

const MARK: Record<Outcome['status'], string> = { done: '✅', kept: '📌', failed: '❌', skipped: '⏭️', planned: '📝' };

/** One line per step for the log: "✅ delete stack preview-… (PR #3 closed): deleted in 41.2 s". */
export function stepLine(step: Step, outcome?: Outcome): string {
  const head = `${outcome ? `${MARK[outcome.status]} ` : ''}${VERB[step.action]} ${step.target}`;
  const why = step.reason ? ` (${step.reason})` : '';
  if (!outcome) return `${head}${why}`;
  const took = outcome.durationMs !== undefined && outcome.status !== 'kept' ? ` in ${(outcome.durationMs / 1000).toFixed(1)} s` : '';
  const detail = outcome.detail && outcome.detail !== step.reason ? `: ${outcome.detail}` : '';
  return `${head}${why}${detail ? `${detail}${took}` : took ? `: ${outcome.status}${took}` : ''}`;
}

/**
 * The plan as a markdown table, with each step's outcome once it has one (a dry run's are all "planned"). Targets,
 * reasons and details carry names from AWS and Grafana (a PR's dashboard titles among them): escaped.
 */
export function renderPlanTable(plan: Plan, outcomes?: Outcomes, opts: { environmentColumn?: boolean } = {}): string {
  const steps = order(plan);
  if (steps.length === 0) return 'Nothing to do.';
  const env = opts.environmentColumn ?? steps.some((s) => s.environment !== undefined);
  const header = env ? '| Environment | Step | Why | Outcome |\n| --- | --- | --- | --- |' : '| Step | Why | Outcome |\n| --- | --- | --- |';
  const rows = steps.map((s) => {
    const o = outcomes?.get(s.id);
    const cells = [
      ...(env ? [s.environment === undefined ? '—' : plain(s.environment)] : []),
      `${VERB[s.action]} ${plain(s.target)}`,
      plain(s.reason),
      o ? `${MARK[o.status]} ${o.status}${o.detail && o.detail !== s.reason ? `: ${plain(o.detail)}` : ''}` : '—',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}

/** A step and its outcome as outputs carry them: JSON a later step can parse, never prose. */
export interface StepRecord {
  environment?: string;
  kind: ResourceKind;
  action: StepAction;
  id?: string;
  target: string;
  reason: string;
  status: Outcome['status'] | 'not run';
  detail?: string;
}

export function stepRecords(plan: Plan, outcomes: Outcomes | undefined, keep: (step: Step) => boolean = () => true): StepRecord[] {
  return order(plan).filter(keep).map((s) => {
    const o = outcomes?.get(s.id);
    return {
      ...(s.environment !== undefined ? { environment: s.environment } : {}),
      kind: s.kind, action: s.action,
      ...(s.resourceId !== undefined ? { id: s.resourceId } : {}),
      target: s.target, reason: s.reason, status: o?.status ?? 'not run',
      ...(o?.detail !== undefined && o.detail !== s.reason ? { detail: o.detail } : {}),
    };
  });
}
