import { checkDataSourceHealth, queryDataSource } from './health';
import { RequestContext } from './context';
import { generateUid, uidProblem } from './identifiers';
import { BAD_REQUEST_DATA, GrafanaReply, json, jsonObject, message } from './reply';
import { DataSource } from './store';
import { AMAZON_PROMETHEUS_PLUGIN, grafanaMajor, installedDataSourcePlugins } from './versions';

// Messages from pkg/api/datasources.go and pkg/services/datasources/errors.go unless marked.
const NOT_FOUND = message(404, 'Data source not found');
const NAME_EXISTS = 'data source with the same name already exists';
const UID_EXISTS = 'data source with the same uid already exists';

const PLUGIN_NAMES: Record<string, string> = {
  prometheus: 'Prometheus', cloudwatch: 'CloudWatch', loki: 'Loki', testdata: 'TestData',
  [AMAZON_PROMETHEUS_PLUGIN]: 'Amazon Managed Service for Prometheus',
};

export function listDataSources({ workspace }: RequestContext): GrafanaReply {
  const installed = installedDataSourcePlugins(workspace.grafanaVersion);
  const all = [...workspace.store.dataSources.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  return json(200, all.map((ds) => ({
    id: ds.id, uid: ds.uid, orgId: 1, name: ds.name, type: ds.type,
    typeName: installed.includes(ds.type) ? PLUGIN_NAMES[ds.type] : ds.type, typeLogoUrl: logoOf(ds.type, installed),
    access: ds.access, url: ds.url, user: ds.user, database: ds.database, basicAuth: ds.basicAuth, isDefault: ds.isDefault,
    jsonData: ds.jsonData, readOnly: false,
  })));
}

export function getDataSourceByName({ workspace, params }: RequestContext): GrafanaReply {
  const ds = workspace.store.dataSourceByName(params.name);
  return ds ? json(200, dto(ds, workspace.grafanaVersion)) : NOT_FOUND;
}

export function getDataSourceByUid({ workspace, params }: RequestContext): GrafanaReply {
  const ds = workspace.store.dataSources.get(params.uid);
  return ds ? json(200, dto(ds, workspace.grafanaVersion)) : NOT_FOUND;
}

export function createDataSource({ workspace, request }: RequestContext): GrafanaReply {
  const store = workspace.store;
  // Grafana 12 names a nameless data source after its type; earlier versions require a name.
  const cmd = parseCommand(request.body, grafanaMajor(workspace.grafanaVersion) < 12);
  if ('status' in cmd) return cmd;
  const name = cmd.name || availableName(cmd.type, [...store.dataSources.values()]);
  if (store.dataSourceByName(name)) return message(409, NAME_EXISTS);
  if (cmd.uid && uidProblem(cmd.uid)) return invalidUid();
  const uid = cmd.uid || generateUid();
  if (store.dataSources.has(uid)) return message(409, UID_EXISTS);
  const ds: DataSource = {
    ...fieldsOf(cmd), id: store.newDataSourceId(), uid, name, version: 1,
    secureJsonFields: secureFields({}, cmd.secureJsonData),
  };
  if (ds.isDefault) clearDefault(store.dataSources.values());
  store.dataSources.set(uid, ds);
  return json(200, { datasource: dto(ds, workspace.grafanaVersion), id: ds.id, message: 'Datasource added', name: ds.name });
}

/** PUT replaces the data source (fields not sent return to their defaults); secrets already set stay set. */
export function updateDataSource({ workspace, request, params }: RequestContext): GrafanaReply {
  const store = workspace.store;
  const cmd = parseCommand(request.body, grafanaMajor(workspace.grafanaVersion) < 12);
  if ('status' in cmd) return cmd;
  const ds = store.dataSources.get(params.uid);
  if (!ds) return NOT_FOUND;
  const name = cmd.name || ds.name;
  if (name !== ds.name && store.dataSourceByName(name)) return message(409, `Failed to update datasource: ${NAME_EXISTS}`);
  // A stale version loses; a missing one (0) forces the update, as provisioning files do.
  if (cmd.version && cmd.version < ds.version) return message(409, 'Datasource has already been updated by someone else. Please reload and try again');
  const uid = cmd.uid || ds.uid;
  if (uid !== ds.uid) {
    if (uidProblem(uid)) return invalidUid();
    // unconfirmed message: Grafana's update path does not map this error explicitly.
    if (store.dataSources.has(uid)) return message(409, `Failed to update datasource: ${UID_EXISTS}`);
  }
  const updated: DataSource = {
    ...fieldsOf(cmd), id: ds.id, uid, name, version: Math.max(ds.version, cmd.version ?? 0) + 1,
    secureJsonFields: secureFields(ds.secureJsonFields, cmd.secureJsonData),
  };
  if (updated.isDefault) clearDefault(store.dataSources.values());
  store.dataSources.delete(ds.uid);
  store.dataSources.set(uid, updated);
  return json(200, { datasource: dto(updated, workspace.grafanaVersion), id: updated.id, message: 'Datasource updated', name: updated.name });
}

export function deleteDataSource({ workspace, params }: RequestContext): GrafanaReply {
  const ds = workspace.store.dataSources.get(params.uid);
  if (!ds) return NOT_FOUND;
  workspace.store.dataSources.delete(ds.uid);
  return json(200, { message: 'Data source deleted', id: ds.id });
}

export function dataSourceHealth(ctx: RequestContext): GrafanaReply {
  const ds = ctx.workspace.store.dataSources.get(ctx.params.uid);
  // Grafana loads the data source through its cache and maps "not found" to nothing better than this 500.
  if (!ds) return message(500, 'Unable to load datasource metadata');
  return checkDataSourceHealth(ds, ctx.workspace, ctx.aws);
}

/**
 * POST /api/ds/query (pkg/api/ds_query.go): `queries` each name their data source by uid; the
 * sandbox runs the first query (the action sends one). No queries is 400 "No queries found"; an
 * unknown data source 404 (unconfirmed message).
 */
export function queryData(ctx: RequestContext): GrafanaReply {
  const body = jsonObject(ctx.request.body);
  if (!body || (body.queries !== undefined && !Array.isArray(body.queries))) return BAD_REQUEST_DATA;
  const queries = (body.queries as unknown[] | undefined) ?? [];
  if (queries.length === 0) return message(400, 'No queries found');
  const first = (queries[0] ?? {}) as { refId?: unknown; datasource?: { uid?: unknown } };
  const uid = typeof first.datasource?.uid === 'string' ? first.datasource.uid : '';
  const ds = ctx.workspace.store.dataSources.get(uid);
  if (!ds) return message(404, 'Data source not found');
  return queryDataSource(ds, typeof first.refId === 'string' && first.refId ? first.refId : 'A', ctx.workspace, ctx.aws);
}

/** The stored fields a client sends, plus the secrets Grafana only records the presence of. */
type DataSourceCommand = Omit<DataSource, 'id' | 'uid' | 'secureJsonFields' | 'version'> & {
  secureJsonData: Record<string, string>;
  uid?: string;
  version?: number;
};

const STRINGS = ['name', 'type', 'access', 'url', 'user', 'database', 'basicAuthUser', 'uid'] as const;
const BOOLEANS = ['basicAuth', 'withCredentials', 'isDefault'] as const;

/**
 * The body as Grafana's Add/UpdateDataSourceCommand binds it: members of the wrong JSON type, and
 * missing `binding:"Required"` members (type, access; name before Grafana 12), are "bad request data".
 */
function parseCommand(body: string, nameRequired: boolean): DataSourceCommand | GrafanaReply {
  const input = jsonObject(body);
  if (!input) return BAD_REQUEST_DATA;
  for (const key of STRINGS) if (input[key] !== undefined && input[key] !== null && typeof input[key] !== 'string') return BAD_REQUEST_DATA;
  for (const key of BOOLEANS) if (input[key] !== undefined && input[key] !== null && typeof input[key] !== 'boolean') return BAD_REQUEST_DATA;
  const jsonData = input.jsonData ?? {};
  if (typeof jsonData !== 'object' || Array.isArray(jsonData)) return BAD_REQUEST_DATA;
  const secure = input.secureJsonData ?? {};
  if (typeof secure !== 'object' || Array.isArray(secure) || Object.values(secure).some((v) => typeof v !== 'string')) return BAD_REQUEST_DATA;
  if (input.version !== undefined && input.version !== null && !Number.isInteger(input.version)) return BAD_REQUEST_DATA;
  const str = (key: (typeof STRINGS)[number]) => (typeof input[key] === 'string' ? input[key] as string : '');
  if (!str('type') || !str('access') || (nameRequired && !str('name'))) return BAD_REQUEST_DATA;
  const url = str('url');
  if (url && !validUrl(url)) return message(400, 'Validation error, invalid URL');
  return {
    name: str('name'), type: str('type'), access: str('access'), url, user: str('user'), database: str('database'),
    basicAuth: input.basicAuth === true, basicAuthUser: str('basicAuthUser'), withCredentials: input.withCredentials === true,
    isDefault: input.isDefault === true, jsonData: structuredClone(jsonData as Record<string, unknown>),
    secureJsonData: secure as Record<string, string>, uid: str('uid') || undefined, version: (input.version as number | null | undefined) ?? undefined,
  };
}

function fieldsOf(cmd: DataSourceCommand) {
  const { type, access, url, user, database, basicAuth, basicAuthUser, withCredentials, isDefault, jsonData } = cmd;
  return { type, access, url, user, database, basicAuth, basicAuthUser, withCredentials, isDefault, jsonData };
}

/** Grafana parses the URL, adding http:// when it has no scheme; only unparsable ones fail. */
function validUrl(url: string): boolean {
  for (const candidate of [url, `http://${url}`]) {
    try {
      new URL(candidate);
      return true;
    } catch {
      // try the next form
    }
  }
  return false;
}

/** unconfirmed for Grafana < 12: newer versions answer this errutil validation error. */
function invalidUid(): GrafanaReply {
  return json(400, { message: 'Invalid datasource uid.', messageId: 'datasource.uidInvalid', statusCode: 400 });
}

/** Only the names of non-empty secrets are kept: Grafana returns secureJsonFields, never the values. */
function secureFields(existing: Record<string, true>, secrets: Record<string, string>): Record<string, true> {
  const fields = { ...existing };
  for (const [key, value] of Object.entries(secrets)) if (value) fields[key] = true;
  return fields;
}

function clearDefault(all: Iterable<DataSource>): void {
  for (const ds of all) ds.isDefault = false;
}

/** The first of `type`, `type-1`, `type-2`, … no data source is called (case-insensitively). */
function availableName(type: string, all: DataSource[]): string {
  const taken = new Set(all.map((d) => d.name.toLowerCase()));
  let name = type;
  for (let i = 1; taken.has(name.toLowerCase()); i++) name = `${type}-${i}`;
  return name;
}

function logoOf(type: string, installed: string[]): string {
  return installed.includes(type) ? `public/app/plugins/datasource/${type}/img/logo.svg` : 'public/img/icn-datasource.svg';
}

function dto(ds: DataSource, grafanaVersion: string) {
  return {
    id: ds.id, uid: ds.uid, orgId: 1, name: ds.name, type: ds.type, typeLogoUrl: logoOf(ds.type, installedDataSourcePlugins(grafanaVersion)),
    access: ds.access, url: ds.url, user: ds.user, database: ds.database, basicAuth: ds.basicAuth, basicAuthUser: ds.basicAuthUser,
    withCredentials: ds.withCredentials, isDefault: ds.isDefault, jsonData: ds.jsonData, secureJsonFields: { ...ds.secureJsonFields },
    version: ds.version, readOnly: false,
  };
}
