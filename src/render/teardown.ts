import type { Outcomes, Step } from '../plan/types';
import { plain } from './markdown';

/** What a teardown executor returns for a step that deleted something: the items, as a person names them. */
export interface Removal {
  removed: string[];
}

/** The items a step removed (none when its target was already gone, or it did not run). */
export function removedBy(step: Step, outcomes: Outcomes): string[] {
  const o = outcomes.get(step.id);
  if (o?.status !== 'done' || step.action !== 'delete') return [];
  return (o.value as Removal | undefined)?.removed ?? [];
}

/**
 * What destroy (or the sweep, for one environment) removed, kept, would remove and could not remove, as a markdown
 * list for the summary and the PR comment. Items name Grafana objects by title, which come from a PR's dashboards:
 * escaped.
 */
export function renderTeardown(steps: readonly Step[], outcomes: Outcomes): string {
  const lines = steps.flatMap((s) => {
    if (s.action === 'notify') return [];
    const o = outcomes.get(s.id);
    if (!o) return [];
    if (o.status === 'done') return removedBy(s, outcomes).map((r) => `- 🗑️ ${plain(r)}`);
    if (o.status === 'kept') return [`- 📌 kept: ${plain(s.target)} (${plain(o.detail ?? s.reason)})`];
    if (o.status === 'planned') return [`- 📝 would ${s.action} ${plain(s.target)} (${plain(s.reason)})`];
    if (o.status === 'failed') return [`- ❌ ${plain(s.target)}: ${plain(o.detail ?? 'failed')}`];
    return [`- ⏭️ ${plain(s.target)}: ${plain(o.detail ?? 'not run')}`];
  });
  return lines.length ? lines.join('\n') : '- nothing was left to remove';
}
