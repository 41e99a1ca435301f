import { authenticate, forbidden, GrafanaRole, roleAllows, TokenVerdict } from './auth';
import { AwsView, GrafanaWorkspaceView, RequestContext } from './context';
import { deleteDashboard, getDashboard } from './dashboards';
import {
  createDataSource, dataSourceHealth, deleteDataSource, getDataSourceByName, getDataSourceByUid, listDataSources, queryData, updateDataSource,
} from './datasources';
import { createFolder, deleteFolder, getFolder, listFolders, updateFolder } from './folders';
import { apiHealth } from './api-health';
import { importDashboard } from './import';
import { dashboardPage, folderPage, notFoundPage } from './pages';
import { GrafanaReply, GrafanaRequest, message } from './reply';
import { search } from './search';

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. /api/datasources/uid/:uid — also the operation name in the request log. */
  template: string;
  /** undefined: no authentication (health, browser pages). */
  access?: { role: GrafanaRole; permission: string };
  handle(ctx: RequestContext): GrafanaReply;
}

// Roles follow Grafana's RBAC for basic roles: reading data sources (their URLs and settings) is
// fixed:datasources:reader, granted to Admin only; querying them (health) is for every role;
// folders and dashboards are written by Editors.
const viewer = (permission: string) => ({ role: 'VIEWER' as const, permission });
const editor = (permission: string) => ({ role: 'EDITOR' as const, permission });
const admin = (permission: string) => ({ role: 'ADMIN' as const, permission });

const ROUTES: Route[] = [
  { method: 'GET', template: '/api/health', handle: apiHealth },
  { method: 'GET', template: '/api/datasources', access: admin('datasources:read'), handle: listDataSources },
  { method: 'POST', template: '/api/datasources', access: admin('datasources:create'), handle: createDataSource },
  { method: 'GET', template: '/api/datasources/name/:name', access: admin('datasources:read'), handle: getDataSourceByName },
  { method: 'GET', template: '/api/datasources/uid/:uid', access: admin('datasources:read'), handle: getDataSourceByUid },
  { method: 'PUT', template: '/api/datasources/uid/:uid', access: admin('datasources:write'), handle: updateDataSource },
  { method: 'DELETE', template: '/api/datasources/uid/:uid', access: admin('datasources:delete'), handle: deleteDataSource },
  { method: 'GET', template: '/api/datasources/uid/:uid/health', access: viewer('datasources:query'), handle: dataSourceHealth },
  { method: 'POST', template: '/api/ds/query', access: viewer('datasources:query'), handle: queryData },
  { method: 'GET', template: '/api/folders', access: viewer('folders:read'), handle: listFolders },
  { method: 'POST', template: '/api/folders', access: editor('folders:create'), handle: createFolder },
  { method: 'GET', template: '/api/folders/:uid', access: viewer('folders:read'), handle: getFolder },
  { method: 'PUT', template: '/api/folders/:uid', access: editor('folders:write'), handle: updateFolder },
  { method: 'DELETE', template: '/api/folders/:uid', access: editor('folders:delete'), handle: deleteFolder },
  { method: 'POST', template: '/api/dashboards/import', access: editor('dashboards:create'), handle: importDashboard },
  { method: 'GET', template: '/api/dashboards/uid/:uid', access: viewer('dashboards:read'), handle: getDashboard },
  { method: 'DELETE', template: '/api/dashboards/uid/:uid', access: editor('dashboards:delete'), handle: deleteDashboard },
  { method: 'GET', template: '/api/search', access: viewer('dashboards:read'), handle: search },
  { method: 'GET', template: '/d/:uid', handle: dashboardPage },
  { method: 'GET', template: '/d/:uid/:slug', handle: dashboardPage },
  { method: 'GET', template: '/dashboards/f/:uid', handle: folderPage },
  { method: 'GET', template: '/dashboards/f/:uid/:slug', handle: folderPage },
];

const COMPILED = ROUTES.map((route) => ({
  route,
  names: [...route.template.matchAll(/:(\w+)/g)].map((m) => m[1]),
  pattern: new RegExp(`^${route.template.replace(/:(\w+)/g, '([^/]+)')}/?$`),
}));

/** The route a request matches, with its decoded path parameters. */
export function matchGrafanaRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, names, pattern } of COMPILED) {
    if (route.method !== method) continue;
    const m = pattern.exec(path);
    if (!m) continue;
    try {
      return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
    } catch {
      return undefined; // a malformed %-escape names nothing
    }
  }
  return undefined;
}

export interface GrafanaApiDeps {
  workspace: GrafanaWorkspaceView;
  aws: AwsView;
  verifyToken(token: string): TokenVerdict;
}

/** One request to a workspace's Grafana: route, authenticate, authorize, handle. */
export function handleGrafanaRequest(deps: GrafanaApiDeps, request: GrafanaRequest): GrafanaReply {
  const match = matchGrafanaRoute(request.method, request.path);
  if (!match) return request.path.startsWith('/api/') || request.path === '/api' ? message(404, 'Not found') : notFoundPage();
  const { route, params } = match;
  let role: GrafanaRole = 'VIEWER';
  if (route.access) {
    const auth = authenticate(request.authorization, deps.verifyToken);
    if ('status' in auth) return auth;
    if (!roleAllows(auth.role, route.access.role)) return forbidden(route.access.permission);
    role = auth.role;
  }
  return route.handle({ workspace: deps.workspace, aws: deps.aws, request, params, role });
}
