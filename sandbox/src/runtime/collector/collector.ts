// The ADOT collector's stand-in: reads AOT_CONFIG_CONTENT as ADOT v0.47.0 (collector-contrib v0.143.0) does
// (config.ts) and runs its metrics pipelines: receivers shared by the pipelines that name them, each pipeline's own
// processor instances, exporters shared. Modelled components: receivers prometheus (receivers.ts) and
// awsecscontainermetrics; processors filter, resourcedetection (ecs) and batch (processors.ts); exporter
// prometheusremotewrite (remote-write-exporter.ts), signed when its auth names a sigv4auth extension. Any other
// component of a valid configuration starts and does nothing. The collector's own log lines are zap's console
// encoding, the collector's default: "<time>\t<level>\t<caller>\t<message>\t<JSON fields>".
import { encodeWriteRequest, REMOTE_WRITE_HEADERS } from '../../prometheus/remote-write';
import type { Address, TaskStandIn } from '../task-runtime';
import { CollectorConfig, readConfig, typeOf } from './config';
import type { ResourceMetrics } from './pdata';
import { pointCount } from './pdata';
import { buildProcessor, Consumer } from './processors';
import { startEcsReceiver, startPrometheusReceiver } from './receivers';
import { ExporterSettings, toTimeSeries } from './remote-write-exporter';

export interface HttpAnswer { status: number; statusText: string; body: string }

export interface CollectorContext {
  config: string;
  task: TaskStandIn;
  image: string;
  log(line: string): void;
  /** What localhost:<port> reaches inside the task. */
  resolve(port: number): Address | undefined;
  /** POSTs to the exporter's endpoint (signed with the task role's credentials when `sign`); throws when unreachable. */
  remoteWrite(url: string, headers: Record<string, string>, body: Buffer, sign: boolean): Promise<HttpAnswer>;
  now?(): number;
}

export interface RunningCollector { close(): Promise<void> }

export type ZapLogger = (level: 'info' | 'warn' | 'error', caller: string, message: string, fields?: Record<string, unknown>) => void;

const HTTP_STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 413: 'Request Entity Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export function startCollector(ctx: CollectorContext): RunningCollector {
  const now = ctx.now ?? Date.now;
  const version = ctx.image.split(':').pop() ?? 'unknown';
  const resource = { 'service.instance.id': ctx.task.taskId, 'service.name': 'aws-otel-collector', 'service.version': version };
  const zap: ZapLogger = (level, caller, message, fields = {}) => {
    ctx.log(`${new Date(now()).toISOString()}\t${level}\t${caller}\t${message}\t${JSON.stringify({ resource, ...fields })}`);
  };
  const read = readConfig(ctx.config);
  if ('error' in read) {
    ctx.log(`Error: ${read.error}`);
    ctx.log(`${goLogTime(now())} application run finished with error: ${read.error}`);
    return { close: async () => undefined };
  }
  const config = read.config;
  zap('info', 'service@v0.143.0/service.go:187', 'Starting aws-otel-collector...', { Version: version, NumCPU: 2 });
  // Shutdown order as the collector's: receivers stop, then processors flush what they hold, then exporters drain.
  const receiverStops: (() => void)[] = [];
  const processorStops: (() => void)[] = [];
  const drains: (() => Promise<void>)[] = [];

  const exporters = new Map<string, Consumer>();
  for (const id of new Set(config.pipelines.flatMap((p) => p.exporters))) {
    if (typeOf(id) !== 'prometheusremotewrite') continue;
    const exporter = remoteWriteExporter(id, config, ctx, zap);
    exporters.set(id, exporter.consume);
    drains.push(exporter.drain);
  }
  // Each pipeline's processors are its own instances; they end in every exporter of the pipeline.
  const entries = new Map<string, Consumer[]>();
  for (const p of config.pipelines) {
    const sinks = p.exporters.map((id) => exporters.get(id)).filter((c): c is Consumer => c !== undefined);
    let next: Consumer = (batch) => { for (const s of sinks) s(batch); };
    for (const id of [...p.processors].reverse()) {
      const built = buildProcessor(id, config.processors[id], ctx.task, next, now);
      next = built.consume;
      if (built.stop) processorStops.push(built.stop);
    }
    for (const r of p.receivers) entries.set(r, [...(entries.get(r) ?? []), next]);
  }
  for (const [id, consumers] of entries) {
    const emit = (batch: ResourceMetrics[]) => { for (const c of consumers) c(batch); };
    const settings = config.receivers[id] ?? {};
    if (typeOf(id) === 'prometheus') receiverStops.push(startPrometheusReceiver(id, settings, ctx, emit, zap, now));
    else if (typeOf(id) === 'awsecscontainermetrics') receiverStops.push(startEcsReceiver(settings, ctx.task, emit, now));
  }
  zap('info', 'service@v0.143.0/service.go:250', 'Everything is ready. Begin running and processing data.');
  return {
    close: async () => {
      for (const stop of [...receiverStops, ...processorStops]) stop();
      await Promise.all(drains.map((d) => d()));
    },
  };
}

/** Go's log package default prefix: "2006/01/02 15:04:05". */
function goLogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * The prometheusremotewrite exporter: translate, encode, POST, one request at a time (its sending queue). A 2xx is
 * success; a 5xx is retried with back-off (retry_on_failure, on by default) and then dropped; any other status is a
 * permanent error. A failure logs exporterhelper's "Exporting failed. Dropping data." with the exporter's error
 * text, "remote write returned HTTP status <status>; err = %!w(<nil>): <first 256 bytes of the body>"
 * (exporter/prometheusremotewriteexporter exporter.go execute: the io.ReadAll error it wraps with %w is nil).
 */
function remoteWriteExporter(id: string, config: CollectorConfig, ctx: CollectorContext, zap: ZapLogger): { consume: Consumer; drain: () => Promise<void> } {
  const c = config.exporters[id] as {
    endpoint?: string; auth?: { authenticator?: string }; add_metric_suffixes?: boolean; external_labels?: Record<string, string>;
    resource_to_telemetry_conversion?: { enabled?: boolean }; target_info?: { enabled?: boolean }; retry_on_failure?: { enabled?: boolean };
  };
  const settings: ExporterSettings = {
    resourceToTelemetry: c.resource_to_telemetry_conversion?.enabled === true,
    addMetricSuffixes: c.add_metric_suffixes !== false,
    targetInfo: c.target_info?.enabled !== false,
    externalLabels: c.external_labels ?? {},
  };
  const authenticator = c.auth?.authenticator;
  const sign = authenticator !== undefined && typeOf(authenticator) === 'sigv4auth';
  const fields = { 'otelcol.component.id': id, 'otelcol.component.kind': 'exporter', 'otelcol.signal': 'metrics' };
  let queue = Promise.resolve();
  const consume: Consumer = (batch) => {
    const series = toTimeSeries(batch, settings);
    if (series.length === 0) return;
    const items = pointCount(batch);
    queue = queue.then(async () => {
      const body = encodeWriteRequest(series);
      const headers = { ...REMOTE_WRITE_HEADERS, 'User-Agent': `aws-otel-collector/${ctx.image.split(':').pop()}` };
      let error: string | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const answer = await ctx.remoteWrite(c.endpoint ?? '', headers, body, sign);
          if (answer.status >= 200 && answer.status < 300) return;
          const status = `${answer.status} ${answer.statusText || HTTP_STATUS_TEXT[answer.status] || ''}`.trim();
          error = `remote write returned HTTP status ${status}; err = %!w(<nil>): ${answer.body.slice(0, 256)}`;
          if (answer.status < 500) { error = `Permanent error: ${error}`; break; }
        } catch (err) {
          // A transport error is retried like a 5xx, then dropped.
          error = (err as Error).message;
        }
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
      zap('error', 'internal/queue_sender.go:49', 'Exporting failed. Dropping data.', { ...fields, error, dropped_items: items });
    });
  };
  return { consume, drain: () => queue };
}
