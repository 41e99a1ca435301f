import type { DashboardFile, DashboardInput } from './dashboard-files';
import { DASHBOARD_TAG, dashboardTitle, dashboardUid, environmentTag } from './naming';

export interface ImportTarget {
  repository: string;
  environment: string;
  folderUid: string;
  datasourceUid: string;
  /** The data source's plugin id, which depends on the workspace's Grafana version. */
  pluginId: string;
}

export interface ImportRequest {
  dashboard: Record<string, unknown>;
  overwrite: boolean;
  folderUid: string;
  inputs: { name: string; type: string; pluginId?: string; value: string }[];
}

/**
 * The body for POST /api/dashboards/import: the dashboard made this environment's (its own uid,
 * title and tags, so previews never overwrite each other) and every input bound. Panels keep their
 * `${DS_…}` references: Grafana resolves them from `inputs`, which is what the import API is for.
 */
export function buildImportRequest(file: DashboardFile, target: ImportTarget): ImportRequest {
  const source = file.dashboard;
  const declared = (source.__inputs as DashboardInput[] | undefined) ?? [];
  const datasourceInputs = new Set(declared.filter((i) => i.type === 'datasource').map((i) => i.name));
  // A Prometheus-typed reference would not match the data source on Grafana 12, where AMP needs its own plugin.
  const dashboard = retypeDatasourceRefs(structuredClone(source), datasourceInputs, target.pluginId) as Record<string, unknown>;
  const ownTags = Array.isArray(source.tags) ? (source.tags as unknown[]).filter((t): t is string => typeof t === 'string' && t !== DASHBOARD_TAG && !t.startsWith('preview:')) : [];
  Object.assign(dashboard, {
    id: null,
    uid: dashboardUid(target.repository, target.environment, file.key),
    title: dashboardTitle(String(source.title), target.environment),
    tags: [...ownTags, DASHBOARD_TAG, environmentTag(target.environment)],
    __inputs: declared.map((i) => (i.type === 'datasource' ? { ...i, pluginId: target.pluginId } : i)),
  });
  return {
    dashboard,
    overwrite: true,
    folderUid: target.folderUid,
    inputs: declared.map((i) => (i.type === 'datasource'
      ? { name: i.name, type: 'datasource', pluginId: target.pluginId, value: target.datasourceUid }
      : { name: i.name, type: i.type, value: i.value ?? '' })),
  };
}

function retypeDatasourceRefs(node: unknown, inputs: Set<string>, pluginId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => retypeDatasourceRefs(n, inputs, pluginId));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const ref = typeof obj.uid === 'string' ? /^\$\{(\w+)\}$/.exec(obj.uid) : null;
  if (ref && inputs.has(ref[1]) && 'type' in obj) obj.type = pluginId;
  for (const [k, v] of Object.entries(obj)) obj[k] = retypeDatasourceRefs(v, inputs, pluginId);
  return obj;
}
