import { stringify } from 'yaml';

/**
 * The ADOT collector release the task runs. Pinned, never `latest`: `add_metric_suffixes` is valid
 * from v0.35 through v0.49, and the names the dashboards query depend on it.
 */
export const ADOT_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0';

/**
 * Task-level metrics of the awsecscontainermetrics receiver that the dashboards use, as the
 * receiver names them (dots become underscores on export: ecs_task_memory_usage, …).
 */
export const ECS_TASK_METRICS = [
  'ecs.task.memory.usage',
  'ecs.task.memory.usage.max',
  'ecs.task.memory.utilized',
  'ecs.task.memory.reserved',
  'ecs.task.cpu.usage.total',
  'ecs.task.cpu.usage.vcpu',
  'ecs.task.cpu.utilized',
  'ecs.task.cpu.reserved',
  'ecs.task.network.rate.rx',
  'ecs.task.network.rate.tx',
  'ecs.task.storage.read_bytes',
  'ecs.task.storage.write_bytes',
] as const;

/**
 * The task's resource attributes, as labels once resource_to_telemetry_conversion is on (the
 * exporter turns dots into underscores), and the metric names the ECS pipeline exports.
 */
export const ECS_RESOURCE_LABELS = [
  'aws.ecs.cluster.name', 'aws.ecs.task.arn', 'aws.ecs.task.id', 'aws.ecs.task.family', 'aws.ecs.task.revision',
  'aws.ecs.service.name', 'aws.ecs.task.launch_type', 'cloud.region', 'cloud.availability_zone', 'cloud.account.id',
].map(promName);
export const ECS_EXPORTED_METRICS = ECS_TASK_METRICS.map(promName);
/** Labels Prometheus itself attaches to the scraped app's series. */
export const SCRAPE_LABELS = ['job', 'instance', 'environment'];

function promName(otelName: string): string {
  return otelName.replace(/[^a-zA-Z0-9_]/g, '_');
}

export interface AdotConfigOptions {
  region: string;
  remoteWriteUrl: string;
  /** The app container's port and metrics path, scraped over the task's localhost. */
  appPort: number;
  metricsPath: string;
  scrapeIntervalSeconds?: number;
  /** Added as a label to the app's series, so previews are distinguishable in one AMP workspace. */
  environment: string;
}

/**
 * The collector configuration: two metrics pipelines (the app scraped by the Prometheus receiver,
 * and the task's own resource metrics) into one SigV4-signed remote write. Three fixes against the
 * original workshop file, each pinned by a unit test:
 * - no `logging` exporter (removed in collector v0.111 / ADOT v0.42; the collector refuses to start);
 * - `resource_to_telemetry_conversion` on, or `aws_ecs_task_family` / `aws_ecs_task_id` exist only
 *   on `target_info` and every per-task panel is empty;
 * - `add_metric_suffixes: false`, or the exporter renames `ecs_task_memory_usage` to
 *   `ecs_task_memory_usage_Bytes` and the dashboard queries match nothing.
 */
export function adotConfig(opts: AdotConfigOptions): AdotConfig {
  const interval = `${opts.scrapeIntervalSeconds ?? 15}s`;
  return {
    extensions: {
      health_check: {},
      sigv4auth: { region: opts.region, service: 'aps' },
    },
    receivers: {
      prometheus: {
        config: {
          global: { scrape_interval: interval, scrape_timeout: '10s' },
          scrape_configs: [{
            job_name: 'app',
            metrics_path: opts.metricsPath,
            static_configs: [{ targets: [`localhost:${opts.appPort}`], labels: { environment: opts.environment } }],
          }],
        },
      },
      awsecscontainermetrics: { collection_interval: interval },
    },
    processors: {
      batch: { timeout: '10s' },
      'filter/ecs-task-metrics': {
        metrics: { include: { match_type: 'strict', metric_names: [...ECS_TASK_METRICS] } },
      },
    },
    exporters: {
      prometheusremotewrite: {
        endpoint: opts.remoteWriteUrl,
        auth: { authenticator: 'sigv4auth' },
        resource_to_telemetry_conversion: { enabled: true },
        add_metric_suffixes: false,
      },
    },
    service: {
      extensions: ['health_check', 'sigv4auth'],
      pipelines: {
        'metrics/app': { receivers: ['prometheus'], processors: ['batch'], exporters: ['prometheusremotewrite'] },
        'metrics/ecs': { receivers: ['awsecscontainermetrics'], processors: ['filter/ecs-task-metrics', 'batch'], exporters: ['prometheusremotewrite'] },
      },
    },
  };
}

export interface AdotConfig {
  extensions: Record<string, unknown>;
  receivers: Record<string, unknown>;
  processors: Record<string, unknown>;
  exporters: Record<string, unknown>;
  service: {
    extensions: string[];
    pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }>;
  };
}

/**
 * Problems the collector would refuse to start with: components a pipeline names but nobody
 * defines, unused definitions (the workshop shipped two), and `$`, which the collector's config
 * expansion would eat inside AOT_CONFIG_CONTENT.
 */
export function validateAdotConfig(config: AdotConfig): string[] {
  const problems: string[] = [];
  const used = { receivers: new Set<string>(), processors: new Set<string>(), exporters: new Set<string>() };
  for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
    for (const kind of ['receivers', 'processors', 'exporters'] as const) {
      if (kind !== 'processors' && pipeline[kind].length === 0) problems.push(`pipeline ${name} has no ${kind}`);
      for (const id of pipeline[kind]) {
        used[kind].add(id);
        if (!(id in config[kind])) problems.push(`pipeline ${name} uses ${kind.slice(0, -1)} '${id}', which is not defined`);
      }
    }
  }
  for (const kind of ['receivers', 'processors', 'exporters'] as const) {
    for (const id of Object.keys(config[kind])) if (!used[kind].has(id)) problems.push(`${kind.slice(0, -1)} '${id}' is defined but no pipeline uses it`);
  }
  for (const id of config.service.extensions) if (!(id in config.extensions)) problems.push(`extension '${id}' is enabled but not defined`);
  for (const id of Object.keys(config.exporters)) {
    if (id === 'logging' || id.startsWith('logging/')) problems.push(`exporter '${id}' was removed from the collector (use 'debug')`);
  }
  const text = JSON.stringify(config);
  if (text.includes('$')) problems.push("the configuration contains '$', which the collector expands as a variable reference");
  return problems;
}

/** YAML for AOT_CONFIG_CONTENT; throws if the configuration would not start. */
export function renderAdotConfig(opts: AdotConfigOptions): string {
  const config = adotConfig(opts);
  const problems = validateAdotConfig(config);
  if (problems.length > 0) throw new Error(`Invalid ADOT configuration: ${problems.join('; ')}`);
  return stringify(config, { lineWidth: 0 });
}
