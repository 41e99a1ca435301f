import { grafanaRoleStackName } from '../../src/aws/stack-names';
import { ActionRun } from '../../sandbox/src/harness/run-action';
import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { STATIC_USER_ARN } from '../../sandbox/src/models/credentials';

const GRAFANA_ADMIN = 'user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab';

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture();
});

afterAll(async () => {
  await fx.close();
});

beforeEach(() => fx.reset());

function awsCalls(operation: string, service?: string) {
  return fx.sandbox.log.filter((e) => e.operation === operation && (!service || e.service === service) && !e.injected && e.status < 300);
}

function expectSucceeded(run: ActionRun) {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.log}`);
}

describe('provision through dist/index.js', () => {
  it('creates the AMP workspace, the Grafana role and workspace, and reports them', async () => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'provision', 'grafana-admins': GRAFANA_ADMIN, tags: 'team=payments' }, { pr });
    expectSucceeded(run);

    const state = fx.state();
    const ws = state.ampWorkspaces.filter((w) => w.alias === `acme/shop/pr-${pr}`);
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({
      status: 'ACTIVE',
      tags: {
        'ecs-amp-action:managed-by': 'ecs-amp-action', 'ecs-amp-action:repository': 'acme/shop',
        'ecs-amp-action:environment': `pr-${pr}`, 'ecs-amp-action:pr': String(pr), team: 'payments',
      },
    });
    expect(run.outputs).toMatchObject({
      environment: `pr-${pr}`,
      'amp-workspace-id': ws[0].id,
      'amp-workspace-arn': ws[0].arn,
      'amp-remote-write-url': `https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/${ws[0].id}/api/v1/remote_write`,
      'amp-query-url': `https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/${ws[0].id}/api/v1/query`,
    });

    const grafana = state.grafanaWorkspaces.filter((w) => w.name === 'acme-shop-previews');
    expect(grafana).toHaveLength(1);
    expect(grafana[0]).toMatchObject({ status: 'ACTIVE', permissionType: 'CUSTOMER_MANAGED' });
    expect(grafana[0].tags['ecs-amp-action:repository']).toBe('acme/shop');
    expect(grafana[0].admins).toContain('906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(run.outputs['grafana-workspace-id']).toBe(grafana[0].id);
    expect(run.outputs['grafana-url']).toBe(grafana[0].endpoint);

    // The workspace role came from the template, through CloudFormation, and trusts Grafana.
    const role = state.roles.find((r) => r.arn === grafana[0].roleArn);
    expect(role).toBeDefined();
    expect(JSON.stringify(role!.assumeRolePolicyDocument)).toContain('grafana.amazonaws.com');
    expect(role!.tags['ecs-amp-action:repository']).toBe('acme/shop');

    const comments = fx.comments(pr);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('<!-- ecs-amp-action:comment environment=pr-');
    expect(comments[0]).toContain('- **provision** ✅ succeeded');
    expect(comments[0]).toContain(ws[0].id);
    expect(run.summary).toContain('- **provision** ✅ succeeded');
    expect(run.summary).toContain(run.outputs['grafana-url']);

    // Every AWS call carried the action's user agent.
    expect(fx.sandbox.log.filter((e) => e.service !== 'github' && e.service !== 'oidc').every((e) => /ecs-amp-action\/\d/.test(e.userAgent ?? ''))).toBe(true);
  });

  it('reuses everything on a re-run: no second create, one comment updated in place', async () => {
    const pr = fx.pullRequest();
    expectSucceeded(await fx.run({ mode: 'provision' }, { pr }));
    const first = fx.state();
    fx.sandbox.clearLog();

    const again = await fx.run({ mode: 'provision' }, { pr });
    expectSucceeded(again);
    expect(awsCalls('CreateWorkspace')).toHaveLength(0);
    expect(awsCalls('CreateChangeSet')).toHaveLength(0);
    expect(fx.sandbox.log.filter((e) => e.mutating && e.service !== 'github')).toEqual([]);
    expect(fx.state().ampWorkspaces.map((w) => w.id)).toEqual(first.ampWorkspaces.map((w) => w.id));
    expect(again.log).toMatch(/Reusing AMP workspace/);
    expect(fx.comments(pr)).toHaveLength(1);
  });

  it('creates one AMP workspace when two runs of the same environment race', async () => {
    const pr = fx.pullRequest();
    const [a, b] = await Promise.all([fx.run({ mode: 'provision' }, { pr }), fx.run({ mode: 'provision' }, { pr })]);
    expectSucceeded(a);
    expectSucceeded(b);
    const ws = fx.state().ampWorkspaces.filter((w) => w.alias === `acme/shop/pr-${pr}`);
    expect(ws).toHaveLength(1);
    expect(a.outputs['amp-workspace-id']).toBe(ws[0].id);
    expect(b.outputs['amp-workspace-id']).toBe(ws[0].id);
    expect(fx.state().grafanaWorkspaces.filter((w) => w.name === 'acme-shop-previews')).toHaveLength(1);
  });

  it('succeeds with 30% of AWS requests throttled', async () => {
    fx.sandbox.setFaults({ throttleRate: 0.3 });
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'provision', environment: `throttled-${pr}` }, { pr });
    fx.sandbox.setFaults({ throttleRate: 0 });
    expectSucceeded(run);
    expect(fx.sandbox.log.filter((e) => e.injected === 'throttle').length).toBeGreaterThan(0);
    expect(fx.state().ampWorkspaces.filter((w) => w.alias === `acme/shop/throttled-${pr}`)).toHaveLength(1);
  });

  it.each([
    ['mode', { mode: 'deploy-everything' }],
    ['aws-region', { 'aws-region': 'mars-1' }],
    ['environment', { environment: 'PR_1' }],
    ['tags', { tags: 'no-equals-sign' }],
    ['grafana-admins', { 'grafana-admins': 'user:not-an-id' }],
  ])('fails on a bad %s before any AWS call', async (input, bad) => {
    const run = await fx.run({ mode: 'provision', ...bad }, { pr: fx.pullRequest() });
    expect(run.code).toBe(1);
    const errors = run.log.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Input '${input}'`);
    // GitHub only: the comment says this commit's step failed.
    expect(fx.sandbox.log.filter((e) => e.service !== 'github')).toEqual([]);
  });

  it('assumes the role with the OIDC token and never prints a credential or token', async () => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'provision' }, { pr, oidc: true });
    expectSucceeded(run);
    const secrets = fx.issuedSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(4); // OIDC token, key id, secret key, session token
    for (const secret of secrets) expect(run.masked).toContain(secret);
    const visible = run.log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const secret of [...secrets, fx.githubToken]) expect(visible).not.toContain(secret);
    expect(awsCalls('AssumeRoleWithWebIdentity', 'sts')).toHaveLength(1);
    // Every later AWS call was signed with the assumed role's session credentials.
    const keys = new Set(fx.sandbox.log.filter((e) => e.service === 'aps' || e.service === 'grafana').map((e) => e.accessKeyId));
    expect([...keys]).toHaveLength(1);
    expect([...keys][0]).toMatch(/^ASIA/);
  });

  it('explains that fork PRs get no OIDC token', async () => {
    const run = await fx.run({ mode: 'provision' }, { pr: fx.pullRequest(), oidc: false, fork: true, roleToAssume: true });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/::error::This pull request comes from a fork/);
    expect(run.log).toMatch(/pull_request_target/);
    expect(fx.sandbox.log.filter((e) => e.service !== 'github')).toEqual([]);
  });

  it('explains how to fix AWS_SSO without IAM Identity Center', async () => {
    fx.setSsoEnabled(false);
    const run = await fx.run({ mode: 'provision', 'grafana-workspace-name': `no-sso-${fx.pullRequest()}` }, { pr: fx.pullRequest() });
    fx.setSsoEnabled(true);
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/IAM Identity Center is not enabled/);
    expect(run.log).toMatch(/grafana-auth: SAML/);
  });

  it('fails with the ids Grafana rejected when an admin is not in IAM Identity Center', async () => {
    const unknown = '0123456789-00000000-0000-0000-0000-000000000000';
    const run = await fx.run({ mode: 'provision', 'grafana-admins': `user:${unknown}` }, { pr: fx.pullRequest() });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`Input 'grafana-admins': Grafana rejected some admins: ${unknown}`);
    const grafana = fx.state().grafanaWorkspaces.find((w) => w.name === 'acme-shop-previews')!;
    expect(grafana.admins).not.toContain(unknown);
  });

  it('only warns when the token cannot comment', async () => {
    const pr = fx.pullRequest();
    const run = await fx.run({ mode: 'provision', 'github-token': fx.readOnlyToken }, { pr });
    expectSucceeded(run);
    expect(run.log).toMatch(/::warning::Could not post the PR comment \(403/);
    expect(run.log).toMatch(/pull-requests: write/);
    expect(fx.comments(pr)).toHaveLength(0);
  });
});

describe('provision recovers and explains failures', () => {
  it('finds its sticky comment among more than a page of other comments', async () => {
    const pr = fx.pullRequest();
    for (let i = 0; i < 130; i++) fx.sandbox.github.comments.push({ id: 500_000 + pr * 1000 + i, repository: 'acme/shop', issue: pr, body: `review ${i}`, user: 'someone', createdAt: new Date(), updatedAt: new Date() });
    expectSucceeded(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    expectSucceeded(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
    const ours = fx.comments(pr).filter((c) => c.includes('<!-- ecs-amp-action:comment environment='));
    expect(ours).toHaveLength(1);
    expect(fx.sandbox.log.filter((e) => e.service === 'github' && e.operation.startsWith('GET') && e.status === 200).length).toBeGreaterThanOrEqual(4);
  });

  it('reports an AMP workspace that fails to create, and creates a fresh one on the next run', async () => {
    const pr = fx.pullRequest();
    fx.sandbox.amp.failNextCreate();
    const failed = await fx.run({ mode: 'provision', grafana: 'false' }, { pr });
    expect(failed.code).toBe(1);
    expect(failed.log).toMatch(/::error::AMP workspace ws-[^ ]+ is CREATION_FAILED/);
    expect(fx.comments(pr)[0]).toContain('- **provision** ❌ failed');

    const retried = await fx.run({ mode: 'provision', grafana: 'false' }, { pr });
    expectSucceeded(retried);
    const mine = fx.state().ampWorkspaces.filter((w) => w.alias === `acme/shop/pr-${pr}`);
    expect(mine.map((w) => w.status).sort()).toEqual(['ACTIVE', 'CREATION_FAILED']);
    expect(retried.outputs['amp-workspace-id']).toBe(mine.find((w) => w.status === 'ACTIVE')!.id);
    expect(fx.comments(pr)).toHaveLength(1);
    expect(fx.comments(pr)[0]).toContain('- **provision** ✅ succeeded');
  });

  it('names the root cause of a failed role stack, which CloudFormation deletes, and creates it on the next run', async () => {
    const pr = fx.pullRequest();
    const name = `recovery-${pr}`;
    // A fresh repository-level workspace name forces the workspace (and, for a new repository, its role) to be created.
    const stackName = grafanaRoleStackName('acme/shop');
    const existing = fx.state().stacks.find((s) => s.stackName === stackName && s.status !== 'DELETE_COMPLETE');
    if (existing) {
      // Earlier tests created the role stack: remove it so this run has to create it.
      await fx.sandbox.cloudformation.call('DeleteStack', { StackName: stackName }, { region: 'eu-west-1', accountId: '123456789012', accessKeyId: '', principalArn: STATIC_USER_ARN, requestId: '' });
      for (let i = 0; i < 100 && fx.state().stacks.some((s) => s.stackName === stackName && s.status !== 'DELETE_COMPLETE'); i++) await new Promise((r) => setTimeout(r, 50));
    }
    fx.sandbox.cloudformation.injectResourceFailure({ type: 'AWS::IAM::Role' }, 'API: iam:CreateRole User is not authorized to perform: iam:CreateRole', { operation: 'CREATE' });
    const failed = await fx.run({ mode: 'provision', 'grafana-workspace-name': name }, { pr });
    expect(failed.code).toBe(1);
    expect(failed.log).toMatch(/failed to create and was deleted\. Root cause: GrafanaWorkspaceRole \(AWS::IAM::Role\) CREATE_FAILED: API: iam:CreateRole User is not authorized/);
    expect(fx.state().stacks.find((s) => s.stackName === stackName && s.status !== 'DELETE_COMPLETE')).toBeUndefined();

    const retried = await fx.run({ mode: 'provision', 'grafana-workspace-name': name }, { pr });
    expectSucceeded(retried);
    expect(fx.state().stacks.find((s) => s.stackName === stackName && s.status !== 'DELETE_COMPLETE')?.status).toBe('CREATE_COMPLETE');
    expect(fx.state().grafanaWorkspaces.filter((w) => w.name === name)).toHaveLength(1);
  });
});
