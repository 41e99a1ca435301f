import { AmpClient, CreateWorkspaceCommand } from '@aws-sdk/client-amp';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { PreviewFixture, REGION, REPOSITORY, startFixture } from '../../sandbox/src/harness/fixture';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { ok, waitFor } from './support';
import { defaultStackName } from '../../src/aws/stack-names';

/** The default stack name of acme/shop's PR `pr`. */
const stackFor = (pr: number) => defaultStackName('acme/shop', `pr-${pr}`);

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { grafanaCreate: 300, ampDelete: 100, cfnResource: { default: 20, ChangeSet: 40, 'AWS::IAM::Role': 40, 'ECS::Stabilize': 100 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.ecs.clearTaskFailure();
});


const HOUR = 3_600_000;
const envTag = 'ecs-amp-action:environment';
const sdk = () => ({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });

/** Everything in the sandbox that belongs to an environment, read from the sandbox's state, not the action's words. */
function footprint(env: string) {
  const state = fx.state();
  const grafana = state.grafanaWorkspaces.flatMap((w) => [
    ...w.dataSources.filter((d) => d.name === `AMP ${env} (acme/shop)`).map((d) => `datasource ${d.uid}`),
    ...w.folders.filter((f) => f.title === `Preview ${env} (acme/shop)`).map((f) => `folder ${f.uid}`),
    ...w.dashboards.filter((d) => d.title.endsWith(`(${env})`)).map((d) => `dashboard ${d.uid}`),
  ]);
  return [
    ...state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE' && s.tags[envTag] === env).map((s) => `stack ${s.stackName}`),
    ...state.ampWorkspaces.filter((w) => w.tags[envTag] === env).map((w) => `amp ${w.id}`),
    ...grafana,
  ];
}

const closePr = (pr: number, merged = false) => fx.closePullRequest(pr, merged);

/** A step record of the `plan` and `removed` outputs (src/render/plan.ts StepRecord; `removed` adds what each deleted). */
interface StepRecord { environment?: string; kind: string; action: string; id?: string; target: string; reason: string; status: string; detail?: string; removed?: string[] }
const records = (json: string) => JSON.parse(json) as StepRecord[];
const deletes = (plan: StepRecord[]) => plan.filter((r) => r.action === 'delete').map((r) => [r.kind, r.target]);
/** Requests that change something, but for GitHub's and the run's own short-lived Grafana token (reading Grafana needs one). */
const mutations = () => fx.sandbox.log.filter((e) => e.mutating && e.service !== 'github' && !/ServiceAccountToken/.test(e.operation)).map((e) => `${e.service} ${e.operation}`);
/** The sandbox's AWS and Grafana resources (the PR comment, which a dry run updates with its plan, aside). */
const world = () => JSON.stringify({ ...fx.state(), comments: undefined });
describe('destroy through dist/index.js', () => {
  it('removes everything provision, deploy and dashboard made, says so in the PR comment, and succeeds again when all is gone', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    ok(await fx.run({ mode: 'dashboard' }, { pr }));
    expect(footprint(`pr-${pr}`).length).toBeGreaterThanOrEqual(5);
    closePr(pr);

    const run = ok(await fx.run({ mode: 'destroy' }, { pr }));
    expect(footprint(`pr-${pr}`)).toEqual([]);
    const removed = records(run.outputs.removed);
    expect([...new Set(removed.map((r) => r.environment))]).toEqual([`pr-${pr}`]);
    expect(removed.every((r) => r.action === 'delete' && r.status === 'done')).toBe(true);
    expect(removed.flatMap((r) => r.removed)).toEqual(expect.arrayContaining([`stack ${stackFor(pr)}`, expect.stringMatching(/^AMP workspace ws-/),
      expect.stringMatching(/^Grafana folder/), expect.stringMatching(/^Grafana data source/), expect.stringMatching(/^Grafana dashboard/)]));
    expect(records(run.outputs.plan).filter((r) => r.kind === 'grafana-workspace')).toEqual([
      expect.objectContaining({ action: 'keep', status: 'kept', target: expect.stringMatching(/^Grafana workspace g-\w+$/), reason: expect.stringMatching(/^shared/) })]);
    expect(run.log).toMatch(/DELETE_COMPLETE\s+AWS::ECS::Service Service/);
    const comments = fx.comments(pr);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('(destroyed)');
    expect(comments[0]).toContain(`stack ${stackFor(pr)}`);
    // The shared workspace stays, and no token outlives the step.
    const ws = fx.state().grafanaWorkspaces.find((w) => w.name === 'acme-shop-previews')!;
    expect(ws.serviceAccounts.reduce((n, s) => n + s.tokens, 0)).toBe(0);

    fx.sandbox.clearLog();
    const again = ok(await fx.run({ mode: 'destroy' }, { pr }));
    expect(again.log).toContain('nothing to remove: the environment was already gone');
    expect(records(again.outputs.removed)).toEqual([]);
    expect(mutations()).toEqual([]);
  });

  it('dry-run plans the teardown, changes nothing, and its plan names what the real run then removes', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    ok(await fx.run({ mode: 'dashboard' }, { pr }));
    closePr(pr);
    const before = world();
    fx.sandbox.clearLog();

    const dry = ok(await fx.run({ mode: 'destroy', 'dry-run': 'true' }, { pr }));
    expect(mutations()).toEqual([]);
    expect(world()).toBe(before);
    expect(records(dry.outputs.removed)).toEqual([]);
    const planned = records(dry.outputs.plan);
    expect(planned.filter((r) => r.action === 'delete').map((r) => r.status)).toEqual(['planned', 'planned', 'planned']);
    expect(deletes(planned)).toEqual(expect.arrayContaining([['stack', `stack ${stackFor(pr)}`], ['amp-workspace', expect.stringMatching(/^AMP workspace ws-/)],
      ['grafana-objects', expect.stringMatching(/^Grafana \d+ dashboard\(s\), folder, data source of 'pr-\d+' in g-\w+$/)]]));
    expect(fx.comments(pr)[0]).toContain('destroy (dry run)');
    expect(fx.comments(pr)[0]).not.toContain('(destroyed)');

    const run = ok(await fx.run({ mode: 'destroy' }, { pr }));
    expect(records(run.outputs.removed).map((r) => [r.kind, r.target])).toEqual(deletes(planned));
    expect(footprint(`pr-${pr}`)).toEqual([]);
  });

  it('lets an environment be provisioned again after destroy, although AMP replays the old client token', async () => {
    const pr = fx.pullRequest();
    const first = ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    ok(await fx.run({ mode: 'destroy', grafana: 'false' }, { pr }));
    for (let round = 0; round < 2; round++) {
      const again = ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
      expect(again.log).toContain('which was deleted (an earlier environment of the same name); creating a new one');
      expect(again.outputs['amp-workspace-id']).not.toBe(first.outputs['amp-workspace-id']);
      expect(fx.state().ampWorkspaces.filter((w) => w.tags[envTag] === `pr-${pr}`).map((w) => [w.id, w.status])).toEqual([[again.outputs['amp-workspace-id'], 'ACTIVE']]);
      ok(await fx.run({ mode: 'destroy', grafana: 'false' }, { pr }));
    }
    expect(footprint(`pr-${pr}`)).toEqual([]);
  });

  it('cleans up after a deploy that failed half-way', async () => {
    const pr = fx.pullRequest();
    const stackName = stackFor(pr);
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    // The create fails, and so does CloudFormation's deletion of the failed stack (OnStackFailure): DELETE_FAILED.
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'Service', stackName }, 'Resource handler returned message: "Invalid request provided"', { operation: 'CREATE' });
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'Cluster', stackName }, 'The Cluster cannot be deleted while Services are active.', { operation: 'DELETE' });
    expect((await fx.run({ mode: 'deploy' }, { pr })).code).toBe(1);
    expect(fx.state().stacks.find((s) => s.stackName === stackName && s.status !== 'DELETE_COMPLETE')?.status).toBe('DELETE_FAILED');
    expect(footprint(`pr-${pr}`)).toEqual(expect.arrayContaining([`stack ${stackName}`, expect.stringMatching(/^amp ws-/)]));

    ok(await fx.run({ mode: 'destroy', grafana: 'false' }, { pr }));
    expect(footprint(`pr-${pr}`)).toEqual([]);
  });

  it('retries a resource that fails to delete, naming it and the reason', async () => {
    const pr = fx.pullRequest();
    const stackName = stackFor(pr);
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'Cluster', stackName }, 'The Cluster cannot be deleted while Container Instances are active or draining.', { operation: 'DELETE' });

    const run = ok(await fx.run({ mode: 'destroy', grafana: 'false' }, { pr }));
    expect(run.log).toMatch(/DELETE_FAILED\s+AWS::ECS::Cluster Cluster — The Cluster cannot be deleted/);
    expect(run.log).toMatch(/Cluster \(AWS::ECS::Cluster\): The Cluster cannot be deleted while Container Instances are active or draining\.; retrying/);
    expect(footprint(`pr-${pr}`)).toEqual([]);
  });

  it('refuses a stack whose tags name another repository, even when named explicitly, and leaves it alone', async () => {
    const pr = fx.pullRequest();
    const cfn = new CloudFormationClient(sdk());
    await cfn.send(new CreateStackCommand({
      StackName: 'someone-elses-stack',
      TemplateBody: JSON.stringify({ Resources: { Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} } } }),
      Tags: [{ Key: 'ecs-amp-action:managed-by', Value: 'ecs-amp-action' }, { Key: 'ecs-amp-action:repository', Value: 'other/repo' }, { Key: envTag, Value: `pr-${pr}` }],
    }));
    await waitFor(() => fx.state().stacks.some((s) => s.stackName === 'someone-elses-stack' && s.status === 'CREATE_COMPLETE'));
    const amp = new AmpClient(sdk());
    const foreign = await amp.send(new CreateWorkspaceCommand({ alias: `acme/shop/pr-${pr}`, tags: { 'ecs-amp-action:repository': 'other/repo', [envTag]: `pr-${pr}` } }));

    const run = await fx.run({ mode: 'destroy', grafana: 'false', 'stack-name': 'someone-elses-stack' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/Stack someone-elses-stack \(CREATE_COMPLETE\) is not this run's to delete: it belongs to other\/repo environment 'pr-\d+'/);
    const state = fx.state();
    expect(state.stacks.find((s) => s.stackName === 'someone-elses-stack')!.status).toBe('CREATE_COMPLETE');
    expect(state.ampWorkspaces.map((w) => w.id)).toContain(foreign.workspaceId);
  });

  it('never deletes a workspace given by amp-workspace-id', async () => {
    const amp = new AmpClient(sdk());
    const given = await amp.send(new CreateWorkspaceCommand({ alias: 'shared-metrics' }));
    await waitFor(() => fx.state().ampWorkspaces.find((w) => w.id === given.workspaceId)?.status === 'ACTIVE');
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'deploy', 'amp-workspace-id': given.workspaceId! }, { pr }));
    const run = ok(await fx.run({ mode: 'destroy', grafana: 'false', 'amp-workspace-id': given.workspaceId! }, { pr }));
    expect(fx.state().ampWorkspaces.map((w) => w.id)).toContain(given.workspaceId);
    expect(records(run.outputs.plan).filter((r) => r.kind === 'amp-workspace')).toEqual([
      expect.objectContaining({ action: 'keep', status: 'kept', id: given.workspaceId, reason: 'given by amp-workspace-id' })]);
    expect(footprint(`pr-${pr}`)).toEqual([]);
  });

  it('deploy and provision for a closed PR create nothing', async () => {
    const pr = fx.pullRequest();
    closePr(pr, true);
    for (const mode of ['provision', 'deploy', 'dashboard']) {
      const run = ok(await fx.run({ mode }, { pr }));
      expect(run.log).toContain(`PR #${pr} is merged, so ${mode} created nothing`);
    }
    // Only the credentials were fetched (concurrently with the PR check): no call to a service.
    expect(fx.sandbox.log.filter((e) => !['github', 'oidc', 'sts'].includes(e.service))).toEqual([]);
    expect(footprint(`pr-${pr}`)).toEqual([]);
    expect(fx.comments(pr)).toEqual([]);
  });
});

describe('cleanup through dist/index.js', () => {
  it('removes closed-PR, expired and orphaned environments, keeps the live one, and reports each', async () => {
    const [closed, live, idle] = [fx.pullRequest(), fx.pullRequest(), fx.pullRequest()];
    for (const pr of [closed, live, idle]) {
      ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
      ok(await fx.run({ mode: 'deploy' }, { pr }));
    }
    // A branch push may not assume the preview role: the orphan is what someone with the account's own keys left.
    ok(await fx.run({ mode: 'provision', grafana: 'false', environment: 'orphan' }, { oidc: false }));
    closePr(closed);
    fx.sandbox.cloudformation.age(stackFor(idle), 100 * HOUR);
    for (const w of fx.state().ampWorkspaces.filter((x) => [`pr-${idle}`, 'orphan'].includes(x.tags[envTag]))) fx.sandbox.amp.age(w.id, 100 * HOUR);

    const before = world();
    fx.sandbox.clearLog();
    const dry = ok(await fx.run({ mode: 'cleanup', 'dry-run': 'true', comment: 'false' }));
    expect(mutations()).toEqual([]);
    expect(world()).toBe(before);
    expect(records(dry.outputs.removed)).toEqual([]);
    const planned = records(dry.outputs.plan);
    expect([...new Set(planned.filter((r) => r.action === 'delete').map((r) => r.environment))].sort()).toEqual([`pr-${closed}`, `pr-${idle}`, 'orphan'].sort());
    expect(planned.filter((r) => r.environment === `pr-${live}`).map((r) => [r.action, r.status])).toEqual([['keep', 'kept'], ['keep', 'kept']]);
    expect(planned.filter((r) => r.action !== 'keep').every((r) => r.status === 'planned')).toBe(true);
    expect(dry.summary).toMatch(new RegExp(`\\| \`pr-${closed}\` \\| stale: PR #${closed} closed \\|.*\\| would remove \\(dry run\\) \\|`));

    const run = ok(await fx.run({ mode: 'cleanup', comment: 'false' }));
    const removed = records(run.outputs.removed);
    expect(removed.map((r) => [r.kind, r.target])).toEqual(deletes(planned));
    expect(removed.map((r) => r.environment)).toEqual(expect.arrayContaining([`pr-${closed}`, `pr-${idle}`, 'orphan']));
    expect(removed.map((r) => r.environment)).not.toContain(`pr-${live}`);
    expect(removed.filter((r) => r.environment === `pr-${idle}`).map((r) => r.reason)).toEqual(['idle 4d (ttl 3d)', 'idle 4d (ttl 3d)']);
    for (const env of [`pr-${closed}`, `pr-${idle}`, 'orphan']) expect(footprint(env)).toEqual([]);
    expect(footprint(`pr-${live}`).length).toBeGreaterThanOrEqual(2);
    expect(run.summary).toMatch(new RegExp(`\\| \`pr-${live}\` \\| kept: PR #${live} open`));
    // Each removed PR's comment says so, as destroy's would; the live one's does not, and none is created.
    expect(fx.comments(closed)).toHaveLength(1);
    expect(fx.comments(closed)[0]).toContain('(destroyed)');
    expect(fx.comments(closed)[0]).toMatch(new RegExp(`in the scheduled sweep: PR #${closed} closed`));
    expect(fx.comments(idle)[0]).toMatch(/in the scheduled sweep: idle 4d \(ttl 3d\)/);
    expect(fx.comments(live)[0]).not.toContain('(destroyed)');
  });

  it('sweeps the AWS resources when no Grafana token can be had, and says so', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision' }, { pr }));
    fx.closePullRequest(pr);
    fx.sandbox.setFaults({ deny: ['CreateWorkspaceServiceAccountToken'] });
    const run = ok(await fx.run({ mode: 'cleanup', comment: 'false' }));
    expect(run.log).toMatch(/::warning::Sweeping without Grafana \(its dashboards stay until the next sweep\): Grafana CreateWorkspaceServiceAccountToken failed: AccessDeniedException/);
    expect(footprint(`pr-${pr}`)).toEqual([]);
    expect(records(run.outputs.removed).map((r) => r.environment)).toContain(`pr-${pr}`);
    expect(records(run.outputs.plan).filter((r) => r.kind === 'grafana-objects' && r.environment === `pr-${pr}`)).toEqual([
      expect.objectContaining({ action: 'keep', reason: expect.stringContaining('CreateWorkspaceServiceAccountToken failed') })]);
  });

  it('sweeps 50 environments under 30% throttling and removes every stale one', async () => {
    const amp = new AmpClient(sdk());
    const prs = Array.from({ length: 50 }, () => fx.pullRequest());
    await Promise.all(prs.map((pr) => amp.send(new CreateWorkspaceCommand({
      alias: `acme/shop/pr-${pr}`,
      tags: { 'ecs-amp-action:managed-by': 'ecs-amp-action', 'ecs-amp-action:repository': REPOSITORY, [envTag]: `pr-${pr}`, 'ecs-amp-action:pr': String(pr) },
    }))));
    await waitFor(() => prs.every((pr) => fx.state().ampWorkspaces.find((w) => w.tags[envTag] === `pr-${pr}`)?.status === 'ACTIVE'));
    const stale = prs.filter((_, i) => i % 2 === 0);
    for (const pr of stale) closePr(pr);
    fx.sandbox.setFaults({ throttleRate: 0.3 });

    const run = ok(await fx.run({ mode: 'cleanup', comment: 'false', 'max-concurrency': '8' }));
    const throttled = fx.sandbox.log.filter((e) => e.injected === 'throttle').length;
    fx.reset();
    expect(throttled).toBeGreaterThan(20);
    expect(records(run.outputs.removed).map((r) => r.environment).sort()).toEqual(stale.map((pr) => `pr-${pr}`).sort());
    for (const pr of stale) expect(footprint(`pr-${pr}`)).toEqual([]);
    for (const pr of prs.filter((p) => !stale.includes(p))) expect(footprint(`pr-${pr}`)).toHaveLength(1);
    for (const pr of stale) expect(fx.comments(pr)).toEqual([]);
  }, 120_000);
});
