// The series AMP receives from the task's collector, shaped from the collector configuration the action renders
// (so a change to the configuration changes the test input) and from a task whose size and usage are known.
//
// How each receiver and the exporter shape a series is taken from their source at the versions ADOT v0.47.0
// vendors (collector-contrib v0.143.0), read, not copied:
// - awsecscontainermetricsreceiver: sandbox/src/runtime/collector/ecs-metrics.ts, which the sandbox's collector stand-in
//   uses too (its facts and sources are recorded there).
// - prometheusreceiver: target labels other than job/instance stay on the series; the resource gets service.name
//   (job), service.instance.id (instance), server.port and url.scheme (internal/prom_to_otlp.go CreateResource;
//   "localhost" is not a discernible host, so no server.address); names are kept as scraped (trim_metric_suffixes
//   defaults to false); every scrape also yields `up` and `scrape_*` with the target's labels.
// - resourcedetectionprocessor, ecs detector: the attributes of internal/aws/ecs/metadata.yaml that are enabled.
// - prometheusremotewriteexporter: with resource_to_telemetry_conversion every resource attribute is copied onto the
//   data points (pkg/resourcetotelemetry), names and label names have every character outside [a-zA-Z0-9_] turned
//   into '_', job and instance come from service.name and service.instance.id, and with add_metric_suffixes: false
//   no unit or _total suffix is added.
import { parse } from 'yaml';
import { AdotConfig, APP_DETECTED_ATTRIBUTES, renderAdotConfig, AdotConfigOptions } from '../../src/render/adot-config';
import {
  containerAttributes, containerMetrics, detectedEcsAttributes, EcsMetricKey, taskAttributes, taskMetrics, TaskModel as EcsTaskModel,
} from '../../sandbox/src/runtime/collector/ecs-metrics';

export type { ContainerModel } from '../../sandbox/src/runtime/collector/ecs-metrics';
export { taskArn } from '../../sandbox/src/runtime/collector/ecs-metrics';

export const STEP_SECONDS = 15;

/** A task as the ECS receiver sees it, plus what its app exposes to the Prometheus receiver. */
export interface TaskModel extends EcsTaskModel {
  /** The app's series as the app exposes them: name{labels} → value at step i. */
  appSamples: AppSample[];
  scrapeDurationSeconds: number;
}

export interface AppSample {
  name: string;
  labels?: Record<string, string>;
  /** Value at scrape i (i = 0, 1, …). */
  value: (i: number) => number;
}

export interface InputSeries {
  labels: Record<string, string>;
  values: number[];
}

export function promName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

/** The rendered configuration, read back the way the collector reads AOT_CONFIG_CONTENT. */
export function renderedConfig(opts: AdotConfigOptions): AdotConfig {
  return parse(renderAdotConfig(opts)) as AdotConfig;
}

/** Every series the configuration's pipelines remote-write for these tasks, over `steps` scrapes. */
export function collectorSeries(config: AdotConfig, tasks: TaskModel[], steps: number): InputSeries[] {
  const exporter = config.exporters.prometheusremotewrite as { add_metric_suffixes?: boolean; resource_to_telemetry_conversion?: { enabled?: boolean } };
  if (exporter?.add_metric_suffixes !== false) throw new Error('only add_metric_suffixes: false is modelled (else names carry unit suffixes)');
  const resourceLabels = exporter.resource_to_telemetry_conversion?.enabled === true;
  const out: InputSeries[] = [];
  for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
    for (const receiver of pipeline.receivers) {
      if (receiver === 'awsecscontainermetrics') out.push(...ecsSeries(config, pipeline.processors, tasks, steps, resourceLabels));
      else if (receiver === 'prometheus') out.push(...appSeries(config, pipeline.processors, tasks, steps, resourceLabels));
      else throw new Error(`pipeline ${name}: receiver ${receiver} is not modelled`);
    }
  }
  const seen = new Map<string, number>();
  for (const s of out) {
    const key = seriesKey(s.labels);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const collisions = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  if (collisions.length > 0) throw new SeriesCollision(collisions);
  return out;
}

/** Two tasks wrote series with the very same labels: AMP keeps one interleaved series, and the panels lie. */
export class SeriesCollision extends Error {
  constructor(readonly series: string[]) {
    super(`${series.length} series are written by more than one task with identical labels, e.g. ${series[0]}`);
  }
}

export function seriesKey(labels: Record<string, string>): string {
  const { __name__: name, ...rest } = labels;
  return `${name}{${Object.keys(rest).sort().map((k) => `${k}=${JSON.stringify(rest[k])}`).join(', ')}}`;
}

// ---- the ECS pipeline -------------------------------------------------------------------------------------------

/** The metric names a filter processor lets through (strict include lists only: that is what the action renders). */
function filterAllows(config: AdotConfig, processors: string[], name: string): boolean {
  for (const id of processors) {
    if (!id.startsWith('filter')) continue;
    const include = (config.processors[id] as { metrics?: { include?: { match_type?: string; metric_names?: string[] } } }).metrics?.include;
    if (!include) continue;
    if (include.match_type !== 'strict') throw new Error(`filter ${id}: only strict include lists are modelled`);
    if (!(include.metric_names ?? []).includes(name)) return false;
  }
  return true;
}

function ecsSeries(config: AdotConfig, processors: string[], tasks: TaskModel[], steps: number, resourceLabels: boolean): InputSeries[] {
  const out: InputSeries[] = [];
  const keys = Object.keys(taskMetrics(tasks[0], 0)) as EcsMetricKey[];
  for (const t of tasks) {
    const taskLabels = resourceLabels ? labelsOf(taskAttributes(t)) : {};
    for (const k of keys) {
      const name = `ecs.task.${k}`;
      if (!filterAllows(config, processors, name)) continue;
      out.push({ labels: { __name__: promName(name), ...taskLabels }, values: range(steps, (i) => taskMetrics(t, i * STEP_SECONDS)[k]) });
    }
    for (const c of t.containers) {
      const labels = resourceLabels ? labelsOf({ ...containerAttributes(t, c), ...taskAttributes(t) }) : {};
      for (const k of keys) {
        const name = `container.${k}`;
        if (!filterAllows(config, processors, name)) continue;
        out.push({ labels: { __name__: promName(name), ...labels }, values: range(steps, (i) => containerMetrics(t, c, i * STEP_SECONDS)[k]) });
      }
    }
  }
  return out;
}

// ---- the app pipeline -------------------------------------------------------------------------------------------

interface ScrapeConfig { job_name: string; static_configs: { targets: string[]; labels?: Record<string, string> }[] }

function detectedAttributes(config: AdotConfig, processors: string[], t: TaskModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of processors) {
    if (id.split('/')[0] !== 'resourcedetection') continue;
    const p = config.processors[id] as { detectors?: string[]; ecs?: { resource_attributes?: Record<string, { enabled?: boolean }> } };
    if (!(p.detectors ?? []).includes('ecs')) continue;
    const detected = detectedEcsAttributes(t, []);
    const values = Object.fromEntries(APP_DETECTED_ATTRIBUTES.map((k) => [k, detected[k] as string]));
    for (const [k, v] of Object.entries(values)) if (p.ecs?.resource_attributes?.[k]?.enabled !== false) out[k] = v;
    // The aws.log.* lists are on by default; the action turns them off. A config that leaves them on is not modelled.
    for (const k of ['aws.log.group.names', 'aws.log.group.arns', 'aws.log.stream.names', 'aws.log.stream.arns']) {
      if (p.ecs?.resource_attributes?.[k]?.enabled !== false) throw new Error(`resourcedetection ${id}: ${k} is on (a list attribute; not modelled)`);
    }
  }
  return out;
}

function appSeries(config: AdotConfig, processors: string[], tasks: TaskModel[], steps: number, resourceLabels: boolean): InputSeries[] {
  const scrape = (config.receivers.prometheus as { config: { scrape_configs: ScrapeConfig[] } }).config.scrape_configs;
  const out: InputSeries[] = [];
  for (const t of tasks) {
    for (const job of scrape) {
      for (const sc of job.static_configs) {
        for (const instance of sc.targets) {
          const port = instance.split(':').pop()!;
          const resource: Record<string, string> = {
            'service.name': job.job_name, 'service.instance.id': instance, 'server.port': port, 'url.scheme': 'http',
            ...detectedAttributes(config, processors, t),
          };
          const base = { job: job.job_name, instance, ...(sc.labels ?? {}), ...(resourceLabels ? labelsOf(resource) : {}) };
          const scraped = t.appSamples.map((s) => ({ labels: { __name__: s.name, ...(s.labels ?? {}), ...base }, values: range(steps, s.value) }));
          const report = (name: string, v: number) => ({ labels: { __name__: name, ...base }, values: range(steps, () => v) });
          out.push(...scraped, report('up', 1), report('scrape_duration_seconds', t.scrapeDurationSeconds),
            report('scrape_samples_scraped', t.appSamples.length), report('scrape_samples_post_metric_relabeling', t.appSamples.length),
            report('scrape_series_added', 0));
        }
      }
    }
  }
  return out;
}

function labelsOf(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [promName(k), v]));
}

function range(steps: number, f: (i: number) => number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => f(i));
}

/**
 * The default app image's series (prometheus-sample-app: one counter, gauge, histogram with buckets 0.005, 0.1 and
 * 1, and summary with quantiles 0.1, 0.5 and 0.99), with rates per second that make every panel's number exact.
 */
export function sampleAppSeries(o: { counterPerSecond: number; gauge: number; bucketRates: [number, number, number, number]; summary: [number, number, number] }): AppSample[] {
  const perScrape = (rate: number) => (i: number) => rate * STEP_SECONDS * i;
  const [b1, b2, b3, inf] = o.bucketRates;
  return [
    { name: 'test_counter0_total', value: perScrape(o.counterPerSecond) },
    { name: 'test_gauge0', value: () => o.gauge },
    { name: 'test_histogram0_bucket', labels: { le: '0.005' }, value: perScrape(b1) },
    { name: 'test_histogram0_bucket', labels: { le: '0.1' }, value: perScrape(b2) },
    { name: 'test_histogram0_bucket', labels: { le: '1' }, value: perScrape(b3) },
    { name: 'test_histogram0_bucket', labels: { le: '+Inf' }, value: perScrape(inf) },
    { name: 'test_histogram0_sum', value: perScrape(inf / 2) },
    { name: 'test_histogram0_count', value: perScrape(inf) },
    { name: 'test_summary0', labels: { quantile: '0.1' }, value: () => o.summary[0] },
    { name: 'test_summary0', labels: { quantile: '0.5' }, value: () => o.summary[1] },
    { name: 'test_summary0', labels: { quantile: '0.99' }, value: () => o.summary[2] },
    { name: 'test_summary0_sum', value: perScrape(inf / 2) },
    { name: 'test_summary0_count', value: perScrape(inf) },
  ];
}
