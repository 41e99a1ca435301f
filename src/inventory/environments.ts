import type { GrafanaFootprint } from '../grafana/teardown';
import type { EnvironmentInventory, Inventory } from './types';

/**
 * The inventory grouped by environment: stacks, AMP workspaces and Grafana objects joined on the environment their
 * tags (or derived names) give. Partial environments count: a workspace whose stack is gone is still money.
 * Sorted by name, so every run lists them alike.
 */
export function environmentsOf(inv: Inventory): EnvironmentInventory[] {
  const envs = new Map<string, EnvironmentInventory>();
  const entry = (environment: string) => envs.get(environment) ?? envs.set(environment, { environment, ampWorkspaces: [] }).get(environment)!;
  const touch = (e: EnvironmentInventory, at?: Date) => {
    if (at && (!e.lastActivityAt || at > e.lastActivityAt)) e.lastActivityAt = at;
  };
  for (const s of inv.stacks) {
    const e = entry(s.environment);
    e.stack = s;
    e.prNumber ??= s.prNumber;
    touch(e, s.lastDeployedAt);
  }
  for (const w of inv.ampWorkspaces) {
    if (w.status === 'DELETING') continue;
    const e = entry(w.environment);
    e.prNumber ??= w.prNumber;
    e.ampWorkspaces.push(w);
    touch(e, w.createdAt);
  }
  for (const [environment, footprint] of inv.grafana?.byEnvironment ?? []) {
    if (isEmpty(footprint)) continue;
    entry(environment).grafana = footprint;
  }
  const list = [...envs.values()];
  if (inv.environment !== undefined && !envs.has(inv.environment)) list.push({ environment: inv.environment, ampWorkspaces: [] });
  return list.sort((a, b) => a.environment.localeCompare(b.environment));
}

/** The run's own environment (always present, possibly empty). */
export function environmentOf(inv: Inventory, environment: string): EnvironmentInventory {
  return environmentsOf({ ...inv, environment }).find((e) => e.environment === environment)!;
}

/** What exists of an environment, as a person lists it ("stack preview-… (CREATE_COMPLETE)", "AMP workspace ws-…"). */
export function describeParts(e: EnvironmentInventory): string[] {
  const parts: string[] = [];
  if (e.stack) parts.push(`stack ${e.stack.name} (${e.stack.status})`);
  for (const w of e.ampWorkspaces) parts.push(`AMP workspace ${w.id}`);
  if (e.grafana) {
    const g = e.grafana;
    parts.push(`Grafana ${[g.folder ? 'folder' : '', g.dashboards.length ? `${g.dashboards.length} dashboard(s)` : '', g.datasource ? 'data source' : ''].filter(Boolean).join(', ')}`);
  }
  return parts;
}

function isEmpty(f: GrafanaFootprint): boolean {
  return !f.folder && !f.datasource && f.dashboards.length === 0;
}
