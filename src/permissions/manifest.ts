/**
 * The permission manifest: for each mode, every AWS operation the action sends and every
 * permission CloudFormation needs for the templates' resources, each with the IAM actions it takes
 * and the resources they apply to. The bootstrap template's policies and the README's IAM section
 * are generated from it (scripts/generate-iam.ts); the sandbox enforces them.
 *
 * Facts and their sources:
 * - Actions, resource types and condition keys: the Service Authorization Reference.
 * - AMG with IAM Identity Center: the AMG user guide (creating a workspace with AWS_SSO needs
 *   sso:DescribeRegisteredRegions, sso:CreateManagedApplicationInstance, sso:GetSharedSsoConfiguration
 *   and organizations:DescribeOrganization; deleting it sso:DeleteManagedApplicationInstance), and for
 *   UpdatePermissions the IAM Identity Center statement of the AWS managed policy
 *   AWSGrafanaWorkspacePermissionManagementV2 (v1, 2024-01-05).
 * - DescribeStacks without a stack name lists every stack and needs cloudformation:ListStacks too
 *   (Service Authorization Reference, DescribeStacks: "to all stacks when used in combination with
 *   the ListStacks action").
 * - Tags given to CreateChangeSet are authorized as cloudformation:TagResource (its condition key
 *   cloudformation:CreateAction exists for that).
 * - What CloudFormation does for each resource: cloudformation-handlers.ts.
 */
import { Handler, HANDLER_PERMISSIONS, performedPermissions } from './cloudformation-handlers';
import { ACTION_TAG_ON_REQUEST, ACTION_TAG_ON_RESOURCE, ARN } from './scopes';

export const MODES = ['up', 'provision', 'deploy', 'dashboard', 'destroy', 'cleanup'] as const;
export type Mode = (typeof MODES)[number];

export type Conditions = Record<string, Record<string, string | string[]>>;

export interface Grant {
  /** What needs it: the API operation (`aps:CreateWorkspace`) or the CloudFormation handler. */
  for: string;
  actions: string[];
  /** Default: each action's scope from SCOPES. */
  resources?: string[];
  conditions?: Conditions;
  /**
   * CloudFormation performs it while it creates, updates or deletes the stack's resources: with the
   * workflow role's credentials (so the statement is limited to calls made through CloudFormation),
   * or with the CloudFormation service role's when one is used.
   */
  viaCloudFormation?: boolean;
}

/** The resources each action applies to, where every mode uses it alike. '*' where the action has no resource type. */
const SCOPES: Record<string, { resources: string[]; conditions?: Conditions }> = {};
const scope = (resources: string[], actions: string[], conditions?: Conditions) => {
  for (const action of actions) SCOPES[action] = { resources, conditions };
};
scope(['*'], ['aps:ListWorkspaces', 'grafana:ListWorkspaces', 'cloudformation:ListStacks', 'ecs:DescribeTaskDefinition', 'ecs:DeregisterTaskDefinition', 'logs:DescribeLogGroups']);
scope(['*'], ['aps:CreateWorkspace', 'grafana:CreateWorkspace'], ACTION_TAG_ON_REQUEST);
scope([ARN.ampWorkspaces], ['aps:DescribeWorkspace', 'aps:QueryMetrics']);
// FilterLogEvents' only resource type is log-group (Service Authorization Reference, CloudWatch Logs).
scope([ARN.collectorLogGroups], ['logs:FilterLogEvents']);
scope([ARN.ampWorkspaces], ['aps:DeleteWorkspace'], ACTION_TAG_ON_RESOURCE);
scope([ARN.grafanaWorkspaces], ['grafana:DescribeWorkspace', 'grafana:UpdatePermissions', 'grafana:ListWorkspaceServiceAccounts',
  'grafana:CreateWorkspaceServiceAccount', 'grafana:CreateWorkspaceServiceAccountToken', 'grafana:ListWorkspaceServiceAccountTokens',
  'grafana:DeleteWorkspaceServiceAccountToken']);
scope([ARN.grafanaWorkspaces], ['grafana:DeleteWorkspace', 'grafana:UpdateWorkspace'], ACTION_TAG_ON_RESOURCE);
// IAM Identity Center and Organizations have no resource types for these actions.
scope(['*'], ['sso:DescribeRegisteredRegions', 'sso:CreateManagedApplicationInstance', 'sso:DeleteManagedApplicationInstance',
  'sso:GetSharedSsoConfiguration', 'sso:GetManagedApplicationInstance', 'sso:ListDirectoryAssociations', 'sso:ListProfiles',
  'sso:GetProfile', 'sso:ListProfileAssociations', 'organizations:DescribeOrganization']);
scope(['*'], ['sso-directory:DescribeUser', 'sso-directory:DescribeGroup']);
scope([ARN.services], ['ecs:DescribeServices', 'ecs:CreateService', 'ecs:UpdateService', 'ecs:DeleteService']);
scope([ARN.tasks], ['ecs:DescribeTasks']);
// ListTasks is authorized on the cluster's container instances; ecs:cluster names the cluster.
scope(['*'], ['ecs:ListTasks'], { ArnLike: { 'ecs:cluster': ARN.clusters } });
scope([ARN.clusters], ['ecs:CreateCluster', 'ecs:DescribeClusters', 'ecs:DeleteCluster', 'ecs:UpdateCluster', 'ecs:UpdateClusterSettings']);
scope([ARN.clusters, ARN.services, ARN.taskDefinitions], ['ecs:TagResource', 'ecs:UntagResource', 'ecs:ListTagsForResource']);
scope([ARN.taskDefinitions], ['ecs:RegisterTaskDefinition']);
scope([ARN.logGroups], ['logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy',
  'logs:TagResource', 'logs:UntagResource', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy']);
// EC2 ids are generated, so the network the template creates cannot be named in advance.
scope(['*'], ['ec2:CreateVpc', 'ec2:DescribeVpcs', 'ec2:ModifyVpcAttribute', 'ec2:CreateTags', 'ec2:DescribeSecurityGroups',
  'ec2:DescribeNetworkAcls', 'ec2:DescribeVpcAttribute', 'ec2:DeleteTags', 'ec2:DeleteVpc', 'ec2:CreateInternetGateway',
  'ec2:DescribeInternetGateways', 'ec2:DeleteInternetGateway', 'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway',
  'ec2:DescribeSubnets', 'ec2:CreateSubnet', 'ec2:ModifySubnetAttribute', 'ec2:DeleteSubnet', 'ec2:CreateRouteTable',
  'ec2:DescribeRouteTables', 'ec2:DeleteRouteTable', 'ec2:CreateRoute', 'ec2:DescribeNetworkInterfaces', 'ec2:ReplaceRoute',
  'ec2:DeleteRoute', 'ec2:AssociateRouteTable', 'ec2:ReplaceRouteTableAssociation', 'ec2:DisassociateRouteTable',
  'ec2:CreateSecurityGroup', 'ec2:RevokeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupIngress', 'ec2:DeleteSecurityGroup', 'ec2:DescribeInstances']);
// expose: load-balancer. ELB's Describe* actions are wildcard-only; CloudFormation generates the load
// balancer and target group names, so the rest are scoped to their resource types (Service
// Authorization Reference, Elastic Load Balancing V2: loadbalancer/app/, targetgroup/, listener/app/).
scope(['*'], ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeTags',
  'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroupAttributes', 'elasticloadbalancing:DescribeTargetHealth',
  'elasticloadbalancing:DescribeListeners']);
scope([ARN.loadBalancers], ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetSubnets',
  'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:DeleteLoadBalancer']);
scope([ARN.targetGroups], ['elasticloadbalancing:CreateTargetGroup', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes',
  'elasticloadbalancing:DeleteTargetGroup']);
scope([ARN.loadBalancers, ARN.targetGroups], ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags']);
scope([ARN.listeners, ARN.loadBalancers, ARN.targetGroups], ['elasticloadbalancing:CreateListener', 'elasticloadbalancing:ModifyListener']);
scope([ARN.listeners], ['elasticloadbalancing:DeleteListener']);
// Roles only under the action's path, only with the action's boundary, only the managed policy the template attaches.
const WITH_BOUNDARY: Conditions = { StringEquals: { 'iam:PermissionsBoundary': ARN.boundary } };
scope([ARN.roles], ['iam:CreateRole', 'iam:PutRolePolicy'], WITH_BOUNDARY);
scope([ARN.roles], ['iam:AttachRolePolicy'], { StringEquals: { 'iam:PermissionsBoundary': ARN.boundary }, ArnEquals: { 'iam:PolicyARN': ARN.executionRolePolicy } });
scope([ARN.roles], ['iam:DetachRolePolicy'], { ArnEquals: { 'iam:PolicyARN': ARN.executionRolePolicy } });
scope([ARN.roles], ['iam:GetRole', 'iam:GetRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:DeleteRole', 'iam:DeleteRolePolicy',
  'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:UpdateRole', 'iam:UpdateRoleDescription']);
scope([ARN.roles], ['iam:PassRole'], { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } });
scope([ARN.ecsServiceLinkedRole], ['iam:CreateServiceLinkedRole'], { StringEquals: { 'iam:AWSServiceName': 'ecs.amazonaws.com' } });

/** Change-set deployment of one stack family: what ensureStack sends. */
function deployStackGrants(stacks: string): Grant[] {
  return [
    // Never an IMPORT change set: importing a resource into a preview stack would let the stack delete it.
    { for: 'cloudformation:CreateChangeSet (with the ownership tags)', actions: ['cloudformation:CreateChangeSet'], resources: [stacks], conditions: { ...ACTION_TAG_ON_REQUEST, Null: { 'cloudformation:ImportResourceTypes': 'true' } } },
    { for: 'cloudformation:CreateChangeSet: its tags', actions: ['cloudformation:TagResource'], resources: [stacks], conditions: ACTION_TAG_ON_REQUEST },
    {
      for: 'ensureStack: read, execute and clean up its change sets, stream events, recover UPDATE_ROLLBACK_FAILED',
      actions: ['cloudformation:DescribeStacks', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DeleteChangeSet',
        'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:ContinueUpdateRollback'],
      resources: [stacks],
    },
    // An empty REVIEW_IN_PROGRESS stack has no tags until a change set runs: its change sets say whose it is.
    { for: 'ensureStack: whose an empty REVIEW_IN_PROGRESS stack is (its change sets\' tags)', actions: ['cloudformation:ListChangeSets', 'cloudformation:DescribeChangeSet'], resources: [stacks] },
  ];
}

function deleteStackGrants(stacks: string): Grant[] {
  return [
    { for: 'destroyStack: check ownership, stream events', actions: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents'], resources: [stacks] },
    { for: 'destroyStack: whose an empty REVIEW_IN_PROGRESS stack is (its change sets\' tags)', actions: ['cloudformation:ListChangeSets', 'cloudformation:DescribeChangeSet'], resources: [stacks] },
    // Stacks carry the action's tags from their first change set; IAM refuses to delete any other.
    { for: 'destroyStack: delete (only stacks tagged by the action)', actions: ['cloudformation:DeleteStack'], resources: [stacks], conditions: ACTION_TAG_ON_RESOURCE },
  ];
}

/** The resource types of each template, and what CloudFormation does with them in each operation. */
export const TEMPLATE_TYPES = {
  'preview-stack.yaml': ['AWS::EC2::VPC', 'AWS::EC2::InternetGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::Subnet', 'AWS::EC2::RouteTable',
    'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::SecurityGroup', 'AWS::ECS::Cluster', 'AWS::Logs::LogGroup',
    'AWS::IAM::Role', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Service',
    'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::ElasticLoadBalancingV2::Listener'],
  'grafana-workspace-role.yaml': ['AWS::IAM::Role'],
} as const;
export type TemplateName = keyof typeof TEMPLATE_TYPES;

/**
 * Deploying (create, update, and the rollbacks and replacements they imply) runs every handler;
 * deleting a stack runs the delete handlers and the reads CloudFormation does before deleting.
 */
function handlerGrants(template: TemplateName, handlers: Handler[]): Grant[] {
  return TEMPLATE_TYPES[template].flatMap((type) => handlers
    // A type without an update handler is replaced instead (create + delete).
    .filter((handler) => HANDLER_PERMISSIONS[type][handler])
    .map((handler) => ({ for: `CloudFormation ${type} ${handler}`, actions: performedPermissions(type, handler), viaCloudFormation: true })));
}
const DEPLOY_HANDLERS: Handler[] = ['create', 'read', 'update', 'delete'];
const DELETE_HANDLERS: Handler[] = ['read', 'delete'];

const readAmp: Grant = { for: 'find the environment\'s AMP workspace (ListWorkspaces by alias, DescribeWorkspace)', actions: ['aps:ListWorkspaces', 'aps:DescribeWorkspace'] };
const readGrafana: Grant = { for: 'find the repository\'s Grafana workspace (ListWorkspaces, DescribeWorkspace)', actions: ['grafana:ListWorkspaces', 'grafana:DescribeWorkspace'] };
const grafanaToken: Grant = {
  for: 'a Grafana API token for this step (service account, token, deleted afterwards; expired ones swept)',
  actions: ['grafana:ListWorkspaceServiceAccounts', 'grafana:CreateWorkspaceServiceAccount', 'grafana:CreateWorkspaceServiceAccountToken',
    'grafana:ListWorkspaceServiceAccountTokens', 'grafana:DeleteWorkspaceServiceAccountToken'],
};
const listStacks: Grant = { for: 'cloudformation:DescribeStacks without a name (every stack of the repository)', actions: ['cloudformation:DescribeStacks', 'cloudformation:ListStacks'], resources: ['*'] };
const passToCloudFormation: Grant = {
  for: 'cloudformation-role-arn: pass the CloudFormation service role', actions: ['iam:PassRole'], resources: [ARN.cloudFormationServiceRole],
  conditions: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
};

/** Tearing one environment down, as destroy does and the sweep does for each stale one. */
const teardownGrants: Grant[] = [
  readAmp,
  { for: 'aps:DeleteWorkspace (only workspaces tagged by the action)', actions: ['aps:DeleteWorkspace'] },
  readGrafana,
  grafanaToken,
  listStacks,
  ...deleteStackGrants(ARN.previewStacks),
  passToCloudFormation,
  ...handlerGrants('preview-stack.yaml', DELETE_HANDLERS),
];

const PROVISION: Grant[] = [
  readAmp,
  // Tags on create are authorized as aws:RequestTag on CreateWorkspace itself; neither AMP nor AMG
  // lists TagResource as a dependent action (Service Authorization Reference).
  { for: 'aps:CreateWorkspace (with the ownership tags)', actions: ['aps:CreateWorkspace'] },
  readGrafana,
  { for: 'grafana:CreateWorkspace (with the ownership tags)', actions: ['grafana:CreateWorkspace'] },
  {
    for: 'grafana:CreateWorkspace and UpdateWorkspace: pass the workspace role', actions: ['iam:PassRole'], resources: [ARN.roles],
    conditions: { StringEquals: { 'iam:PassedToService': 'grafana.amazonaws.com' } },
  },
  // A reused workspace whose role stack was deleted gets the re-created role (workspace resource
  // type, aws:ResourceTag: Service Authorization Reference), only on the action's own workspaces.
  { for: 'grafana:UpdateWorkspace (point a reused workspace at its re-created role)', actions: ['grafana:UpdateWorkspace'] },
  {
    for: 'grafana:CreateWorkspace with grafana-auth AWS_SSO (IAM Identity Center application)',
    actions: ['sso:DescribeRegisteredRegions', 'sso:CreateManagedApplicationInstance', 'sso:GetSharedSsoConfiguration', 'organizations:DescribeOrganization'],
  },
  {
    for: 'grafana:UpdatePermissions (grafana-admins, IAM Identity Center users and groups)',
    actions: ['grafana:UpdatePermissions', 'sso:DescribeRegisteredRegions', 'sso:GetSharedSsoConfiguration', 'sso:ListDirectoryAssociations',
      'sso:GetManagedApplicationInstance', 'sso:ListProfiles', 'sso:GetProfile', 'sso:ListProfileAssociations',
      'sso-directory:DescribeUser', 'sso-directory:DescribeGroup'],
  },
  ...deployStackGrants(ARN.grafanaRoleStacks),
  passToCloudFormation,
  ...handlerGrants('grafana-workspace-role.yaml', DEPLOY_HANDLERS),
];

const DEPLOY: Grant[] = [
  readAmp,
  ...deployStackGrants(ARN.previewStacks),
  passToCloudFormation,
  { for: 'wait for the ECS service to be stable', actions: ['ecs:DescribeServices'] },
  { for: 'report stopped tasks while waiting (without it deploy warns once and goes on)', actions: ['ecs:ListTasks', 'ecs:DescribeTasks'] },
  { for: 'metrics-check: instant queries of the environment\'s AMP workspace (its query API)', actions: ['aps:QueryMetrics'] },
  { for: 'metrics-check: the collector\'s log lines when metrics are missing (without it the reason is missing)', actions: ['logs:FilterLogEvents'] },
  // DescribeNetworkInterfaces has no resource types (Service Authorization Reference): '*' only.
  { for: 'expose: public-ip: the running task\'s public IP (its network interface)', actions: ['ecs:ListTasks', 'ecs:DescribeTasks', 'ec2:DescribeNetworkInterfaces'] },
  ...handlerGrants('preview-stack.yaml', DEPLOY_HANDLERS),
];

const DASHBOARD: Grant[] = [readAmp, readGrafana, grafanaToken];

export const MANIFEST: Record<Mode, Grant[]> = {
  // up is provision, deploy and dashboard in one step: it calls what they call, nothing more.
  up: [...PROVISION, ...DEPLOY, ...DASHBOARD],
  provision: PROVISION,
  deploy: DEPLOY,
  dashboard: DASHBOARD,
  destroy: [
    ...teardownGrants,
    ...deleteStackGrants(ARN.grafanaRoleStacks),
    { for: 'delete-grafana-workspace: grafana:DeleteWorkspace (only the action\'s)', actions: ['grafana:DeleteWorkspace', 'sso:DeleteManagedApplicationInstance'] },
    ...handlerGrants('grafana-workspace-role.yaml', DELETE_HANDLERS),
  ],
  cleanup: teardownGrants,
};

/** A grant's actions, each with its resources and conditions (the grant's own, or the action's scope). */
export function resolveGrant(grant: Grant): { action: string; resources: string[]; conditions?: Conditions }[] {
  return grant.actions.map((action) => {
    if (grant.resources) return { action, resources: grant.resources, conditions: grant.conditions };
    const s = SCOPES[action];
    if (!s) throw new Error(`The permission manifest has no scope for ${action} (${grant.for})`);
    return { action, resources: s.resources, conditions: grant.conditions ?? s.conditions };
  });
}
