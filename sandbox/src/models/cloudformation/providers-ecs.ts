import { randomBytes } from 'node:crypto';
import { ECS_SERVICE_LINKED_ROLE_NAME, EcsContainerDefinition, EcsService, ecsServiceLinkedRole } from '../ecs';
import type { ProviderContext, ResourceProvider } from './providers';

/** Fargate's valid task sizes: cpu units → memory MiB allowed. */
const FARGATE_SIZES: Record<string, (m: number) => boolean> = {
  '256': (m) => [512, 1024, 2048].includes(m),
  '512': (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
  '1024': (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
  '2048': (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
  '4096': (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
};

const fail = (ctx: ProviderContext, message: string): never => {
  throw new Error(`Resource handler returned message: "${message}" (RequestToken: ${randomBytes(8).toString('hex')}, HandlerErrorCode: InvalidRequest) [${ctx.logicalId}]`);
};

function requireRole(arn: unknown, ctx: ProviderContext, what: string): void {
  if (arn === undefined) return;
  if (![...ctx.iam.roles.values()].some((r) => r.arn === arn)) fail(ctx, `${what} ${String(arn)} is not valid: the role does not exist`);
}

/** What the sandbox's task runtime reads of a container definition: its environment, ports and log driver. */
function runtimeFields(c: Record<string, unknown>): Omit<EcsContainerDefinition, 'name' | 'image'> {
  const env = c.Environment as { Name?: unknown; Value?: unknown }[] | undefined;
  const ports = c.PortMappings as { ContainerPort?: unknown; Protocol?: unknown }[] | undefined;
  const log = c.LogConfiguration as { LogDriver?: unknown; Options?: Record<string, unknown> } | undefined;
  return {
    environment: env?.map((e) => ({ name: String(e.Name), value: String(e.Value ?? '') })),
    portMappings: ports?.map((m) => ({ containerPort: Number(m.ContainerPort), protocol: m.Protocol === undefined ? undefined : String(m.Protocol) })),
    logConfiguration: log && { logDriver: String(log.LogDriver), options: log.Options && Object.fromEntries(Object.entries(log.Options).map(([k, v]) => [k, String(v)])) },
  };
}

function networkOf(p: Record<string, unknown>): EcsService['network'] {
  const c = (p.NetworkConfiguration as { AwsvpcConfiguration?: { Subnets?: string[]; SecurityGroups?: string[]; AssignPublicIp?: string } } | undefined)?.AwsvpcConfiguration;
  // AssignPublicIp defaults to DISABLED (ECS API reference, AwsVpcConfiguration).
  return c && { subnets: c.Subnets ?? [], securityGroups: c.SecurityGroups ?? [], assignPublicIp: c.AssignPublicIp === 'ENABLED' };
}

/**
 * ECS refuses a target group no load balancer forwards to: "The target group with targetGroupArn …
 * does not have an associated load balancer." (hence the template's ExposureReady).
 */
function loadBalancersOf(p: Record<string, unknown>, ctx: ProviderContext): EcsService['loadBalancers'] {
  const list = (p.LoadBalancers as { TargetGroupArn?: string; ContainerName?: string; ContainerPort?: unknown }[] | undefined) ?? [];
  return list.map((lb) => {
    const arn = String(lb.TargetGroupArn ?? '');
    if (![...ctx.ecs.network.listeners.values()].some((l) => l.targetGroupArn === arn)) {
      fail(ctx, `Invalid request provided: CreateService error: The target group with targetGroupArn ${arn} does not have an associated load balancer.`);
    }
    return { targetGroupArn: arn, containerName: String(lb.ContainerName ?? ''), containerPort: Number(lb.ContainerPort) };
  });
}

const stabilise = (ctx: ProviderContext) => ctx.latencies.cfnResource['ECS::Stabilize'] ?? ctx.latencies.cfnResource.default;
const circuitBreaker = (ctx: ProviderContext) => ctx.latencies.cfnResource['ECS::CircuitBreaker'] ?? stabilise(ctx);

export const ECS_PROVIDERS: Record<string, ResourceProvider> = {
  'AWS::ECS::Cluster': {
    properties: { ClusterName: {}, ClusterSettings: { type: 'list' }, CapacityProviders: { type: 'list' }, Tags: { type: 'list' } },
    attributes: ['Arn'],
    replaceOn: ['ClusterName'],
    physicalName: (p, ctx) => (p.ClusterName as string | undefined) ?? `${ctx.stackName}-${ctx.logicalId}-${randomBytes(6).toString('hex')}`,
    create: (p, ctx) => {
      const name = ctx.physicalName ?? ECS_PROVIDERS['AWS::ECS::Cluster'].physicalName!(p, ctx);
      // ECS makes the account's service-linked role with its first cluster (the handler was allowed iam:CreateServiceLinkedRole for it).
      if (!ctx.iam.roles.has(ECS_SERVICE_LINKED_ROLE_NAME)) ctx.iam.roles.set(ECS_SERVICE_LINKED_ROLE_NAME, ecsServiceLinkedRole(ctx.accountId));
      const cluster = ctx.ecs.createCluster(name, ctx.region, ctx.accountId);
      return { physicalId: name, attributes: { Arn: cluster.arn } };
    },
    update: (name, _p, ctx) => ({ physicalId: name, attributes: { Arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:cluster/${name}` } }),
    delete: (name, ctx) => ctx.ecs.deleteCluster(`arn:aws:ecs:${ctx.region}:${ctx.accountId}:cluster/${name}`),
  },
  'AWS::ECS::TaskDefinition': {
    properties: {
      Family: {}, Cpu: {}, Memory: {}, NetworkMode: {}, RequiresCompatibilities: { type: 'list' }, ExecutionRoleArn: {}, TaskRoleArn: {},
      ContainerDefinitions: { type: 'list', required: true }, RuntimePlatform: { type: 'object' }, Volumes: { type: 'list' }, Tags: { type: 'list' },
    },
    attributes: ['TaskDefinitionArn'],
    // Every change registers a new revision.
    replaceOn: ['Family', 'Cpu', 'Memory', 'NetworkMode', 'RequiresCompatibilities', 'ExecutionRoleArn', 'TaskRoleArn', 'ContainerDefinitions', 'RuntimePlatform', 'Volumes'],
    physicalName: (p, ctx) => (p.Family as string | undefined) ?? `${ctx.stackName}${ctx.logicalId}`,
    create: (p, ctx) => {
      const fargate = ((p.RequiresCompatibilities as string[] | undefined) ?? []).includes('FARGATE');
      if (fargate) {
        if (p.NetworkMode !== 'awsvpc') fail(ctx, 'Fargate requires network mode awsvpc');
        const ok = FARGATE_SIZES[String(p.Cpu)]?.(Number(p.Memory));
        if (!ok) fail(ctx, `Invalid 'cpu' setting for task. No Fargate configuration exists for given values: ${String(p.Cpu)} CPU, ${String(p.Memory)} memory.`);
      }
      requireRole(p.ExecutionRoleArn, ctx, 'ExecutionRoleArn');
      requireRole(p.TaskRoleArn, ctx, 'TaskRoleArn');
      const containers = (p.ContainerDefinitions as Record<string, unknown>[]).map((c) => {
        if (!c.Name || !c.Image) fail(ctx, 'Container definitions need Name and Image');
        return { name: String(c.Name), image: String(c.Image), ...runtimeFields(c) };
      });
      if (new Set(containers.map((c) => c.name)).size !== containers.length) fail(ctx, 'Container names must be unique within a task definition');
      const family = ctx.physicalName ?? ECS_PROVIDERS['AWS::ECS::TaskDefinition'].physicalName!(p, ctx);
      const td = ctx.ecs.registerTaskDefinition(family, String(p.Cpu ?? ''), String(p.Memory ?? ''), containers, ctx.region, ctx.accountId, p.TaskRoleArn as string | undefined);
      return { physicalId: td.arn, attributes: { TaskDefinitionArn: td.arn } };
    },
    update: (arn) => ({ physicalId: arn, attributes: { TaskDefinitionArn: arn } }),
    delete: () => undefined,
  },
  'AWS::ECS::Service': {
    properties: {
      ServiceName: {}, Cluster: { required: true }, TaskDefinition: { required: true }, DesiredCount: { type: 'number' }, LaunchType: {},
      PlatformVersion: {}, NetworkConfiguration: { type: 'object' }, DeploymentConfiguration: { type: 'object' }, EnableECSManagedTags: {},
      PropagateTags: {}, HealthCheckGracePeriodSeconds: { type: 'number' }, LoadBalancers: { type: 'list' }, Tags: { type: 'list' },
    },
    attributes: ['ServiceArn', 'Name'],
    replaceOn: ['ServiceName', 'Cluster', 'LaunchType'],
    physicalName: (p, ctx) => (p.ServiceName as string | undefined) ?? `${ctx.stackName}-${ctx.logicalId}-${randomBytes(6).toString('hex')}`,
    create: async (p, ctx) => {
      const cluster = [...ctx.ecs.clusters.values()].find((c) => c.arn === p.Cluster || c.name === p.Cluster);
      if (!cluster) fail(ctx, `Cluster ${String(p.Cluster)} not found`);
      const subnets = (p.NetworkConfiguration as { AwsvpcConfiguration?: { Subnets?: string[] } } | undefined)?.AwsvpcConfiguration?.Subnets ?? [];
      if (p.LaunchType === 'FARGATE' && subnets.length === 0) fail(ctx, 'Network Configuration must be provided when networkMode \'awsvpc\' is specified.');
      const name = ctx.physicalName ?? ECS_PROVIDERS['AWS::ECS::Service'].physicalName!(p, ctx);
      const loadBalancers = loadBalancersOf(p, ctx);
      const arn = `arn:aws:ecs:${ctx.region}:${ctx.accountId}:service/${cluster!.name}/${name}`;
      const service = {
        name, arn, clusterArn: cluster!.arn, taskDefinition: String(p.TaskDefinition), desiredCount: Number(p.DesiredCount ?? 1), createdAt: new Date(),
        deployment: { id: '', rolloutState: 'IN_PROGRESS' as const, rolloutStateReason: '', failedTasks: 0, createdAt: new Date(), updatedAt: new Date() },
        events: [], network: networkOf(p), loadBalancers,
      };
      ctx.ecs.services.set(arn, service);
      try {
        await ctx.ecs.deploy(service, stabilise(ctx), circuitBreaker(ctx));
      } catch (err) {
        // The handler cleans up the service it could not stabilise, so the rollback can delete the cluster.
        ctx.ecs.removeService(arn);
        throw err;
      }
      return { physicalId: arn, attributes: { ServiceArn: arn, Name: name } };
    },
    update: async (arn, p, ctx) => {
      const service = ctx.ecs.services.get(arn);
      if (!service) fail(ctx, `Service ${arn} not found`);
      service!.taskDefinition = String(p.TaskDefinition);
      service!.desiredCount = Number(p.DesiredCount ?? 1);
      service!.network = networkOf(p);
      service!.loadBalancers = loadBalancersOf(p, ctx);
      await ctx.ecs.deploy(service!, stabilise(ctx), circuitBreaker(ctx));
      return { physicalId: arn, attributes: { ServiceArn: arn, Name: service!.name } };
    },
    delete: (arn, ctx) => ctx.ecs.removeService(arn),
  },
};
