import { request } from 'node:http';
import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { defaultStackName } from '../../src/aws/stack-names';
import { ok } from './support';

const stackFor = (pr: number) => defaultStackName('acme/shop', `pr-${pr}`);
// The sandbox's runner address (198.51.100.7) is inside this network.
const RUNNER_NETWORK = '198.51.100.0/24';

let fx: PreviewFixture;

const FAST = { ampCreate: 300, grafanaCreate: 300, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 300 } };
// AMP takes longer to become ACTIVE than the stack takes to start (a change set and a poll of at most 2 s), and the
// service longer to stabilise than the Grafana side takes to import (the role stack, the workspace: a few 2 s polls):
// with these, the orders the first test reads from the sandbox's records can only come from the plan's dependencies.
const ORDERED = { ampCreate: 8000, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 14_000 } };

beforeAll(async () => {
  fx = await startFixture({ latencies: FAST });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.setLatencies(FAST);
});

const mutating = () => fx.sandbox.log.filter((e) => e.mutating && e.service !== 'github');
const ampOf = (pr: number) => [...fx.sandbox.amp.workspaces.values()].filter((w) => w.alias === `acme/shop/pr-${pr}`);
const serviceOf = (pr: number) => [...fx.sandbox.ecs.services.values()].find((s) => s.name === stackFor(pr))!;
const stackOf = (pr: number) => fx.state().stacks.find((s) => s.stackName === stackFor(pr) && s.status !== 'DELETE_COMPLETE');
const grafanaWs = () => fx.state().grafanaWorkspaces.filter((w) => w.name === 'acme-shop-previews');
const INPUTS = { mode: 'up', expose: 'public-ip', 'ingress-cidrs': RUNNER_NETWORK };

/** Opens `url` as the runner does, through the sandbox's internet. */
function open(url: string): Promise<number> {
  const proxy = new URL(fx.sandbox.appProxyUrl);
  return new Promise((resolve, reject) => {
    const r = request({ host: proxy.hostname, port: proxy.port, path: url, method: 'GET', headers: { host: new URL(url).host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
    r.end();
  });
}

describe('up through dist/index.js', () => {
  it('brings a new PR\'s preview up in one step, starting the stack before AMP is ACTIVE and importing while the service stabilises', async () => {
    fx.sandbox.setLatencies(ORDERED);
    const pr = fx.pullRequest();
    const run = ok(await fx.run(INPUTS, { pr }));

    const [amp] = ampOf(pr);
    expect(amp.status).toBe('ACTIVE');
    expect(stackOf(pr)).toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(stackOf(pr)!.parameters.AmpWorkspaceArn).toBe(amp.arn);
    expect(serviceOf(pr).deployment.rolloutState).toBe('COMPLETED');
    expect(grafanaWs()).toHaveLength(1);

    // Outputs of provision, deploy and dashboard, and what they point at answers.
    expect(run.outputs).toMatchObject({ 'amp-workspace-id': amp.id, 'amp-workspace-arn': amp.arn, 'stack-name': stackFor(pr), 'grafana-workspace-id': grafanaWs()[0].id });
    expect(await open(run.outputs['app-url'])).toBe(200);
    expect((await fetch(run.outputs['dashboard-url'])).status).toBe(200);
    expect((await fetch(run.outputs['grafana-folder-url'])).status).toBe(200);
    expect(fx.comments(pr)).toHaveLength(1);
    expect(fx.comments(pr)[0]).toContain(run.outputs['dashboard-url']);

    // From the sandbox's own records: the change set ran before the workspace was ACTIVE …
    const executed = fx.sandbox.log.find((e) => e.operation === 'ExecuteChangeSet' && e.service === 'cloudformation' && e.status === 200)!;
    expect(Date.parse(executed.at)).toBeLessThan(amp.readyAt);
    // … and the dashboards were imported before the service was stable.
    const imports = fx.sandbox.log.filter((e) => e.service === 'grafana-http' && e.operation === 'POST /api/dashboards/import' && e.status === 200);
    expect(imports.length).toBeGreaterThan(0);
    const steady = serviceOf(pr).events.find((e) => /has reached a steady state/.test(e.message))!;
    expect(Math.max(...imports.map((e) => Date.parse(e.at)))).toBeLessThan(steady.createdAt.getTime());
    // The token lived around the Grafana steps only.
    expect(grafanaWs()[0].serviceAccounts.reduce((n, sa) => n + sa.tokens, 0)).toBe(0);
  }, 120_000);

  it('reuses everything on a second run and changes nothing', async () => {
    const pr = fx.pullRequest();
    const first = ok(await fx.run(INPUTS, { pr }));
    const stackBefore = structuredClone(stackOf(pr));
    const dashboardsBefore = grafanaWs()[0].dashboards.map((d) => d.uid).sort();
    fx.sandbox.clearLog();

    const again = ok(await fx.run(INPUTS, { pr }));
    expect(ampOf(pr)).toHaveLength(1);
    expect(grafanaWs()).toHaveLength(1);
    expect(again.outputs['amp-workspace-id']).toBe(first.outputs['amp-workspace-id']);
    expect(again.outputs['change-count']).toBe('0');
    expect(stackOf(pr)).toEqual(stackBefore);
    expect(grafanaWs()[0].dashboards.map((d) => d.uid).sort()).toEqual(dashboardsBefore);
    const ops = new Set(mutating().map((e) => `${e.service} ${e.operation}`));
    for (const op of ['aps CreateWorkspace', 'grafana CreateWorkspace', 'cloudformation ExecuteChangeSet', 'grafana UpdateWorkspace']) expect(ops).not.toContain(op);
    expect(fx.comments(pr)).toHaveLength(1);
  });

  it('dry-run changes nothing: on a new PR no mutating request at all, on a live one only the change-set preview', async () => {
    const pr = fx.pullRequest();
    fx.sandbox.clearLog();
    const planned = ok(await fx.run({ ...INPUTS, 'dry-run': 'true' }, { pr }));
    expect(mutating()).toEqual([]);
    expect(ampOf(pr)).toHaveLength(0);
    expect(stackOf(pr)).toBeUndefined();
    expect(planned.summary).toContain('plan (dry run)');

    ok(await fx.run(INPUTS, { pr }));
    const stackBefore = structuredClone(stackOf(pr));
    fx.sandbox.clearLog();
    const preview = ok(await fx.run({ ...INPUTS, 'app-image': 'public.ecr.aws/aws-otel-test/prometheus-sample-app:v2', 'dry-run': 'true' }, { pr }));
    expect(Number(preview.outputs['change-count'])).toBeGreaterThan(0);
    expect(new Set(mutating().map((e) => e.operation))).toEqual(new Set(['CreateChangeSet', 'DeleteChangeSet']));
    expect(stackOf(pr)).toEqual(stackBefore);
  });

  it('dry-run of provision and of dashboard, from the same plan, sends no mutating request', async () => {
    const pr = fx.pullRequest();
    fx.sandbox.clearLog();
    const provision = ok(await fx.run({ mode: 'provision', 'dry-run': 'true' }, { pr }));
    expect(mutating()).toEqual([]);
    expect(ampOf(pr)).toHaveLength(0);
    expect(provision.summary).toContain('plan (dry run)');

    ok(await fx.run({ mode: 'provision' }, { pr }));
    const dashboardsBefore = grafanaWs()[0].dashboards.length;
    fx.sandbox.clearLog();
    const dashboard = ok(await fx.run({ mode: 'dashboard', 'dry-run': 'true' }, { pr }));
    expect(mutating()).toEqual([]);
    expect(grafanaWs()[0].dashboards).toHaveLength(dashboardsBefore);
    expect(grafanaWs()[0].serviceAccounts.reduce((n, sa) => n + sa.tokens, 0)).toBe(0);
    expect(dashboard.outputs['dashboard-url']).toBeUndefined();
  });
});
