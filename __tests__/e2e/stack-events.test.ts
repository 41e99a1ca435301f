import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { ok } from './support';
import { defaultStackName } from '../../src/aws/stack-names';

/**
 * A stack operation's events are found by the ClientRequestToken the action started it with, so CloudFormation's
 * clock may be minutes off the runner's and the run still reports its own operation's events and root cause.
 */
const stackFor = (pr: number) => defaultStackName('acme/shop', `pr-${pr}`);

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture({ latencies: { cfnResource: { default: 20, ChangeSet: 50, 'AWS::IAM::Role': 60, 'ECS::Stabilize': 300 } } });
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.reset();
  fx.sandbox.cloudformation.eventClockSkewMs = 0;
});

async function provisioned(): Promise<number> {
  const pr = fx.pullRequest();
  ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
  return pr;
}

const stackOf = (pr: number) => fx.state().stacks.find((s) => s.stackName === stackFor(pr) && s.status !== 'DELETE_COMPLETE');
const executions = () => fx.sandbox.log.filter((e) => e.service === 'cloudformation' && e.operation === 'ExecuteChangeSet' && e.status === 200);

describe('stack events scoped by client request token', () => {
  it('names the root cause of a failed create when CloudFormation\'s clock is 10 minutes behind the runner\'s', async () => {
    const pr = await provisioned();
    fx.sandbox.cloudformation.eventClockSkewMs = -10 * 60_000;
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'TaskRole', stackName: stackFor(pr) }, 'User is not authorized to perform: iam:PutRolePolicy', { operation: 'CREATE' });
    const failed = await fx.run({ mode: 'deploy' }, { pr });
    expect(failed.code).toBe(1);
    expect(stackOf(pr)).toBeUndefined();
    expect(executions()).toHaveLength(1);
    expect(failed.errors[0]).toMatch(/Root cause: TaskRole \(AWS::IAM::Role\) CREATE_FAILED: User is not authorized to perform: iam:PutRolePolicy/);
    // The events streamed are the operation's, timestamped by CloudFormation's clock.
    expect(failed.log).toMatch(/CREATE_FAILED\s+AWS::IAM::Role TaskRole/);
  });

  it('reports only this update\'s events and cause when CloudFormation\'s clock is 10 minutes ahead', async () => {
    const pr = await provisioned();
    fx.sandbox.cloudformation.eventClockSkewMs = 10 * 60_000;
    ok(await fx.run({ mode: 'deploy' }, { pr }));
    const stackName = stackFor(pr);
    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'Service', stackName }, 'first update failed', { operation: 'UPDATE' });
    const first = await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/shop:v2' }, { pr });
    expect(first.code).toBe(1);
    expect(stackOf(pr)!.status).toBe('UPDATE_ROLLBACK_COMPLETE');

    fx.sandbox.cloudformation.injectResourceFailure({ logicalId: 'Service', stackName }, 'second update failed', { operation: 'UPDATE' });
    const second = await fx.run({ mode: 'deploy', 'app-image': 'public.ecr.aws/acme/shop:v3' }, { pr });
    expect(second.code).toBe(1);
    expect(stackOf(pr)!.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(second.errors[0]).toMatch(/Root cause: Service \(AWS::ECS::Service\) UPDATE_FAILED: second update failed/);
    // The earlier operations' events, all "newer" than the runner's clock, are not this run's.
    expect(second.log).not.toMatch(/first update failed/);
    expect(second.log).not.toMatch(/CREATE_COMPLETE\s+AWS::ECS::Service/);
  });

  it('refuses a ClientRequestToken CloudFormation would refuse', async () => {
    const { CloudFormationClient, DeleteStackCommand } = await import('@aws-sdk/client-cloudformation');
    const { REGION } = await import('../../sandbox/src/harness/fixture');
    const { STATIC_CREDENTIALS } = await import('../../sandbox/src/models/credentials');
    const cfn = new CloudFormationClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
    await expect(cfn.send(new DeleteStackCommand({ StackName: 'any', ClientRequestToken: '-starts-with-a-dash' }))).rejects.toThrow(/clientRequestToken/);
  });
});
