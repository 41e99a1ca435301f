import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AmpClient, CreateWorkspaceCommand as CreateAmpWorkspaceCommand, DescribeWorkspaceCommand as DescribeAmpWorkspaceCommand } from '@aws-sdk/client-amp';
import {
  CreateWorkspaceCommand, CreateWorkspaceServiceAccountCommand, CreateWorkspaceServiceAccountTokenCommand, DeleteWorkspaceCommand,
  DeleteWorkspaceServiceAccountTokenCommand, DescribeWorkspaceCommand, GrafanaClient, ListWorkspacesCommand,
} from '@aws-sdk/client-grafana';
import { IamRole } from '../../sandbox/src/core/types';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { datasourceBody, datasourceUrl } from '../../src/grafana/datasource';
import { clientConfig, FAST, REGION, sleep, waitFor } from './support';

// The Grafana HTTP API of each AMG workspace, reached with plain fetch at the endpoint AMG's API
// reports, with tokens made through the real AWS SDK.

type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';
interface Reply { status: number; body: any; contentType: string }

const ACCOUNT = '123456789012';
const BUNDLED_DASHBOARD = JSON.parse(readFileSync(join(__dirname, '../../dashboards/ecs-task-monitoring.json'), 'utf8')) as Record<string, unknown>;

let sandbox: Sandbox;
let grafana: GrafanaClient;
let amp: AmpClient;
let queryRole: string;
let noQueryRole: string;
let ampWorkspaceId: string;
let ampQueryUrl: string;
/** Workspaces shared by the tests: 10.4 and 13.0 (two, for cross-workspace tokens), 12.4, and 9.4 with a role that may not query AMP. */
const ws: Record<'a' | 'b' | 'v12' | 'v9', { id: string; endpoint: string; admin: string }> = {} as never;

function addRole(name: string, policies: Record<string, unknown>): string {
  const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`;
  const role: IamRole = {
    roleName: name, arn, roleId: `AROA${name.toUpperCase()}`, path: '/', policies, managedPolicyArns: [], tags: {}, createdAt: new Date(),
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'grafana.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  };
  sandbox.iam.roles.set(name, role);
  return arn;
}

const base = (roleArn: string) => ({
  accountAccessType: 'CURRENT_ACCOUNT' as const, authenticationProviders: ['AWS_SSO' as const], permissionType: 'CUSTOMER_MANAGED' as const, workspaceRoleArn: roleArn,
});

async function waitActive(id: string): Promise<void> {
  await waitFor(async () => ((await grafana.send(new DescribeWorkspaceCommand({ workspaceId: id }))).workspace!.status === 'ACTIVE' ? true : undefined));
}

async function activeWorkspace(name: string, roleArn: string, grafanaVersion?: string) {
  const created = (await grafana.send(new CreateWorkspaceCommand({ ...base(roleArn), workspaceName: name, grafanaVersion }))).workspace!;
  await waitActive(created.id!);
  return { id: created.id!, endpoint: created.endpoint!, admin: await tokenFor(created.id!, 'ADMIN') };
}

let accounts = 0;
async function tokenFor(workspaceId: string, grafanaRole: Role, secondsToLive = 600): Promise<string> {
  const sa = await grafana.send(new CreateWorkspaceServiceAccountCommand({ workspaceId, name: `sa-${++accounts}`, grafanaRole }));
  const token = await grafana.send(new CreateWorkspaceServiceAccountTokenCommand({ workspaceId, serviceAccountId: sa.id, name: 't', secondsToLive }));
  return token.serviceAccountToken!.key!;
}

async function call(endpoint: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${endpoint}${path}`, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  return { status: res.status, body: contentType.startsWith('application/json') ? JSON.parse(text) : text, contentType };
}

/** The admin token's view of a workspace: `api(ws.a)('POST', '/api/folders', {…})`. */
const api = (w: { endpoint: string; admin: string }) => (method: string, path: string, body?: unknown) => call(w.endpoint, method, path, { token: w.admin, body });

const ampDataSource = (overrides: Record<string, unknown> = {}, jsonData: Record<string, unknown> = {}) => ({
  name: `AMP ${Math.random().toString(36).slice(2, 8)}`, type: 'prometheus', access: 'proxy', url: ampQueryUrl,
  jsonData: { httpMethod: 'POST', sigV4Auth: true, sigV4AuthType: 'ec2_iam_role', sigV4Region: REGION, ...jsonData },
  ...overrides,
});

async function healthOf(w: { endpoint: string; admin: string }, body: Record<string, unknown>): Promise<Reply> {
  const created = await api(w)('POST', '/api/datasources', body);
  expect(created.status).toBe(200);
  return api(w)('GET', `/api/datasources/uid/${created.body.datasource.uid}/health`);
}

beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST });
  grafana = new GrafanaClient(clientConfig(sandbox));
  amp = new AmpClient(clientConfig(sandbox));
  // As templates/grafana-workspace-role.yaml grants it: query access on every AMP workspace of the account and region.
  queryRole = addRole('grafana-query', {
    'query-amp': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['aps:QueryMetrics', 'aps:GetSeries'], Resource: `arn:aws:aps:${REGION}:${ACCOUNT}:workspace/*` }] },
  });
  noQueryRole = addRole('grafana-no-query', { list: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'aps:ListWorkspaces', Resource: '*' }] } });
  const created = await amp.send(new CreateAmpWorkspaceCommand({ alias: 'previews' }));
  ampWorkspaceId = created.workspaceId!;
  await waitFor(async () => ((await amp.send(new DescribeAmpWorkspaceCommand({ workspaceId: ampWorkspaceId }))).workspace!.status!.statusCode === 'ACTIVE' ? true : undefined));
  ampQueryUrl = `https://aps-workspaces.${REGION}.amazonaws.com/workspaces/${ampWorkspaceId}`;
  [ws.a, ws.b, ws.v12, ws.v9] = await Promise.all([
    activeWorkspace('a', queryRole, '10.4'), activeWorkspace('b', queryRole, '13.0'), activeWorkspace('v12', queryRole, '12.4'), activeWorkspace('v9', noQueryRole, '9.4'),
  ]);
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [] });
});

describe('the workspace endpoint', () => {
  it('is the listener of that workspace, the same in CreateWorkspace, DescribeWorkspace, ListWorkspaces and the state', async () => {
    expect(ws.a.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ws.b.endpoint).not.toBe(ws.a.endpoint);
    expect((await grafana.send(new DescribeWorkspaceCommand({ workspaceId: ws.a.id }))).workspace!.endpoint).toBe(ws.a.endpoint);
    expect((await grafana.send(new ListWorkspacesCommand({}))).workspaces!.find((w) => w.id === ws.a.id)!.endpoint).toBe(ws.a.endpoint);
    expect(sandbox.state().grafanaWorkspaces.find((w) => w.id === ws.a.id)).toMatchObject({ endpoint: ws.a.endpoint, grafanaVersion: '10.4' });
  });

  it('answers /api/health without a token, with the full Grafana version', async () => {
    expect(await call(ws.a.endpoint, 'GET', '/api/health')).toMatchObject({ status: 200, body: { database: 'ok', version: '10.4.3', commit: expect.any(String) } });
    expect((await call(ws.v12.endpoint, 'GET', '/api/health')).body.version).toBe('12.4.0');
  });

  it('is 503 until the workspace is ACTIVE and while it is deleted, then stops listening', async () => {
    const created = (await grafana.send(new CreateWorkspaceCommand({ ...base(queryRole), workspaceName: 'short-lived' }))).workspace!;
    expect(await call(created.endpoint!, 'GET', '/api/health')).toMatchObject({ status: 503, body: { message: 'workspace is not active' } });
    await waitActive(created.id!);
    expect((await call(created.endpoint!, 'GET', '/api/health')).status).toBe(200);
    await grafana.send(new DeleteWorkspaceCommand({ workspaceId: created.id }));
    expect((await call(created.endpoint!, 'GET', '/api/health')).status).toBe(503);
    await waitFor(async () => grafana.send(new DescribeWorkspaceCommand({ workspaceId: created.id })).then(() => undefined, () => true));
    await waitFor(async () => fetch(`${created.endpoint}/api/health`).then(() => undefined, () => true));
  });

  it('refuses Grafana versions AMG does not offer', async () => {
    await expect(grafana.send(new CreateWorkspaceCommand({ ...base(queryRole), grafanaVersion: '11.0' }))).rejects.toMatchObject({
      name: 'ValidationException', message: expect.stringContaining('9.4, 10.4, 12.4, 13.0'),
    });
  });

  it('answers 404 {"message":"Not found"} for unknown API routes, 400 for a body that is not JSON', async () => {
    expect(await api(ws.a)('GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { message: 'Not found' } });
    expect(await call(ws.a.endpoint, 'POST', '/api/folders', { token: ws.a.admin, raw: '{"title": ' })).toMatchObject({ status: 400, body: { message: 'bad request data' } });
    expect(await call(ws.a.endpoint, 'POST', '/api/folders', { token: ws.a.admin, raw: '["a"]' })).toMatchObject({ status: 400, body: { message: 'bad request data' } });
  });
});

describe('authentication and roles', () => {
  it('401 without a token, with a bogus one, with an expired one and with a deleted one', async () => {
    expect(await call(ws.a.endpoint, 'GET', '/api/folders')).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    expect(await call(ws.a.endpoint, 'GET', '/api/folders', { token: 'glsa_not-a-token' })).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });

    const shortLived = await tokenFor(ws.a.id, 'ADMIN', 1);
    expect((await call(ws.a.endpoint, 'GET', '/api/folders', { token: shortLived })).status).toBe(200);
    await sleep(1100);
    expect(await call(ws.a.endpoint, 'GET', '/api/folders', { token: shortLived })).toMatchObject({ status: 401, body: { message: 'Expired API key' } });

    const sa = await grafana.send(new CreateWorkspaceServiceAccountCommand({ workspaceId: ws.a.id, name: 'to-revoke', grafanaRole: 'ADMIN' }));
    const token = await grafana.send(new CreateWorkspaceServiceAccountTokenCommand({ workspaceId: ws.a.id, serviceAccountId: sa.id, name: 'run', secondsToLive: 600 }));
    expect((await call(ws.a.endpoint, 'GET', '/api/folders', { token: token.serviceAccountToken!.key })).status).toBe(200);
    await grafana.send(new DeleteWorkspaceServiceAccountTokenCommand({ workspaceId: ws.a.id, serviceAccountId: sa.id, tokenId: token.serviceAccountToken!.id }));
    expect(await call(ws.a.endpoint, 'GET', '/api/folders', { token: token.serviceAccountToken!.key })).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
  });

  it("a workspace refuses another workspace's token", async () => {
    expect((await call(ws.a.endpoint, 'GET', '/api/folders', { token: ws.a.admin })).status).toBe(200);
    expect(await call(ws.b.endpoint, 'GET', '/api/folders', { token: ws.a.admin })).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
    expect(sandbox.grafana.resolveApiToken(ws.a.admin, ws.b.id)).toBeUndefined();
    expect(sandbox.grafana.resolveApiToken(ws.a.admin, ws.a.id)).toEqual({ workspaceId: ws.a.id, grafanaRole: 'ADMIN' });
  });

  it("403 with Grafana's message for a role short of the permission: Viewers read folders, Editors write them, only Admins touch data sources", async () => {
    const viewer = await tokenFor(ws.a.id, 'VIEWER');
    const editor = await tokenFor(ws.a.id, 'EDITOR');
    expect((await call(ws.a.endpoint, 'GET', '/api/folders', { token: viewer })).status).toBe(200);
    expect(await call(ws.a.endpoint, 'POST', '/api/folders', { token: viewer, body: { title: 'nope' } })).toMatchObject({
      status: 403, body: { title: 'Access denied', message: "You'll need additional permissions to perform this action. Permissions needed: folders:create" },
    });
    expect((await call(ws.a.endpoint, 'POST', '/api/folders', { token: editor, body: { title: 'Editors may' } })).status).toBe(200);
    expect(await call(ws.a.endpoint, 'POST', '/api/datasources', { token: editor, body: ampDataSource() })).toMatchObject({
      status: 403, body: { message: expect.stringMatching(/Permissions needed: datasources:create$/) },
    });
    expect((await call(ws.a.endpoint, 'GET', '/api/datasources', { token: editor })).body.message).toMatch(/Permissions needed: datasources:read$/);
    expect((await call(ws.a.endpoint, 'POST', '/api/dashboards/import', { token: viewer, body: {} })).body.message).toMatch(/dashboards:create$/);
  });
});

describe('data sources', () => {
  it('create, get by name and uid, update by uid (full replacement, version +1), delete', async () => {
    const call = api(ws.a);
    const created = await call('POST', '/api/datasources', {
      ...ampDataSource({ name: 'AMP pr-7', uid: 'amp-pr-7' }), isDefault: false, secureJsonData: { password: 'hunter2' },
    });
    expect(created).toMatchObject({ status: 200, body: { message: 'Datasource added', name: 'AMP pr-7', id: expect.any(Number) } });
    expect(created.body.datasource).toMatchObject({
      id: created.body.id, uid: 'amp-pr-7', orgId: 1, name: 'AMP pr-7', type: 'prometheus', access: 'proxy', url: ampQueryUrl, readOnly: false, version: 1,
      jsonData: { sigV4Auth: true, sigV4Region: REGION }, secureJsonFields: { password: true },
    });
    expect(JSON.stringify(created.body)).not.toContain('hunter2');
    expect(JSON.stringify(sandbox.state())).not.toContain('hunter2');

    const byName = await call('GET', `/api/datasources/name/${encodeURIComponent('AMP pr-7')}`);
    expect(byName.body).toMatchObject({ uid: 'amp-pr-7', version: 1 });
    expect(byName.body).not.toHaveProperty('secureJsonData');
    expect((await call('GET', '/api/datasources/uid/amp-pr-7')).body.name).toBe('AMP pr-7');
    expect(await call('GET', '/api/datasources/name/nope')).toMatchObject({ status: 404, body: { message: 'Data source not found' } });
    expect((await call('GET', '/api/datasources')).body.map((d: any) => d.uid)).toContain('amp-pr-7');

    const updated = await call('PUT', '/api/datasources/uid/amp-pr-7', { name: 'AMP pr-7', type: 'prometheus', access: 'proxy', url: `${ampQueryUrl}/` });
    expect(updated).toMatchObject({ status: 200, body: { message: 'Datasource updated', name: 'AMP pr-7', datasource: { version: 2, url: `${ampQueryUrl}/`, jsonData: {} } } });
    // Secrets already set stay set; what a PUT leaves out goes back to its default.
    expect(updated.body.datasource.secureJsonFields).toEqual({ password: true });
    expect(sandbox.state().grafanaWorkspaces.find((w) => w.id === ws.a.id)!.dataSources).toContainEqual({ uid: 'amp-pr-7', name: 'AMP pr-7', type: 'prometheus', url: `${ampQueryUrl}/`, jsonData: {} });

    expect(await call('DELETE', '/api/datasources/uid/amp-pr-7')).toMatchObject({ status: 200, body: { message: 'Data source deleted', id: created.body.id } });
    expect((await call('DELETE', '/api/datasources/uid/amp-pr-7')).status).toBe(404);
    expect((await call('PUT', '/api/datasources/uid/amp-pr-7', ampDataSource())).status).toBe(404);
  });

  it("409 with Grafana's messages for a duplicate name or uid, on create and on rename", async () => {
    const call = api(ws.a);
    expect((await call('POST', '/api/datasources', ampDataSource({ name: 'dup', uid: 'dup-1' }))).status).toBe(200);
    expect(await call('POST', '/api/datasources', ampDataSource({ name: 'dup', uid: 'dup-2' }))).toMatchObject({ status: 409, body: { message: 'data source with the same name already exists' } });
    expect(await call('POST', '/api/datasources', ampDataSource({ name: 'dup-other', uid: 'dup-1' }))).toMatchObject({ status: 409, body: { message: 'data source with the same uid already exists' } });
    expect((await call('POST', '/api/datasources', ampDataSource({ name: 'dup-2', uid: 'dup-2' }))).status).toBe(200);
    expect(await call('PUT', '/api/datasources/uid/dup-2', ampDataSource({ name: 'dup' }))).toMatchObject({
      status: 409, body: { message: 'Failed to update datasource: data source with the same name already exists' },
    });
  });

  it('needs type and access (and a name before Grafana 12); members of the wrong type are "bad request data"', async () => {
    const call = api(ws.a);
    for (const body of [{ name: 'x', access: 'proxy' }, { name: 'x', type: 'prometheus' }, { type: 'prometheus', access: 'proxy' }, { ...ampDataSource(), jsonData: 'sigV4' }, { ...ampDataSource(), isDefault: 'yes' }]) {
      expect(await call('POST', '/api/datasources', body)).toMatchObject({ status: 400, body: { message: 'bad request data' } });
    }
    // Grafana 12 names a nameless data source after its type.
    expect((await api(ws.v12)('POST', '/api/datasources', { type: 'prometheus', access: 'proxy' })).body.name).toBe('prometheus');
  });

  it('creates a data source of a plugin the workspace lacks, as Grafana does, but its health check finds no plugin', async () => {
    const created = await api(ws.a)('POST', '/api/datasources', ampDataSource({ type: 'influxdb' }));
    expect(created.status).toBe(200);
    expect(await api(ws.a)('GET', `/api/datasources/uid/${created.body.datasource.uid}/health`)).toMatchObject({ status: 404, body: { message: 'Plugin not found' } });
    // The AMP plugin comes with Grafana 10; a 9.4 workspace does not have it.
    expect(await healthOf(ws.v9, ampDataSource({ type: 'grafana-amazonprometheus-datasource' }))).toMatchObject({ status: 404, body: { message: 'Plugin not found' } });
  });
});

describe('data source health against AMP', () => {
  const failure = (reason: RegExp) => ({ status: 400, body: { status: 'ERROR', message: expect.stringMatching(reason) } });

  it('is OK for a SigV4 (workspace role) data source on an ACTIVE AMP workspace, with or without a trailing slash', async () => {
    const ok = { status: 200, body: { status: 'OK', message: 'Successfully queried the Prometheus API.' } };
    expect(await healthOf(ws.a, ampDataSource())).toMatchObject(ok);
    expect(await healthOf(ws.a, ampDataSource({ url: `${ampQueryUrl}/` }))).toMatchObject(ok);
    expect(await healthOf(ws.v12, ampDataSource({ type: 'grafana-amazonprometheus-datasource' }))).toMatchObject(ok);
  });

  it("is OK for exactly the body the action's dashboard mode sends", async () => {
    const prometheusEndpoint = (await amp.send(new DescribeAmpWorkspaceCommand({ workspaceId: ampWorkspaceId }))).workspace!.prometheusEndpoint!;
    const body = datasourceBody({ uid: 'action-shaped', name: 'AMP action-shaped', type: 'prometheus', url: datasourceUrl(prometheusEndpoint), region: REGION });
    expect((await healthOf(ws.a, body)).body.status).toBe('OK');
  });

  it('names what is wrong: a URL ending in /api/v1, no SigV4, another signing region, no such AMP workspace', async () => {
    expect(await healthOf(ws.a, ampDataSource({ url: `${ampQueryUrl}/api/v1` }))).toMatchObject(failure(/404 Not Found.*\/api\/v1\/api\/v1\/query.* - There was an error returned querying the Prometheus API\.$/));
    expect(await healthOf(ws.a, ampDataSource({}, { sigV4Auth: false }))).toMatchObject(failure(/Missing Authentication Token/));
    expect(await healthOf(ws.a, ampDataSource({}, { sigV4Region: 'us-east-1' }))).toMatchObject(failure(/Credential should be scoped to a valid region/));
    const elsewhere = `https://aps-workspaces.us-west-2.amazonaws.com/workspaces/${ampWorkspaceId}`;
    expect(await healthOf(ws.a, ampDataSource({ url: elsewhere }, { sigV4Region: 'us-west-2' }))).toMatchObject(failure(new RegExp(`Workspace ${ampWorkspaceId} not found in us-west-2`)));
    expect(await healthOf(ws.a, ampDataSource({ url: `https://aps-workspaces.${REGION}.amazonaws.com/workspaces/ws-00000000-0000-0000-0000-000000000000` }))).toMatchObject(failure(/not found/));
    expect(await healthOf(ws.a, ampDataSource({}, { sigV4AuthType: 'keys' }))).toMatchObject(failure(/ec2_iam_role/));
  });

  it('has no health check for the core Prometheus plugin before Grafana 10; a query names the denial instead', async () => {
    const created = await api(ws.v9)('POST', '/api/datasources', ampDataSource());
    const uid = created.body.datasource.uid as string;
    expect(await api(ws.v9)('GET', `/api/datasources/uid/${uid}/health`)).toMatchObject({ status: 404, body: { message: 'Not found' } });
    const query = { queries: [{ refId: 'A', datasource: { uid, type: 'prometheus' }, expr: '1+1', instant: true }], from: 'now-5m', to: 'now' };
    const denied = await api(ws.v9)('POST', '/api/ds/query', query);
    expect(denied.status).toBe(400);
    expect(denied.body.results.A.error).toMatch(new RegExp(
      `assumed-role/grafana-no-query/${ws.v9.id} is not authorized to perform: aps:QueryMetrics on resource: arn:aws:aps:${REGION}:${ACCOUNT}:workspace/${ampWorkspaceId}`,
    ));
    // The same query through a workspace whose role may query AMP answers a frame.
    const good = await api(ws.a)('POST', '/api/datasources', ampDataSource());
    const answered = await api(ws.a)('POST', '/api/ds/query', { ...query, queries: [{ ...query.queries[0], datasource: { uid: good.body.datasource.uid, type: 'prometheus' } }] });
    expect(answered).toMatchObject({ status: 200, body: { results: { A: { status: 200, frames: [expect.anything()] } } } });
    expect(await api(ws.a)('POST', '/api/ds/query', { queries: [] })).toMatchObject({ status: 400, body: { message: 'No queries found' } });
  });

  it('fails when the workspace role may not aps:QueryMetrics on the AMP workspace (health, Grafana 10)', async () => {
    const model = sandbox.grafana.workspaces.get(ws.a.id)!;
    const role = model.roleArn;
    model.roleArn = noQueryRole;
    try {
      expect(await healthOf(ws.a, ampDataSource())).toMatchObject(failure(/grafana-no-query\/.* is not authorized to perform: aps:QueryMetrics/));
    } finally {
      model.roleArn = role;
    }
  });

  it('fails for the core Prometheus plugin with SigV4 on Grafana 12', async () => {
    expect(await healthOf(ws.v12, ampDataSource())).toMatchObject(failure(/SigV4 authentication is not supported by the core Prometheus data source in Grafana 12; use the grafana-amazonprometheus-datasource plugin/));
  });
});

describe('folders', () => {
  it('create (with Grafana\'s url), get, list, rename with optimistic locking', async () => {
    const call = api(ws.a);
    const created = await call('POST', '/api/folders', { uid: 'preview-pr-1', title: 'Preview pr-1' });
    expect(created).toMatchObject({ status: 200, body: { id: expect.any(Number), uid: 'preview-pr-1', title: 'Preview pr-1', url: '/dashboards/f/preview-pr-1/preview-pr-1', version: 1 } });
    expect((await call('GET', '/api/folders/preview-pr-1')).body).toMatchObject({ uid: 'preview-pr-1', version: 1, created: expect.any(String), updated: expect.any(String) });
    expect((await call('GET', '/api/folders')).body).toContainEqual({ id: created.body.id, uid: 'preview-pr-1', title: 'Preview pr-1' });
    expect(await call('GET', '/api/folders/nope')).toMatchObject({ status: 404, body: { message: 'folder not found' } });

    expect(await call('PUT', '/api/folders/preview-pr-1', { title: 'Renamed', version: 7 })).toMatchObject({ status: 412, body: { message: 'the folder has been changed by someone else' } });
    expect(await call('PUT', '/api/folders/preview-pr-1', { title: 'Renamed', version: 1 })).toMatchObject({ status: 200, body: { title: 'Renamed', version: 2 } });
    expect(await call('PUT', '/api/folders/preview-pr-1', { title: 'Preview pr-1', overwrite: true })).toMatchObject({ status: 200, body: { version: 3 } });
  });

  it("refuses a missing title, a taken uid, an illegal or too long uid, with Grafana's messages", async () => {
    const call = api(ws.a);
    expect(await call('POST', '/api/folders', { uid: 'untitled' })).toMatchObject({ status: 400, body: { message: 'folder title cannot be empty' } });
    expect(await call('POST', '/api/folders', { title: '   ' })).toMatchObject({ status: 400, body: { message: 'folder title cannot be empty' } });
    expect((await call('POST', '/api/folders', { uid: 'taken', title: 'Taken' })).status).toBe(200);
    expect(await call('POST', '/api/folders', { uid: 'taken', title: 'Again' })).toMatchObject({ status: 409, body: { message: 'a folder/dashboard with the same uid already exists' } });
    expect(await call('POST', '/api/folders', { uid: 'has space', title: 'X' })).toMatchObject({ status: 400, body: { message: 'uid contains illegal characters' } });
    expect(await call('POST', '/api/folders', { uid: 'x'.repeat(41), title: 'X' })).toMatchObject({ status: 400, body: { message: 'uid too long, max 40 characters' } });
    expect((await call('POST', '/api/folders', { uid: 'x'.repeat(40), title: 'Forty' })).status).toBe(200);
    // Without a uid, Grafana makes one.
    expect((await call('POST', '/api/folders', { title: 'Generated' })).body.uid).toMatch(/^[a-z0-9]{14}$/);
  });

  it('keeps folder titles unique by slug before Grafana 11 (409, on create and rename); from 11 a taken uid is 412 version-mismatch', async () => {
    expect((await api(ws.a)('POST', '/api/folders', { uid: 'hand-made', title: 'Hand made' })).status).toBe(200);
    const clash = { status: 409, body: { message: 'a folder or dashboard in the general folder with the same name already exists' } };
    expect(await api(ws.a)('POST', '/api/folders', { uid: 'other', title: 'hand  MADE' })).toMatchObject(clash);
    expect((await api(ws.a)('POST', '/api/folders', { uid: 'other', title: 'Other' })).status).toBe(200);
    expect(await api(ws.a)('PUT', '/api/folders/other', { title: 'Hand-made', overwrite: true })).toMatchObject(clash);
    expect(await api(ws.a)('POST', '/api/folders', { uid: 'other', title: 'Third' })).toMatchObject({ status: 409, body: { message: 'a folder/dashboard with the same uid already exists' } });

    const v13 = api(ws.b);
    expect((await v13('POST', '/api/folders', { uid: 'hand-made', title: 'Hand made' })).status).toBe(200);
    expect((await v13('POST', '/api/folders', { uid: 'other', title: 'Hand made' })).status).toBe(200);
    expect(await v13('POST', '/api/folders', { uid: 'other', title: 'Ninth' })).toMatchObject({ status: 412, body: { status: 'version-mismatch' } });
  });

  it('search refuses a limit above 5000 (422) and pages instead', async () => {
    expect((await api(ws.a)('GET', '/api/search?limit=5001')).status).toBe(422);
    expect((await api(ws.a)('GET', '/api/search?limit=5000&page=2')).status).toBe(200);
  });

  it('delete takes the dashboards inside with it', async () => {
    const call = api(ws.b);
    await call('POST', '/api/folders', { uid: 'doomed', title: 'Doomed' });
    const imported = await call('POST', '/api/dashboards/import', { dashboard: { title: 'Inside', uid: 'inside' }, overwrite: false, folderUid: 'doomed', inputs: [] });
    expect(imported.status).toBe(200);
    expect(await call('DELETE', '/api/folders/doomed')).toMatchObject({ status: 200, body: { title: 'Doomed', message: 'Folder Doomed deleted', id: expect.any(Number) } });
    expect((await call('GET', '/api/dashboards/uid/inside')).status).toBe(404);
    expect((await call('DELETE', '/api/folders/doomed')).status).toBe(404);
  });
});

describe('dashboard import', () => {
  const importBody = (overrides: Record<string, unknown> = {}, dashboard: Record<string, unknown> = {}) => ({
    dashboard: { ...structuredClone(BUNDLED_DASHBOARD), uid: 'ecs-pr-1', title: 'ECS task monitoring (pr-1)', ...dashboard },
    overwrite: false, folderUid: 'import-folder', inputs: [{ name: 'DS_AMP', type: 'datasource', pluginId: 'prometheus', value: 'amp-import' }],
    ...overrides,
  });

  beforeAll(async () => {
    await api(ws.a)('POST', '/api/folders', { uid: 'import-folder', title: 'Import folder' });
    await api(ws.a)('POST', '/api/datasources', ampDataSource({ name: 'AMP import', uid: 'amp-import' }));
  });

  it('binds every ${input}, drops __inputs and __requires, and answers with the import result', async () => {
    const imported = await api(ws.a)('POST', '/api/dashboards/import', importBody());
    expect(imported).toMatchObject({
      status: 200,
      body: {
        uid: 'ecs-pr-1', pluginId: '', title: 'ECS task monitoring (pr-1)', imported: true, importedUri: 'db/ecs-task-monitoring-pr-1',
        importedUrl: '/d/ecs-pr-1/ecs-task-monitoring-pr-1', slug: 'ecs-task-monitoring-pr-1', dashboardId: expect.any(Number),
        folderUid: 'import-folder', folderId: expect.any(Number), importedRevision: 0, revision: 0, removed: false,
      },
    });
    const stored = await api(ws.a)('GET', '/api/dashboards/uid/ecs-pr-1');
    expect(stored.body.meta).toMatchObject({ slug: 'ecs-task-monitoring-pr-1', url: '/d/ecs-pr-1/ecs-task-monitoring-pr-1', folderUid: 'import-folder', folderTitle: 'Import folder', version: 1 });
    expect(stored.body.dashboard).toMatchObject({ uid: 'ecs-pr-1', version: 1, id: imported.body.dashboardId });
    expect(stored.body.dashboard).not.toHaveProperty('__inputs');
    expect(stored.body.dashboard).not.toHaveProperty('__requires');
    expect(JSON.stringify(stored.body.dashboard)).not.toContain('${DS_AMP}');
    const state = sandbox.state().grafanaWorkspaces.find((w) => w.id === ws.a.id)!;
    expect(state.dashboards).toContainEqual({ uid: 'ecs-pr-1', title: 'ECS task monitoring (pr-1)', folderUid: 'import-folder', version: 1, datasourceUids: ['amp-import'], unresolved: [] });
  });

  it('412 for an existing uid without overwrite; overwrite replaces it and bumps the version', async () => {
    const call = api(ws.a);
    const body = importBody({}, { uid: 'ecs-again', title: 'Again' });
    expect((await call('POST', '/api/dashboards/import', body)).status).toBe(200);
    expect(await call('POST', '/api/dashboards/import', { ...body, dashboard: { ...body.dashboard, version: 0 } })).toMatchObject({
      status: 412, body: { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' },
    });
    expect(await call('POST', '/api/dashboards/import', { ...body, overwrite: true })).toMatchObject({ status: 200, body: { uid: 'ecs-again' } });
    expect((await call('GET', '/api/dashboards/uid/ecs-again')).body.meta.version).toBe(2);
  });

  it('412 for another dashboard of the same title in the folder (before Grafana 12); another folder is fine', async () => {
    const call = api(ws.a);
    expect((await call('POST', '/api/dashboards/import', importBody({}, { uid: 'title-1', title: 'Same title' }))).status).toBe(200);
    expect(await call('POST', '/api/dashboards/import', importBody({}, { uid: 'title-2', title: 'Same title' }))).toMatchObject({
      status: 412, body: { status: 'name-exists', message: 'A dashboard with the same name in the folder already exists' },
    });
    expect((await call('POST', '/api/dashboards/import', importBody({ folderUid: '' }, { uid: 'title-2', title: 'Same title' }))).status).toBe(200);
  });

  it('refuses an input missing from the command (500, as Grafana), a missing title, a missing folder, a uid too long', async () => {
    const call = api(ws.a);
    expect(await call('POST', '/api/dashboards/import', importBody({ inputs: [] }))).toMatchObject({ status: 500, body: { message: 'Failed to save dashboard' } });
    // A datasource input must match by type too.
    expect((await call('POST', '/api/dashboards/import', importBody({ inputs: [{ name: 'DS_AMP', type: 'constant', value: 'x' }] }))).status).toBe(500);
    expect(await api(ws.v12)('POST', '/api/dashboards/import', importBody({ folderUid: '', inputs: [] }))).toMatchObject({
      status: 500, body: { message: 'Dashboard API error: Dashboard input variable: DS_AMP missing from import command' },
    });
    expect(await call('POST', '/api/dashboards/import', importBody({}, { title: ' ' }))).toMatchObject({ status: 400, body: { message: 'Dashboard title cannot be empty' } });
    expect(await call('POST', '/api/dashboards/import', importBody({ folderUid: 'no-such-folder' }))).toMatchObject({ status: 400, body: { message: 'folder not found' } });
    expect(await call('POST', '/api/dashboards/import', importBody({}, { uid: 'u'.repeat(41) }))).toMatchObject({ status: 400, body: { message: 'uid too long, max 40 characters' } });
    expect(await call('POST', '/api/dashboards/import', { overwrite: true })).toMatchObject({ status: 422, body: { message: 'Dashboard must be set' } });
    expect(await call('POST', '/api/dashboards/import', { dashboard: 'not an object' })).toMatchObject({ status: 400, body: { message: 'bad request data' } });
  });

  it('generates a uid when the dashboard has none', async () => {
    const imported = await api(ws.a)('POST', '/api/dashboards/import', importBody({}, { uid: undefined, title: 'No uid' }));
    expect(imported.body.uid).toMatch(/^[a-z0-9]{14}$/);
  });

  it('deletes by uid with Grafana\'s message', async () => {
    const call = api(ws.a);
    await call('POST', '/api/dashboards/import', importBody({}, { uid: 'to-delete', title: 'To delete' }));
    expect(await call('DELETE', '/api/dashboards/uid/to-delete')).toMatchObject({ status: 200, body: { title: 'To delete', message: 'Dashboard To delete deleted', id: expect.any(Number) } });
    expect(await call('GET', '/api/dashboards/uid/to-delete')).toMatchObject({ status: 404, body: { message: 'Dashboard not found' } });
  });

  it('search finds dashboards by folderUIDs, type, tag and query, in Grafana\'s hit shape', async () => {
    const call = api(ws.a);
    await call('POST', '/api/folders', { uid: 'search-folder', title: 'Search folder' });
    await call('POST', '/api/dashboards/import', importBody({ folderUid: 'search-folder' }, { uid: 'found-1', title: 'Found one', tags: ['ecs-amp-action', 'preview:pr-9'] }));
    await call('POST', '/api/dashboards/import', importBody({ folderUid: 'search-folder' }, { uid: 'found-2', title: 'Found two', tags: ['other'] }));
    const hits = (await call('GET', '/api/search?type=dash-db&folderUIDs=search-folder')).body;
    expect(hits.map((h: any) => h.uid)).toEqual(['found-1', 'found-2']);
    expect(hits[0]).toEqual({
      id: expect.any(Number), uid: 'found-1', title: 'Found one', uri: 'db/found-one', url: '/d/found-1/found-one', slug: '', type: 'dash-db',
      tags: ['ecs-amp-action', 'preview:pr-9'], isStarred: false, sortMeta: 0,
      folderId: expect.any(Number), folderUid: 'search-folder', folderTitle: 'Search folder', folderUrl: '/dashboards/f/search-folder/search-folder',
    });
    expect((await call('GET', '/api/search?type=dash-db&tag=ecs-amp-action&tag=preview:pr-9')).body.map((h: any) => h.uid)).toEqual(['found-1']);
    expect((await call('GET', '/api/search?query=FOUND%20T')).body.map((h: any) => h.uid)).toEqual(['found-2']);
    expect((await call('GET', '/api/search?folderUIDs=search-folder,import-folder&dashboardUIDs=found-2')).body.map((h: any) => h.uid)).toEqual(['found-2']);
    expect((await call('GET', '/api/search?type=dash-folder&query=search')).body).toEqual([expect.objectContaining({ uid: 'search-folder', type: 'dash-folder', url: '/dashboards/f/search-folder/search-folder' })]);
  });

  it('the browser pages of dashboards and folders exist exactly when the thing does', async () => {
    const imported = await api(ws.a)('POST', '/api/dashboards/import', importBody({}, { uid: 'page-1', title: 'Page <one>' }));
    const page = await call(ws.a.endpoint, 'GET', imported.body.importedUrl);
    expect(page).toMatchObject({ status: 200, contentType: expect.stringContaining('text/html') });
    expect(page.body).toContain('<title>Page &#60;one&#62; - Dashboards - Grafana</title>');
    expect((await call(ws.a.endpoint, 'GET', '/dashboards/f/import-folder/import-folder')).status).toBe(200);
    expect((await call(ws.a.endpoint, 'GET', '/d/nope/nope')).status).toBe(404);
    expect((await call(ws.a.endpoint, 'GET', '/dashboards/f/nope/nope')).status).toBe(404);
    expect((await call(ws.b.endpoint, 'GET', imported.body.importedUrl)).status).toBe(404);
  });
});

describe('request log and faults', () => {
  it('logs each request as grafana-http "<METHOD> <route>", with Grafana\'s message for errors and no token text', async () => {
    sandbox.clearLog();
    await api(ws.a)('GET', `/api/datasources/name/${encodeURIComponent('AMP import')}`);
    await api(ws.a)('POST', '/api/folders', { title: '' });
    await call(ws.a.endpoint, 'GET', '/api/folders', { token: 'glsa_bogus' });
    const entries = sandbox.log.filter((e) => e.service === 'grafana-http');
    expect(entries.map((e) => [e.operation, e.mutating, e.status, e.errorCode])).toEqual([
      ['GET /api/datasources/name/:name', false, 200, undefined],
      ['POST /api/folders', true, 400, 'folder title cannot be empty'],
      ['GET /api/folders', false, 401, 'Invalid API key'],
    ]);
    const everything = JSON.stringify(sandbox.log) + JSON.stringify(sandbox.state());
    for (const key of sandbox.grafana.serviceAccounts.issuedKeys) expect(everything).not.toContain(key);
  });

  it('injects throttling (429) and gateway errors (502) into the Grafana API when asked, and only there', async () => {
    sandbox.setFaults({ throttleRate: 1, services: ['grafana-http'] });
    sandbox.clearLog();
    expect(await api(ws.a)('GET', '/api/folders')).toMatchObject({ status: 429, body: { message: 'Too Many Requests' } });
    expect(sandbox.log.at(-1)).toMatchObject({ service: 'grafana-http', operation: 'GET /api/folders', status: 429, injected: 'throttle' });
    // AWS calls are not in the list.
    await expect(grafana.send(new DescribeWorkspaceCommand({ workspaceId: ws.a.id }))).resolves.toBeDefined();
    // Nor are the browser pages.
    expect((await call(ws.a.endpoint, 'GET', '/d/nope')).status).toBe(404);

    sandbox.setFaults({ throttleRate: 0, serverErrorRate: 1, latencyMs: 30 });
    const started = Date.now();
    expect(await api(ws.a)('GET', '/api/health')).toMatchObject({ status: 502, body: { message: 'Bad Gateway' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(sandbox.log.at(-1)).toMatchObject({ status: 502, injected: 'server-error' });
  });
});
