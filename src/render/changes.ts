import type { Change } from '@aws-sdk/client-cloudformation';
import { plain } from './markdown';

export interface ChangeRow {
  action: 'Add' | 'Modify' | 'Remove' | string;
  logicalId: string;
  type: string;
  replacement: string;
  details: string;
}

export function changeRows(changes: Change[]): ChangeRow[] {
  return changes.filter((c) => c.ResourceChange).map((c) => {
    const r = c.ResourceChange!;
    const names = (r.Details ?? []).map((d) => d.Target?.Name ?? d.Target?.Attribute).filter(Boolean);
    return {
      action: r.Action ?? '?',
      logicalId: r.LogicalResourceId ?? '?',
      type: r.ResourceType ?? '?',
      replacement: r.Action === 'Modify' ? r.Replacement ?? 'False' : '',
      details: [...new Set(names)].join(', '),
    };
  });
}

const SYMBOL: Record<string, string> = { Add: '➕ Add', Modify: '✏️ Modify', Remove: '➖ Remove' };

/**
 * A change set as `cdk diff` shows one: what is added, modified (and which properties) or removed,
 * with replacements called out, because a replaced resource loses its data and its identity.
 * Every cell is escaped: the names come from CloudFormation's answer, not from the action.
 */
export function renderChangeTable(changes: Change[]): string {
  const rows = changeRows(changes);
  if (rows.length === 0) return '_No changes._';
  const lines = ['| Action | Resource | Type | Replacement | Properties |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const replacement = r.replacement === 'True' ? '⚠️ **replaced**' : r.replacement === 'Conditional' ? '⚠️ may be replaced' : '';
    lines.push(`| ${Object.hasOwn(SYMBOL, r.action) ? SYMBOL[r.action] : plain(r.action)} | ${plain(r.logicalId)} | ${plain(r.type)} | ${replacement} | ${plain(r.details)} |`);
  }
  return lines.join('\n');
}

/** One line per change, for the log. */
export function formatChangeLines(changes: Change[]): string[] {
  return changeRows(changes).map((r) => `${r.action.padEnd(6)} ${r.logicalId} (${r.type})${r.replacement === 'True' ? ' [replacement]' : ''}${r.details ? `: ${r.details}` : ''}`);
}
