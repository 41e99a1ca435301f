import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PreviewFixture, REGION, REPOSITORY, startFixture } from '../../sandbox/src/harness/fixture';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { defaultStackName, grafanaRoleStackName } from '../../src/aws/stack-names';
import { ok, waitFor } from './support';

const OTHER = 'other-org/shop';
let fx: PreviewFixture;

beforeAll(async () => {
  // Two repositories of the same name under different owners, bootstrapped in one account.
  fx = await startFixture({ repositories: [REPOSITORY, OTHER], latencies: { cfnResource: { default: 20, ChangeSet: 50, 'AWS::IAM::Role': 60, 'ECS::Stabilize': 300 } } });
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const admin = () => new CloudFormationClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
const live = (name: string) => fx.state().stacks.find((s) => s.stackName === name && s.status !== 'DELETE_COMPLETE');
const cfnWrites = () => fx.sandbox.log.filter((e) => e.mutating && e.service === 'cloudformation');
const awsCalls = () => fx.sandbox.log.filter((e) => e.service !== 'github');

/** Everything a stack is: status, tags, parameters, resources and the template CloudFormation holds. */
async function fingerprint(name: string) {
  const stack = live(name)!;
  const template = await admin().send(new GetTemplateCommand({ StackName: name }));
  return JSON.stringify({ stack, template: template.TemplateBody });
}

// First in the file: destroy deletes the shared workspace only when no other environment of the
// repository exists, and the tests below leave environments behind.
describe('the repository\'s Grafana role stack', () => {
  it('is kept by destroy while another workspace uses the role, and re-created (with the workspace pointed at it) by provision', async () => {
    const pr = fx.pullRequest();
    const roleStack = grafanaRoleStackName(REPOSITORY);
    const first = ok(await fx.run({ mode: 'provision' }, { pr }));
    const second = ok(await fx.run({ mode: 'provision', 'grafana-workspace-name': 'acme-shop-previews-2' }, { pr }));
    const roleArn = live(roleStack)!.outputs.RoleArn;
    const ws = (id: string) => fx.state().grafanaWorkspaces.find((w) => w.id === id);
    expect(ws(first.outputs['grafana-workspace-id'])!.roleArn).toBe(roleArn);
    expect(ws(second.outputs['grafana-workspace-id'])!.roleArn).toBe(roleArn);

    const destroy = ok(await fx.run({ mode: 'destroy', 'delete-grafana-workspace': 'true' }, { pr }));
    expect(ws(first.outputs['grafana-workspace-id'])).toBeUndefined();
    expect(live(roleStack)!.status).toBe('CREATE_COMPLETE');
    const plan = JSON.parse(destroy.outputs.plan) as { kind: string; target: string; status: string; detail?: string }[];
    expect(plan.filter((r) => r.kind === 'grafana-workspace')).toEqual([expect.objectContaining({ target: `Grafana workspace ${first.outputs['grafana-workspace-id']}`, status: 'done' })]);
    expect(plan.filter((r) => r.kind === 'grafana-role-stack')).toEqual([expect.objectContaining({
      target: `stack ${roleStack}`, status: 'kept', detail: `its role is still used by Grafana workspace ${second.outputs['grafana-workspace-id']}` })]);

    // The role stack goes anyway (by hand): the second workspace's role no longer exists.
    await admin().send(new DeleteStackCommand({ StackName: roleStack }));
    await waitFor(() => !live(roleStack), 10_000);
    expect(fx.state().roles.some((r) => r.arn === roleArn)).toBe(false);

    const again = ok(await fx.run({ mode: 'provision', 'grafana-workspace-name': 'acme-shop-previews-2' }, { pr }));
    expect(again.outputs['grafana-workspace-id']).toBe(second.outputs['grafana-workspace-id']);
    expect(again.log).toMatch(/pointing it at arn:aws:iam::\d+:role\/ecs-amp-action\//);
    const recreated = live(roleStack)!.outputs.RoleArn;
    expect(recreated).not.toBe(roleArn);
    expect(fx.state().roles.some((r) => r.arn === recreated)).toBe(true);
    expect(ws(second.outputs['grafana-workspace-id'])).toMatchObject({ roleArn: recreated, status: 'ACTIVE' });
  });
});

describe('another repository\'s stack', () => {
  it('is refused by deploy and destroy and left untouched, and the two repositories\' default names differ', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    const mine = defaultStackName(REPOSITORY, `pr-${pr}`);
    expect(live(mine)!.status).toBe('CREATE_COMPLETE');
    const before = await fingerprint(mine);

    // other-org/shop has a PR of the same number: the same environment, in the same account.
    fx.sandbox.github.addPullRequest(OTHER, pr);
    const as = { repository: OTHER, pr };
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, as));
    fx.sandbox.clearLog();
    // stack-name as the old default named both (preview-shop-pr-N): the same name.
    const deploy = await fx.run({ mode: 'deploy', 'stack-name': mine }, as);
    expect(deploy.code).toBe(1);
    expect(deploy.errors).toHaveLength(1);
    expect(deploy.errors[0]).toContain(`Stack ${mine} (CREATE_COMPLETE) is not this run's to update: it belongs to acme/shop environment 'pr-${pr}' (PR #${pr})`);
    expect(deploy.errors[0]).toContain('ecs-amp-action:repository=acme/shop');
    expect(deploy.errors[0]).toContain(`this run is other-org/shop environment 'pr-${pr}' (PR #${pr})`);
    expect(deploy.errors[0]).toMatch(/\nFix: Check stack-name and environment/);
    expect(cfnWrites()).toEqual([]);

    const destroy = await fx.run({ mode: 'destroy', 'stack-name': mine }, as);
    expect(destroy.code).toBe(1);
    expect(destroy.errors[0]).toContain(`Stack ${mine} (CREATE_COMPLETE) is not this run's to delete`);
    expect(cfnWrites()).toEqual([]);
    expect(await fingerprint(mine)).toBe(before);

    // Its own default name is its own stack.
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, as));
    const theirs = ok(await fx.run({ mode: 'deploy' }, as)).outputs['stack-name'];
    expect(theirs).toBe(defaultStackName(OTHER, `pr-${pr}`));
    expect(theirs).not.toBe(mine);
    expect(live(theirs)!.tags).toMatchObject({ 'ecs-amp-action:repository': OTHER, 'ecs-amp-action:pr': String(pr) });
    expect(await fingerprint(mine)).toBe(before);
  });

  it('is refused also when it is ROLLBACK_COMPLETE, by a role that could delete it', async () => {
    const pr = fx.pullRequest();
    const name = `preview-shared-${pr}`;
    // other-org/shop's failed first create, tagged as the action tags: the teardown role's IAM
    // condition (aws:ResourceTag managed-by) would let acme/shop delete it; only the action stops it.
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'TaskRole', stackName: name }, 'simulated failure', { operation: 'CREATE' });
    await admin().send(new CreateStackCommand({
      StackName: name, TemplateBody: readFileSync(join(__dirname, '..', '..', 'templates', 'preview-stack.yaml'), 'utf8'), Capabilities: ['CAPABILITY_IAM'],
      Parameters: [['EnvironmentName', `pr-${pr}`], ['AmpWorkspaceArn', `arn:aws:aps:${REGION}:123456789012:workspace/ws-x`], ['AdotConfig', 'receivers: {}'], ['AdotImage', 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0']]
        .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      Tags: [['ecs-amp-action:managed-by', 'ecs-amp-action'], ['ecs-amp-action:repository', OTHER], ['ecs-amp-action:environment', `pr-${pr}`], ['ecs-amp-action:pr', String(pr)]].map(([Key, Value]) => ({ Key, Value })),
    }));
    await waitFor(() => live(name)?.status === 'ROLLBACK_COMPLETE', 10_000);
    const before = await fingerprint(name);

    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    fx.sandbox.clearLog();
    // Administrator credentials: IAM allows everything, so the refusal is the action's own.
    const deploy = await fx.run({ mode: 'deploy', 'stack-name': name }, { pr, oidc: false });
    expect(deploy.code).toBe(1);
    expect(deploy.errors[0]).toContain(`Stack ${name} (ROLLBACK_COMPLETE) is not this run's to update: it belongs to other-org/shop environment 'pr-${pr}' (PR #${pr})`);
    const destroy = await fx.run({ mode: 'destroy', 'stack-name': name }, { pr });
    expect(destroy.code).toBe(1);
    expect(destroy.errors[0]).toContain(`Stack ${name} (ROLLBACK_COMPLETE) is not this run's to delete`);
    expect(cfnWrites()).toEqual([]);
    expect(await fingerprint(name)).toBe(before);
  });

  it('is refused when it is an empty REVIEW_IN_PROGRESS stack of another repository\'s dry run; this repository\'s own dry-run stack is used', async () => {
    const pr = fx.pullRequest();
    fx.sandbox.github.addPullRequest(OTHER, pr);
    const name = `preview-dry-${pr}`;
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { repository: OTHER, pr }));
    ok(await fx.run({ mode: 'deploy', 'stack-name': name, 'dry-run': 'true' }, { repository: OTHER, pr }));
    // As CloudFormation does it: the empty stack has no tags, its kept change set has them.
    expect(live(name)).toMatchObject({ status: 'REVIEW_IN_PROGRESS', tags: {}, resources: [] });

    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    fx.sandbox.clearLog();
    const refused = await fx.run({ mode: 'deploy', 'stack-name': name }, { pr });
    expect(refused.code).toBe(1);
    expect(refused.errors[0]).toContain(`Stack ${name} (REVIEW_IN_PROGRESS) is not this run's to update: its pending change set belongs to other-org/shop environment 'pr-${pr}'`);
    expect(cfnWrites()).toEqual([]);

    // The repository whose dry run it was deploys into it.
    ok(await fx.run({ mode: 'deploy', 'stack-name': name }, { repository: OTHER, pr }));
    expect(live(name)).toMatchObject({ status: 'CREATE_COMPLETE', tags: { 'ecs-amp-action:repository': OTHER } });
  });
});

describe('a branch named like a PR', () => {
  it('gets its own environment, never the PR\'s workspace or stack, and cannot name the PR\'s environment', async () => {
    const pr = fx.pullRequest();
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    const prStack = defaultStackName(REPOSITORY, `pr-${pr}`);
    const before = await fingerprint(prStack);
    const prWorkspace = fx.state().ampWorkspaces.find((w) => w.alias === `acme/shop/pr-${pr}`)!;

    // A push to a branch named pr-<n> (administrator credentials: the preview role trusts only PR runs).
    const push = { oidc: false, env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF_NAME: `pr-${pr}` } };
    const provision = ok(await fx.run({ mode: 'provision', grafana: 'false' }, push));
    expect(provision.outputs.environment).toBe(`branch-pr-${pr}`);
    expect(provision.outputs['amp-workspace-id']).not.toBe(prWorkspace.id);
    const deploy = ok(await fx.run({ mode: 'deploy' }, push));
    expect(deploy.outputs['stack-name']).toBe(defaultStackName(REPOSITORY, `branch-pr-${pr}`));
    expect(live(deploy.outputs['stack-name'])!.tags).not.toHaveProperty('ecs-amp-action:pr');
    expect(await fingerprint(prStack)).toBe(before);
    expect(fx.state().ampWorkspaces.find((w) => w.id === prWorkspace.id)).toEqual(prWorkspace);

    fx.sandbox.clearLog();
    for (const mode of ['deploy', 'destroy']) {
      const named = await fx.run({ mode, environment: `pr-${pr}` }, push);
      expect(named.code).toBe(1);
      expect(named.errors[0]).toMatch(new RegExp(`^Input 'environment': 'pr-${pr}' is reserved for pull request #${pr}, and this run is not for a pull request`));
    }
    expect(awsCalls()).toEqual([]);
    expect(await fingerprint(prStack)).toBe(before);
  });
});

describe('a workflow_run run of a fork PR', () => {
  const sha = 'c0ffee'.padEnd(40, '0');

  it('deploys into the PR\'s environment with the PR tag, looking the PR up by the fork\'s head', async () => {
    const pr = fx.forkPullRequest('someone/shop', 'feature-x', sha);
    // GitHub lists no pull_requests for a fork PR's run.
    const as = { oidc: false, workflowRun: { headRepository: 'someone/shop', headBranch: 'feature-x', headSha: sha } };
    const provision = ok(await fx.run({ mode: 'provision', grafana: 'false' }, as));
    expect(provision.outputs.environment).toBe(`pr-${pr}`);
    expect(fx.sandbox.log.some((e) => e.service === 'github' && e.operation === 'GET /repos/acme/shop/pulls')).toBe(true);
    const deploy = ok(await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/shop:fork' }, as));
    const stack = live(deploy.outputs['stack-name'])!;
    expect(stack.stackName).toBe(defaultStackName(REPOSITORY, `pr-${pr}`));
    expect(stack.tags).toMatchObject({ 'ecs-amp-action:environment': `pr-${pr}`, 'ecs-amp-action:pr': String(pr) });
    expect(fx.state().ampWorkspaces.find((w) => w.id === provision.outputs['amp-workspace-id'])!.tags).toMatchObject({ 'ecs-amp-action:pr': String(pr) });
    expect(fx.comments(pr).length).toBeGreaterThan(0);
  });

  it('takes a same-repository PR from workflow_run.pull_requests, and fails before any AWS call when the PR cannot be found', async () => {
    const pr = fx.pullRequest();
    const listed = ok(await fx.run({ mode: 'provision', grafana: 'false' }, { oidc: false, workflowRun: { headRepository: REPOSITORY, headBranch: `feature-${pr}`, headSha: sha, pullRequests: [pr] } }));
    expect(listed.outputs.environment).toBe(`pr-${pr}`);

    fx.sandbox.clearLog();
    const missing = await fx.run({ mode: 'deploy' }, { oidc: false, workflowRun: { headRepository: 'someone/shop', headBranch: 'no-such-branch', headSha: sha } });
    expect(missing.code).toBe(1);
    expect(missing.errors[0]).toMatch(/^Input 'environment': could not be derived: this workflow_run run's pull request could not be determined \(no pull request of acme\/shop has head "someone:no-such-branch"/);
    expect(awsCalls()).toEqual([]);
  });

  it('is not trusted by the bootstrap preview role (its OIDC subject is the default branch\'s, not pull_request)', async () => {
    const pr = fx.forkPullRequest('someone/shop', 'feature-y', sha.replace('c0', 'c1'));
    const run = await fx.run({ mode: 'provision', grafana: 'false' }, { workflowRun: { headRepository: 'someone/shop', headBranch: 'feature-y', headSha: sha.replace('c0', 'c1') } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/AssumeRoleWithWebIdentity|not authorized|trust/i);
    expect(fx.state().ampWorkspaces.some((w) => w.alias === `acme/shop/pr-${pr}`)).toBe(false);
  });
});
