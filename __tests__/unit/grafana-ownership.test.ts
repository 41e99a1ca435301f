import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { usable } from '../../src/aws/grafana-token';
import { GrafanaClient } from '../../src/grafana/client';
import { checkDatasourceHealth, fixForQueryError, upsertDatasource } from '../../src/grafana/datasource';
import { ensureFolder } from '../../src/grafana/folders';
import {
  DASHBOARD_TAG, datasourceName, datasourceUid, environmentFromDatasourceName, environmentFromFolderTitle, environmentTag, folderTitle, folderUid,
  isOwnDashboard, repositoryTag,
} from '../../src/grafana/naming';
import { OFFERED_GRAFANA_VERSIONS } from '../../src/grafana/versions';
import { parseInputs } from '../../src/inputs/parse';

describe('names in a workspace shared by repositories', () => {
  it('differ between repositories for one environment, and name the environment back only for their own repository', () => {
    expect(datasourceName('pr-1', 'acme/shop')).not.toBe(datasourceName('pr-1', 'acme/cart'));
    expect(folderTitle('pr-1', 'acme/shop')).not.toBe(folderTitle('pr-1', 'acme/cart'));
    expect(datasourceUid('acme/shop', 'pr-1')).not.toBe(datasourceUid('acme/cart', 'pr-1'));
    expect(environmentFromFolderTitle(folderTitle('pr-1', 'acme/shop'), 'acme/shop')).toBe('pr-1');
    expect(environmentFromFolderTitle(folderTitle('pr-1', 'acme/cart'), 'acme/shop')).toBeUndefined();
    expect(environmentFromDatasourceName(datasourceName('pr-1', 'acme/shop'), 'acme/shop')).toBe('pr-1');
    // The names of earlier versions still lead to the environment (the uid then proves ownership).
    expect(environmentFromFolderTitle('Preview pr-1', 'acme/shop')).toBe('pr-1');
    expect(environmentFromDatasourceName('AMP pr-1', 'acme/shop')).toBe('pr-1');
    expect(environmentFromDatasourceName('AMP prod cluster', 'acme/shop')).toBeUndefined();
    // Grafana keeps a tag in 50 characters: the repository tag fits whatever the repository's name.
    expect(repositoryTag(`${'o'.repeat(39)}/${'r'.repeat(100)}`).length).toBeLessThanOrEqual(50);
  });

  it('a dashboard is the repository\'s by its repository tag, or (older imports, without one) by its folder\'s derived uid', () => {
    const tags = (repo?: string) => [DASHBOARD_TAG, environmentTag('pr-1'), ...(repo ? [repositoryTag(repo)] : [])];
    expect(isOwnDashboard({ tags: tags('acme/shop') }, 'acme/shop')).toBe(true);
    expect(isOwnDashboard({ tags: tags('acme/cart'), folderUid: folderUid('acme/shop', 'pr-1') }, 'acme/shop')).toBe(false);
    expect(isOwnDashboard({ tags: tags(), folderUid: folderUid('acme/shop', 'pr-1') }, 'acme/shop')).toBe(true);
    expect(isOwnDashboard({ tags: tags(), folderUid: folderUid('acme/cart', 'pr-1') }, 'acme/shop')).toBe(false);
    expect(isOwnDashboard({ tags: ['preview:pr-1'] }, 'acme/shop')).toBe(false);
  });
});

describe('the fix for a data source that cannot query AMP names the cause', () => {
  it.each([
    ['failed to assume the workspace IAM role arn:aws:iam::1:role/x: AccessDenied: the role does not exist', /cannot assume the workspace IAM role/],
    ['client_error: 403 Forbidden: User: arn:aws:sts::1:assumed-role/r/g is not authorized to perform: aps:QueryMetrics on resource: arn', /needs aps:QueryMetrics/],
    ['Plugin not found', /plugin catalog/],
    ['client_error: 404 Not Found: Workspace ws-1 not found in eu-west-1', /run mode: provision/],
  ])('%s', (message, fix) => {
    expect(fixForQueryError(message)).toMatch(fix);
  });
});

describe('the existing service account', () => {
  it('is used only when enabled and Admin; otherwise the fix says how', () => {
    expect(usable({ id: '7', grafanaRole: 'ADMIN', isDisabled: 'false' }, 'g-1')).toBe('7');
    expect(() => usable({ id: '7', grafanaRole: 'ADMIN', isDisabled: 'true' }, 'g-1')).toThrow(/is disabled; the action cannot use it/);
    expect(() => usable({ id: '7', grafanaRole: 'EDITOR', isDisabled: 'false' }, 'g-1')).toThrow(/has the Grafana role EDITOR, not ADMIN/);
    try {
      usable({ id: '7', grafanaRole: 'VIEWER', isDisabled: 'true' }, 'g-1');
    } catch (err) {
      expect((err as { fix: string }).fix).toContain('delete-workspace-service-account --workspace-id g-1 --service-account-id 7');
    }
  });
});

describe('grafana-version', () => {
  const base = { mode: 'provision', 'aws-region': 'eu-west-1', environment: 'pr-1' };
  const ctx = { repository: 'acme/shop', eventName: 'pull_request', refName: '1/merge', prNumber: 1, fromFork: false, workspace: '/tmp', serverUrl: 'https://github.com', runId: '1' };
  it('accepts exactly the offered versions, empty for AMG\'s default, before any AWS call', () => {
    for (const v of OFFERED_GRAFANA_VERSIONS) expect(parseInputs({ ...base, 'grafana-version': v }, ctx as never).grafanaVersion).toBe(v);
    expect(parseInputs(base, ctx as never).grafanaVersion).toBeUndefined();
    for (const v of ['8.4', '11.0', '10', 'latest']) expect(() => parseInputs({ ...base, 'grafana-version': v }, ctx as never)).toThrow(/grafana-version/);
  });
});

describe('Grafana answers the action handles', () => {
  let server: Server;
  let base: string;
  let answer: (method: string, url: string) => { status: number; body: unknown };
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`);
        const a = answer(req.method!, req.url!);
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(a.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => { seen.length = 0; });
  const api = () => new GrafanaClient({ baseUrl: base, token: 't', userAgent: 'test', baseDelayMs: 1, maxAttempts: 1 });
  const spec = { uid: 'amp-pr-1-abc', name: 'AMP pr-1 (acme/shop)', type: 'prometheus', url: 'https://aps', region: 'eu-west-1' };

  it('a data source create that loses a race (409, the uid now exists) updates what the winner made', async () => {
    let created = false;
    answer = (method, url) => {
      if (method === 'GET') return created ? { status: 200, body: { uid: spec.uid } } : { status: 404, body: { message: 'Data source not found' } };
      if (method === 'POST') { created = true; return { status: 409, body: { message: 'data source with the same uid already exists' } }; }
      return { status: 200, body: { url } };
    };
    await expect(upsertDatasource(api(), spec)).resolves.toEqual({ uid: spec.uid, action: 'updated' });
    expect(seen.at(-1)).toBe(`PUT /api/datasources/uid/${spec.uid}`);
  });

  it('a data source of the same name that is not the action\'s is never adopted', async () => {
    answer = (method, url) => {
      if (method === 'GET' && url.startsWith('/api/datasources/name/')) return { status: 200, body: { uid: 'someone-elses' } };
      if (method === 'GET') return { status: 404, body: { message: 'Data source not found' } };
      return { status: 409, body: { message: 'data source with the same name already exists' } };
    };
    await expect(upsertDatasource(api(), spec)).rejects.toThrow(/named 'AMP pr-1 \(acme\/shop\)' \(uid someone-elses\) already exists/);
    expect(seen.filter((s) => s.startsWith('PUT'))).toEqual([]);
  });

  it('a folder create answered 409 or 412 is ours only when our uid is then found', async () => {
    for (const status of [409, 412]) {
      let made = false;
      answer = (method, url) => {
        if (method === 'POST') { made = true; return { status, body: { message: 'exists' } }; }
        if (url === '/api/folders/f-1') return made ? { status: 200, body: { uid: 'f-1', title: 'T', url: '/dashboards/f/f-1/t' } } : { status: 404, body: { message: 'folder not found' } };
        return { status: 200, body: [] };
      };
      await expect(ensureFolder(api(), 'f-1', 'T')).resolves.toMatchObject({ uid: 'f-1', action: 'reused' });
    }
    answer = (method, url) => {
      if (method === 'POST') return { status: 409, body: { message: 'a folder or dashboard in the general folder with the same name already exists' } };
      if (url.startsWith('/api/folders?')) return { status: 200, body: [{ uid: 'hand-made', title: 't' }] };
      return { status: 404, body: { message: 'folder not found' } };
    };
    await expect(ensureFolder(api(), 'f-1', 'T')).rejects.toThrow(/folder 't' \(uid hand-made\) has the same name/);
  });

  it('health: 404 without a health check falls back to a query; a failed query names its error; no verdict is said so', async () => {
    const denied = 'User: x is not authorized to perform: aps:QueryMetrics on resource: y';
    let query: { status: number; body: unknown } = { status: 200, body: { results: { A: { frames: [] } } } };
    answer = (method) => (method === 'GET' ? { status: 404, body: { message: 'Not found' } } : query);
    await expect(checkDatasourceHealth(api(), 'u', 'AMP x', 'prometheus')).resolves.toEqual({ method: 'query' });
    query = { status: 400, body: { results: { A: { error: denied, status: 400 } } } };
    await expect(checkDatasourceHealth(api(), 'u', 'AMP x', 'prometheus')).rejects.toMatchObject({ message: expect.stringContaining(denied), fix: expect.stringMatching(/needs aps:QueryMetrics/) });
    query = { status: 400, body: { message: 'bad request data' } };
    await expect(checkDatasourceHealth(api(), 'u', 'AMP x', 'prometheus')).resolves.toMatchObject({ method: 'unchecked', detail: expect.stringContaining('400 bad request data') });
    answer = () => ({ status: 200, body: { status: 'OK' } });
    await expect(checkDatasourceHealth(api(), 'u', 'AMP x', 'prometheus')).resolves.toEqual({ method: 'health' });
  });
});
