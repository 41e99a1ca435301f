// The awsecscontainermetrics receiver as the collector-contrib version ADOT v0.47.0 vendors (v0.143.0) shapes its
// metrics, read, not copied (receiver/awsecscontainermetricsreceiver/internal/awsecscontainermetrics):
// - per-container metrics from the container's docker stats (metrics_helper.go getContainerMetrics), task metrics as
//   the SUM of its containers' (aggregateTaskMetrics), then the task's limits override `reserved`, and
//   `cpu.utilized` becomes the summed vCPU usage × 1024 (accumulator.go overrideWithTaskLevelLimit);
//   memory.utilized = (usage − cache) / MiB as an integer;
// - names `ecs.task.<m>` and `container.<m>`, units and kinds from translator.go (constants.go): Bytes, Megabytes,
//   Nanoseconds, Bytes/Second, Count, vCPU, None; the cpu.usage.*, network.io.usage.* and storage.* are cumulative
//   Sums that are NOT monotonic (appendIntSum sets no IsMonotonic), so they export as gauges with no _total;
// - resource attributes from resource.go (taskResource, containerResource).
// The sandbox's task runtime and the test helper __tests__/prometheus/collector-series.ts both build their series
// from here, so the dashboards are tested against what the collector stand-in really writes.

export interface ContainerModel {
  name: string;
  image: string;
  dockerId: string;
  /** vCPUs the container uses (docker stats: CPU time delta / wall time delta). */
  vcpu: number;
  memoryUsageBytes: number;
  /** Page cache in memory.stats; the receiver subtracts it for memory.utilized. */
  memoryCacheBytes: number;
  storageReadBytesPerSecond?: number;
  storageWriteBytesPerSecond?: number;
}

export interface TaskModel {
  id: string;
  /** The task definition's family: the stack name (templates/preview-stack.yaml). */
  family: string;
  revision: string;
  cluster: string;
  serviceName: string;
  region: string;
  account: string;
  availabilityZone: string;
  /** The task size as the task definition gives it: CPU units and MiB (Fargate). */
  cpuUnits: number;
  memoryMiB: number;
  containers: ContainerModel[];
  /** The task's one network interface (awsvpc): every container's stats report it. */
  networkRxBytesPerSecond: number;
  networkTxBytesPerSecond: number;
  /** RFC 3339 times the task metadata endpoint reports; fixed ones when not given. */
  pullStartedAt?: string;
  pullStoppedAt?: string;
  containerCreatedAt?: string;
  containerStartedAt?: string;
}

export type EcsMetricKey =
  | 'memory.usage' | 'memory.usage.max' | 'memory.usage.limit' | 'memory.utilized' | 'memory.reserved'
  | 'cpu.usage.total' | 'cpu.usage.kernelmode' | 'cpu.usage.usermode' | 'cpu.usage.system'
  | 'cpu.cores' | 'cpu.onlines' | 'cpu.reserved' | 'cpu.utilized' | 'cpu.usage.vcpu'
  | 'network.rate.rx' | 'network.rate.tx'
  | 'network.io.usage.rx_bytes' | 'network.io.usage.rx_packets' | 'network.io.usage.rx_errors' | 'network.io.usage.rx_dropped'
  | 'network.io.usage.tx_bytes' | 'network.io.usage.tx_packets' | 'network.io.usage.tx_errors' | 'network.io.usage.tx_dropped'
  | 'storage.read_bytes' | 'storage.write_bytes';

export type EcsMetrics = Record<EcsMetricKey, number>;

/** Unit and kind of each metric (translator.go): a gauge, or a cumulative non-monotonic sum. */
export const ECS_METRIC_SHAPES: Record<EcsMetricKey, { unit: string; kind: 'gauge' | 'sum' }> = {
  'memory.usage': { unit: 'Bytes', kind: 'gauge' }, 'memory.usage.max': { unit: 'Bytes', kind: 'gauge' },
  'memory.usage.limit': { unit: 'Bytes', kind: 'gauge' }, 'memory.utilized': { unit: 'Megabytes', kind: 'gauge' },
  'memory.reserved': { unit: 'Megabytes', kind: 'gauge' },
  'cpu.usage.total': { unit: 'Nanoseconds', kind: 'sum' }, 'cpu.usage.kernelmode': { unit: 'Nanoseconds', kind: 'sum' },
  'cpu.usage.usermode': { unit: 'Nanoseconds', kind: 'sum' }, 'cpu.usage.system': { unit: 'Nanoseconds', kind: 'sum' },
  'cpu.cores': { unit: 'Count', kind: 'gauge' }, 'cpu.onlines': { unit: 'Count', kind: 'gauge' },
  'cpu.utilized': { unit: 'None', kind: 'gauge' }, 'cpu.reserved': { unit: 'None', kind: 'gauge' },
  'cpu.usage.vcpu': { unit: 'vCPU', kind: 'gauge' },
  'network.rate.rx': { unit: 'Bytes/Second', kind: 'gauge' }, 'network.rate.tx': { unit: 'Bytes/Second', kind: 'gauge' },
  'network.io.usage.rx_bytes': { unit: 'Bytes', kind: 'sum' }, 'network.io.usage.rx_packets': { unit: 'Count', kind: 'sum' },
  'network.io.usage.rx_errors': { unit: 'Count', kind: 'sum' }, 'network.io.usage.rx_dropped': { unit: 'Count', kind: 'sum' },
  'network.io.usage.tx_bytes': { unit: 'Bytes', kind: 'sum' }, 'network.io.usage.tx_packets': { unit: 'Count', kind: 'sum' },
  'network.io.usage.tx_errors': { unit: 'Count', kind: 'sum' }, 'network.io.usage.tx_dropped': { unit: 'Count', kind: 'sum' },
  'storage.read_bytes': { unit: 'Bytes', kind: 'sum' }, 'storage.write_bytes': { unit: 'Bytes', kind: 'sum' },
};

const MiB = 1024 * 1024;
// Ethernet-sized packets: the packet counters follow the byte counters.
const BYTES_PER_PACKET = 1500;

export function taskArn(t: TaskModel): string {
  return `arn:aws:ecs:${t.region}:${t.account}:task/${t.cluster}/${t.id}`;
}

/** One container's metrics `seconds` after it started. */
export function containerMetrics(t: TaskModel, c: ContainerModel, seconds: number): EcsMetrics {
  const cpuNs = Math.round(c.vcpu * 1e9 * seconds);
  const rx = t.networkRxBytesPerSecond * seconds;
  const tx = t.networkTxBytesPerSecond * seconds;
  return {
    'memory.usage': c.memoryUsageBytes,
    'memory.usage.max': c.memoryUsageBytes,
    // Fargate reports the task's limit as each container's cgroup limit.
    'memory.usage.limit': t.memoryMiB * MiB,
    'memory.utilized': Math.floor((c.memoryUsageBytes - c.memoryCacheBytes) / MiB),
    // No container-level memory or CPU limit in the action's task definition.
    'memory.reserved': 0,
    'cpu.usage.total': cpuNs,
    'cpu.usage.kernelmode': Math.round(cpuNs / 4),
    'cpu.usage.usermode': cpuNs - Math.round(cpuNs / 4),
    'cpu.usage.system': 2e9 * seconds,
    'cpu.cores': 2,
    'cpu.onlines': 2,
    'cpu.reserved': 0,
    'cpu.utilized': c.vcpu * 100,
    'cpu.usage.vcpu': c.vcpu,
    'network.rate.rx': t.networkRxBytesPerSecond,
    'network.rate.tx': t.networkTxBytesPerSecond,
    'network.io.usage.rx_bytes': rx,
    'network.io.usage.rx_packets': Math.floor(rx / BYTES_PER_PACKET),
    'network.io.usage.rx_errors': 0,
    'network.io.usage.rx_dropped': 0,
    'network.io.usage.tx_bytes': tx,
    'network.io.usage.tx_packets': Math.floor(tx / BYTES_PER_PACKET),
    'network.io.usage.tx_errors': 0,
    'network.io.usage.tx_dropped': 0,
    'storage.read_bytes': (c.storageReadBytesPerSecond ?? 0) * seconds,
    'storage.write_bytes': (c.storageWriteBytesPerSecond ?? 0) * seconds,
  };
}

/** The task's metrics: the sum of its containers', with the task's limits and CPU in CPU units. */
export function taskMetrics(t: TaskModel, seconds: number): EcsMetrics {
  const sum = {} as EcsMetrics;
  for (const c of t.containers) {
    const m = containerMetrics(t, c, seconds);
    for (const k of Object.keys(m) as EcsMetricKey[]) sum[k] = (sum[k] ?? 0) + m[k];
  }
  // The task metadata endpoint's task Limits: CPU in vCPU, memory in MiB.
  sum['memory.reserved'] = t.memoryMiB;
  sum['cpu.reserved'] = (t.cpuUnits / 1024) * 1024;
  sum['cpu.utilized'] = sum['cpu.usage.vcpu'] * 1024;
  return sum;
}

export function taskAttributes(t: TaskModel): Record<string, string> {
  return {
    'aws.ecs.cluster.name': t.cluster, 'aws.ecs.task.arn': taskArn(t), 'aws.ecs.task.id': t.id,
    'aws.ecs.task.family': t.family, 'aws.ecs.task.version': t.revision, 'aws.ecs.task.revision': t.revision,
    'aws.ecs.service.name': t.serviceName, 'cloud.availability_zone': t.availabilityZone,
    'aws.ecs.task.pull_started_at': t.pullStartedAt ?? '2026-01-05T10:00:01.5Z', 'aws.ecs.task.pull_stopped_at': t.pullStoppedAt ?? '2026-01-05T10:00:09.2Z',
    'aws.ecs.task.known_status': 'RUNNING', 'aws.ecs.task.launch_type': 'FARGATE', 'aws.ecs.launchtype': 'fargate',
    'cloud.region': t.region, 'cloud.account.id': t.account,
  };
}

export function containerAttributes(t: TaskModel, c: ContainerModel): Record<string, string> {
  const [repository, tag = 'latest'] = c.image.split(/:(?=[^/]*$)/);
  return {
    'container.name': c.name, 'container.id': c.dockerId, 'aws.ecs.docker.name': c.name,
    'container.image.name': repository, 'aws.ecs.container.image.id': `sha256:${c.dockerId}`, 'container.image.tag': tag,
    'aws.ecs.container.created_at': t.containerCreatedAt ?? '2026-01-05T10:00:10Z', 'aws.ecs.container.started_at': t.containerStartedAt ?? '2026-01-05T10:00:11Z',
    'aws.ecs.container.know_status': 'RUNNING',
  };
}

/**
 * What the resourcedetection processor's `ecs` detector reports for the task (processor/resourcedetectionprocessor
 * internal/aws/ecs metadata.yaml at v0.143.0), before its resource_attributes settings turn any off. The aws.log.*
 * lists come from the containers' awslogs options.
 */
export function detectedEcsAttributes(t: TaskModel, logs: { group: string; stream: string; region: string }[]): Record<string, string | string[]> {
  return {
    'cloud.provider': 'aws', 'cloud.platform': 'aws_ecs', 'cloud.account.id': t.account, 'cloud.region': t.region,
    'cloud.availability_zone': t.availabilityZone, 'aws.ecs.cluster.arn': `arn:aws:ecs:${t.region}:${t.account}:cluster/${t.cluster}`,
    'aws.ecs.task.arn': taskArn(t), 'aws.ecs.task.family': t.family, 'aws.ecs.task.id': t.id,
    'aws.ecs.task.revision': t.revision, 'aws.ecs.launchtype': 'fargate',
    'aws.log.group.names': logs.map((l) => l.group),
    'aws.log.group.arns': logs.map((l) => `arn:aws:logs:${l.region}:${t.account}:log-group:${l.group}:*`),
    'aws.log.stream.names': logs.map((l) => l.stream),
    'aws.log.stream.arns': logs.map((l) => `arn:aws:logs:${l.region}:${t.account}:log-group:${l.group}:log-stream:${l.stream}`),
  };
}
