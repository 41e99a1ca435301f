// Amazon Managed Service for Prometheus (service prefix aps). From the Service Authorization
// Reference (iam-data): CreateWorkspace and ListWorkspaces have no resource type ("*");
// CreateWorkspace carries aws:RequestTag/${TagKey} and aws:TagKeys, which is how AMP authorizes
// tags set on create (the reference lists no dependent aps:TagResource, and AMP's user guide asks
// for none, unlike ECS's "tag on create" page, which names ecs:TagResource); DescribeWorkspace and
// DeleteWorkspace take the workspace ARN with aws:ResourceTag/${TagKey}; Tag/Untag/ListTagsForResource
// take the resource ARN, whose workspace type lists aws:ResourceTag, aws:RequestTag and aws:TagKeys.
import { CallContext } from '../core/types';
import { ModelView, requestTagContext, RequestMapping, requiredString, resourceTagContext, UnauthorizableRequest } from './requests-common';
import type { AuthorizationRequest } from './types';

const workspaceArn = (id: string, ctx: CallContext) => `arn:aws:aps:${ctx.region}:${ctx.accountId}:workspace/${id}`;
const WORKSPACE_ARN = /^arn:aws[-a-z]*:aps:([a-z0-9-]+):(\d{12}):workspace\/(.+)$/;

const onWorkspace = (action: string): RequestMapping => (input, ctx, view) => {
  const id = requiredString(input.workspaceId);
  return [{ action, resource: workspaceArn(id, ctx), context: resourceTagContext(view.ampWorkspace(id, ctx)?.tags) }];
};

/** The tagging operations name their resource by ARN; only workspaces are modelled. */
const onResourceArn = (action: string, extra: (input: Record<string, unknown>) => Record<string, string | string[]>): RequestMapping => (input, ctx, view) => {
  const m = WORKSPACE_ARN.exec(requiredString(input.resourceArn));
  if (!m) throw new UnauthorizableRequest();
  const [arn, region, accountId, id] = m;
  const existing = region === ctx.region && accountId === ctx.accountId ? view.ampWorkspace(id, ctx) : undefined;
  return [{ action, resource: arn, context: { ...resourceTagContext(existing?.tags), ...extra(input) } }];
};

export const APS_REQUESTS: Record<string, RequestMapping> = {
  CreateWorkspace: (input) => [{ action: 'aps:CreateWorkspace', resource: '*', context: requestTagContext(input.tags) }],
  DescribeWorkspace: onWorkspace('aps:DescribeWorkspace'),
  DeleteWorkspace: onWorkspace('aps:DeleteWorkspace'),
  ListWorkspaces: () => [{ action: 'aps:ListWorkspaces', resource: '*' }],
  TagResource: onResourceArn('aps:TagResource', (input) => requestTagContext(input.tags as Record<string, string> | undefined)),
  UntagResource: onResourceArn('aps:UntagResource', (input): Record<string, string[]> => (Array.isArray(input.tagKeys) ? { 'aws:TagKeys': input.tagKeys as string[] } : {})),
  ListTagsForResource: onResourceArn('aps:ListTagsForResource', () => ({})),
};

/**
 * AMP's data plane (remote write and the Prometheus query API) is no SDK operation, so it is not in APS_REQUESTS
 * (whose keys are the SDK's): each request asks for its action (specs/amp.ts AMP_DATA_PLANE) on the workspace ARN of the
 * signer's account and region, with the workspace's tags as aws:ResourceTag/* (the reference lists only that key).
 */
export function apsDataPlaneRequest(action: string, operation: string, workspaceId: string, ctx: CallContext, view: ModelView): AuthorizationRequest {
  return { action, operation, resource: workspaceArn(workspaceId, ctx), context: resourceTagContext(view.ampWorkspace(workspaceId, ctx)?.tags) };
}
