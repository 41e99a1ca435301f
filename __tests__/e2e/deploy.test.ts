import { CloudFormationClient, CreateStackCommand, ListChangeSetsCommand } from '@aws-sdk/client-cloudformation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PreviewFixture, REGION, startFixture } from '../../sandbox/src/harness/fixture';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';
import { ok, waitFor } from './support';
import { defaultStackName } from '../../src/aws/stack-names';

/** The default stack name of acme/shop's PR `pr`. */
const stackFor = (pr: number) => defaultStackName('acme/shop', `pr-${pr}`);

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { cfnResource: { default: 20, ChangeSet: 50, 'AWS::IAM::Role': 60, 'ECS::Stabilize': 300 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.ecs.clearTaskFailure();
});


/** A PR with its AMP workspace provisioned (no Grafana: deploy does not need it). */
async function provisioned(): Promise<number> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
  return pr;
}

const stackOf = (pr: number) => fx.state().stacks.find((s) => s.stackName === stackFor(pr) && s.status !== 'DELETE_COMPLETE');
const mutating = () => fx.sandbox.log.filter((e) => e.mutating && e.service !== 'github');

describe('deploy through dist/index.js', () => {
  it('creates the stack with the collector wired to this environment\'s workspace, then reports no changes on a re-run', async () => {
    const pr = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy' }, { pr }));
    const stack = stackOf(pr)!;
    expect(stack.status).toBe('CREATE_COMPLETE');
    expect(stack.tags).toMatchObject({ 'ecs-amp-action:repository': 'acme/shop', 'ecs-amp-action:environment': `pr-${pr}` });
    const ws = fx.state().ampWorkspaces.find((w) => w.alias === `acme/shop/pr-${pr}`)!;
    expect(stack.parameters.AmpWorkspaceArn).toBe(ws.arn);
    expect(stack.parameters.AdotConfig).toContain(`endpoint: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/${ws.id}/api/v1/remote_write`);
    expect(run.outputs).toMatchObject({ 'stack-name': stackFor(pr), 'cluster-name': stackFor(pr), 'service-name': stackFor(pr) });
    expect(Number(run.outputs['change-count'])).toBeGreaterThanOrEqual(15);

    // The service really runs, and the task role may write to this workspace only.
    const service = [...fx.sandbox.ecs.services.values()].find((s) => s.name === stackFor(pr))!;
    expect(service.deployment.rolloutState).toBe('COMPLETED');
    const taskRole = fx.state().roles.find((r) => JSON.stringify(r.policies).includes('aps:RemoteWrite') && JSON.stringify(r.policies).includes(ws.arn));
    expect(taskRole).toBeDefined();
    expect(run.log).toMatch(/CREATE_COMPLETE\s+AWS::ECS::Service Service/);
    // A first deploy's additions: counted, and folded in a list.
    expect(fx.comments(pr)[0]).toContain(`**${run.outputs['change-count']} to add, 0 to modify, 0 to replace, 0 to remove**`);
    expect(fx.comments(pr)[0]).toMatch(/<details><summary>\d+ resource\(s\) to add<\/summary>[^]*\n- `Service` \(AWS::ECS::Service\)\n/);
    expect(run.summary).toContain('<summary>deploy: changes</summary>');

    fx.sandbox.clearLog();
    const again = ok(await fx.run({ mode: 'deploy' }, { pr }));
    expect(again.outputs['change-count']).toBe('0');
    expect(again.log).toMatch(/No changes\./);
    expect(mutating().map((e) => e.operation)).toEqual(['CreateChangeSet', 'DeleteChangeSet']);
    expect(fx.comments(pr)).toHaveLength(1);
  });

  it('shows a changed app image as the image before → after: the task definition replaced, the service following it', async () => {
    const pr = await provisioned();
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    const run = ok(await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/shop:v2' }, { pr }));
    expect(run.log).toMatch(/Modify +TaskDefinition \(AWS::ECS::TaskDefinition\) \[replacement\]\n +ContainerDefinitions\[app\]\.Image: .*prometheus-sample-app:latest → …\/acme\/shop:v2/);
    expect(run.outputs['change-count']).toBe('2');
    // The plan is in the log before CloudFormation starts on it.
    expect(run.log.indexOf('Changes:')).toBeGreaterThan(-1);
    expect(run.log.indexOf('Changes:')).toBeLessThan(run.log.indexOf('Executing change set'));
    const comment = fx.comments(pr)[0];
    expect(comment).toContain('**0 to add, 1 to modify, 1 to replace, 0 to remove**');
    expect(comment).toMatch(/ContainerDefinitions\\\[app\\\]\.Image: `[^`]+` → `…\/acme\/shop:v2`/);
    expect(comment).toMatch(/- `AppImage`: `[^`]+` → `…\/acme\/shop:v2`/);
    expect(stackOf(pr)!.status).toBe('UPDATE_COMPLETE');
    const service = [...fx.sandbox.ecs.services.values()].find((s) => s.name === stackFor(pr))!;
    expect(fx.sandbox.ecs.taskDefinitions.get(service.taskDefinition)!.containers[0].image).toBe('public.ecr.aws/acme/shop:v2');
  });

  it('dry-run shows the plan and changes nothing: the preview role may not delete the empty stack it leaves, which the next deploy uses', async () => {
    const pr = await provisioned();
    fx.sandbox.clearLog();
    const run = ok(await fx.run({ mode: 'deploy', 'dry-run': 'true' }, { pr }));
    expect(Number(run.outputs['change-count'])).toBeGreaterThan(0);
    // CloudFormation tags the empty stack only when a change set runs: the kept change set carries the tags.
    expect(stackOf(pr)).toMatchObject({ status: 'REVIEW_IN_PROGRESS', resources: [], tags: {} });
    expect(mutating().map((e) => [e.operation, e.status]).sort()).toEqual([['CreateChangeSet', 200], ['DeleteStack', 403]]);
    expect(run.log).toMatch(/this role may not delete stacks, so the empty stack preview-acme-shop-[0-9a-f]{8}-pr-\d+ \(REVIEW_IN_PROGRESS, no resources\) stays with this change set/);
    // A second dry run keeps only its own change set.
    ok(await fx.run({ mode: 'deploy', 'dry-run': 'true' }, { pr }));
    const cfn = new CloudFormationClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
    expect((await cfn.send(new ListChangeSetsCommand({ StackName: stackFor(pr) }))).Summaries).toHaveLength(1);
    expect(run.summary).toContain('planned changes (dry run)');

    ok(await fx.run({ mode: 'deploy' }, { pr }));
    expect(stackOf(pr)!.status).toBe('CREATE_COMPLETE');
  });

  it('reports the root cause of a failed first create, which CloudFormation deletes, and creates afresh on the next run', async () => {
    const pr = await provisioned();
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'TaskRole', stackName: stackFor(pr) }, 'User is not authorized to perform: iam:PutRolePolicy', { operation: 'CREATE' });
    const failed = await fx.run({ mode: 'deploy' }, { pr });
    expect(failed.code).toBe(1);
    expect(failed.log).toMatch(/::error::Stack preview-acme-shop-[0-9a-f]{8}-pr-\d+ failed to create and was deleted\. Root cause: TaskRole \(AWS::IAM::Role\) CREATE_FAILED: User is not authorized to perform: iam:PutRolePolicy/);
    expect(stackOf(pr)).toBeUndefined();
    expect(fx.state().roles.filter((r) => r.roleName.startsWith(`${stackFor(pr)}-`))).toEqual([]);

    ok(await fx.run({ mode: 'deploy' }, { pr }));
    expect(stackOf(pr)!.status).toBe('CREATE_COMPLETE');
  });

  it('leaves a ROLLBACK_COMPLETE stack it may not delete to the teardown role, and says so', async () => {
    const pr = await provisioned();
    const name = stackFor(pr);
    // A stack a run of an older version (or a person) left: created without OnStackFailure.
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'TaskRole', stackName: name }, 'simulated failure', { operation: 'CREATE' });
    const cfn = new CloudFormationClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
    const ws = fx.state().ampWorkspaces.find((w) => w.alias === `acme/shop/pr-${pr}`)!;
    await cfn.send(new CreateStackCommand({
      StackName: name, TemplateBody: readFileSync(join(__dirname, '..', '..', 'templates', 'preview-stack.yaml'), 'utf8'), Capabilities: ['CAPABILITY_IAM'],
      Parameters: [['EnvironmentName', `pr-${pr}`], ['AmpWorkspaceArn', ws.arn], ['AdotConfig', 'receivers: {}'], ['AdotImage', 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0']]
        .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      Tags: [['ecs-amp-action:managed-by', 'ecs-amp-action'], ['ecs-amp-action:repository', 'acme/shop'], ['ecs-amp-action:environment', `pr-${pr}`]].map(([Key, Value]) => ({ Key, Value })),
    }));
    await waitFor(() => stackOf(pr)!.status === 'ROLLBACK_COMPLETE', 10_000);

    const refused = await fx.run({ mode: 'deploy' }, { pr });
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(new RegExp(`^Stack ${name} is ROLLBACK_COMPLETE \\(a failed first create\\) and can only be deleted, which this role may not do: .*not authorized to perform: cloudformation:DeleteStack`));
    expect(refused.errors[0]).toMatch(/\nFix: Run the destroy workflow for this environment/);
    expect(stackOf(pr)!.status).toBe('ROLLBACK_COMPLETE');

    ok(await fx.run({ mode: 'destroy' }, { pr }));
    expect(stackOf(pr)).toBeUndefined();
    ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    expect(stackOf(pr)!.status).toBe('CREATE_COMPLETE');
  });

  it('fails a service that never stabilises with the tasks\' stop reason', async () => {
    const pr = await provisioned();
    fx.sandbox.ecs.failTasks('CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref public.ecr.aws/acme/missing:1', 'app');
    const run = await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/missing:1' }, { pr });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^Stack preview-acme-shop-[0-9a-f]{8}-pr-\d+ failed to create and was deleted\. Root cause: Service \(AWS::ECS::Service\) CREATE_FAILED: .*ECS Deployment Circuit Breaker was triggered/);
    expect(run.errors[0]).toMatch(/\nStopped tasks:\ntask \w+ stopped \(TaskFailedToStart\): Task failed to start — app: CannotPullContainerError/);
    // The circuit breaker stopped three tasks for one cause: however many the watcher saw, the cause is said once.
    const stopped = [...fx.sandbox.ecs.tasks.values()].filter((t) => t.clusterArn.endsWith(`/${stackFor(pr)}`) && t.stopCode === 'TaskFailedToStart');
    expect(stopped).toHaveLength(3);
    expect(run.errors[0].match(/ stopped \(TaskFailedToStart\)/g)).toHaveLength(1);
    expect(run.warnings.filter((w) => / stopped \(TaskFailedToStart\)/.test(w))).toHaveLength(1);
    expect(stackOf(pr)).toBeUndefined();
  });

  it('continues a rollback that failed (UPDATE_ROLLBACK_FAILED), then updates', async () => {
    const pr = await provisioned();
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    const stackName = stackFor(pr);
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'Service', stackName }, 'Service update failed', { operation: 'UPDATE' });
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'TaskDefinition', stackName }, 'Rollback failed: throttled', { operation: 'UPDATE', duringRollback: true });
    const failed = await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/shop:v3' }, { pr });
    expect(failed.code).toBe(1);
    expect(stackOf(pr)!.status).toBe('UPDATE_ROLLBACK_FAILED');
    expect(failed.errors[0]).toMatch(/ended in UPDATE_ROLLBACK_FAILED\. Root cause: Service \(AWS::ECS::Service\) UPDATE_FAILED: Service update failed/);

    const retried = ok(await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/shop:v3' }, { pr }));
    expect(retried.log).toMatch(/UPDATE_ROLLBACK_FAILED; continuing the rollback before updating/);
    expect(fx.sandbox.log.some((e) => e.operation === 'ContinueUpdateRollback' && e.status === 200)).toBe(true);
    expect(stackOf(pr)!.status).toBe('UPDATE_COMPLETE');
  });

  it('waits for a stack a cancelled run left in progress', async () => {
    const pr = await provisioned();
    // The service takes 3 s to stabilise, so the stack is surely still in progress when the second
    // process (half a second to start) asks for it.
    const before = fx.sandbox.setLatencies({});
    fx.sandbox.setLatencies({ cfnResource: { ...before.cfnResource, 'ECS::Stabilize': 3000 } });
    const first = fx.run({ mode: 'deploy' }, { pr });
    for (let i = 0; i < 200 && !stackOf(pr)?.status.endsWith('_IN_PROGRESS'); i++) await new Promise((r) => setTimeout(r, 10));
    const second = fx.run({ mode: 'deploy' }, { pr });
    ok(await first);
    const run = ok(await second);
    fx.sandbox.setLatencies({ cfnResource: before.cfnResource });
    expect(run.log).toMatch(/is (CREATE_IN_PROGRESS|REVIEW_IN_PROGRESS)|changed under us/);
    expect(stackOf(pr)!.status).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
  });

  it.each([
    ['cpu', { cpu: 'lots' }],
    ['memory', { cpu: '256', memory: '4096' }],
    ['subnet-ids', { 'vpc-id': 'vpc-0123456789abcdef0', 'subnet-ids': 'subnet-1,oops' }],
    ['adot-image', { 'adot-image': 'public.ecr.aws/aws-observability/aws-otel-collector:latest' }],
    ['app-port', { 'app-port': '80a' }],
  ])('rejects a bad %s before any AWS call', async (input, bad) => {
    const run = await fx.run({ mode: 'deploy', ...bad }, { pr: fx.pullRequest() });
    expect(run.code).toBe(1);
    expect(run.log.split('\n').filter((l) => l.startsWith('::error::'))[0]).toContain(`Input '${input}'`);
    // GitHub only: the comment says this commit's step failed.
    expect(fx.sandbox.log.filter((e) => e.service !== 'github')).toEqual([]);
  });

  it('asks for provision first when the environment has no workspace', async () => {
    const run = await fx.run({ mode: 'deploy' }, { pr: fx.pullRequest() });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/No AMP workspace of environment 'pr-\d+' was found[\s\S]*mode: provision first/);
    expect(mutating()).toEqual([]);
  });
});
