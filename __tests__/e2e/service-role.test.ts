import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { ok } from './support';

// The bootstrap template with CreateCloudFormationServiceRole=true: CloudFormation does the stacks'
// work as the service role, and the workflow roles may only pass it.
let fx: PreviewFixture;
beforeAll(async () => {
  fx = await startFixture({ bootstrapParameters: { CreateCloudFormationServiceRole: 'true' }, latencies: { cfnResource: { default: 10, ChangeSet: 10, 'ECS::Stabilize': 50 } } });
});
afterAll(() => fx.close());

describe('with the bootstrap template\'s CloudFormation service role', () => {
  it('provisions, deploys and destroys with CloudFormation acting as the service role, the workflow roles only passing it', async () => {
    const roles = fx.sandbox.bootstrap['acme/shop'];
    const serviceRole = roles.cloudFormationServiceRoleArn!;
    expect(serviceRole).toMatch(/:role\/ecs-amp-action-bootstrap\/ecs-amp-action-cloudformation$/);
    // The workflow roles carry the API calls' policy only.
    for (const arn of [roles.previewRoleArn, roles.teardownRoleArn]) {
      expect([...fx.sandbox.iam.roles.values()].find((r) => r.arn === arn)!.managedPolicyArns).toHaveLength(1);
    }

    const pr = fx.pullRequest();
    const inputs = { 'cloudformation-role-arn': serviceRole };
    ok(await fx.run({ mode: 'provision', ...inputs }, { pr }));
    ok(await fx.run({ mode: 'deploy', ...inputs }, { pr }));
    const performers = new Set(fx.sandbox.authorizations.filter((r) => r.via === 'cloudformation').map((r) => r.principal));
    expect([...performers]).toEqual([`arn:aws:sts::123456789012:assumed-role/ecs-amp-action-cloudformation/AWSCloudFormation`]);
    expect(fx.sandbox.authorizations.filter((r) => r.action === 'iam:PassRole' && r.resource === serviceRole && r.allowed).length).toBeGreaterThanOrEqual(2);

    fx.closePullRequest(pr);
    ok(await fx.run({ mode: 'destroy', 'delete-grafana-workspace': 'true' }, { pr }));
    const state = fx.state();
    expect(state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE')).toEqual([]);
    expect(state.ampWorkspaces).toEqual([]);
    expect(state.grafanaWorkspaces).toEqual([]);
  });
});
