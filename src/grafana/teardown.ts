import { GrafanaApiError, GrafanaClient } from './client';
import { DASHBOARD_TAG, datasourceName, environmentFromTags, folderTitle, folderUid } from './naming';

interface SearchHit {
  uid: string;
  title: string;
  tags?: string[];
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

const DATASOURCE_PREFIX = datasourceName('');
const FOLDER_PREFIX = folderTitle('');

/**
 * Every environment of `repository` that has something in the workspace: dashboards tagged by the
 * action, folders and data sources whose names and uids follow its conventions. Grafana objects have
 * no AWS tags, so a folder counts only when its uid is the one derived for this repository.
 */
export async function environmentsInGrafana(api: GrafanaClient, repository: string): Promise<Map<string, GrafanaFootprint>> {
  const [hits, folders, datasources] = await Promise.all([
    api.get<SearchHit[]>(`/api/search?type=dash-db&tag=${encodeURIComponent(DASHBOARD_TAG)}&limit=5000`),
    api.get<Folder[]>('/api/folders?limit=1000'),
    api.get<Datasource[]>('/api/datasources'),
  ]);
  const envs = new Map<string, GrafanaFootprint>();
  const entry = (env: string) => envs.get(env) ?? envs.set(env, { dashboards: [] }).get(env)!;
  for (const f of folders) {
    const env = f.title.startsWith(FOLDER_PREFIX) ? f.title.slice(FOLDER_PREFIX.length) : undefined;
    if (env && f.uid === folderUid(repository, env)) entry(env).folder = f;
  }
  for (const hit of hits) {
    const env = environmentFromTags(hit.tags);
    if (env) entry(env).dashboards.push(hit);
  }
  // A data source's name alone proves nothing (anyone can call one "AMP prod"): it only joins an
  // environment already known from its folder or dashboards.
  for (const ds of datasources) {
    const env = ds.name.startsWith(DATASOURCE_PREFIX) ? ds.name.slice(DATASOURCE_PREFIX.length) : undefined;
    if (env && envs.has(env)) entry(env).datasource = ds;
  }
  return envs;
}

/** Deletes the environment's dashboards, folder and data source; what is already gone is skipped. Returns what was deleted. */
export async function removeEnvironmentFromGrafana(api: GrafanaClient, repository: string, environment: string): Promise<string[]> {
  const removed: string[] = [];
  const hits = await api.get<SearchHit[]>(`/api/search?type=dash-db&tag=${encodeURIComponent(DASHBOARD_TAG)}&limit=5000`);
  const dashboards = hits.filter((h) => environmentFromTags(h.tags) === environment);
  await Promise.all(dashboards.map(async (d) => {
    if (await deleteIfPresent(api, `/api/dashboards/uid/${encodeURIComponent(d.uid)}`)) removed.push(`Grafana dashboard '${d.title}'`);
  }));
  // Looked up first, so destroying what is already gone makes no write at all.
  const folder = await api.find<Folder>(`/api/folders/${encodeURIComponent(folderUid(repository, environment))}`);
  if (folder && await deleteIfPresent(api, `/api/folders/${encodeURIComponent(folder.uid)}`)) removed.push(`Grafana folder '${folder.title}'`);
  const ds = await api.find<Datasource>(`/api/datasources/name/${encodeURIComponent(datasourceName(environment))}`);
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
