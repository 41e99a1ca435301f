import { RequestContext } from './context';
import { generateUid, slugify, uidProblem } from './identifiers';
import { BAD_REQUEST_DATA, GrafanaReply, json, jsonObject, message } from './reply';
import { Dashboard, Folder, GrafanaStore } from './store';
import { grafanaMajor } from './versions';

// POST /api/dashboards/import as pkg/services/dashboardimport does it: resolve the template's
// __inputs from the request's inputs, drop the export-only members, then save the dashboard with
// the dashboard service's checks (pkg/services/dashboards). Errors map through
// pkg/api/apierrors/dashboard.go (ToDashboardErrorResponse).

interface ImportInput {
  name?: string;
  type?: string;
  pluginId?: string;
  value?: string;
}

type Json = Record<string, unknown>;

export function importDashboard(ctx: RequestContext): GrafanaReply {
  const { store, grafanaVersion } = ctx.workspace;
  const modern = grafanaMajor(grafanaVersion) >= 12;
  const body = jsonObject(ctx.request.body);
  if (!body || !boundTypes(body)) return BAD_REQUEST_DATA;
  if (!body.pluginId && !body.dashboard) return message(422, 'Dashboard must be set');
  if (body.pluginId) return message(400, 'sandbox: importing plugin dashboards is not modelled');

  const resolved = resolveInputs(body.dashboard as Json, (body.inputs as ImportInput[] | undefined) ?? []);
  if ('missing' in resolved) {
    // Grafana has no mapping for this error: it falls through to the 500 fallback, which names it only from Grafana 12.
    const error = `Dashboard input variable: ${resolved.missing} missing from import command`;
    return message(500, modern ? `Dashboard API error: ${error}` : 'Failed to save dashboard');
  }
  const dashboard = resolved.dashboard;
  for (const key of ['__inputs', '__requires', '__elements']) delete dashboard[key];

  const folder = targetFolder(store, body.folderUid as string | undefined, body.folderId as number | undefined);
  if (folder === null) return message(400, 'folder not found');
  const saved = saveDashboard(store, dashboard, folder?.uid ?? '', body.overwrite === true, modern);
  if ('status' in saved) return saved;

  const slug = slugify(String(saved.json.title));
  const revision = Number.isInteger(saved.json.revision) ? saved.json.revision as number : 0;
  return json(200, {
    uid: saved.uid, pluginId: '', title: saved.json.title, imported: true, importedUri: `db/${slug}`, importedUrl: `/d/${saved.uid}/${slug}`,
    slug, dashboardId: saved.id, folderId: folder?.id ?? 0, folderUid: folder?.uid ?? '',
    importedRevision: revision, revision, description: '', path: '', removed: false,
  });
}

/** The request decodes into Grafana's ImportDashboardRequest only with members of these JSON types. */
function boundTypes(body: Json): boolean {
  const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || v === null || ok(v);
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isString = (v: unknown) => typeof v === 'string';
  const isInput = (v: unknown) => isObject(v) && ['name', 'type', 'pluginId', 'value'].every((k) => optional((v as Json)[k], isString));
  return optional(body.dashboard, isObject) && optional(body.inputs, (v) => Array.isArray(v) && v.every(isInput))
    && optional(body.overwrite, (v) => typeof v === 'boolean') && optional(body.folderUid, isString)
    && optional(body.folderId, Number.isInteger) && optional(body.pluginId, isString) && optional(body.path, isString);
}

/**
 * Every `__inputs` entry needs an input of the same type and name (or name "*"); then every
 * `${name}` in every string of the dashboard becomes the input's value. Unknown `${…}` stay as they are.
 */
function resolveInputs(template: Json, inputs: ImportInput[]): { dashboard: Json } | { missing: string } {
  const values = new Map<string, string>();
  const declared = Array.isArray(template.__inputs) ? template.__inputs as unknown[] : [];
  for (const entry of declared) {
    const def = (entry && typeof entry === 'object' ? entry : {}) as Json;
    const name = typeof def.name === 'string' ? def.name : '';
    const type = typeof def.type === 'string' ? def.type : '';
    // Server-side expressions are not a data source the user picks.
    const input = def.pluginId === '__expr__' ? { value: '__expr__' } : inputs.find((i) => i.type === type && (i.name === name || i.name === '*'));
    if (!input) return { missing: name };
    values.set(`\${${name}}`, input.value ?? '');
  }
  const substitute = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(/\$\{.+?\}/g, (m) => values.get(m) ?? m);
    if (Array.isArray(node)) return node.map(substitute);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substitute(v)]));
    return node;
  };
  return { dashboard: substitute(template) as Json };
}

/** The folder named by uid (else by id); undefined is the General folder, null a folder that does not exist. */
function targetFolder(store: GrafanaStore, folderUid: string | undefined, folderId: number | undefined): Folder | undefined | null {
  if (folderUid) return store.folders.get(folderUid) ?? null;
  if (folderId) return store.folderById(folderId) ?? null;
  return undefined;
}

/**
 * The dashboard service's save: title and uid checks, optimistic locking on `version` (overwrite
 * takes the stored version instead), and before Grafana 12 one title per folder, where overwrite
 * makes the import replace the other dashboard (its id and uid included).
 */
function saveDashboard(store: GrafanaStore, dashboard: Json, folderUid: string, overwrite: boolean, modern: boolean): Dashboard | GrafanaReply {
  const title = typeof dashboard.title === 'string' ? dashboard.title.trim() : '';
  if (!title) return modern ? json(400, { status: 'empty-name', message: 'Dashboard title cannot be empty' }) : message(400, 'Dashboard title cannot be empty');
  let uid = typeof dashboard.uid === 'string' ? dashboard.uid : '';
  const problem = uid ? uidProblem(uid) : undefined;
  if (problem) return message(400, problem);
  if (uid && store.folders.has(uid)) return message(400, 'Dashboard cannot be changed to a folder');

  const id = typeof dashboard.id === 'number' && dashboard.id > 0 ? dashboard.id : 0;
  const byId = id ? store.dashboardById(id) : undefined;
  if (id && !byId) return json(404, { status: 'not-found', message: 'Dashboard not found' });
  const byUid = uid ? store.dashboards.get(uid) : undefined;
  if (byId && byUid && byId.id !== byUid.id) return message(400, 'A dashboard with the same uid already exists');
  let existing = byId ?? byUid;
  let version = typeof dashboard.version === 'number' ? dashboard.version : 0;
  if (existing && version !== existing.version) {
    if (!overwrite) return json(412, { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' });
    version = existing.version;
  }
  if (!modern) {
    const slug = slugify(title);
    if ([...store.folders.values()].some((f) => slugify(f.title) === slug)) return message(400, 'Dashboard name cannot be the same as folder');
    const sameName = [...store.dashboards.values()].find((d) => d.folderUid === folderUid && d.id !== existing?.id && slugify(String(d.json.title)) === slug);
    if (sameName) {
      if (!overwrite) return json(412, { status: 'name-exists', message: 'A dashboard with the same name in the folder already exists' });
      existing = sameName;
      version = sameName.version;
      uid = sameName.uid;
    }
  }

  uid = uid || existing?.uid || generateUid();
  const now = new Date();
  const saved: Dashboard = {
    id: existing?.id ?? store.newDashboardId(), uid, folderUid, version: existing ? version + 1 : 1,
    created: existing?.created ?? now, updated: now, json: {},
  };
  saved.json = { ...dashboard, id: saved.id, uid, title, version: saved.version };
  if (existing) store.dashboards.delete(existing.uid);
  store.dashboards.set(uid, saved);
  return saved;
}
