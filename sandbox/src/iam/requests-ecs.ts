// Amazon ECS (service prefix ecs), the three reads the action makes. From the Service Authorization
// Reference (iam-data): DescribeServices takes each service's ARN
// arn:aws:ecs:<region>:<account>:service/<cluster>/<service>, DescribeTasks each task's
// arn:aws:ecs:<region>:<account>:task/<cluster>/<task id>, and both carry ecs:cluster (the cluster
// ARN). Denials name them so: "…perform: ecs:DescribeServices on resource:
// arn:aws:ecs:us-west-1:…:service/minecraft/minecraft-server" (github.com/doctorray117/minecraft-ondemand/issues/53).
// ListTasks is evaluated on "*" with ecs:cluster (see sar.ts). aws:ResourceTag is listed too, but
// the sandbox's ECS resources carry no tags, so no request has one.
import { CallContext } from '../core/types';
import { RequestMapping, UnauthorizableRequest } from './requests-common';

/** The cluster a request names (by name or ARN); ECS's default cluster is "default". */
function clusterArn(ref: unknown, ctx: CallContext): string {
  const name = ref === undefined || ref === null ? 'default' : String(ref);
  return name.startsWith('arn:') ? name : `arn:aws:ecs:${ctx.region}:${ctx.accountId}:cluster/${name}`;
}

const list = (value: unknown): string[] => {
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string')) throw new UnauthorizableRequest();
  return value as string[];
};

/** service/<cluster>/<name> and task/<cluster>/<id> ARNs for the names or ARNs a request lists. */
const member = (kind: 'service' | 'task') => (ref: string, cluster: string) => (ref.startsWith('arn:') ? ref : `${cluster.replace(':cluster/', `:${kind}/`)}/${ref}`);

export const ECS_REQUESTS: Record<string, RequestMapping> = {
  DescribeServices: (input, ctx) => {
    const cluster = clusterArn(input.cluster, ctx);
    return list(input.services).map((s) => ({ action: 'ecs:DescribeServices', resource: member('service')(s, cluster), context: { 'ecs:cluster': cluster } }));
  },
  ListTasks: (input, ctx) => [{ action: 'ecs:ListTasks', resource: '*', context: { 'ecs:cluster': clusterArn(input.cluster, ctx) } }],
  DescribeTasks: (input, ctx) => {
    const cluster = clusterArn(input.cluster, ctx);
    return list(input.tasks).map((t) => ({ action: 'ecs:DescribeTasks', resource: member('task')(t, cluster), context: { 'ecs:cluster': cluster } }));
  },
};
