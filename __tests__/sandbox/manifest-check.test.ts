import { AuthorizationRecord } from '../../sandbox/src/iam/authorizer';
import { ManifestCheck } from '../../sandbox/src/iam/manifest-check';
import { startFixture } from '../../sandbox/src/harness/fixture';

// The fixture holds every run to its mode's manifest; these prove the check can fail.
const record = (action: string, resource: string, context: Record<string, string | string[]> = {}): AuthorizationRecord => ({
  seq: 1, principal: 'arn:aws:sts::123456789012:assumed-role/r/run-1', action, resource, allowed: true,
  context: { 'aws:RequestedRegion': 'eu-west-1', ...context },
});

describe('the manifest check', () => {
  const check = new ManifestCheck();
  const changeSet = record('cloudformation:CreateChangeSet', 'arn:aws:cloudformation:eu-west-1:123456789012:stack/preview-shop-pr-1/*', { 'aws:RequestTag/ecs-amp-action:managed-by': 'ecs-amp-action', 'aws:TagKeys': ['ecs-amp-action:managed-by'] });
  const deleteWorkspace = record('aps:DeleteWorkspace', 'arn:aws:aps:eu-west-1:123456789012:workspace/ws-1', { 'aws:ResourceTag/ecs-amp-action:managed-by': 'ecs-amp-action' });
  const createVpc = record('ec2:CreateVpc', 'arn:aws:ec2:eu-west-1:123456789012:vpc/*', { 'aws:CalledVia': ['cloudformation.amazonaws.com'] });

  it('passes what the mode\'s grants allow and names what they do not', async () => {
    expect(await check.violations('deploy', [changeSet, createVpc])).toEqual([]);
    expect(await check.violations('destroy', [deleteWorkspace])).toEqual([]);
    expect(await check.violations('dashboard', [changeSet])).toEqual([expect.objectContaining({ mode: 'dashboard', action: 'cloudformation:CreateChangeSet' })]);
    expect(await check.violations('provision', [deleteWorkspace])).toEqual([expect.objectContaining({ action: 'aps:DeleteWorkspace' })]);
    // Teardown deletes; it never creates through CloudFormation.
    expect(await check.violations('destroy', [createVpc])).toEqual([expect.objectContaining({ action: 'ec2:CreateVpc' })]);
    // The same call made directly, not through CloudFormation, is outside every mode's grants.
    expect(await check.violations('deploy', [{ ...createVpc, context: { 'aws:RequestedRegion': 'eu-west-1' } }])).toHaveLength(1);
    // A denied request is the run's own failure, not the manifest's.
    expect(await check.violations('dashboard', [{ ...changeSet, allowed: false }])).toEqual([]);
  });

  it('sees every IAM decision of a fixture run, direct and CloudFormation\'s', async () => {
    const fx = await startFixture({ latencies: { cfnResource: { default: 5, ChangeSet: 5, 'ECS::Stabilize': 20 } } });
    try {
      const pr = fx.pullRequest();
      const run = await fx.run({ mode: 'provision' }, { pr });
      expect(run.code).toBe(0);
      const session = fx.sandbox.authorizations.filter((r) => r.principal.includes(':assumed-role/ecs-amp-action-bootstrap-acme-shop-PreviewRole-'));
      expect(session.filter((r) => r.via === 'cloudformation').length).toBeGreaterThan(3);
      expect(session.filter((r) => !r.via).length).toBeGreaterThan(5);
      expect(await new ManifestCheck().violations('dashboard', session)).not.toEqual([]);
      expect(fx.manifestViolations()).toEqual([]);
    } finally {
      await fx.close();
    }
  });
});
