import { stringify } from 'yaml';

/**
 * The ADOT collector release the task runs. Pinned, never `latest`: `add_metric_suffixes` is valid
 * from v0.35 through v0.49, and the names the dashboards query depend on it.
 */
export const ADOT_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0';

/**
 * Ports the collector itself listens on inside the task. Fargate tasks use awsvpc: every container shares one
 * network namespace, so an app on one of these ports and the collector cannot both start.
 * - 8888: the collector's own telemetry (service::telemetry::metrics, a Prometheus endpoint on localhost:8888 by
 *   default in collector core v1.49 / v0.143, which ADOT v0.47.0 vendors);
 * - 13133: the health_check extension (default endpoint localhost:13133, contrib extension/healthcheckextension
 *   factory.go `defaultPort`); the container's HealthCheck (/healthcheck) asks it.
 */
export const COLLECTOR_PORTS: readonly { port: number; use: string }[] = [
  { port: 8888, use: 'telemetry (its own metrics)' },
  { port: 13133, use: 'health-check' },
];

/**
 * Metrics of the awsecscontainermetrics receiver that the dashboards use, as the receiver names them (dots
 * become underscores on export: ecs_task_memory_usage, …). Facts from the receiver at collector-contrib
 * v0.143.0 (what ADOT v0.47.0's go.mod vendors), internal/awsecscontainermetrics:
 * - task CPU: `ecs.task.cpu.reserved` is the task's vCPU limit × 1024 and `ecs.task.cpu.utilized` is the summed
 *   vCPU usage × 1024 (accumulator.go, overrideWithTaskLevelLimit): both CPU units, so utilisation is
 *   utilized / reserved, never the raw value as a percentage;
 * - task memory: `ecs.task.memory.utilized` is the sum over containers of (usage − cache) / MiB and
 *   `ecs.task.memory.reserved` the task's memory limit in MiB; `ecs.task.memory.usage` is bytes;
 * - network: `ecs.task.network.rate.*` is the SUM of every container's rate (metrics_helper.go,
 *   aggregateTaskMetrics), but in awsvpc mode each container's stats report the task's one interface
 *   (amazon-ecs-agent#2520, #4505: OTel reads about ×3 with three containers). So the dashboard reads the
 *   per-container `container.network.rate.*` and takes one container's value per task (max), and the doubled
 *   task-level rates are not exported at all.
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
  'ecs.task.storage.read_bytes',
  'ecs.task.storage.write_bytes',
  'container.network.rate.rx',
  'container.network.rate.tx',
] as const;

/**
 * The receiver's task resource attributes (resource.go, taskResource), which resource_to_telemetry_conversion
 * turns into labels on every ECS series (the exporter turns dots into underscores).
 */
export const ECS_TASK_ATTRIBUTES = [
  'aws.ecs.cluster.name', 'aws.ecs.task.arn', 'aws.ecs.task.id', 'aws.ecs.task.family', 'aws.ecs.task.version',
  'aws.ecs.task.revision', 'aws.ecs.service.name', 'cloud.availability_zone', 'aws.ecs.task.pull_started_at',
  'aws.ecs.task.pull_stopped_at', 'aws.ecs.task.known_status', 'aws.ecs.task.launch_type', 'aws.ecs.launchtype',
  'cloud.region', 'cloud.account.id',
] as const;
/** The receiver's container resource attributes (resource.go, containerResource), on `container.*` series. */
export const ECS_CONTAINER_ATTRIBUTES = [
  'container.name', 'container.id', 'aws.ecs.docker.name', 'container.image.name', 'aws.ecs.container.image.id',
  'container.image.tag', 'aws.ecs.container.created_at', 'aws.ecs.container.started_at',
  'aws.ecs.container.know_status',
] as const;

/**
 * What the resourcedetection processor's `ecs` detector adds to the app's series (processor/resourcedetectionprocessor
 * internal/aws/ecs metadata.yaml at v0.143.0; `aws.ecs.task.id` since contrib#29602, v0.91). Without a per-task
 * label the app's series of two tasks (desired-count > 1, and every rolling deploy at MaximumPercent 200) carry
 * identical labels (job, instance=localhost:<port>, environment) and collide in AMP. The `aws.log.*` attributes
 * are lists (they would become JSON-string labels) and are turned off.
 */
export const APP_DETECTED_ATTRIBUTES = [
  'cloud.provider', 'cloud.platform', 'cloud.account.id', 'cloud.region', 'cloud.availability_zone',
  'aws.ecs.cluster.arn', 'aws.ecs.task.arn', 'aws.ecs.task.family', 'aws.ecs.task.id', 'aws.ecs.task.revision',
  'aws.ecs.launchtype',
] as const;
const APP_DISABLED_ATTRIBUTES = ['aws.log.group.names', 'aws.log.group.arns', 'aws.log.stream.names', 'aws.log.stream.arns'];

export const ECS_RESOURCE_LABELS = [...new Set([...ECS_TASK_ATTRIBUTES, ...ECS_CONTAINER_ATTRIBUTES, ...APP_DETECTED_ATTRIBUTES])].map(promName);
export const ECS_EXPORTED_METRICS = ECS_TASK_METRICS.map(promName);
/**
 * Labels of the scraped app's series: Prometheus's target labels (job, instance, the static `environment`) and the
 * series' own labels the dashboards use (`le` of histogram buckets, `quantile` of summaries).
 */
export const SCRAPE_LABELS = ['job', 'instance', 'environment', 'le', 'quantile'];
/**
 * Series the Prometheus receiver reports for every scrape (its own `up` and `scrape_*`, kept by name: the receiver
 * trims no suffixes unless trim_metric_suffixes is set, and add_metric_suffixes: false adds none).
 */
export const SCRAPE_METRICS = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added'];
/**
 * The default app image's metrics (public.ecr.aws/aws-otel-test/prometheus-sample-app, from
 * aws-observability/aws-otel-test-framework sample-apps/prometheus/main.go: namespace `test` + INSTANCE_ID, which
 * the task does not set, and METRICS_LOAD=1): one counter, gauge, histogram (buckets 0.005, 0.1, 1) and summary
 * (quantiles 0.1, 0.5, 0.99), updated every 30 s.
 */
export const SAMPLE_APP_METRICS = [
  'test_counter0_total', 'test_gauge0', 'test_histogram0_bucket', 'test_histogram0_sum', 'test_histogram0_count',
  'test_summary0', 'test_summary0_sum', 'test_summary0_count',
];

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
 * and the task's own resource metrics) into one SigV4-signed remote write. Fixes against the
 * original workshop file, each pinned by a unit test:
 * - no `logging` exporter (removed in collector v0.111 / ADOT v0.42; the collector refuses to start);
 * - `resource_to_telemetry_conversion` on, or `aws_ecs_task_family` / `aws_ecs_task_id` exist only
 *   on `target_info` and every per-task panel is empty;
 * - `add_metric_suffixes: false`, or the exporter renames `ecs_task_memory_usage` to
 *   `ecs_task_memory_usage_Bytes` and the dashboard queries match nothing;
 * - the app's series get the task's identity from the resourcedetection processor's ECS detector
 *   (task metadata endpoint v4, no IAM permission needed), or two tasks' series collide.
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
      'resourcedetection/ecs': {
        detectors: ['ecs'],
        ecs: { resource_attributes: Object.fromEntries(APP_DISABLED_ATTRIBUTES.map((a) => [a, { enabled: false }])) },
      },
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
        'metrics/app': { receivers: ['prometheus'], processors: ['resourcedetection/ecs', 'batch'], exporters: ['prometheusremotewrite'] },
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
