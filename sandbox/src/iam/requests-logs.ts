// Amazon CloudWatch Logs (service prefix logs), the three reads the action makes. From the Service Authorization
// Reference (iam-data): GetLogEvents takes the log-stream resource
// arn:aws:logs:<region>:<account>:log-group:<group>:log-stream:<stream>; FilterLogEvents and DescribeLogStreams
// the log-group. Denials of log-group actions name the group with an empty stream, "…perform:
// logs:DescribeLogGroups on resource: arn:aws:logs:us-east-1:…:log-group::log-stream:"
// (github.com/hashicorp/terraform-provider-aws/issues/8804, FormidableLabs/terraform-aws-serverless#49), so a
// policy on log-group:<name>:* covers them. aws:ResourceTag is listed; the sandbox's log groups carry no tags.
import { CallContext } from '../core/types';
import { RequestMapping, UnauthorizableRequest } from './requests-common';

/** The group a request names, by name or ARN (with or without its :* suffix). */
function groupOf(input: Record<string, unknown>, ctx: CallContext): { region: string; accountId: string; name: string } {
  const ref = input.logGroupName ?? input.logGroupIdentifier;
  if (typeof ref !== 'string' || ref === '') throw new UnauthorizableRequest();
  const arn = /^arn:aws[-a-z]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)(:\*)?$/.exec(ref);
  return arn ? { region: arn[1], accountId: arn[2], name: arn[3] } : { region: ctx.region, accountId: ctx.accountId, name: ref };
}

const streamArn = (input: Record<string, unknown>, ctx: CallContext, stream: string) => {
  const g = groupOf(input, ctx);
  return `arn:aws:logs:${g.region}:${g.accountId}:log-group:${g.name}:log-stream:${stream}`;
};

export const LOGS_REQUESTS: Record<string, RequestMapping> = {
  GetLogEvents: (input, ctx) => {
    if (typeof input.logStreamName !== 'string') throw new UnauthorizableRequest();
    return [{ action: 'logs:GetLogEvents', resource: streamArn(input, ctx, input.logStreamName) }];
  },
  FilterLogEvents: (input, ctx) => [{ action: 'logs:FilterLogEvents', resource: streamArn(input, ctx, '') }],
  DescribeLogStreams: (input, ctx) => [{ action: 'logs:DescribeLogStreams', resource: streamArn(input, ctx, '') }],
};
