// How AWS says no: IAM's sentence for each reason, and each protocol's AccessDenied error.
import { AwsError } from '../core/types';
import type { AuthorizationVerdict } from './types';

export type DenialCause =
  | { reason: 'no-allow' }
  | { reason: 'explicit-deny'; in: 'identity' | 'boundary' }
  | { reason: 'boundary' };

/**
 * IAM's words, e.g. "User: arn:aws:sts::123456789012:assumed-role/R/S is not authorized to perform:
 * cloudformation:DescribeStacks on resource: arn:aws:cloudformation:us-east-2:123456789012:stack/hpc/*
 * because no identity-based policy allows the cloudformation:DescribeStacks action"
 * (github.com/aws-samples/aws-hpc-tutorials/issues/271; the explicit-deny wording:
 * github.com/aws/aws-dotnet-deploy/issues/441). A request on "*" reads "on resource: *"
 * (github.com/fabfuel/ecs-deploy/issues/119, ecs:ListTasks), except CloudFormation's, which then
 * names no resource at all (aws-dotnet-deploy#441: "…perform: cloudformation:DescribeStacks with an
 * explicit deny in an identity-based policy").
 */
export function denialMessage(principalArn: string, action: string, resource: string, cause: DenialCause): string {
  const onResource = resource === '*' && action.toLowerCase().startsWith('cloudformation:') ? '' : ` on resource: ${resource}`;
  const head = `User: ${principalArn} is not authorized to perform: ${action}${onResource}`;
  if (cause.reason === 'explicit-deny') return `${head} with an explicit deny in ${cause.in === 'identity' ? 'an identity-based policy' : 'a permissions boundary'}`;
  if (cause.reason === 'boundary') return `${head} because no permissions boundary allows the ${action} action`;
  return `${head} because no identity-based policy allows the ${action} action`;
}

export type DeniedProtocol = 'rest-json' | 'query' | 'json';

/**
 * The service's AccessDenied: the query protocol's AccessDenied (CloudFormation answers 403); AMP
 * and AMG's AccessDeniedException, 403 (their API references: "AccessDeniedException … HTTP Status
 * Code: 403"); ECS's AccessDeniedException, which like all its errors is a 400
 * (github.com/teralytics/prometheus-ecs-discovery/issues/45: "AccessDeniedException … status code: 400").
 */
export function accessDenied(protocol: DeniedProtocol, verdict: Extract<AuthorizationVerdict, { allowed: false }>): AwsError {
  if (protocol === 'query') return new AwsError('AccessDenied', verdict.message, 403);
  if (protocol === 'json') return new AwsError('AccessDeniedException', verdict.message, 400);
  return new AwsError('AccessDeniedException', verdict.message, 403);
}
