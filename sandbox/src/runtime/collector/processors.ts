// The processors the stand-in models, as collector-contrib v0.143.0 behaves (read, not copied):
// - filter (processor/filterprocessor): metrics.include / metrics.exclude with match_type strict or regexp over
//   metric_names; a metric must match include (when given) and not match exclude; resources left empty are dropped.
// - resourcedetection (processor/resourcedetectionprocessor): detectors in order; `ecs` reads task metadata v4
//   (internal/aws/ecs metadata.yaml: every attribute enabled unless resource_attributes.<name>.enabled is false);
//   `override` (default true) lets detected values replace existing resource attributes. Other detectors find
//   nothing on Fargate here.
// - batch (processor/batchprocessor): sends what it holds when send_batch_size (default 8192) data points are
//   reached, and otherwise every `timeout` (default 200ms).
// Any other processor passes data through.
import type { TaskStandIn } from '../task-runtime';
import { durationMs, typeOf } from './config';
import { detectedEcsAttributes, TaskModel } from './ecs-metrics';
import { pointCount, ResourceMetrics } from './pdata';

export type Consumer = (batch: ResourceMetrics[]) => void;

export function buildProcessor(id: string, settings: Record<string, unknown> | undefined, task: TaskStandIn, next: Consumer, now: () => number): { consume: Consumer; stop?: () => void } {
  const s = settings ?? {};
  switch (typeOf(id)) {
    case 'filter': return { consume: filterProcessor(s, next) };
    case 'resourcedetection': return { consume: resourceDetection(s, task, next) };
    case 'batch': return batchProcessor(s, next, now);
    default: return { consume: next };
  }
}

interface MatchProperties { match_type?: string; metric_names?: string[] }

function matcher(p: MatchProperties | undefined): ((name: string) => boolean) | undefined {
  if (!p) return undefined;
  const names = p.metric_names ?? [];
  if (p.match_type === 'regexp') {
    const res = names.map((n) => new RegExp(n));
    return (name) => res.some((re) => re.test(name));
  }
  return (name) => names.includes(name);
}

function filterProcessor(s: Record<string, unknown>, next: Consumer): Consumer {
  const metrics = (s.metrics ?? {}) as { include?: MatchProperties; exclude?: MatchProperties };
  const include = matcher(metrics.include);
  const exclude = matcher(metrics.exclude);
  return (batch) => {
    const out = batch.map((rm) => ({ ...rm, metrics: rm.metrics.filter((m) => (!include || include(m.name)) && !(exclude && exclude(m.name))) }))
      .filter((rm) => rm.metrics.length > 0);
    if (out.length > 0) next(out);
  };
}

/** The task as the ECS detector and receiver see it through the task metadata endpoint. */
export function taskModel(task: TaskStandIn): TaskModel {
  const cluster = task.clusterArn.split('/').pop()!;
  const vcpu = task.cpuUnits / 1024;
  const MiB = 1024 * 1024;
  return {
    id: task.taskId, family: task.family, revision: String(task.revision), cluster, serviceName: task.serviceName,
    region: task.region, account: task.accountId, availabilityZone: `${task.region}a`, cpuUnits: task.cpuUnits, memoryMiB: task.memoryMiB,
    // The sandbox's containers do a steady, small amount of work: the app 3 % and the collector 2 % of the task's
    // vCPUs, a quarter and a sixth of its memory (a tenth of that page cache).
    containers: task.containers.map((c, i) => {
      const app = !c.image.includes('aws-otel-collector');
      const memory = Math.round(task.memoryMiB * MiB * (app ? 0.25 : 1 / 6));
      return { name: c.name, image: c.image, dockerId: `${task.taskId}-${String(i).padStart(10, '0')}`, vcpu: vcpu * (app ? 0.03 : 0.02), memoryUsageBytes: memory, memoryCacheBytes: Math.round(memory / 10) };
    }),
    networkRxBytesPerSecond: 2048, networkTxBytesPerSecond: 1024,
    pullStartedAt: task.startedAt.toISOString(), pullStoppedAt: task.startedAt.toISOString(),
    containerCreatedAt: task.startedAt.toISOString(), containerStartedAt: task.startedAt.toISOString(),
  };
}

function resourceDetection(s: Record<string, unknown>, task: TaskStandIn, next: Consumer): Consumer {
  const detectors = (s.detectors ?? []) as string[];
  const override = s.override !== false;
  const ecs = (s.ecs ?? {}) as { resource_attributes?: Record<string, { enabled?: boolean }> };
  const detected: Record<string, string | string[]> = {};
  if (detectors.includes('ecs')) {
    for (const [k, v] of Object.entries(detectedEcsAttributes(taskModel(task), task.logStreams))) {
      if (ecs.resource_attributes?.[k]?.enabled !== false) detected[k] = v;
    }
  }
  return (batch) => next(batch.map((rm) => ({ ...rm, resource: override ? { ...rm.resource, ...detected } : { ...detected, ...rm.resource } })));
}

function batchProcessor(s: Record<string, unknown>, next: Consumer, _now: () => number): { consume: Consumer; stop: () => void } {
  const timeout = durationMs(s.timeout, 200);
  const size = Number(s.send_batch_size ?? 8192);
  let held: ResourceMetrics[] = [];
  const flush = () => {
    if (held.length === 0) return;
    const out = held;
    held = [];
    next(out);
  };
  const timer = setInterval(flush, timeout);
  timer.unref();
  return {
    consume: (batch) => {
      held.push(...batch);
      if (size > 0 && pointCount(held) >= size) flush();
    },
    // On shutdown the batch processor sends what it still holds.
    stop: () => { clearInterval(timer); flush(); },
  };
}
