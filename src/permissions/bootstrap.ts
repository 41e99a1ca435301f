/**
 * The bootstrap template a platform team deploys once per repository (templates/bootstrap.yaml,
 * written by scripts/generate-iam.ts and checked equal to this by a test): GitHub's OIDC provider,
 * a preview role for pull-request runs, a teardown role for the destroy and cleanup jobs, the
 * manifest's policies, the permissions boundary of every role the action's templates create, and
 * optionally a CloudFormation service role.
 *
 * Trust (GitHub "OpenID Connect reference"; STS evaluates `sub`, `aud` and, since 2026, a list of
 * GitHub's other claims such as `job_workflow_ref`: Service Authorization Reference, STS condition
 * keys for token.actions.githubusercontent.com):
 * - the preview role: `sub` = `repo:<owner>/<repo>:pull_request`, what GitHub gives pull_request runs
 *   (the id-based `repo:<owner>@<id>/<repo>@<id>:pull_request` too when the ids are given);
 * - the teardown role: `job_workflow_ref` = the default branch's copy of the destroy or the cleanup
 *   workflow. pull_request_target and schedule runs load the workflow from the default branch, so
 *   the destroy and the sweep match; a pull request's own edit of a workflow (…@refs/pull/N/merge),
 *   a branch push or any other workflow does not, and the pull-request `sub` never gets it.
 */
import { MANAGED_BY } from '../tags';
import { Mode } from './manifest';
import { compileStatements, grantsOf, PolicyStatement } from './policy';
import { ARN, BOOTSTRAP_ROLE_PATH, BOUNDARY_POLICY_NAME, CLOUDFORMATION_SERVICE_ROLE_NAME, ROLE_PATH } from './scopes';

export const OIDC_PROVIDER_HOST = 'token.actions.githubusercontent.com';
export const STS_AUDIENCE = 'sts.amazonaws.com';
export const GITHUB_THUMBPRINTS = ['6938fd4d98bab03faadb97b34396831e3780aea1', '1c58a3a8518e8759bf075b76b750d4f2df264fcd'];
export const PREVIEW_MODES: Mode[] = ['provision', 'deploy', 'dashboard'];
export const TEARDOWN_MODES: Mode[] = ['destroy', 'cleanup'];

/**
 * What a role the action's templates create may do at most, whatever its own policies say: the
 * task execution role's managed policy, the task role's remote write, the Grafana workspace
 * role's queries.
 */
export const BOUNDARY_STATEMENTS = [
  {
    Sid: 'TaskExecution', Effect: 'Allow', Resource: '*',
    Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetAuthorizationToken', 'ecr:GetDownloadUrlForLayer', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  },
  { Sid: 'RemoteWrite', Effect: 'Allow', Action: ['aps:RemoteWrite'], Resource: { 'Fn::Sub': ARN.ampWorkspaces } },
  { Sid: 'ListWorkspaces', Effect: 'Allow', Action: ['aps:ListWorkspaces'], Resource: '*' },
  {
    Sid: 'QueryWorkspaces', Effect: 'Allow', Resource: { 'Fn::Sub': ARN.ampWorkspaces },
    Action: ['aps:DescribeWorkspace', 'aps:GetLabels', 'aps:GetMetricMetadata', 'aps:GetSeries', 'aps:QueryMetrics'],
  },
];

const sub = (s: string) => (s.includes('${') ? { 'Fn::Sub': s } : s);

/** Statements with their ARN patterns wrapped in Fn::Sub, as the template needs them. */
function templateStatements(statements: PolicyStatement[]) {
  return statements.map((s) => ({
    ...s,
    Resource: s.Resource.map(sub),
    ...(s.Condition ? {
      Condition: Object.fromEntries(Object.entries(s.Condition).map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys)
        .map(([k, v]) => [k, Array.isArray(v) ? v.map(sub) : sub(v)]))])),
    } : {}),
  }));
}

const policyDocument = (statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

function subjects(suffix: string) {
  const part = (i: number) => ({ 'Fn::Select': [i, { 'Fn::Split': ['/', { Ref: 'Repository' }] }] });
  const byName = { 'Fn::Sub': `repo:\${Repository}:${suffix}` };
  const byId = { 'Fn::Sub': [`repo:\${Owner}@\${OwnerId}/\${Name}@\${RepositoryId}:${suffix}`, { Owner: part(0), Name: part(1) }] };
  return [byName, { 'Fn::If': ['UseImmutableSubjects', byId, { Ref: 'AWS::NoValue' }] }];
}

const FEDERATED = { 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${OIDC_PROVIDER_HOST}` };

/** A workflow file on the default branch, as GitHub's `job_workflow_ref` claim names it. */
const defaultBranchWorkflow = (parameter: string) => ({ 'Fn::Sub': `\${Repository}/.github/workflows/\${${parameter}}@refs/heads/\${DefaultBranch}` });

/**
 * Pull-request runs of the repository; and, when ForkPreviewWorkflow is set, the default branch's
 * copy of that workflow, whatever event runs it: a `workflow_run` job runs on the default branch, so
 * its `sub` is `repo:<o>/<r>:ref:refs/heads/<default>`, never `…:pull_request`. It deploys a fork's
 * image without running the fork's code, which is why only the default branch's copy is trusted.
 */
function previewTrust() {
  return policyDocument([{
    Effect: 'Allow', Principal: { Federated: FEDERATED }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${OIDC_PROVIDER_HOST}:aud`]: STS_AUDIENCE, [`${OIDC_PROVIDER_HOST}:sub`]: subjects('pull_request') } },
  }, {
    'Fn::If': ['TrustForkPreviews', {
      Effect: 'Allow', Principal: { Federated: FEDERATED }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { [`${OIDC_PROVIDER_HOST}:aud`]: STS_AUDIENCE, [`${OIDC_PROVIDER_HOST}:job_workflow_ref`]: defaultBranchWorkflow('ForkPreviewWorkflow') },
        StringLike: { [`${OIDC_PROVIDER_HOST}:sub`]: subjects('*') },
      },
    }, { Ref: 'AWS::NoValue' }],
  }]);
}

/** The default branch's destroy and cleanup workflows, whatever event runs them. */
function teardownTrust() {
  return policyDocument([{
    Effect: 'Allow', Principal: { Federated: FEDERATED }, Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${OIDC_PROVIDER_HOST}:aud`]: STS_AUDIENCE, [`${OIDC_PROVIDER_HOST}:job_workflow_ref`]: [defaultBranchWorkflow('DestroyWorkflow'), defaultBranchWorkflow('CleanupWorkflow')] },
      StringLike: { [`${OIDC_PROVIDER_HOST}:sub`]: subjects('*') },
    },
  }]);
}

function managedPolicy(description: string, statements: unknown[], condition?: string) {
  return {
    Type: 'AWS::IAM::ManagedPolicy',
    ...(condition ? { Condition: condition } : {}),
    Properties: { Description: description, Path: BOOTSTRAP_ROLE_PATH, PolicyDocument: policyDocument(statements) },
  };
}

/**
 * IAM caps a managed policy at 6,144 characters (IAM User Guide, IAM and STS quotas), and the
 * preview stack's CloudFormation statements outgrew one: the load balancer's go in a policy of their own.
 */
const LOAD_BALANCER_PREFIX = 'elasticloadbalancing:';
const isLoadBalancerStatement = (s: PolicyStatement) => s.Action.every((a) => a.startsWith(LOAD_BALANCER_PREFIX));
function splitLoadBalancer(statements: PolicyStatement[]): [PolicyStatement[], PolicyStatement[]] {
  return [statements.filter((s) => !isLoadBalancerStatement(s)), statements.filter(isLoadBalancerStatement)];
}

function workflowRole(description: string, trust: unknown, direct: string, viaCloudFormation: string[]) {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: description,
      Path: BOOTSTRAP_ROLE_PATH,
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: trust,
      ManagedPolicyArns: [{ Ref: direct }, ...viaCloudFormation.map((p) => ({ 'Fn::If': ['UseServiceRole', { Ref: 'AWS::NoValue' }, { Ref: p }] }))],
      Tags: [{ Key: 'ecs-amp-action:managed-by', Value: MANAGED_BY }, { Key: 'ecs-amp-action:repository', Value: { Ref: 'Repository' } }],
    },
  };
}

export function bootstrapTemplate() {
  const previewGrants = grantsOf(PREVIEW_MODES);
  const teardownGrants = grantsOf(TEARDOWN_MODES);
  const [previewCloudFormation, previewLoadBalancer] = splitLoadBalancer(compileStatements(previewGrants, 'cloudformation'));
  const [serviceRole, serviceRoleLoadBalancer] = splitLoadBalancer(compileStatements([...previewGrants, ...teardownGrants], 'cloudformation', 'service-role'));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'ecs-amp-action bootstrap: GitHub OIDC trust, the preview and teardown roles of one repository and their policies, '
      + 'generated from the action\'s permission manifest (src/permissions). Deploy once per repository and account; it serves every region.',
    Parameters: {
      Repository: {
        Type: 'String', AllowedPattern: '[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+',
        Description: 'The GitHub repository, owner/name, whose workflows may assume the roles.',
      },
      OwnerId: { Type: 'String', Default: '', AllowedPattern: '[0-9]*', Description: 'With GitHub immutable subject claims: the owner\'s numeric id (also trusted beside the name form).' },
      RepositoryId: { Type: 'String', Default: '', AllowedPattern: '[0-9]*', Description: 'With GitHub immutable subject claims: the repository\'s numeric id.' },
      DefaultBranch: { Type: 'String', Default: 'main', AllowedPattern: '[A-Za-z0-9_./-]+', Description: 'The branch the destroy and cleanup workflows run from.' },
      DestroyWorkflow: { Type: 'String', Default: 'destroy.yml', AllowedPattern: '[A-Za-z0-9_.-]+', Description: 'File name of the destroy workflow in .github/workflows/.' },
      CleanupWorkflow: { Type: 'String', Default: 'cleanup.yml', AllowedPattern: '[A-Za-z0-9_.-]+', Description: 'File name of the cleanup workflow in .github/workflows/.' },
      ForkPreviewWorkflow: {
        Type: 'String', Default: '', AllowedPattern: '[A-Za-z0-9_.-]*',
        Description: 'File name of a workflow_run workflow in .github/workflows/ that deploys fork PRs\' previews; its default-branch copy may assume the preview role. Empty: none.',
      },
      CreateOidcProvider: { Type: 'String', Default: 'true', AllowedValues: ['true', 'false'], Description: 'false when the account already has the GitHub OIDC provider.' },
      CreatePermissionsBoundary: {
        Type: 'String', Default: 'true', AllowedValues: ['true', 'false'],
        Description: 'false when another repository\'s bootstrap stack in this account already created it.',
      },
      CreateCloudFormationServiceRole: {
        Type: 'String', Default: 'false', AllowedValues: ['true', 'false'],
        Description: 'true: CloudFormation works with a service role (pass its ARN as cloudformation-role-arn), the workflow roles only pass it.',
      },
    },
    Conditions: {
      CreateOidcProvider: { 'Fn::Equals': [{ Ref: 'CreateOidcProvider' }, 'true'] },
      CreatePermissionsBoundary: { 'Fn::Equals': [{ Ref: 'CreatePermissionsBoundary' }, 'true'] },
      UseServiceRole: { 'Fn::Equals': [{ Ref: 'CreateCloudFormationServiceRole' }, 'true'] },
      TrustForkPreviews: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ForkPreviewWorkflow' }, ''] }] },
      UseImmutableSubjects: { 'Fn::Not': [{ 'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'OwnerId' }, ''] }, { 'Fn::Equals': [{ Ref: 'RepositoryId' }, ''] }] }] },
    },
    Resources: {
      GitHubOidcProvider: {
        Type: 'AWS::IAM::OIDCProvider', Condition: 'CreateOidcProvider',
        // IAM verifies GitHub's tokens against its own trusted root CAs and ignores thumbprints for this
        // issuer (IAM user guide, "Create an OpenID Connect identity provider"); older CloudFormation
        // schemas still require the list, so GitHub's published ones are given.
        Properties: { Url: `https://${OIDC_PROVIDER_HOST}`, ClientIdList: [STS_AUDIENCE], ThumbprintList: GITHUB_THUMBPRINTS },
      },
      PermissionsBoundary: {
        Type: 'AWS::IAM::ManagedPolicy', Condition: 'CreatePermissionsBoundary',
        Properties: {
          ManagedPolicyName: BOUNDARY_POLICY_NAME, Path: ROLE_PATH,
          Description: 'The most any role created by ecs-amp-action\'s templates may do.',
          PolicyDocument: policyDocument(BOUNDARY_STATEMENTS),
        },
      },
      PreviewPolicy: managedPolicy('ecs-amp-action provision, deploy, dashboard: the API calls.', templateStatements(compileStatements(previewGrants, 'direct'))),
      PreviewCloudFormationPolicy: managedPolicy('ecs-amp-action provision, deploy: what CloudFormation does for the stacks\' resources.',
        templateStatements(previewCloudFormation), undefined),
      PreviewLoadBalancerPolicy: managedPolicy('ecs-amp-action deploy: what CloudFormation does for the preview\'s load balancer (expose: load-balancer).',
        templateStatements(previewLoadBalancer)),
      PreviewRole: workflowRole('ecs-amp-action: pull-request runs (provision, deploy, dashboard).', previewTrust(), 'PreviewPolicy', ['PreviewCloudFormationPolicy', 'PreviewLoadBalancerPolicy']),
      TeardownPolicy: managedPolicy('ecs-amp-action destroy, cleanup: the API calls.', templateStatements(compileStatements(teardownGrants, 'direct'))),
      TeardownCloudFormationPolicy: managedPolicy('ecs-amp-action destroy, cleanup: what CloudFormation does to delete the stacks\' resources.',
        templateStatements(compileStatements(teardownGrants, 'cloudformation'))),
      TeardownRole: workflowRole('ecs-amp-action: the default branch\'s destroy and cleanup workflows.', teardownTrust(), 'TeardownPolicy', ['TeardownCloudFormationPolicy']),
      CloudFormationServicePolicy: managedPolicy('ecs-amp-action: what CloudFormation does for the stacks\' resources, as the service role.',
        templateStatements(serviceRole), 'UseServiceRole'),
      CloudFormationServiceLoadBalancerPolicy: managedPolicy('ecs-amp-action: what CloudFormation does for the preview\'s load balancer, as the service role.',
        templateStatements(serviceRoleLoadBalancer), 'UseServiceRole'),
      CloudFormationServiceRole: {
        Type: 'AWS::IAM::Role', Condition: 'UseServiceRole',
        Properties: {
          RoleName: CLOUDFORMATION_SERVICE_ROLE_NAME,
          Path: BOOTSTRAP_ROLE_PATH,
          Description: 'ecs-amp-action: the CloudFormation service role (cloudformation-role-arn).',
          AssumeRolePolicyDocument: policyDocument([{
            Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }]),
          ManagedPolicyArns: [{ Ref: 'CloudFormationServicePolicy' }, { Ref: 'CloudFormationServiceLoadBalancerPolicy' }],
        },
      },
    },
    Outputs: {
      PreviewRoleArn: { Description: 'role-to-assume of the preview workflow (repository variable PREVIEW_ROLE_ARN).', Value: { 'Fn::GetAtt': ['PreviewRole', 'Arn'] } },
      TeardownRoleArn: { Description: 'role-to-assume of the destroy and cleanup workflows (repository variable TEARDOWN_ROLE_ARN).', Value: { 'Fn::GetAtt': ['TeardownRole', 'Arn'] } },
      PermissionsBoundaryArn: { Description: 'The boundary of the roles the action\'s templates create.', Value: { 'Fn::Sub': ARN.boundary } },
      CloudFormationServiceRoleArn: { Condition: 'UseServiceRole', Description: 'cloudformation-role-arn', Value: { 'Fn::GetAtt': ['CloudFormationServiceRole', 'Arn'] } },
    },
  };
}
