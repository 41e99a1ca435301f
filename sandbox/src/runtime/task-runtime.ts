// Runs each RUNNING task of the ECS model: an app stand-in per app container (sample-app.ts) and a collector
// stand-in for the container whose environment carries AOT_CONFIG_CONTENT (collector/), sharing one "network
// namespace" (localhost:<port> inside the task is whatever its containers listen on), with the task role's
// credentials as ECS hands them to the task, and each container's stdout shipped by the awslogs driver to the
// log group and stream its LogConfiguration names.
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { IamState, RequestLogEntry } from '../core/types';
import { Credential, CredentialStore } from '../models/credentials';
import { trustsService } from '../models/iam';
import { EcsContainerDefinition, EcsModel, EcsTask, EcsTaskDefinition } from '../models/ecs';
import { LogsModel } from '../models/logs';
import { startCollector, RunningCollector, HttpAnswer } from './collector/collector';
import { startApp, RunningApp } from './sample-app';

export interface Address { host: string; port: number }

/** One task's stand-ins, for tests and the other sandbox models. */
export interface TaskStandIn {
  taskArn: string;
  taskId: string;
  family: string;
  revision: number;
  clusterArn: string;
  /** The service that started it (the group "service:<name>"). */
  serviceName: string;
  region: string;
  accountId: string;
  cpuUnits: number;
  memoryMiB: number;
  /** Ports inside the task (what localhost:<port> reaches) → where they really listen on this machine. */
  ports: Map<number, Address>;
  /** The task's containers, as its task definition names them. */
  containers: { name: string; image: string }[];
  startedAt: Date;
  /** awslogs destinations of the task's containers. */
  logStreams: { container: string; group: string; stream: string; region: string }[];
  /** The AOT_CONFIG_CONTENT the collector stand-in was started with (after the test transform), if any. */
  collectorConfig?: string;
  /** Resolves once every stand-in of the task listens and the collector has started (or refused its config). */
  ready: Promise<void>;
  /** A sandbox failure while starting the stand-ins (e.g. a port that would not bind), if any. */
  error?: string;
}

export interface TaskRuntimeDeps {
  ecs: EcsModel;
  logs: LogsModel;
  credentials: CredentialStore;
  iam: IamState;
  /** The sandbox's own endpoint (AWS_ENDPOINT_URL), where AMP's data plane is served. */
  endpoint(): string;
}

/** The ECS container name the collector runs as: the one configured through AOT_CONFIG_CONTENT. */
const CONFIG_VARIABLE = 'AOT_CONFIG_CONTENT';
// ECS gives a task's role credentials for up to 6 hours and refreshes them before they expire.
const TASK_CREDENTIAL_SECONDS = 6 * 3600;

interface Running extends TaskStandIn {
  apps: RunningApp[];
  collector?: RunningCollector;
  credential?: Credential;
  stopped: boolean;
}

/**
 * Marks a stand-in's own request to the sandbox (never signed, never sent by a real client), so that the tasks'
 * traffic is logged in runtime.requests and the request log keeps what clients asked.
 */
export const TASK_ORIGIN_HEADER = 'x-sandbox-task';

export class TaskRuntime {
  private readonly running = new Map<string, Running>();
  /** The tasks' own requests to the sandbox (the collectors' remote writes), as the request log records clients'. */
  readonly requests: RequestLogEntry[] = [];
  private seq = 0;
  private transform?: (config: string, task: TaskStandIn) => string;

  constructor(private readonly deps: TaskRuntimeDeps) {
    deps.ecs.observeTasks((event, task, td) => {
      if (event === 'started') this.start(task, td);
      else void this.stop(task.taskArn);
    });
  }

  /** Where the task's app container's (first) port really listens, or undefined when nothing does. */
  appAddress(taskArn: string): Address | undefined {
    const t = this.running.get(taskArn);
    if (!t) return undefined;
    const td = this.deps.ecs.taskDefinitions.get(this.deps.ecs.tasks.get(taskArn)?.taskDefinitionArn ?? '');
    const app = td?.containers.find((c) => !isCollector(c) && (c.portMappings?.length ?? 0) > 0);
    const port = app?.portMappings?.[0].containerPort;
    return port === undefined ? undefined : t.ports.get(port);
  }

  /** What localhost:<port> reaches inside the task. */
  resolve(taskArn: string, port: number): Address | undefined {
    return this.running.get(taskArn)?.ports.get(port);
  }

  /** The tasks whose stand-ins run now. */
  tasks(): TaskStandIn[] {
    return [...this.running.values()].filter((t) => !t.stopped);
  }

  task(taskArn: string): TaskStandIn | undefined {
    return this.running.get(taskArn);
  }

  /**
   * Test hook: rewrites the AOT_CONFIG_CONTENT of the tasks started from now on (undefined: as the task
   * definition has it), e.g. to turn resource_to_telemetry_conversion off or shorten the intervals.
   */
  setConfigTransform(fn: ((config: string, task: TaskStandIn) => string) | undefined): void {
    this.transform = fn;
  }

  /** Records one of the tasks' requests (the data plane's log entry for it). */
  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry {
    const full = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
    this.requests.push(full);
    return full;
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((arn) => this.stop(arn)));
  }

  private start(task: EcsTask, td: EcsTaskDefinition | undefined): void {
    if (!td || this.running.has(task.taskArn)) return;
    const [, region, accountId] = /^arn:aws[-a-z]*:ecs:([^:]+):(\d{12}):/.exec(task.taskArn) ?? [];
    const taskId = task.taskArn.split('/').pop()!;
    const t: Running = {
      taskArn: task.taskArn, taskId, family: td.family, revision: td.revision, clusterArn: task.clusterArn,
      serviceName: task.group.replace(/^service:/, ''), region, accountId,
      cpuUnits: Number(td.cpu), memoryMiB: Number(td.memory), ports: new Map(), logStreams: [],
      containers: td.containers.map((c) => ({ name: c.name, image: c.image })), startedAt: task.createdAt,
      apps: [], stopped: false, ready: Promise.resolve(),
    };
    this.running.set(task.taskArn, t);
    // A task the model stops in the same turn (TaskFailedToStart) never ran anything.
    t.ready = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      if (task.lastStatus !== 'RUNNING' || t.stopped) return;
      for (const c of td.containers.filter((x) => !isCollector(x))) {
        const app = await startApp({ image: c.image, environment: envOf(c), containerPorts: (c.portMappings ?? []).map((m) => m.containerPort), log: this.logger(t, c) });
        if (!app) continue;
        if (t.stopped) { await app.close(); return; }
        t.apps.push(app);
        t.ports.set(app.taskPort, app.address);
      }
      const collector = td.containers.find(isCollector);
      if (!collector) return;
      const raw = envOf(collector)[CONFIG_VARIABLE];
      t.collectorConfig = this.transform ? this.transform(raw, t) : raw;
      t.collector = startCollector({
        config: t.collectorConfig,
        task: t,
        image: collector.image,
        log: this.logger(t, collector),
        resolve: (port) => t.ports.get(port),
        remoteWrite: (url, headers, body, sign) => this.remoteWrite(t, td, url, headers, body, sign),
      });
    }).catch((err: unknown) => { t.error = (err as Error).stack ?? String(err); });
  }

  private async stop(taskArn: string): Promise<void> {
    const t = this.running.get(taskArn);
    if (!t || t.stopped) return;
    t.stopped = true;
    await t.ready.catch(() => undefined);
    await t.collector?.close();
    await Promise.all(t.apps.map((a) => a.close()));
    t.ports.clear();
    this.running.delete(taskArn);
  }

  /** The awslogs driver: stream <awslogs-stream-prefix>/<container name>/<task id> in awslogs-group. */
  private logger(t: Running, c: EcsContainerDefinition): (line: string) => void {
    const options = c.logConfiguration?.logDriver === 'awslogs' ? c.logConfiguration.options ?? {} : undefined;
    const group = options?.['awslogs-group'];
    if (!options || !group) return () => undefined;
    const prefix = options['awslogs-stream-prefix'];
    const stream = prefix ? `${prefix}/${c.name}/${t.taskId}` : t.taskId;
    const region = options['awslogs-region'] ?? t.region;
    t.logStreams.push({ container: c.name, group, stream, region });
    return (line) => { this.deps.logs.append(group, region, t.accountId, stream, line); };
  }

  /**
   * The exporter's POST, reaching the sandbox as a VPC interface endpoint with private DNS would reach AMP: the
   * request keeps the real host name (and so its signature) and lands on the sandbox's endpoint.
   */
  private async remoteWrite(t: Running, td: EcsTaskDefinition, url: string, headers: Record<string, string>, body: Buffer, sign: boolean): Promise<HttpAnswer> {
    const target = new URL(url);
    if (!/^aps-workspaces\.[a-z0-9-]+\.amazonaws\.com$/.test(target.hostname)) {
      throw new Error(`Post "${url}": dial tcp: lookup ${target.hostname}: no such host`);
    }
    const region = target.hostname.split('.')[1];
    const credential = sign ? this.taskCredential(t, td) : undefined;
    let signed: Record<string, string> = { ...headers, host: target.hostname };
    if (credential) {
      const signer = new SignatureV4({
        service: 'aps', region, sha256: Sha256,
        credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey, sessionToken: credential.sessionToken },
      });
      const req = await signer.sign(new HttpRequest({ method: 'POST', protocol: 'https:', hostname: target.hostname, path: target.pathname, headers: signed, body }));
      signed = req.headers as Record<string, string>;
    }
    signed = { ...signed, [TASK_ORIGIN_HEADER]: t.taskArn };
    const sandbox = new URL(this.deps.endpoint());
    return new Promise<HttpAnswer>((resolve, reject) => {
      const req = request({ host: sandbox.hostname, port: sandbox.port, method: 'POST', path: target.pathname + target.search, headers: signed }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * The task role's credentials as ECS serves them to the task (session name: the task id). None without a task
   * role, or for a role that does not trust ecs-tasks.amazonaws.com (ECS cannot assume it).
   */
  private taskCredential(t: Running, td: EcsTaskDefinition): Credential | undefined {
    if (t.credential && t.credential.expiration!.getTime() - Date.now() > 5 * 60_000) return t.credential;
    const role = [...this.deps.iam.roles.values()].find((r) => r.arn === td.taskRoleArn);
    // ECS assumes the role with the task's account and ARN as aws:SourceAccount and aws:SourceArn.
    if (!role || !trustsService(role, 'ecs-tasks.amazonaws.com', { account: t.accountId, arn: t.taskArn })) return undefined;
    t.credential = this.deps.credentials.issueSession(
      { arn: `arn:aws:sts::${t.accountId}:assumed-role/${role.roleName}/${t.taskId}`, userId: `${role.roleId}:${t.taskId}`, accountId: t.accountId },
      TASK_CREDENTIAL_SECONDS,
    );
    return t.credential;
  }
}

function isCollector(c: EcsContainerDefinition): boolean {
  return (c.environment ?? []).some((e) => e.name === CONFIG_VARIABLE);
}

function envOf(c: EcsContainerDefinition): Record<string, string> {
  return Object.fromEntries((c.environment ?? []).map((e) => [e.name, e.value]));
}
