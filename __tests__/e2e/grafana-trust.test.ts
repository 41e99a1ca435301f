import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateWorkspaceServiceAccountTokenCommand, GrafanaClient, ListWorkspaceServiceAccountsCommand, ListWorkspaceServiceAccountTokensCommand } from '@aws-sdk/client-grafana';
import { PreviewFixture, REGION, REPOSITORY, startFixture } from '../../sandbox/src/harness/fixture';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { tokenName } from '../../src/aws/grafana-token';
import { killRunningSteps } from '../../sandbox/src/harness/run-action';
import { checkout, ok, waitFor } from './support';

// What a PR's dashboards and a hostile Grafana (or what sits in front of it) cannot make the
// dashboard step do, run through dist/index.js against the sandbox.

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { grafanaCreate: 300, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  // fixture.reset() predates the Grafana proxy faults.
  fx.sandbox.setFaults({ grafanaAnswer: undefined });
});

type GrafanaState = ReturnType<PreviewFixture['state']>['grafanaWorkspaces'][number];
const grafanaWs = (): GrafanaState => fx.state().grafanaWorkspaces.find((w) => w.name === 'acme-shop-previews')!;
const tokensLeft = () => grafanaWs().serviceAccounts.reduce((n, sa) => n + sa.tokens, 0);
const storedDashboard = (title: string) => {
  const ws = fx.sandbox.grafana.workspaces.get(grafanaWs().id)!;
  return [...ws.grafana.dashboards.values()].find((d) => d.json.title === title)!;
};
const notGithub = () => fx.sandbox.log.filter((e) => e.service !== 'github');

/** A PR whose AMP workspace and Grafana workspace exist (dashboard needs no stack). */
async function provisioned(): Promise<number> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision' }, { pr }));
  return pr;
}


const query = { refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' };

describe('a PR\'s dashboards are bound to the environment and cleaned of foreign content', () => {
  it('binds references to another environment\'s data source, by uid, name and variable, to this environment\'s', async () => {
    const other = await provisioned();
    ok(await fx.run({ mode: 'dashboard' }, { pr: other }));
    const foreign = grafanaWs().dataSources.find((d) => d.name === `AMP pr-${other} (acme/shop)`)!;

    const pr = await provisioned();
    const workspace = checkout({
      'dash/steal.json': {
        title: 'Steal', uid: 'steal',
        templating: { list: [{ name: 'ds', type: 'datasource', query: 'prometheus', regex: `/AMP pr-${other}/`, current: { text: foreign.name, value: foreign.uid } }] },
        annotations: { list: [
          { builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, enable: true, name: 'Annotations & Alerts', type: 'dashboard' },
          { name: 'deploys', datasource: { type: 'prometheus', uid: foreign.uid }, expr: 'changes(up[5m])', enable: true },
        ] },
        panels: [
          { id: 1, title: 'By uid', type: 'timeseries', datasource: { type: 'prometheus', uid: foreign.uid }, targets: [query] },
          { id: 2, title: 'By name', type: 'timeseries', datasource: foreign.name, targets: [query] },
          { id: 3, title: 'By variable', type: 'timeseries', datasource: { uid: '${ds}' }, targets: [{ ...query, datasource: '$ds' }] },
          { id: 4, title: 'Default', type: 'stat', targets: [query] },
        ],
      },
    });
    const run = ok(await fx.run({ mode: 'dashboard', 'dashboards-path': 'dash' }, { pr, env: { GITHUB_WORKSPACE: workspace } }));

    const mine = grafanaWs().dataSources.find((d) => d.name === `AMP pr-${pr} (acme/shop)`)!;
    const stored = grafanaWs().dashboards.find((d) => d.title === `Steal (pr-${pr})`)!;
    expect(stored.datasourceUids).toEqual([mine.uid]);
    const json = storedDashboard(`Steal (pr-${pr})`).json as { templating: { list: Record<string, unknown>[] }; annotations: { list: { datasource: unknown }[] } };
    expect(JSON.stringify(json)).not.toContain(foreign.uid);
    expect(JSON.stringify(json)).not.toContain(foreign.name);
    expect(json.templating.list[0]).toMatchObject({ type: 'datasource', regex: `/^AMP pr-${pr} \\(acme\\/shop\\)$/`, current: {} });
    expect(json.annotations.list.map((a) => a.datasource)).toEqual([{ type: 'grafana', uid: '-- Grafana --' }, { type: mine.type, uid: mine.uid }]);
    // The other environment's dashboards are untouched.
    expect(grafanaWs().dashboards.find((d) => d.title === `ECS task monitoring (pr-${other})`)!.datasourceUids).toEqual([foreign.uid]);
    // Said in the log and the report.
    expect(run.log).toContain(`dash/steal.json: bound data source reference(s) '$ds', '\${ds}', 'AMP pr-${other} (acme/shop)', '${foreign.uid}' to 'AMP pr-${pr} (acme/shop)'`);
    expect(run.summary).toContain(`data source references bound to \`AMP pr-${pr} (acme/shop)\``);
    // Nothing to clean up, so the post step said and asked nothing.
    expect(run.post).toMatchObject({ code: 0, log: '' });
  });

  it('drops HTML text panels and links off the workspace, and lists them in the log, the summary and the comment', async () => {
    const pr = await provisioned();
    const workspace = checkout({
      'dash/page.json': {
        title: 'Page', uid: 'page',
        links: [{ title: 'Sign in again', type: 'link', url: 'https://evil.example/login' }, { title: 'Previews', type: 'dashboards', tags: ['ecs-amp-action'] }],
        panels: [
          { id: 1, title: 'Banner', type: 'text', options: { mode: 'html', content: '<form action="https://evil.example">…</form>' } },
          { id: 2, title: 'Notes', type: 'text', options: { mode: 'markdown', content: 'Read <a href="https://evil.example">this</a>' } },
          { id: 3, title: 'Readme', type: 'text', options: { mode: 'markdown', content: '# Fine\nLatency < 1 s' } },
          { id: 4, title: 'Requests', type: 'timeseries', datasource: { type: 'prometheus', uid: 'x' }, targets: [query],
            links: [{ title: 'Runbook', url: 'https://wiki.evil.example/r' }, { title: 'Drill down', url: '/d/other' }],
            fieldConfig: { defaults: { links: [{ title: 'Trace', url: 'https://evil.example/t/${__value.raw}' }] }, overrides: [] } },
        ],
      },
    });
    const run = ok(await fx.run({ mode: 'dashboard', 'dashboards-path': 'dash' }, { pr, env: { GITHUB_WORKSPACE: workspace } }));

    const json = storedDashboard(`Page (pr-${pr})`).json as { links: { title: string }[]; panels: { id: number; links?: { title: string }[]; fieldConfig?: { defaults: { links: unknown[] } } }[] };
    expect(json.panels.map((p) => p.id)).toEqual([3, 4]);
    expect(json.links.map((l) => l.title)).toEqual(['Previews']);
    expect(json.panels[1].links!.map((l) => l.title)).toEqual(['Drill down']);
    expect(json.panels[1].fieldConfig!.defaults.links).toEqual([]);
    expect(JSON.stringify(json)).not.toContain('evil.example');

    const dropped = ["panel 1 'Banner': text panel in HTML mode", "panel 2 'Notes': text panel with raw HTML in its markdown",
      "panel 4 'Requests': panel link 'Runbook' to wiki.evil.example", "panel 4 'Requests': data link 'Trace' to evil.example",
      "dashboard link 'Sign in again' to evil.example"];
    for (const d of dropped) expect(run.log).toContain(`dash/page.json: dropped ${d}`);
    const comment = fx.comments(pr)[0];
    for (const text of [run.summary, comment]) {
      expect(text).toContain('dropped from the dashboards');
      expect(text).toContain('text panel in HTML mode');
      expect(text).not.toMatch(/https:\/\/evil/);
    }
  });
});

describe('dashboards-path is contained and capped before any AWS call', () => {
  function outsideCheckout(): { workspace: string; outside: string } {
    const root = mkdtempSync(join(tmpdir(), 'contain-'));
    const workspace = join(root, 'checkout');
    const outside = join(root, 'elsewhere');
    mkdirSync(workspace);
    mkdirSync(outside);
    writeFileSync(join(outside, 'private.json'), '{"title": "PRIVATE-BYTES-OF-THE-RUNNER" ');
    return { workspace, outside };
  }

  it.each([
    ['a symlinked folder', (w: string, o: string) => symlinkSync(o, join(w, 'dash')), 'dash', /'dash' leads outside the workspace/],
    ['a symlinked file', (w: string, o: string) => symlinkSync(join(o, 'private.json'), join(w, 'board.json')), 'board.json', /'board\.json' leads outside the workspace/],
    ['a symlinked file in a folder', (w: string, o: string) => {
      mkdirSync(join(w, 'dash'));
      symlinkSync(join(o, 'private.json'), join(w, 'dash', 'private.json'));
    }, 'dash', /dash\/private\.json: a symbolic link to a file outside the workspace; refused/],
  ])('refuses %s whose real path leaves the workspace', async (_what, link, path, message) => {
    const { workspace, outside } = outsideCheckout();
    link(workspace, outside);
    const run = await fx.run({ mode: 'dashboard', 'dashboards-path': path }, { pr: fx.pullRequest(), env: { GITHUB_WORKSPACE: workspace } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(message);
    expect(run.log).not.toContain('PRIVATE-BYTES');
    expect(notGithub()).toEqual([]);
  });

  it('refuses a file over Grafana\'s 16 MiB before any AWS call', async () => {
    const workspace = checkout({ 'dash/huge.json': '' });
    truncateSync(join(workspace, 'dash/huge.json'), 50 * 1024 * 1024); // sparse: the size without the bytes
    const run = await fx.run({ mode: 'dashboard', 'dashboards-path': 'dash' }, { pr: fx.pullRequest(), env: { GITHUB_WORKSPACE: workspace } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('dash/huge.json: 50.0 MiB is over the 16.0 MiB a Grafana dashboard can hold; not read');
    expect(notGithub()).toEqual([]);
  });

  it('reports a JSON error by line and column, never by content', async () => {
    const workspace = checkout({ 'dash/bad.json': '{\n  "title": "Shop",\n  "description": "CONTENT-NOT-TO-PRINT" "x"\n}' });
    const run = await fx.run({ mode: 'dashboard', 'dashboards-path': 'dash' }, { pr: fx.pullRequest(), env: { GITHUB_WORKSPACE: workspace } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain("dash/bad.json: not valid JSON at line 3, column 41: ',' or '}'");
    expect(run.log).not.toContain('CONTENT-NOT-TO-PRINT');
    expect(notGithub()).toEqual([]);
  });
});

describe('a hostile Grafana, or what sits in front of it', () => {
  it('names the call and the likely cause when Grafana answers 200 with an HTML page', async () => {
    const pr = await provisioned();
    fx.sandbox.setFaults({ grafanaAnswer: { answer: 'html-page' } });
    const run = await fx.run({ mode: 'dashboard' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^Grafana API GET \/api\/\S+ answered 200 with an HTML page \('Sign in - Corporate Proxy'\) instead of JSON: http:\/\/127\.0\.0\.1:\d+ does not look like the workspace's Grafana API\.\nFix: Something answers in front of Grafana: a proxy, a login or SSO page/);
    expect(run.log).not.toContain("Unexpected token '<'");
    expect(tokensLeft()).toBe(0);
  });

  it('keeps a token that an error echoes out of everything but the masked log', async () => {
    const pr = await provisioned();
    fx.sandbox.setFaults({ grafanaAnswer: { answer: 'echo-token', operation: 'POST /api/dashboards/import' } });
    const run = await fx.run({ mode: 'dashboard' }, { pr });
    expect(run.code).toBe(1);
    const key = fx.sandbox.grafana.serviceAccounts.issuedKeys.at(-1)!;
    // The proxy did echo it, and the action reported the error.
    expect(run.errors[0]).toContain('Request blocked by proxy policy');
    expect(run.log).toContain(`Authorization: Bearer ${key}`);
    // Masked by the runner wherever the log shows it: registered before it was printed.
    expect(run.masked).toContain(key);
    expect(run.shown).not.toContain(key);
    expect(run.shown).toContain('Authorization: Bearer ***');
    // Nowhere else: not in the PR comment GitHub stores, the job summary or the outputs.
    const stored = fx.sandbox.github.commentsOn('acme/shop', pr).map((c) => c.body);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('Request blocked by proxy policy');
    for (const text of [...stored, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(encodeURIComponent(key));
      expect(text).not.toContain(Buffer.from(key).toString('base64'));
    }
    expect(JSON.stringify(fx.sandbox.log)).not.toContain(key);
  });

  it('deletes the token of a killed step in the post step', async () => {
    const pr = await provisioned();
    fx.sandbox.clearLog();
    fx.sandbox.setFaults({ grafanaAnswer: { answer: 'hang', operation: 'POST /api/dashboards/import' } });
    const running = fx.run({ mode: 'dashboard' }, { pr });
    // The import hangs: the token exists and is in use when the step is killed.
    await waitFor(() => fx.sandbox.log.some((e) => e.operation === 'POST /api/dashboards/import'), 30_000);
    expect(tokensLeft()).toBe(1);
    expect(killRunningSteps()).toBe(1);
    const run = await running;

    expect(run.killed).toBe(true);
    expect(run.post).toMatchObject({ code: 0 });
    const name = /The step ended before deleting its Grafana API token '(ecs-amp-action-run-[0-9a-f]{8}-\d+-1-[0-9a-f]{6})'; deleting it now\./.exec(run.post!.log)?.[1];
    expect(name).toBeDefined();
    expect(run.post!.log).toContain(`Deleted Grafana API token '${name}'`);
    expect(tokensLeft()).toBe(0);
    const deletes = fx.sandbox.log.filter((e) => e.operation === 'DeleteWorkspaceServiceAccountToken');
    expect(deletes.map((e) => e.status)).toEqual([200]);
    // The post step asked for the role again, with the step's inputs.
    const assumes = fx.sandbox.log.filter((e) => e.operation === 'AssumeRoleWithWebIdentity');
    expect(assumes).toHaveLength(2);
    expect(assumes[1].seq).toBeGreaterThan(fx.sandbox.log.find((e) => e.operation === 'POST /api/dashboards/import')!.seq);
  });

  it('sweeps the tokens of this repository\'s finished runs, and no one else\'s', async () => {
    const pr = await provisioned();
    ok(await fx.run({ mode: 'dashboard' }, { pr }));
    const amg = new GrafanaClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
    const workspaceId = grafanaWs().id;
    const { serviceAccounts } = await amg.send(new ListWorkspaceServiceAccountsCommand({ workspaceId }));
    const serviceAccountId = serviceAccounts!.find((a) => a.name === 'ecs-amp-action')!.id!;
    // Left by runs killed before their post step: one finished, one still running, one of another repository.
    const left = {
      finished: tokenName({ repository: REPOSITORY, runId: '900', runAttempt: '1' }),
      running: tokenName({ repository: REPOSITORY, runId: '901', runAttempt: '1' }),
      foreign: tokenName({ repository: 'other-org/shop', runId: '900', runAttempt: '1' }),
    };
    for (const name of Object.values(left)) {
      await amg.send(new CreateWorkspaceServiceAccountTokenCommand({ workspaceId, serviceAccountId, name, secondsToLive: 3600 }));
    }
    fx.sandbox.github.addRunAttempt(REPOSITORY, 900, 1, 'completed');
    fx.sandbox.github.addRunAttempt(REPOSITORY, 901, 1, 'in_progress');
    fx.sandbox.github.addRunAttempt('other-org/shop', 900, 1, 'completed');
    const names = async () => ((await amg.send(new ListWorkspaceServiceAccountTokensCommand({ workspaceId, serviceAccountId }))).serviceAccountTokens ?? []).map((t) => t.name).sort();

    // A job without `actions: read` cannot tell, so it leaves them all.
    const noActions = fx.sandbox.github.addToken('write');
    fx.sandbox.github.withoutActionsRead(noActions);
    ok(await fx.run({ mode: 'dashboard', 'github-token': noActions }, { pr }));
    expect(await names()).toEqual(Object.values(left).sort());

    ok(await fx.run({ mode: 'dashboard' }, { pr }));
    expect(await names()).toEqual([left.foreign, left.running].sort());
  });
});
