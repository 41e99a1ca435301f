import { GrafanaApiError, GrafanaClient } from './client';
import {
  DASHBOARD_TAG, datasourceUid, environmentFromDatasourceName, environmentFromFolderTitle, environmentFromTags, folderUid, isOwnDashboard,
} from './naming';

interface SearchHit {
  uid: string;
  title: string;
  tags?: string[];
  folderUid?: string;
}

interface Folder {
  uid: string;
  title: string;
}

interface Datasource {
  uid: string;
  name: string;
}

/** Per environment, what the action left in the workspace. */
export interface GrafanaFootprint {
  dashboards: SearchHit[];
  folder?: Folder;
  datasource?: Datasource;
}

/**
 * Grafana's search answers at most 5000 hits a page (a larger limit is 422), so a workspace with
 * more of the action's dashboards is read page by page.
 */
const SEARCH_PAGE = 5000;

async function actionDashboards(api: GrafanaClient): Promise<SearchHit[]> {
  const all: SearchHit[] = [];
  for (let page = 1; ; page++) {
    const hits = await api.get<SearchHit[]>(`/api/search?type=dash-db&tag=${encodeURIComponent(DASHBOARD_TAG)}&limit=${SEARCH_PAGE}&page=${page}`);
    all.push(...hits);
    if (hits.length < SEARCH_PAGE) return all;
  }
}

/**
 * Every environment of `repository` that has something in the workspace. Grafana objects have no
 * AWS tags, and a workspace may be shared by several repositories, so an object counts only when
 * it is provably this repository's: folders and data sources by the uid derived for the repository
 * and the environment their name gives, dashboards by their repository tag (src/grafana/naming.ts).
 * Another repository's `pr-1` is never found here, so a sweep never judges it.
 */
export async function environmentsInGrafana(api: GrafanaClient, repository: string): Promise<Map<string, GrafanaFootprint>> {
  const [hits, folders, datasources] = await Promise.all([
    actionDashboards(api),
    api.get<Folder[]>('/api/folders?limit=1000'),
    api.get<Datasource[]>('/api/datasources'),
  ]);
  const envs = new Map<string, GrafanaFootprint>();
  const entry = (env: string) => envs.get(env) ?? envs.set(env, { dashboards: [] }).get(env)!;
  for (const f of folders) {
    const env = environmentFromFolderTitle(f.title, repository);
    if (env && f.uid === folderUid(repository, env)) entry(env).folder = f;
  }
  for (const hit of hits) {
    const env = environmentFromTags(hit.tags);
    if (env && isOwnDashboard(hit, repository)) entry(env).dashboards.push(hit);
  }
  for (const ds of datasources) {
    const env = environmentFromDatasourceName(ds.name, repository);
    if (env && ds.uid === datasourceUid(repository, env)) entry(env).datasource = ds;
  }
  return envs;
}

/**
 * What other repositories sharing the workspace (grafana-workspace-id) have in it: the action's
 * dashboards that are not `repository`'s. A workspace with any is still in use, whoever created it.
 */
export async function otherRepositoriesInGrafana(api: GrafanaClient, repository: string): Promise<string[]> {
  const hits = await actionDashboards(api);
  return hits.filter((h) => !isOwnDashboard(h, repository)).map((h) => h.title);
}

/**
 * Deletes the environment's dashboards, folder and data source; what is already gone is skipped.
 * Only what is provably this repository's (see environmentsInGrafana): another repository's
 * objects of the same environment name stay. Returns what was deleted.
 */
export async function removeEnvironmentFromGrafana(api: GrafanaClient, repository: string, environment: string): Promise<string[]> {
  const removed: string[] = [];
  const hits = await actionDashboards(api);
  const dashboards = hits.filter((h) => environmentFromTags(h.tags) === environment && isOwnDashboard(h, repository));
  await Promise.all(dashboards.map(async (d) => {
    if (await deleteIfPresent(api, `/api/dashboards/uid/${encodeURIComponent(d.uid)}`)) removed.push(`Grafana dashboard '${d.title}'`);
  }));
  // Looked up first, so destroying what is already gone makes no write at all.
  const folder = await api.find<Folder>(`/api/folders/${encodeURIComponent(folderUid(repository, environment))}`);
  if (folder && await deleteIfPresent(api, `/api/folders/${encodeURIComponent(folder.uid)}`)) removed.push(`Grafana folder '${folder.title}'`);
  const ds = await api.find<Datasource>(`/api/datasources/uid/${encodeURIComponent(datasourceUid(repository, environment))}`);
  if (ds && await deleteIfPresent(api, `/api/datasources/uid/${encodeURIComponent(ds.uid)}`)) removed.push(`Grafana data source '${ds.name}'`);
  return removed;
}

async function deleteIfPresent(api: GrafanaClient, path: string): Promise<boolean> {
  try {
    await api.delete(path);
    return true;
  } catch (err) {
    if (err instanceof GrafanaApiError && err.status === 404) return false;
    throw err;
  }
}
