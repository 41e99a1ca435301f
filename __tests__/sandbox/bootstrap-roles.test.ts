import { AmpClient, CreateWorkspaceCommand, DeleteWorkspaceCommand, DescribeWorkspaceCommand } from '@aws-sdk/client-amp';
import {
  CloudFormationClient, CreateChangeSetCommand, CreateStackCommand, DeleteStackCommand, DescribeChangeSetCommand, DescribeStackEventsCommand,
  DescribeStacksCommand, ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { DeleteWorkspaceCommand as DeleteGrafanaWorkspaceCommand, GrafanaClient } from '@aws-sdk/client-grafana';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox, startSandbox } from '../../sandbox/src/http/server';
import { ACCOUNT_ID } from '../../sandbox/src/models/iam';
import { OidcJob } from '../../sandbox/src/models/oidc';
import { clientConfig, FAST, waitFor } from './support';

// The account as the README's setup leaves it (templates/bootstrap.yaml for acme/shop), and the
// tokens GitHub gives the jobs of the example workflows and of workflows an attacker could write.
const REPOSITORY = 'acme/shop';
const PREVIEW_TAGS = [{ Key: 'ecs-amp-action:managed-by', Value: 'ecs-amp-action' }, { Key: 'ecs-amp-action:repository', Value: REPOSITORY }];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ latencies: FAST, repositories: [REPOSITORY, 'other/repo'] });
});
afterAll(() => sandbox.close());

const JOBS: Record<string, Omit<OidcJob, 'repository'> & { repository?: string }> = {
  'a pull_request run of preview.yml': { event: 'pull_request', prNumber: 7, workflowFile: '.github/workflows/preview.yml' },
  'the pull_request_target destroy on the default branch': { event: 'pull_request_target', prNumber: 7, workflowFile: '.github/workflows/destroy.yml' },
  'the scheduled cleanup on the default branch': { event: 'schedule', workflowFile: '.github/workflows/cleanup.yml' },
  'a pull request that runs its own edit of destroy.yml': { event: 'pull_request', prNumber: 7, workflowFile: '.github/workflows/destroy.yml' },
  'a push to main': { event: 'push', ref: 'refs/heads/main', workflowFile: '.github/workflows/preview.yml' },
  'cleanup dispatched on a feature branch': { event: 'workflow_dispatch', ref: 'refs/heads/feature', workflowFile: '.github/workflows/cleanup.yml' },
  'another workflow of the default branch': { event: 'workflow_dispatch', ref: 'refs/heads/main', workflowFile: '.github/workflows/release.yml' },
  'a pull_request run of another repository': { repository: 'other/repo', event: 'pull_request', prNumber: 1, workflowFile: '.github/workflows/preview.yml' },
  'the workflow_run fork preview on the default branch': { event: 'workflow_run', ref: 'refs/heads/main', workflowFile: '.github/workflows/preview-fork.yml' },
  'a feature branch\'s copy of the fork preview': { event: 'workflow_dispatch', ref: 'refs/heads/feature', workflowFile: '.github/workflows/preview-fork.yml' },
};

async function assume(roleArn: string, job: Omit<OidcJob, 'repository'> & { repository?: string }) {
  const jwt = sandbox.oidc.mint(sandbox.oidc.grant({ repository: REPOSITORY, ...job }), 'sts.amazonaws.com')!;
  const sts = new STSClient(clientConfig(sandbox, { credentials: undefined }));
  const out = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'test', WebIdentityToken: jwt }));
  const c = out.Credentials!;
  return { arn: out.AssumedRoleUser!.Arn!, config: clientConfig(sandbox, { credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } }) };
}

const roles = () => sandbox.bootstrap[REPOSITORY];

describe('the bootstrap template\'s trust policies, evaluated by the sandbox\'s STS', () => {
  const expected: [string, 'preview' | 'teardown' | 'none'][] = [
    ['a pull_request run of preview.yml', 'preview'],
    ['the pull_request_target destroy on the default branch', 'teardown'],
    ['the scheduled cleanup on the default branch', 'teardown'],
    ['a pull request that runs its own edit of destroy.yml', 'preview'],
    ['a push to main', 'none'],
    ['cleanup dispatched on a feature branch', 'none'],
    ['another workflow of the default branch', 'none'],
    ['a pull_request run of another repository', 'none'],
    // Not trusted until ForkPreviewWorkflow names it (below).
    ['the workflow_run fork preview on the default branch', 'none'],
  ];
  it.each(expected)('%s may assume: %s', async (job, allowed) => {
    for (const role of ['preview', 'teardown'] as const) {
      const arn = role === 'preview' ? roles().previewRoleArn : roles().teardownRoleArn;
      const attempt = assume(arn, JOBS[job]);
      if (role === allowed) await expect(attempt).resolves.toMatchObject({ arn: expect.stringContaining(':assumed-role/') });
      else await expect(attempt).rejects.toMatchObject({ name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
    }
  });
});

describe('ForkPreviewWorkflow: the default branch\'s fork-preview workflow may assume the preview role', () => {
  let forkSandbox: Sandbox;
  beforeAll(async () => {
    forkSandbox = await startSandbox({ latencies: FAST, repositories: [REPOSITORY], bootstrapParameters: { ForkPreviewWorkflow: 'preview-fork.yml' } });
  });
  afterAll(() => forkSandbox.close());

  it.each([
    ['the workflow_run fork preview on the default branch', true],
    ['a feature branch\'s copy of the fork preview', false],
    ['another workflow of the default branch', false],
    ['a pull_request run of preview.yml', true],
  ] as const)('%s: %s', async (job, allowed) => {
    const jwt = forkSandbox.oidc.mint(forkSandbox.oidc.grant({ repository: REPOSITORY, ...JOBS[job] }), 'sts.amazonaws.com')!;
    const sts = new STSClient(clientConfig(forkSandbox, { credentials: undefined }));
    for (const [role, arn] of [['preview', forkSandbox.bootstrap[REPOSITORY].previewRoleArn], ['teardown', forkSandbox.bootstrap[REPOSITORY].teardownRoleArn]] as const) {
      const attempt = sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: arn, RoleSessionName: 'test', WebIdentityToken: jwt }));
      if (allowed && role === 'preview') await expect(attempt).resolves.toBeDefined();
      else await expect(attempt).rejects.toMatchObject({ name: 'AccessDenied' });
    }
  });
});

describe('what each role may do', () => {
  async function taggedWorkspace(): Promise<string> {
    const admin = new AmpClient(clientConfig(sandbox));
    const { workspaceId } = await admin.send(new CreateWorkspaceCommand({ alias: `acme/shop/pr-${Date.now()}`, tags: Object.fromEntries(PREVIEW_TAGS.map((t) => [t.Key, t.Value])) }));
    await waitFor(async () => ((await admin.send(new DescribeWorkspaceCommand({ workspaceId }))).workspace!.status!.statusCode === 'ACTIVE' ? true : undefined));
    return workspaceId!;
  }

  it('a pull-request token cannot delete a stack, an AMP workspace or a Grafana workspace', async () => {
    const { arn, config } = await assume(roles().previewRoleArn, JOBS['a pull_request run of preview.yml']);
    const workspaceId = await taggedWorkspace();
    const before = JSON.stringify(sandbox.state());
    await expect(new AmpClient(config).send(new DeleteWorkspaceCommand({ workspaceId }))).rejects.toMatchObject({
      name: 'AccessDeniedException', message: expect.stringContaining(`User: ${arn} is not authorized to perform: aps:DeleteWorkspace on resource: arn:aws:aps:`),
    });
    await expect(new CloudFormationClient(config).send(new DeleteStackCommand({ StackName: 'preview-shop-pr-7' }))).rejects.toMatchObject({
      name: 'AccessDenied', message: expect.stringContaining('cloudformation:DeleteStack'),
    });
    await expect(new GrafanaClient(config).send(new DeleteGrafanaWorkspaceCommand({ workspaceId: 'g-0123456789' }))).rejects.toMatchObject({
      name: 'AccessDeniedException', message: expect.stringContaining('grafana:DeleteWorkspace'),
    });
    expect(JSON.stringify(sandbox.state())).toBe(before);
  });

  it('the teardown role deletes only what carries the action\'s tags, and creates nothing', async () => {
    const { config } = await assume(roles().teardownRoleArn, JOBS['the scheduled cleanup on the default branch']);
    const admin = new AmpClient(clientConfig(sandbox));
    const { workspaceId: foreign } = await admin.send(new CreateWorkspaceCommand({ alias: 'someone-elses' }));
    await expect(new AmpClient(config).send(new DeleteWorkspaceCommand({ workspaceId: foreign! }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(new AmpClient(config).send(new CreateWorkspaceCommand({ alias: 'x', tags: { 'ecs-amp-action:managed-by': 'ecs-amp-action' } }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const ours = await taggedWorkspace();
    await expect(new AmpClient(config).send(new DeleteWorkspaceCommand({ workspaceId: ours }))).resolves.toBeDefined();

    // A stack named like a preview but not the action's (no ownership tags): IAM refuses its deletion.
    await new CloudFormationClient(clientConfig(sandbox)).send(new CreateStackCommand({ StackName: 'preview-not-ours', TemplateBody: 'Resources:\n  H:\n    Type: AWS::CloudFormation::WaitConditionHandle\n' }));
    await expect(new CloudFormationClient(config).send(new DeleteStackCommand({ StackName: 'preview-not-ours' }))).rejects.toMatchObject({
      name: 'AccessDenied', message: expect.stringContaining('cloudformation:DeleteStack'),
    });
  });
});

describe('no escalation through the preview role', () => {
  const boundary = `arn:aws:iam::${ACCOUNT_ID}:policy/ecs-amp-action/ecs-amp-action-permissions-boundary`;
  const roleTemplate = (props: string) => `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
${props}
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement: [{ Effect: Allow, Principal: { Service: ecs-tasks.amazonaws.com }, Action: sts:AssumeRole }]
`;

  /** Creates and executes a change set for a preview-* stack as the preview role; the stack's final status and failure reasons. */
  async function deployAsPreview(stackName: string, templateBody: string, extra: Record<string, unknown> = {}) {
    const { config } = await assume(roles().previewRoleArn, JOBS['a pull_request run of preview.yml']);
    const cfn = new CloudFormationClient(config);
    const { Id } = await cfn.send(new CreateChangeSetCommand({
      StackName: stackName, ChangeSetName: 'cs1', ChangeSetType: 'CREATE', TemplateBody: templateBody, Tags: PREVIEW_TAGS, Capabilities: ['CAPABILITY_IAM'], ...extra,
    }));
    await waitFor(async () => ((await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }))).Status === 'CREATE_COMPLETE' ? true : undefined));
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const status = await waitFor(async () => {
      const s = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0].StackStatus!;
      return /_IN_PROGRESS$/.test(s) ? undefined : s;
    }, 10_000);
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents ?? [];
    return { status, reasons: events.filter((e) => e.ResourceStatus === 'CREATE_FAILED').map((e) => e.ResourceStatusReason ?? '') };
  }

  const rolesNow = () => [...sandbox.iam.roles.values()].map((r) => r.arn);

  it('cannot create a role with an arbitrary managed policy', async () => {
    const before = rolesNow();
    const { status, reasons } = await deployAsPreview('preview-evil-admin', roleTemplate(`      Path: /ecs-amp-action/
      PermissionsBoundary: ${boundary}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]`));
    expect(status).toBe('ROLLBACK_COMPLETE');
    expect(reasons.join('\n')).toMatch(/not authorized to perform: iam:AttachRolePolicy on resource: arn:aws:iam::\d+:role\/ecs-amp-action\//);
    expect(rolesNow()).toEqual(before);
  });

  it('cannot create a role without the boundary, or outside the action\'s path', async () => {
    const before = rolesNow();
    const noBoundary = await deployAsPreview('preview-evil-unbounded', roleTemplate('      Path: /ecs-amp-action/'));
    expect(noBoundary.reasons.join('\n')).toMatch(/not authorized to perform: iam:CreateRole/);
    const elsewhere = await deployAsPreview('preview-evil-path', roleTemplate(`      PermissionsBoundary: ${boundary}`));
    expect(elsewhere.reasons.join('\n')).toMatch(/not authorized to perform: iam:CreateRole on resource: arn:aws:iam::\d+:role\/preview-evil-path/);
    expect(rolesNow()).toEqual(before);
  });

  it('passes roles only to ECS tasks, Grafana and CloudFormation\'s service role', async () => {
    const { arn } = await assume(roles().previewRoleArn, JOBS['a pull_request run of preview.yml']);
    const role = `arn:aws:iam::${ACCOUNT_ID}:role/ecs-amp-action/some-task-role`;
    const viaCfn = { 'aws:CalledVia': ['cloudformation.amazonaws.com'] };
    const pass = (resource: string, service: string, context: Record<string, string | string[]> = {}) => sandbox.authorizer.authorize(arn, 'eu-west-1', {
      action: 'iam:PassRole', resource, context: { 'iam:PassedToService': service, ...context },
    }).then((v) => v.allowed);
    expect(await pass(role, 'ecs-tasks.amazonaws.com', viaCfn)).toBe(true);
    expect(await pass(role, 'grafana.amazonaws.com')).toBe(true);
    expect(await pass(`arn:aws:iam::${ACCOUNT_ID}:role/ecs-amp-action-bootstrap/ecs-amp-action-cloudformation`, 'cloudformation.amazonaws.com')).toBe(true);
    for (const service of ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'cloudformation.amazonaws.com']) expect(await pass(role, service, viaCfn)).toBe(false);
    // Its own role, or the teardown role, to CloudFormation: refused.
    expect(await pass(roles().teardownRoleArn, 'cloudformation.amazonaws.com')).toBe(false);
    // Directly, not through CloudFormation, not even to ECS tasks.
    expect(await pass(role, 'ecs-tasks.amazonaws.com')).toBe(false);
  });

  it('cannot hand CloudFormation another role, nor import a resource into a preview stack', async () => {
    const { config } = await assume(roles().previewRoleArn, JOBS['a pull_request run of preview.yml']);
    const cfn = new CloudFormationClient(config);
    const body = readFileSync(join(__dirname, '..', '..', 'templates', 'grafana-workspace-role.yaml'), 'utf8');
    await expect(cfn.send(new CreateChangeSetCommand({
      StackName: 'preview-evil-role', ChangeSetName: 'cs1', ChangeSetType: 'CREATE', TemplateBody: body, Tags: PREVIEW_TAGS, RoleARN: roles().teardownRoleArn,
    }))).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('iam:PassRole') });
    await expect(cfn.send(new CreateChangeSetCommand({
      StackName: 'preview-evil-import', ChangeSetName: 'cs1', ChangeSetType: 'IMPORT', TemplateBody: body, Tags: PREVIEW_TAGS,
      ResourcesToImport: [{ ResourceType: 'AWS::IAM::Role', LogicalResourceId: 'GrafanaWorkspaceRole', ResourceIdentifier: { RoleName: 'anything' } }],
    }))).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('cloudformation:CreateChangeSet') });
  });
});
