/**
 * Compiles the manifest into IAM policy statements (pure). Statements group the actions that share
 * resources and conditions, in a stable order, so the generated template and README only change
 * when the manifest does.
 */
import { Conditions, Grant, MANIFEST, Mode, resolveGrant } from './manifest';

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Conditions;
}

/** Who performs what CloudFormation does for the stack's resources. */
export type Delegation = 'caller' | 'service-role';

/** Calls CloudFormation makes with the caller's credentials carry it (IAM User Guide, aws:CalledVia). */
export const VIA_CLOUDFORMATION: Conditions = { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['cloudformation.amazonaws.com'] } };

export function grantsOf(modes: readonly Mode[]): Grant[] {
  return modes.flatMap((m) => MANIFEST[m]);
}

/**
 * The statements for `grants`. `via` picks the CloudFormation-performed grants ('cloudformation',
 * limited to calls through CloudFormation unless they are for the service role) or the direct ones.
 */
export function compileStatements(grants: Grant[], part: 'direct' | 'cloudformation', delegation: Delegation = 'caller'): PolicyStatement[] {
  const groups = new Map<string, { resources: string[]; conditions?: Conditions; actions: Set<string> }>();
  for (const grant of grants) {
    if (Boolean(grant.viaCloudFormation) !== (part === 'cloudformation')) continue;
    for (const { action, resources, conditions } of resolveGrant(grant)) {
      const condition = part === 'cloudformation' && delegation === 'caller' ? mergeConditions(conditions, VIA_CLOUDFORMATION) : conditions;
      const key = JSON.stringify([[...resources].sort(), sortConditions(condition)]);
      const group = groups.get(key) ?? { resources: [...resources].sort(), conditions: sortConditions(condition), actions: new Set<string>() };
      group.actions.add(action);
      groups.set(key, group);
    }
  }
  // Actions with the same conditions on several resource families share one statement.
  const merged = new Map<string, { resources: string[]; conditions?: Conditions; sorted: string[] }>();
  for (const g of groups.values()) {
    const sorted = [...g.actions].sort();
    const key = JSON.stringify([sorted, g.conditions]);
    const m = merged.get(key);
    if (m) m.resources = [...new Set([...m.resources, ...g.resources])].sort();
    else merged.set(key, { resources: g.resources, conditions: g.conditions, sorted });
  }
  const ordered = [...merged.values()]
    .sort((a, b) => a.sorted[0].localeCompare(b.sorted[0]) || a.resources.join().localeCompare(b.resources.join()));
  const used = new Map<string, number>();
  return ordered.map((g) => {
    const service = g.sorted[0].split(':')[0].replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
    const n = (used.get(service) ?? 0) + 1;
    used.set(service, n);
    return { Sid: `${service}${n}`, Effect: 'Allow' as const, Action: g.sorted, Resource: g.resources, ...(g.conditions ? { Condition: g.conditions } : {}) };
  });
}

function mergeConditions(a: Conditions | undefined, b: Conditions): Conditions {
  const out: Conditions = { ...(a ?? {}) };
  for (const [op, keys] of Object.entries(b)) out[op] = { ...(out[op] ?? {}), ...keys };
  return out;
}

function sortConditions(c: Conditions | undefined): Conditions | undefined {
  if (!c) return undefined;
  return Object.fromEntries(Object.keys(c).sort().map((op) => [op, Object.fromEntries(Object.keys(c[op]).sort().map((k) => [k, c[op][k]]))]));
}
