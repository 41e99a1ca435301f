// The receivers the stand-in models.
//
// prometheus (receiver/prometheusreceiver at v0.143.0, embedding Prometheus's scrape loop): each static target of
// each scrape_configs job is scraped every scrape_interval (the job's, else global, default 1m) with scrape_timeout
// (default 10s) at metrics_path (default /metrics) over scheme (default http); the first scrape comes after an offset
// within one interval derived from the target's hash, as Prometheus spreads its targets. Every scrape also yields
// up, scrape_duration_seconds, scrape_samples_scraped, scrape_samples_post_metric_relabeling and
// scrape_series_added. The resource is service.name = job, service.instance.id = instance, server.port and url.scheme
// ("localhost" is not a discernible host, so no server.address: internal/prom_to_otlp.go); target labels other than
// job/instance stay on the points; a scraped label that clashes with one becomes exported_<name> (honor_labels
// false). Names are kept as scraped (trim_metric_suffixes false). A failed scrape (connection refused, non-2xx,
// unparsable body) gives up 0; the receiver warns "Failed to scrape Prometheus endpoint" with the scrape timestamp
// and the up series' labels (internal/transaction.go); the reason itself Prometheus logs at debug level only.
// "localhost"/"127.0.0.1" is the task's own network namespace; any other host does not resolve in the sandbox.
//
// awsecscontainermetrics: a ticker of collection_interval (default 20s): the first collection comes one interval
// after start (receiver.go Start), then the task's and each container's metrics (ecs-metrics.ts).
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import type { Address, TaskStandIn } from '../task-runtime';
import type { CollectorContext, ZapLogger } from './collector';
import { durationMs } from './config';
import { containerAttributes, containerMetrics, ECS_METRIC_SHAPES, EcsMetricKey, taskAttributes, taskMetrics } from './ecs-metrics';
import { Family, parseExposition } from './exposition';
import type { Metric, ResourceMetrics } from './pdata';
import { taskModel } from './processors';

type Emit = (batch: ResourceMetrics[]) => void;

interface ScrapeConfig {
  job_name: string; metrics_path?: string; scheme?: string; scrape_interval?: string; scrape_timeout?: string; honor_labels?: boolean;
  static_configs?: { targets?: string[]; labels?: Record<string, string> }[];
}

export function startPrometheusReceiver(id: string, settings: Record<string, unknown>, ctx: CollectorContext, emit: Emit, zap: ZapLogger, now: () => number): () => void {
  const prom = (settings.config ?? {}) as { global?: { scrape_interval?: string; scrape_timeout?: string }; scrape_configs?: ScrapeConfig[] };
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const job of prom.scrape_configs ?? []) {
    const interval = durationMs(job.scrape_interval ?? prom.global?.scrape_interval, 60_000);
    const timeout = Math.min(durationMs(job.scrape_timeout ?? prom.global?.scrape_timeout, 10_000), interval);
    for (const sc of job.static_configs ?? []) {
      for (const target of sc.targets ?? []) {
        const scrape = () => {
          if (stopped) return;
          void scrapeOnce(id, job, target, sc.labels ?? {}, timeout, ctx, now).then((rm) => {
            if (stopped) return;
            const up = rm.metrics.find((m) => m.name === 'up');
            const upPoint = up?.kind === 'gauge' ? up.points[0] : undefined;
            if (upPoint && upPoint.value === 0) {
              const labels = { __name__: 'up', instance: target, job: job.job_name, ...(sc.labels ?? {}) };
              zap('warn', 'internal/transaction.go:150', 'Failed to scrape Prometheus endpoint', {
                'otelcol.component.id': id, 'otelcol.component.kind': 'receiver', 'otelcol.signal': 'metrics',
                scrape_timestamp: upPoint.timeMs, target_labels: labelSet(labels),
              });
            }
            emit([rm]);
          });
        };
        const offset = Number(BigInt(`0x${createHash('sha256').update(`${job.job_name}\0${target}\0${ctx.task.taskId}`).digest('hex').slice(0, 12)}`) % BigInt(Math.max(1, Math.round(interval))));
        const first = setTimeout(() => {
          scrape();
          const every = setInterval(scrape, interval);
          every.unref();
          timers.push(every);
        }, offset);
        first.unref();
        timers.push(first);
      }
    }
  }
  return () => { stopped = true; for (const t of timers) clearTimeout(t); };
}

/** Prometheus's labels.Labels String(): {a="1", b="2"}, sorted by name. */
function labelSet(labels: Record<string, string>): string {
  return `{${Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`).join(', ')}}`;
}

async function scrapeOnce(_id: string, job: ScrapeConfig, target: string, targetLabels: Record<string, string>, timeoutMs: number, ctx: CollectorContext, now: () => number): Promise<ResourceMetrics> {
  const started = now();
  const scheme = job.scheme ?? 'http';
  const [host, portText] = splitHostPort(target, scheme);
  const path = job.metrics_path ?? '/metrics';
  let families: Family[] | undefined;
  try {
    if (scheme !== 'http') throw new Error(`the sandbox scrapes http targets only, not ${scheme}`);
    const local = host === 'localhost' || host === '127.0.0.1' ? ctx.resolve(Number(portText)) : undefined;
    if (!local) throw new Error(host === 'localhost' || host === '127.0.0.1' ? `Get "${scheme}://${target}${path}": dial tcp ${host === 'localhost' ? '127.0.0.1' : host}:${portText}: connect: connection refused` : `Get "${scheme}://${target}${path}": dial tcp: lookup ${host}: no such host`);
    const text = await get(local, path, timeoutMs);
    families = parseExposition(text);
  } catch {
    families = undefined;
  }
  const timeMs = started;
  const duration = (now() - started) / 1000;
  const point = (value: number) => ({ attributes: { ...targetLabels }, timeMs, value });
  const metrics: Metric[] = [];
  let samples = 0;
  for (const f of families ?? []) {
    samples += f.samples.length;
    metrics.push(toMetric(f, targetLabels, timeMs, job.honor_labels === true));
  }
  const up = families !== undefined ? 1 : 0;
  metrics.push(
    { name: 'up', unit: '', kind: 'gauge', points: [point(up)] },
    { name: 'scrape_duration_seconds', unit: '', kind: 'gauge', points: [point(duration)] },
    { name: 'scrape_samples_scraped', unit: '', kind: 'gauge', points: [point(samples)] },
    { name: 'scrape_samples_post_metric_relabeling', unit: '', kind: 'gauge', points: [point(samples)] },
    { name: 'scrape_series_added', unit: '', kind: 'gauge', points: [point(0)] },
  );
  return { resource: { 'service.name': job.job_name, 'service.instance.id': target, 'server.port': portText, 'url.scheme': scheme }, metrics };
}

function splitHostPort(target: string, scheme: string): [string, string] {
  const i = target.lastIndexOf(':');
  return i < 0 ? [target, scheme === 'https' ? '443' : '80'] : [target.slice(0, i), target.slice(i + 1)];
}

function get(address: Address, path: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address.host, port: address.port, path, method: 'GET', headers: { Accept: 'text/plain;version=0.0.4' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) reject(new Error(`server returned HTTP status ${res.statusCode} ${res.statusMessage}`));
        else resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
    req.on('error', reject);
    req.end();
  });
}

function toMetric(f: Family, targetLabels: Record<string, string>, timeMs: number, honorLabels: boolean): Metric {
  const attrs = (labels: Record<string, string>) => {
    const out: Record<string, string> = { ...targetLabels };
    for (const [k, v] of Object.entries(labels)) {
      if (k === 'le' || k === 'quantile') continue;
      if (k in targetLabels && !honorLabels) out[`exported_${k}`] = v;
      else out[k] = v;
    }
    return out;
  };
  const at = (s: { timestampMs?: number }) => s.timestampMs ?? timeMs;
  if (f.type === 'counter') return { name: f.name, unit: '', kind: 'sum', monotonic: true, points: f.samples.map((s) => ({ attributes: attrs(s.labels), timeMs: at(s), value: s.value })) };
  if (f.type === 'histogram' || f.type === 'summary') {
    const groups = new Map<string, { attributes: Record<string, string>; timeMs: number; count: number; sum: number; buckets: { le: number; count: number }[]; quantiles: { quantile: number; value: number }[] }>();
    for (const s of f.samples) {
      const attributes = attrs(s.labels);
      const key = JSON.stringify(attributes);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { attributes, timeMs: at(s), count: 0, sum: 0, buckets: [], quantiles: [] }));
      if (s.name === `${f.name}_count`) g.count = s.value;
      else if (s.name === `${f.name}_sum`) g.sum = s.value;
      else if (s.name === `${f.name}_bucket`) g.buckets.push({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), count: s.value });
      else g.quantiles.push({ quantile: Number(s.labels.quantile), value: s.value });
    }
    const points = [...groups.values()];
    if (f.type === 'histogram') return { name: f.name, unit: '', kind: 'histogram', points: points.map(({ quantiles: _q, ...p }) => ({ ...p, buckets: p.buckets.sort((a, b) => a.le - b.le) })) };
    return { name: f.name, unit: '', kind: 'summary', points: points.map(({ buckets: _b, ...p }) => p) };
  }
  return { name: f.name, unit: '', kind: 'gauge', points: f.samples.map((s) => ({ attributes: attrs(s.labels), timeMs: at(s), value: s.value })) };
}

export function startEcsReceiver(settings: Record<string, unknown>, task: TaskStandIn, emit: Emit, now: () => number): () => void {
  const interval = durationMs(settings.collection_interval, 20_000);
  const timer = setInterval(() => emit(ecsBatch(task, now())), interval);
  timer.unref();
  return () => clearInterval(timer);
}

function ecsBatch(task: TaskStandIn, timeMs: number): ResourceMetrics[] {
  const t = taskModel(task);
  const seconds = Math.max(0, (timeMs - task.startedAt.getTime()) / 1000);
  const metricsOf = (prefix: string, values: Record<EcsMetricKey, number>): Metric[] => (Object.keys(ECS_METRIC_SHAPES) as EcsMetricKey[]).map((k) => {
    const { unit, kind } = ECS_METRIC_SHAPES[k];
    const points = [{ attributes: {}, timeMs, value: values[k] }];
    return kind === 'sum' ? { name: `${prefix}${k}`, unit, kind, monotonic: false, points } : { name: `${prefix}${k}`, unit, kind, points };
  });
  return [
    { resource: taskAttributes(t), metrics: metricsOf('ecs.task.', taskMetrics(t, seconds)) },
    ...t.containers.map((c) => ({ resource: { ...containerAttributes(t, c), ...taskAttributes(t) }, metrics: metricsOf('container.', containerMetrics(t, c, seconds)) })),
  ];
}
