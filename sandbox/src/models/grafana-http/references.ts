/**
 * What a stored dashboard points at, for assertions: the data sources its panels and queries use,
 * and placeholders an import left unresolved.
 */
export function dashboardReferences(dashboard: Record<string, unknown>): { datasourceUids: string[]; unresolved: string[] } {
  const datasourceUids = new Set<string>();
  const placeholders = new Set<string>();
  const visit = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      for (const m of node.matchAll(/\$\{([^}]+)\}/g)) placeholders.add(m[1]);
      return;
    }
    if (Array.isArray(node)) return node.forEach((n) => visit(n));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (key === 'datasource' && typeof obj.uid === 'string' && !isBuiltIn(obj)) datasourceUids.add(obj.uid);
    for (const [k, v] of Object.entries(obj)) visit(v, k);
  };
  visit(dashboard);
  // ${var} of the dashboard's own template variables and Grafana's ${__…} globals are meant to stay.
  const variables = new Set(templateVariableNames(dashboard));
  const unresolved = [...placeholders].filter((p) => {
    const name = p.split(/[:.]/)[0];
    return !variables.has(name) && !name.startsWith('__');
  });
  return { datasourceUids: [...datasourceUids].sort(), unresolved: unresolved.map((p) => `\${${p}}`).sort() };
}

/** Grafana's pseudo data sources (annotations, mixed, dashboard): not something an import must bind. */
function isBuiltIn(ref: Record<string, unknown>): boolean {
  return ref.type === 'grafana' || ref.type === 'datasource' || String(ref.uid).startsWith('-- ');
}

function templateVariableNames(dashboard: Record<string, unknown>): string[] {
  const list = (dashboard.templating as { list?: unknown } | undefined)?.list;
  return Array.isArray(list) ? list.flatMap((v) => (typeof (v as { name?: unknown })?.name === 'string' ? [(v as { name: string }).name] : [])) : [];
}
