import { PreviewFixture, REPOSITORY, startFixture } from '../../sandbox/src/harness/fixture';
import type { GrafanaStore } from '../../sandbox/src/models/grafana-http/store';
import { SUPPORTED_GRAFANA_VERSIONS } from '../../sandbox/src/models/grafana-http/versions';
import { ok } from './support';

// dashboard, cleanup and destroy on every Grafana version AMG offers, and two repositories sharing
// one workspace. Every assertion reads the sandbox Grafana's stored objects, not the action's words.

const OTHER = 'acme/cart';
let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({
    repositories: [REPOSITORY, OTHER],
    latencies: { grafanaCreate: 200, grafanaDelete: 50, ampDelete: 50, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40 } },
  });
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const storeOf = (id: string): GrafanaStore => fx.sandbox.grafana.workspaces.get(id)!.grafana;
const grafanaOps = () => fx.sandbox.log.filter((e) => e.service === 'grafana-http').map((e) => e.operation);

/** What a folder made by hand looks like in Grafana's store: a uid the action would never derive. */
function handMadeFolder(store: GrafanaStore, uid: string, title: string): void {
  const now = new Date();
  store.folders.set(uid, { id: store.newDashboardId(), uid, title, version: 1, created: now, updated: now });
}

describe.each(SUPPORTED_GRAFANA_VERSIONS.map((v) => [v]))('on Grafana %s', (version) => {
  const major = Number.parseInt(version, 10);
  const name = `shop-v${version.replace('.', '-')}`;

  it('dashboard never adopts a hand-made folder of its title, proves its data source, and cleanup and destroy remove only its own objects', async () => {
    const pr = fx.pullRequest();
    const env = `pr-${pr}`;
    const grafana = { 'grafana-workspace-name': name };
    const provisioned = ok(await fx.run({ mode: 'provision', 'grafana-version': version, ...grafana }, { pr }));
    const id = provisioned.outputs['grafana-workspace-id'];
    expect(fx.sandbox.grafana.workspaces.get(id)!.grafanaVersion).toBe(version);
    const store = storeOf(id);

    // Someone made a folder by hand with exactly the title the action uses.
    const title = `Preview ${env} (${REPOSITORY})`;
    handMadeFolder(store, 'hand-made', title);
    fx.sandbox.clearLog();
    const first = await fx.run({ mode: 'dashboard', ...grafana }, { pr });
    if (major < 11) {
      // Titles are unique before Grafana 11: the action stops and names the folder, adopting nothing.
      expect(first.code).toBe(1);
      expect(first.errors[0]).toContain(`folder '${title}' (uid hand-made) has the same name, and it is not the one this action manages`);
      expect(store.folders.get('hand-made')).toMatchObject({ title });
      expect([...store.dashboards.values()]).toEqual([]);
      store.folders.delete('hand-made');
      fx.sandbox.clearLog();
      ok(await fx.run({ mode: 'dashboard', ...grafana }, { pr }));
    } else {
      ok(first);
      expect(store.folders.get('hand-made')).toMatchObject({ title });
    }

    const own = [...store.folders.values()].filter((f) => f.uid !== 'hand-made');
    expect(own.map((f) => f.title)).toEqual([title]);
    const ds = [...store.dataSources.values()];
    expect(ds.map((d) => [d.name, d.type])).toEqual([[`AMP ${env} (${REPOSITORY})`, major >= 12 ? 'grafana-amazonprometheus-datasource' : 'prometheus']]);
    const dashboards = [...store.dashboards.values()];
    expect(dashboards.length).toBeGreaterThan(0);
    for (const d of dashboards) expect(d.folderUid).toBe(own[0].uid);

    // No health check for the core Prometheus plugin before Grafana 10: the action asked with a query instead.
    const ops = grafanaOps();
    expect(ops).toContain('GET /api/datasources/uid/:uid/health');
    if (major < 10) expect(ops).toContain('POST /api/ds/query');
    else expect(ops).not.toContain('POST /api/ds/query');

    // The sweep removes the closed PR's objects, and only those: the hand-made folder (11+) stays.
    fx.closePullRequest(pr);
    const swept = ok(await fx.run({ mode: 'cleanup', comment: 'false', ...grafana }));
    expect([...new Set((JSON.parse(swept.outputs.removed) as { environment: string }[]).map((r) => r.environment))]).toEqual([env]);
    expect([...store.dataSources.values()]).toEqual([]);
    expect([...store.dashboards.values()]).toEqual([]);
    expect([...store.folders.keys()]).toEqual(major < 11 ? [] : ['hand-made']);

    // destroy, with nothing of the environment left, deletes the workspace it no longer needs.
    ok(await fx.run({ mode: 'destroy', 'delete-grafana-workspace': 'true', ...grafana }, { pr }));
    expect(fx.state().grafanaWorkspaces.find((w) => w.id === id)).toBeUndefined();
  });
});

describe('two repositories sharing one workspace', () => {
  it('each keeps its own data source, folder and dashboards of the same environment name; destroy and cleanup never touch the other\'s', async () => {
    const env = 'shared-env';
    const grafana = { 'grafana-workspace-name': 'shared-previews', 'grafana-version': '10.4' };
    const prA = fx.pullRequest();
    const prB = fx.pullRequest(OTHER);
    const a = ok(await fx.run({ mode: 'provision', environment: env, ...grafana }, { pr: prA }));
    const id = a.outputs['grafana-workspace-id'];
    const given = { environment: env, 'grafana-workspace-id': id };
    ok(await fx.run({ mode: 'provision', ...given }, { pr: prB, repository: OTHER }));
    ok(await fx.run({ mode: 'dashboard', environment: env, ...grafana }, { pr: prA }));
    ok(await fx.run({ mode: 'dashboard', ...given }, { pr: prB, repository: OTHER }));

    const store = storeOf(id);
    const snapshot = () => store.snapshot();
    const ampOf = (repository: string) => fx.state().ampWorkspaces.find((w) => w.alias === `${repository}/${env}`)!.id;
    const dsOf = (repository: string) => snapshot().dataSources.find((d) => d.name === `AMP ${env} (${repository})`)!;
    const folderOf = (repository: string) => snapshot().folders.find((f) => f.title === `Preview ${env} (${repository})`)!;
    for (const repository of [REPOSITORY, OTHER]) {
      expect(dsOf(repository).url.endsWith(`/workspaces/${ampOf(repository)}`)).toBe(true);
      const boards = snapshot().dashboards.filter((d) => d.folderUid === folderOf(repository).uid);
      expect(boards.length).toBeGreaterThan(0);
      for (const d of boards) expect(d.datasourceUids).toEqual([dsOf(repository).uid]);
    }
    expect(snapshot().dataSources).toHaveLength(2);
    expect(snapshot().folders).toHaveLength(2);
    // Each dashboard carries its repository's tag.
    const tags = [...store.dashboards.values()].map((d) => (d.json.tags as string[]).find((t) => t.startsWith('repo:')));
    expect(new Set(tags).size).toBe(2);

    const ofRepo = (repository: string) => {
      const s = snapshot();
      const folder = s.folders.find((f) => f.title === `Preview ${env} (${repository})`);
      return {
        datasources: s.dataSources.filter((d) => d.name === `AMP ${env} (${repository})`),
        folder,
        dashboards: s.dashboards.filter((d) => folder && d.folderUid === folder.uid),
      };
    };
    // acme/cart's destroy removes its own objects; acme/shop's stay exactly as they were.
    const shopBefore = ofRepo(REPOSITORY);
    const destroyed = ok(await fx.run({ mode: 'destroy', ...given }, { pr: prB, repository: OTHER }));
    expect(destroyed.log).toMatch(/Deleted Grafana data source 'AMP shared-env \(acme\/cart\)'/);
    expect(ofRepo(OTHER)).toEqual({ datasources: [], folder: undefined, dashboards: [] });
    expect(ofRepo(REPOSITORY)).toEqual(shopBefore);

    // acme/cart's environment again; then acme/shop's PR is closed and its sweep removes its
    // environment, and only that: acme/cart's stays exactly as it was.
    ok(await fx.run({ mode: 'provision', ...given }, { pr: prB, repository: OTHER }));
    ok(await fx.run({ mode: 'dashboard', ...given }, { pr: prB, repository: OTHER }));
    const cartBefore = ofRepo(OTHER);
    expect(cartBefore.dashboards.length).toBeGreaterThan(0);
    fx.closePullRequest(prA);
    const swept = ok(await fx.run({ mode: 'cleanup', comment: 'false', ...grafana }));
    expect([...new Set((JSON.parse(swept.outputs.removed) as { environment: string }[]).map((r) => r.environment))]).toEqual([env]);
    expect(ofRepo(REPOSITORY)).toEqual({ datasources: [], folder: undefined, dashboards: [] });
    expect(ofRepo(OTHER)).toEqual(cartBefore);

    // acme/shop may not delete the workspace while acme/cart's dashboards are in it.
    const kept = ok(await fx.run({ mode: 'destroy', environment: env, 'delete-grafana-workspace': 'true', ...grafana }, { pr: prA }));
    expect((JSON.parse(kept.outputs.plan) as { kind: string; action: string; reason: string }[]).filter((r) => r.kind === 'grafana-workspace'))
      .toEqual([expect.objectContaining({ action: 'keep', reason: expect.stringMatching(/^still used by .*dashboard\(s\) of other repositories$/) })]);
    expect(fx.state().grafanaWorkspaces.find((w) => w.id === id)).toBeDefined();

    ok(await fx.run({ mode: 'destroy', ...given }, { pr: prB, repository: OTHER }));
    expect(snapshot()).toEqual({ dataSources: [], folders: [], dashboards: [] });
    ok(await fx.run({ mode: 'destroy', environment: env, 'delete-grafana-workspace': 'true', ...grafana }, { pr: prA }));
    expect(fx.state().grafanaWorkspaces.find((w) => w.id === id)).toBeUndefined();
  });
});

describe('the shared service account', () => {
  it('disabled in the console, it stops the step with the fix before any token is made; enabled again, all works', async () => {
    const pr = fx.pullRequest();
    const grafana = { 'grafana-workspace-name': 'sa-previews', 'grafana-version': '10.4' };
    const id = ok(await fx.run({ mode: 'provision', ...grafana }, { pr })).outputs['grafana-workspace-id'];
    ok(await fx.run({ mode: 'dashboard', ...grafana }, { pr }));
    const sa = [...fx.sandbox.grafana.workspaces.get(id)!.serviceAccounts.values()].find((a) => a.name === 'ecs-amp-action')!;
    sa.isDisabled = true;
    fx.sandbox.clearLog();
    const run = await fx.run({ mode: 'dashboard', ...grafana }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/service account 'ecs-amp-action' \(id \d+\) in workspace g-\w+ is disabled[\s\S]*Enable it in the workspace/);
    expect(fx.sandbox.log.map((e) => e.operation)).not.toContain('CreateWorkspaceServiceAccountToken');
    sa.isDisabled = false;
    ok(await fx.run({ mode: 'destroy', 'delete-grafana-workspace': 'true', ...grafana }, { pr }));
    expect(fx.state().grafanaWorkspaces.find((w) => w.id === id)).toBeUndefined();
  });
});
