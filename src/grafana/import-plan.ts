import type { DashboardFile, DashboardInput } from './dashboard-files';
import { bindDatasources, dropUntrusted, TrustReport } from './dashboard-trust';
import { DASHBOARD_TAG, dashboardTitle, dashboardUid, environmentTag, isActionTag, repositoryTag } from './naming';

export interface ImportTarget {
  repository: string;
  environment: string;
  folderUid: string;
  datasourceUid: string;
  /** The data source's name: a `datasource` template variable is pinned to it. */
  datasourceName: string;
  /** The data source's plugin id, which depends on the workspace's Grafana version. */
  pluginId: string;
  /** The workspace's URL: links elsewhere are dropped. */
  workspaceUrl: string;
}

export interface ImportRequest {
  dashboard: Record<string, unknown>;
  overwrite: boolean;
  folderUid: string;
  inputs: { name: string; type: string; pluginId?: string; value: string }[];
}

/**
 * The body for POST /api/dashboards/import: the dashboard made this environment's (its own uid,
 * title and tags, so previews never overwrite each other), every data-source reference bound to
 * the environment's data source (a PR's dashboard must not query another environment's), what
 * could show another site's content dropped (src/grafana/dashboard-trust.ts), and every input bound.
 */
export function planImport(file: DashboardFile, target: ImportTarget): { request: ImportRequest } & TrustReport {
  const source = file.dashboard;
  const declared = (source.__inputs as DashboardInput[] | undefined) ?? [];
  const dashboard = structuredClone(source);
  const dropped = dropUntrusted(dashboard, target.workspaceUrl);
  const rebound = bindDatasources(dashboard, { uid: target.datasourceUid, name: target.datasourceName, pluginId: target.pluginId });
  const ownTags = Array.isArray(source.tags) ? (source.tags as unknown[]).filter((t): t is string => typeof t === 'string' && !isActionTag(t)) : [];
  Object.assign(dashboard, {
    id: null,
    uid: dashboardUid(target.repository, target.environment, file.key),
    title: dashboardTitle(String(source.title), target.environment),
    // The repository tag keeps two repositories' previews of one name apart in a shared workspace.
    tags: [...ownTags, DASHBOARD_TAG, environmentTag(target.environment), repositoryTag(target.repository)],
    // A Prometheus-typed input would not match the data source on Grafana 12, where AMP needs its own plugin.
    __inputs: declared.map((i) => (i.type === 'datasource' ? { ...i, pluginId: target.pluginId } : i)),
  });
  const request: ImportRequest = {
    dashboard,
    overwrite: true,
    folderUid: target.folderUid,
    // `${DS_…}` may still sit outside the data-source slots (a panel title, say): Grafana fills them from these.
    inputs: declared.map((i) => (i.type === 'datasource'
      ? { name: i.name, type: 'datasource', pluginId: target.pluginId, value: target.datasourceUid }
      : { name: i.name, type: i.type, value: i.value ?? '' })),
  };
  return { request, dropped, rebound };
}

export function buildImportRequest(file: DashboardFile, target: ImportTarget): ImportRequest {
  return planImport(file, target).request;
}
