import { randomUUID } from 'node:crypto';
import { AwsError, CallContext, IamRole, Transition } from '../core/types';
import { NetworkModel } from './network';
import { validate } from './validate';

export const ECS_SERVICE_LINKED_ROLE_NAME = 'AWSServiceRoleForECS';

/**
 * The account's ECS service-linked role as IAM holds it once ECS has made it (a new account has
 * none; the first cluster makes it). Tests seed an account that already has it with
 * `iam.roles.set(ECS_SERVICE_LINKED_ROLE_NAME, ecsServiceLinkedRole(accountId))`.
 */
export function ecsServiceLinkedRole(accountId: string): IamRole {
  return {
    roleName: ECS_SERVICE_LINKED_ROLE_NAME,
    arn: `arn:aws:iam::${accountId}:role/aws-service-role/ecs.amazonaws.com/${ECS_SERVICE_LINKED_ROLE_NAME}`,
    roleId: 'AROASANDBOXECSSERVICELINKED',
    path: '/aws-service-role/ecs.amazonaws.com/',
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    policies: {},
    managedPolicyArns: ['arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy'],
    tags: {},
    createdAt: new Date(),
    maxSessionDuration: 3600,
  };
}

export interface EcsCluster {
  name: string;
  arn: string;
  region: string;
}

export interface EcsTaskDefinition {
  arn: string;
  family: string;
  revision: number;
  cpu: string;
  memory: string;
  containers: EcsContainerDefinition[];
  taskRoleArn?: string;
}

/** What the sandbox's task runtime needs of a container definition (sandbox/src/runtime/). */
export interface EcsContainerDefinition {
  name: string;
  image: string;
  environment?: { name: string; value: string }[];
  portMappings?: { containerPort: number; protocol?: string }[];
  logConfiguration?: { logDriver: string; options?: Record<string, string> };
}

/** Told when a task starts RUNNING and when it stops (the sandbox's task runtime follows them). */
export type TaskObserver = (event: 'started' | 'stopped', task: EcsTask, taskDefinition: EcsTaskDefinition | undefined) => void;

export interface EcsService {
  name: string;
  arn: string;
  clusterArn: string;
  taskDefinition: string;
  desiredCount: number;
  createdAt: Date;
  deployment: { id: string; rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED'; rolloutStateReason: string; failedTasks: number; createdAt: Date; updatedAt: Date };
  events: { id: string; createdAt: Date; message: string }[];
  /** awsvpc: each task gets an interface in the first subnet, with the groups and (when ENABLED) a public IP. */
  network?: { subnets: string[]; securityGroups: string[]; assignPublicIp: boolean };
  /** Target groups (target type ip) ECS registers each task in, on the container's port. */
  loadBalancers?: { targetGroupArn: string; containerName: string; containerPort: number }[];
}

export interface EcsTask {
  taskArn: string;
  clusterArn: string;
  group: string;
  taskDefinitionArn: string;
  lastStatus: 'RUNNING' | 'STOPPED';
  desiredStatus: 'RUNNING' | 'STOPPED';
  stopCode?: string;
  stoppedReason?: string;
  containers: { name: string; image: string; lastStatus: string; reason?: string; exitCode?: number }[];
  createdAt: Date;
  startedAt?: Date;
  stoppedAt?: Date;
  /** The task's ElasticNetworkInterface attachment, as DescribeTasks returns it (ECS API reference, Attachment). */
  attachments?: { id: string; type: 'ElasticNetworkInterface'; status: 'ATTACHED' | 'DELETED'; details: { name: string; value: string }[] }[];
}

/**
 * ECS as the preview stack's resources create it, and as the action reads it back (awsJson1_1).
 * A deployment either reaches steady state or, with an injected task failure, stops its tasks
 * with the reason until the deployment circuit breaker fails it.
 */
export class EcsModel {
  readonly clusters = new Map<string, EcsCluster>();
  readonly taskDefinitions = new Map<string, EcsTaskDefinition>();
  readonly services = new Map<string, EcsService>();
  readonly tasks = new Map<string, EcsTask>();
  /** The tasks' network interfaces and the load balancers ECS registers them in. */
  readonly network = new NetworkModel();
  private taskFailure?: { reason: string; container?: string };
  /** Each service deployment, started to COMPLETED or FAILED, for the benchmarks. */
  readonly transitions: Transition[] = [];
  private readonly observers: TaskObserver[] = [];

  observeTasks(observer: TaskObserver): void {
    this.observers.push(observer);
  }

  private notify(event: 'started' | 'stopped', task: EcsTask): void {
    for (const o of this.observers) o(event, task, this.taskDefinitions.get(task.taskDefinitionArn));
  }

  /** The next deployments' tasks stop with `reason` (e.g. CannotPullContainerError: …) and never stabilise. */
  failTasks(reason: string, container?: string): void {
    this.taskFailure = { reason, container };
  }

  clearTaskFailure(): void {
    this.taskFailure = undefined;
  }

  createCluster(name: string, region: string, accountId: string): EcsCluster {
    const cluster = { name, arn: `arn:aws:ecs:${region}:${accountId}:cluster/${name}`, region };
    this.clusters.set(cluster.arn, cluster);
    return cluster;
  }

  deleteCluster(arn: string): void {
    if ([...this.services.values()].some((s) => s.clusterArn === arn)) {
      throw new Error('The Cluster cannot be deleted while Services are active.');
    }
    this.clusters.delete(arn);
  }

  registerTaskDefinition(family: string, cpu: string, memory: string, containers: EcsContainerDefinition[], region: string, accountId: string, taskRoleArn?: string): EcsTaskDefinition {
    const revision = [...this.taskDefinitions.values()].filter((t) => t.family === family).length + 1;
    const td = { arn: `arn:aws:ecs:${region}:${accountId}:task-definition/${family}:${revision}`, family, revision, cpu, memory, containers, taskRoleArn };
    this.taskDefinitions.set(td.arn, td);
    return td;
  }

  /**
   * Starts a deployment and resolves when it is steady, or rejects with the circuit breaker's
   * message after the failing tasks have stopped, as CloudFormation's ECS handler reports it.
   */
  async deploy(service: EcsService, stabiliseMs: number, circuitBreakerMs = stabiliseMs): Promise<void> {
    const td = this.taskDefinitions.get(service.taskDefinition);
    if (!td) throw new Error(`Unable to find task definition ${service.taskDefinition}`);
    for (const t of this.tasks.values()) {
      if (t.group === `service:${service.name}` && t.clusterArn === service.clusterArn && t.lastStatus === 'RUNNING') this.stop(t, 'ServiceSchedulerInitiated', 'Task stopped by a new deployment');
    }
    const startedAt = Date.now();
    const settled = (to: string) => this.transitions.push({ service: 'ecs', resource: service.name, kind: 'deployment', to, startedAt, doneAt: Date.now() });
    service.deployment = { id: `ecs-svc/${randomUUID().replace(/-/g, '').slice(0, 19)}`, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment in progress.', failedTasks: 0, createdAt: new Date(), updatedAt: new Date() };
    const failure = this.taskFailure;
    const steps = 3;
    // A failing deployment takes as long as the circuit breaker needs to count its failed tasks.
    const duration = failure ? circuitBreakerMs : stabiliseMs;
    for (let i = 0; i < steps; i++) {
      await new Promise((r) => setTimeout(r, duration / steps));
      if (failure) {
        const task = this.startTask(service, td);
        this.stop(task, 'TaskFailedToStart', failure.reason, failure.container);
        service.deployment.failedTasks++;
        service.events.unshift({ id: randomUUID(), createdAt: new Date(), message: `(service ${service.name}) has started 1 tasks: (task ${task.taskArn.split('/').pop()}).` });
      }
    }
    if (failure) {
      service.deployment.rolloutState = 'FAILED';
      service.deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
      settled('FAILED');
      throw new Error('Resource handler returned message: "Error occurred during operation \'ECS Deployment Circuit Breaker was triggered\'." (HandlerErrorCode: GeneralServiceException)');
    }
    for (let i = 0; i < service.desiredCount; i++) this.startTask(service, td);
    service.deployment.rolloutState = 'COMPLETED';
    service.deployment.rolloutStateReason = 'ECS deployment completed.';
    settled('COMPLETED');
    service.events.unshift({ id: randomUUID(), createdAt: new Date(), message: `(service ${service.name}) has reached a steady state.` });
  }

  removeService(arn: string): void {
    const service = this.services.get(arn);
    if (!service) return;
    for (const t of this.tasks.values()) if (t.group === `service:${service.name}` && t.lastStatus === 'RUNNING') this.stop(t, 'ServiceSchedulerInitiated', 'Service deleted');
    this.services.delete(arn);
  }

  private startTask(service: EcsService, td: EcsTaskDefinition): EcsTask {
    const cluster = service.clusterArn.split('/').pop();
    const task: EcsTask = {
      taskArn: `${service.clusterArn.replace(':cluster/', ':task/')}/${randomUUID().replace(/-/g, '')}`.replace(`task/${cluster}/`, `task/${cluster}/`),
      clusterArn: service.clusterArn, group: `service:${service.name}`, taskDefinitionArn: td.arn, lastStatus: 'RUNNING', desiredStatus: 'RUNNING',
      containers: td.containers.map((c) => ({ name: c.name, image: c.image, lastStatus: 'RUNNING' })), createdAt: new Date(),
    };
    if (service.network) {
      const eni = this.network.createInterface(task.taskArn, service.network.subnets[0] ?? '', service.network.securityGroups, service.network.assignPublicIp, service.clusterArn.split(':')[3]);
      task.attachments = [{
        id: randomUUID(), type: 'ElasticNetworkInterface', status: 'ATTACHED',
        details: [{ name: 'subnetId', value: eni.subnetId }, { name: 'networkInterfaceId', value: eni.id }, { name: 'privateIPv4Address', value: eni.privateIp }],
      }];
      for (const lb of service.loadBalancers ?? []) this.network.registerTarget(lb.targetGroupArn, eni, lb.containerPort);
    }
    task.startedAt = new Date();
    this.tasks.set(task.taskArn, task);
    this.notify('started', task);
    return task;
  }

  private stop(task: EcsTask, stopCode: string, reason: string, container?: string): void {
    task.lastStatus = 'STOPPED';
    task.desiredStatus = 'STOPPED';
    task.stopCode = stopCode;
    task.stoppedReason = stopCode === 'TaskFailedToStart' ? 'Task failed to start' : reason;
    task.stoppedAt = new Date();
    // Stopping deregisters the task from its target groups and deletes its interface (and so its public IP).
    this.network.deleteInterfaceOf(task.taskArn);
    for (const a of task.attachments ?? []) a.status = 'DELETED';
    for (const c of task.containers) {
      c.lastStatus = 'STOPPED';
      if (stopCode === 'TaskFailedToStart' && (!container || c.name === container)) c.reason = reason;
    }
    this.notify('stopped', task);
  }

  // --- API (awsJson1_1) ----------------------------------------------------------------------

  describeServices(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, { services: { required: true, type: 'list', min: 1, max: 10 } }, 'InvalidParameterException');
    const cluster = this.cluster(input.cluster, ctx);
    const services = [];
    const failures = [];
    for (const ref of input.services as string[]) {
      const s = [...this.services.values()].find((x) => x.clusterArn === cluster.arn && (x.arn === ref || x.name === ref));
      if (!s) {
        failures.push({ arn: ref.startsWith('arn:') ? ref : `${cluster.arn.replace(':cluster/', ':service/')}/${ref}`, reason: 'MISSING' });
        continue;
      }
      const tasks = [...this.tasks.values()].filter((t) => t.group === `service:${s.name}` && t.clusterArn === s.clusterArn && t.lastStatus === 'RUNNING');
      services.push({
        serviceArn: s.arn, serviceName: s.name, clusterArn: s.clusterArn, status: 'ACTIVE', desiredCount: s.desiredCount,
        runningCount: tasks.length, pendingCount: s.deployment.rolloutState === 'IN_PROGRESS' ? s.desiredCount - tasks.length : 0,
        launchType: 'FARGATE', taskDefinition: s.taskDefinition, createdAt: s.createdAt, events: s.events.slice(0, 100),
        deployments: [{
          id: s.deployment.id, status: 'PRIMARY', taskDefinition: s.taskDefinition, desiredCount: s.desiredCount, runningCount: tasks.length,
          pendingCount: 0, failedTasks: s.deployment.failedTasks, rolloutState: s.deployment.rolloutState,
          rolloutStateReason: s.deployment.rolloutStateReason, createdAt: s.deployment.createdAt, updatedAt: s.deployment.updatedAt, launchType: 'FARGATE',
        }],
      });
    }
    return { services, failures };
  }

  listTasks(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, { desiredStatus: { enum: ['RUNNING', 'PENDING', 'STOPPED'] }, maxResults: { type: 'integer', min: 1, max: 100 } }, 'InvalidParameterException');
    const cluster = this.cluster(input.cluster, ctx);
    const desired = (input.desiredStatus as string | undefined) ?? 'RUNNING';
    const arns = [...this.tasks.values()]
      .filter((t) => t.clusterArn === cluster.arn && t.desiredStatus === desired && (!input.serviceName || t.group === `service:${String(input.serviceName)}`))
      .map((t) => t.taskArn);
    return { taskArns: arns };
  }

  describeTasks(input: Record<string, unknown>, ctx: CallContext) {
    validate(input, { tasks: { required: true, type: 'list', min: 1, max: 100 } }, 'InvalidParameterException');
    const cluster = this.cluster(input.cluster, ctx);
    const tasks = [];
    const failures = [];
    for (const ref of input.tasks as string[]) {
      const t = [...this.tasks.values()].find((x) => x.clusterArn === cluster.arn && (x.taskArn === ref || x.taskArn.endsWith(`/${ref}`)));
      if (t) tasks.push({ ...t, launchType: 'FARGATE' });
      else failures.push({ arn: ref, reason: 'MISSING' });
    }
    return { tasks, failures };
  }

  private cluster(ref: unknown, ctx: CallContext): EcsCluster {
    const key = String(ref ?? 'default');
    const c = [...this.clusters.values()].find((x) => x.region === ctx.region && (x.arn === key || x.name === key));
    if (!c) throw new AwsError('ClusterNotFoundException', 'Cluster not found.', 400);
    return c;
  }
}
