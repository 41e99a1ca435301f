import type { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { ActionError, describeAwsError, permissionFix } from '../util/errors';

/**
 * The public IPv4 of a running task of the service: ECS names the task's elastic network interface
 * in its `ElasticNetworkInterface` attachment (`networkInterfaceId`), and EC2 holds the address the
 * interface got (`Association.PublicIp`). ECS API reference (Attachment, KeyValuePair); EC2 API
 * reference (DescribeNetworkInterfaces, NetworkInterfaceAssociation).
 */
export async function taskPublicIp(ecs: ECSClient, ec2: () => EC2Client, cluster: string, service: string): Promise<string | undefined> {
  let eni: string | undefined;
  try {
    const arns = (await ecs.send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'RUNNING' }))).taskArns ?? [];
    if (arns.length === 0) return undefined;
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) }))).tasks ?? [];
    // The newest running task: after a deploy the old ones are on their way out.
    const newest = tasks.filter((t) => t.lastStatus === 'RUNNING').sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0))[0];
    eni = newest?.attachments?.find((a) => a.type === 'ElasticNetworkInterface')?.details?.find((d) => d.name === 'networkInterfaceId')?.value;
  } catch (err) {
    throw new ActionError(describeAwsError('ECS ListTasks/DescribeTasks (the task\'s network interface)', err), permissionFix(err, 'ecs:ListTasks and ecs:DescribeTasks'));
  }
  if (!eni) return undefined;
  // Evaluated only in public-ip mode, like the client (src/aws/clients.ts).
  const { DescribeNetworkInterfacesCommand } = await import('@aws-sdk/client-ec2');
  try {
    const out = await ec2().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }));
    return out.NetworkInterfaces?.[0]?.Association?.PublicIp;
  } catch (err) {
    throw new ActionError(describeAwsError('EC2 DescribeNetworkInterfaces (the task\'s public IP)', err), permissionFix(err, 'ec2:DescribeNetworkInterfaces'));
  }
}
