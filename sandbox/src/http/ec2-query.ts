// The EC2 query protocol (Smithy aws.protocols#ec2Query), which differs from awsQuery where the SDK
// notices: requests name list members `Name.N` without `member` (NetworkInterfaceId.1,
// Filter.1.Value.1), answers have no <…Result> wrapper and carry <requestId> first, lists are
// <item>s, and errors are <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>
// (as EC2 answers them: github.com/hashicorp/terraform-provider-aws/issues/4664, rebuy-de/aws-nuke#517).
import { AwsError } from '../core/types';
import type { AuthorizationVerdict } from '../iam/types';
import { toXml, xmlEscape } from './query';

export const EC2_API_VERSION = '2016-11-15';
const NAMESPACE = `http://ec2.amazonaws.com/doc/${EC2_API_VERSION}/`;

export function encodeEc2Result(action: string, result: Record<string, unknown>, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NAMESPACE}"><requestId>${requestId}</requestId>${toXml(result, 'item')}</${action}Response>`;
}

export function encodeEc2Error(err: AwsError, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`;
}

/**
 * EC2's denial: UnauthorizedOperation, 403, "You are not authorized to perform this operation." followed
 * by IAM's sentence (aws/aws-cli#5628, tensult/cloud-reports#74). The real message ends with an
 * "Encoded authorization failure message" the sandbox does not produce.
 */
export function ec2Denied(verdict: Extract<AuthorizationVerdict, { allowed: false }>): AwsError {
  return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${verdict.message}`, 403);
}

/** EC2's throttling (RequestLimitExceeded, which the SDK retries) and server errors (Smithy ec2 model's common errors). */
export function ec2Fault(fault: 'throttle' | 'server-error'): AwsError {
  return fault === 'throttle'
    ? new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503)
    : new AwsError('InternalError', 'An internal error has occurred.', 500);
}

export function ec2UnknownOperation(operation: string): AwsError {
  return new AwsError('InvalidAction', `The action ${operation} is not valid for this web service.`, 400);
}

