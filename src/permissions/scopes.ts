/**
 * The names the action controls, as IAM resource patterns. Placeholders are CloudFormation's
 * pseudo parameters (`${AWS::Partition}`, `${AWS::AccountId}`) so a pattern goes
 * into the bootstrap template's `Fn::Sub` unchanged; ARN formats are the Service Authorization
 * Reference's for each resource type.
 */
import { MANAGED_BY, TAG_MANAGED_BY } from '../tags';

const P = '${AWS::Partition}';
// IAM is global: one bootstrap stack serves every region the workflows deploy to.
const R = '*';
const A = '${AWS::AccountId}';

/**
 * Every IAM role the templates create lives under this path, so its ARN is certain whatever name
 * CloudFormation generates (generated names are truncated past 64 characters, prefixes are not).
 */
export const ROLE_PATH = '/ecs-amp-action/';
/** The customer managed policy that caps every role the templates create (created by the bootstrap template). */
export const BOUNDARY_POLICY_NAME = 'ecs-amp-action-permissions-boundary';
/**
 * The bootstrap template's own roles (workflow roles, the optional CloudFormation service role) live
 * under another path: what the workflow may do to roles under ROLE_PATH must never reach them.
 */
export const BOOTSTRAP_ROLE_PATH = '/ecs-amp-action-bootstrap/';
export const CLOUDFORMATION_SERVICE_ROLE_NAME = 'ecs-amp-action-cloudformation';

/** Default stack names: `preview-<repo>-<env>` for environments, one role stack per repository. */
export const PREVIEW_STACK_PREFIX = 'preview-';
export const GRAFANA_ROLE_STACK_PREFIX = 'ecs-amp-action-grafana-role-';

export const ARN = {
  ampWorkspaces: `arn:${P}:aps:${R}:${A}:workspace/*`,
  grafanaWorkspaces: `arn:${P}:grafana:${R}:${A}:/workspaces/*`,
  previewStacks: `arn:${P}:cloudformation:${R}:${A}:stack/${PREVIEW_STACK_PREFIX}*/*`,
  grafanaRoleStacks: `arn:${P}:cloudformation:${R}:${A}:stack/${GRAFANA_ROLE_STACK_PREFIX}*/*`,
  // The template names cluster, service and task family after the stack.
  clusters: `arn:${P}:ecs:${R}:${A}:cluster/${PREVIEW_STACK_PREFIX}*`,
  services: `arn:${P}:ecs:${R}:${A}:service/${PREVIEW_STACK_PREFIX}*/*`,
  tasks: `arn:${P}:ecs:${R}:${A}:task/${PREVIEW_STACK_PREFIX}*/*`,
  taskDefinitions: `arn:${P}:ecs:${R}:${A}:task-definition/${PREVIEW_STACK_PREFIX}*:*`,
  logGroups: `arn:${P}:logs:${R}:${A}:log-group:/ecs/${PREVIEW_STACK_PREFIX}*`,
  // The collector's log group only (templates/preview-stack.yaml, CollectorLogGroup). The trailing `*` also
  // covers the `…:<name>:*` form in which CloudWatch Logs reports and IAM examples write log-group ARNs.
  collectorLogGroups: `arn:${P}:logs:${R}:${A}:log-group:/ecs/${PREVIEW_STACK_PREFIX}*/aws-otel-collector*`,
  loadBalancers: `arn:${P}:elasticloadbalancing:${R}:${A}:loadbalancer/app/*`,
  targetGroups: `arn:${P}:elasticloadbalancing:${R}:${A}:targetgroup/*`,
  listeners: `arn:${P}:elasticloadbalancing:${R}:${A}:listener/app/*`,
  roles: `arn:${P}:iam::${A}:role${ROLE_PATH}*`,
  cloudFormationServiceRole: `arn:${P}:iam::${A}:role${BOOTSTRAP_ROLE_PATH}${CLOUDFORMATION_SERVICE_ROLE_NAME}`,
  boundary: `arn:${P}:iam::${A}:policy${ROLE_PATH}${BOUNDARY_POLICY_NAME}`,
  // ECS creates it with the first cluster of an account (Service Authorization Reference, iam:CreateServiceLinkedRole).
  ecsServiceLinkedRole: `arn:${P}:iam::${A}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
  executionRolePolicy: `arn:${P}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`,
} as const;

/** Conditions that tie a request to what the action creates (it always tags with these). */
export const ACTION_TAG_ON_REQUEST = { StringEquals: { [`aws:RequestTag/${TAG_MANAGED_BY}`]: MANAGED_BY } };
export const ACTION_TAG_ON_RESOURCE = { StringEquals: { [`aws:ResourceTag/${TAG_MANAGED_BY}`]: MANAGED_BY } };
