import { CreateWorkspaceCommand, GrafanaClient } from '@aws-sdk/client-grafana';
import { PreviewFixture, REGION, startFixture } from '../../sandbox/src/harness/fixture';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { checkout, ok, waitFor } from './support';

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { grafanaCreate: 300, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());


type GrafanaState = ReturnType<PreviewFixture['state']>['grafanaWorkspaces'][number];
const grafanaWs = (): GrafanaState => {
  const all = fx.state().grafanaWorkspaces.filter((w) => w.name === 'acme-shop-previews');
  expect(all).toHaveLength(1);
  return all[0];
};
const tokensLeft = (ws: GrafanaState) => ws.serviceAccounts.reduce((n, sa) => n + sa.tokens, 0);
const grafanaCalls = () => fx.sandbox.log.filter((e) => e.service === 'grafana-http');

/** A PR whose AMP workspace, Grafana workspace and stack exist. */
async function deployed(): Promise<number> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision' }, { pr }));
  ok(await fx.run({ mode: 'deploy' }, { pr }));
  return pr;
}


const appDashboard = {
  __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus', label: 'Prometheus' }],
  title: 'Shop requests', uid: 'shop-requests',
  panels: [{ id: 1, title: 'Requests', type: 'timeseries', datasource: { type: 'prometheus', uid: '${DS_PROM}' },
    targets: [{ refId: 'A', expr: 'sum by (status) (rate(http_requests_total[$__rate_interval]))', datasource: { type: 'prometheus', uid: '${DS_PROM}' } }] }],
};

describe('dashboard through dist/index.js', () => {
  it('creates the data source, folder and dashboards with working URLs, deletes its token, and updates on a re-run', async () => {
    const pr = await deployed();
    const workspace = checkout({ 'ops/dashboards/shop.json': appDashboard });
    const run = ok(await fx.run({ mode: 'dashboard', 'dashboards-path': 'ops/dashboards' }, { pr, env: { GITHUB_WORKSPACE: workspace } }));

    const ws = grafanaWs();
    const amp = fx.state().ampWorkspaces.find((w) => w.alias === `acme/shop/pr-${pr}`)!;
    const ds = ws.dataSources.find((d) => d.name === `AMP pr-${pr} (acme/shop)`)!;
    // AMG's default is the latest version, where AMP has its own plugin.
    expect(ws.grafanaVersion).toBe('13.0');
    expect(ds).toMatchObject({
      type: 'grafana-amazonprometheus-datasource', url: `https://aps-workspaces.${REGION}.amazonaws.com/workspaces/${amp.id}`,
      jsonData: { sigV4Auth: true, sigV4AuthType: 'ec2_iam_role', sigV4Region: REGION, httpMethod: 'POST' },
    });
    const folder = ws.folders.find((f) => f.title === `Preview pr-${pr} (acme/shop)`)!;
    const mine = ws.dashboards.filter((d) => d.folderUid === folder.uid);
    expect(mine.map((d) => d.title).sort()).toEqual([`ECS task monitoring (pr-${pr})`, `Shop requests (pr-${pr})`]);
    for (const d of mine) {
      expect(d.datasourceUids).toEqual([ds.uid]);
      expect(d.unresolved).toEqual([]);
    }

    const urls = JSON.parse(run.outputs['dashboard-urls']) as Record<string, string>;
    expect(Object.keys(urls).sort()).toEqual([`ECS task monitoring (pr-${pr})`, `Shop requests (pr-${pr})`]);
    expect(run.outputs['dashboard-url']).toBe(urls[`ECS task monitoring (pr-${pr})`]);
    expect(run.outputs['dashboard-url'].startsWith(ws.endpoint)).toBe(true);
    for (const url of [...Object.values(urls), run.outputs['grafana-folder-url']]) {
      const page = await fetch(url);
      expect(page.status).toBe(200);
    }
    expect(run.summary).toContain(run.outputs['dashboard-url']);
    expect(fx.comments(pr)[0]).toContain(run.outputs['dashboard-url']);
    expect(fx.comments(pr)).toHaveLength(1);

    // The token lived for this step only and never reached the log unmasked.
    expect(tokensLeft(ws)).toBe(0);
    const keys = fx.sandbox.grafana.serviceAccounts.issuedKeys;
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(run.masked).toContain(key);
      expect(run.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(key);
    }

    fx.sandbox.clearLog();
    const again = ok(await fx.run({ mode: 'dashboard', 'dashboards-path': 'ops/dashboards' }, { pr, env: { GITHUB_WORKSPACE: workspace } }));
    const after = grafanaWs();
    expect(after.dataSources.filter((d) => d.name === `AMP pr-${pr} (acme/shop)`)).toHaveLength(1);
    expect(after.folders.filter((f) => f.title === `Preview pr-${pr} (acme/shop)`)).toHaveLength(1);
    const mineAfter = after.dashboards.filter((d) => d.folderUid === folder.uid);
    expect(mineAfter.map((d) => d.uid).sort()).toEqual(mine.map((d) => d.uid).sort());
    for (const d of mineAfter) expect(d.version).toBeGreaterThan(mine.find((m) => m.uid === d.uid)!.version);
    expect(again.outputs['dashboard-urls']).toBe(run.outputs['dashboard-urls']);
    expect(grafanaCalls().map((e) => e.operation)).not.toContain('POST /api/datasources');
    expect(grafanaCalls().map((e) => e.operation)).not.toContain('POST /api/folders');
    expect(tokensLeft(after)).toBe(0);
  });

  it('keeps two environments apart in the shared workspace', async () => {
    const [a, b] = [await deployed(), await deployed()];
    ok(await fx.run({ mode: 'dashboard' }, { pr: a }));
    ok(await fx.run({ mode: 'dashboard' }, { pr: b }));
    const ws = grafanaWs();
    const dsA = ws.dataSources.find((d) => d.name === `AMP pr-${a} (acme/shop)`)!;
    const dsB = ws.dataSources.find((d) => d.name === `AMP pr-${b} (acme/shop)`)!;
    expect(dsA.url).not.toBe(dsB.url);
    const boardA = ws.dashboards.find((d) => d.title === `ECS task monitoring (pr-${a})`)!;
    const boardB = ws.dashboards.find((d) => d.title === `ECS task monitoring (pr-${b})`)!;
    expect(boardA.uid).not.toBe(boardB.uid);
    expect(boardA.folderUid).not.toBe(boardB.folderUid);
    expect(boardA.datasourceUids).toEqual([dsA.uid]);
    expect(boardB.datasourceUids).toEqual([dsB.uid]);
  });

  it('deletes its token when Grafana keeps failing, and says what failed', async () => {
    const pr = await deployed();
    fx.sandbox.setFaults({ serverErrorRate: 1, services: ['grafana-http'] });
    const run = await fx.run({ mode: 'dashboard' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/Grafana API (GET|POST) \/api\/\S+ failed: 50\d/);
    expect(tokensLeft(grafanaWs())).toBe(0);
    expect(fx.sandbox.log.filter((e) => e.operation === 'DeleteWorkspaceServiceAccountToken' && e.status === 200)).toHaveLength(1);
  // Ten attempts per call with the SDK's standard backoff (full jitter, 20 s cap): ~25 s, at worst ~55 s.
  }, 120_000);

  it('uses the AMP plugin on a Grafana 12 workspace', async () => {
    const pr = await deployed();
    const role = fx.state().roles.find((r) => JSON.stringify(r.assumeRolePolicyDocument).includes('grafana.amazonaws.com'))!;
    const amg = new GrafanaClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
    const created = await amg.send(new CreateWorkspaceCommand({
      accountAccessType: 'CURRENT_ACCOUNT', authenticationProviders: ['SAML'], permissionType: 'CUSTOMER_MANAGED',
      workspaceRoleArn: role.arn, grafanaVersion: '12.4', workspaceName: 'shop-grafana-12',
    }));
    const id = created.workspace!.id!;
    await waitFor(() => fx.state().grafanaWorkspaces.find((w) => w.id === id)?.status === 'ACTIVE');
    ok(await fx.run({ mode: 'dashboard', 'grafana-workspace-id': id }, { pr }));
    const ws = fx.state().grafanaWorkspaces.find((w) => w.id === id)!;
    expect(ws.dataSources.map((d) => d.type)).toEqual(['grafana-amazonprometheus-datasource']);
    expect(ws.dashboards[0].datasourceUids).toEqual([ws.dataSources[0].uid]);
  });

  it.each([
    ['invalid JSON', { 'd/bad.json': '{"title": "x", ' }, /d\/bad\.json: not valid JSON/],
    ['no title', { 'd/untitled.json': { ...appDashboard, title: '' } }, /d\/untitled\.json: the dashboard has no title/],
    ['PromQL that does not parse', { 'd/q.json': { ...appDashboard, panels: [{ ...appDashboard.panels[0], targets: [{ refId: 'B', expr: 'sum(rate(x[5m])' }] }] } },
      /d\/q\.json: panel 1 'Requests', query B: PromQL does not parse/],
    ['a path that does not exist', {}, /Input 'dashboards-path': 'd' does not exist/],
  ])('fails on %s before any AWS or Grafana call', async (_name, files, message) => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'dashboard', 'dashboards-path': 'd' }, { pr, env: { GITHUB_WORKSPACE: checkout(files) } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(message);
    expect(fx.sandbox.log.filter((e) => e.service !== 'github')).toEqual([]);
  });

  it('explains that provision has to run first', async () => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'dashboard', environment: 'never-provisioned' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/No AMP workspace of environment 'never-provisioned' was found[\s\S]*mode: provision first/);
  });
});
