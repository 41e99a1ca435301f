// Reading AOT_CONFIG_CONTENT the way the collector does before it starts anything (collector core v0.143.0, otelcol
// and confmap; ADOT v0.47.0 cmd/awscollector): a component whose type ADOT does not build is refused while the
// configuration is unmarshalled ("'<kind>' unknown type: \"<type>\" for id: \"<id>\" (valid values: […])"), a pipeline
// that names an undefined component is refused by otelcol/config.go's Validate ("service::pipelines::<id>:
// references <kind> \"<id>\" which is not configured"). Cobra prints "Error: <err>" and ADOT's main logs
// "application run finished with error: <err>" and exits; nothing else runs.
import { parse } from 'yaml';

type Kind = 'receivers' | 'processors' | 'exporters' | 'extensions' | 'connectors';

/**
 * Component types ADOT v0.47.0 builds (aws-otel-collector pkg/defaultcomponents/defaults.go). Only some are
 * modelled by the stand-in (collector.ts); the rest start and do nothing here.
 */
const ADOT_COMPONENTS: Record<Kind, string[]> = {
  receivers: ['awscontainerinsightreceiver', 'awsecscontainermetrics', 'awsxray', 'filelog', 'jaeger', 'jmx', 'kafka', 'otlp', 'prometheus', 'statsd', 'zipkin'],
  processors: ['attributes', 'batch', 'cumulativetodelta', 'deltatorate', 'filter', 'groupbytrace', 'k8sattributes', 'memory_limiter', 'metricsgeneration', 'metricstransform', 'probabilistic_sampler', 'resource', 'resourcedetection', 'span', 'tail_sampling', 'transform'],
  exporters: ['awscloudwatchlogs', 'awsemf', 'awsxray', 'debug', 'file', 'kafka', 'loadbalancing', 'nop', 'otlp', 'otlphttp', 'prometheus', 'prometheusremotewrite'],
  extensions: ['awsproxy', 'ecs_observer', 'file_storage', 'health_check', 'pprof', 'sigv4auth', 'zpages'],
  connectors: ['count', 'spanmetrics'],
};

export interface Pipeline { id: string; receivers: string[]; processors: string[]; exporters: string[] }

export interface CollectorConfig {
  receivers: Record<string, Record<string, unknown>>;
  processors: Record<string, Record<string, unknown>>;
  exporters: Record<string, Record<string, unknown>>;
  extensions: Record<string, Record<string, unknown>>;
  pipelines: Pipeline[];
}

export type ConfigResult = { config: CollectorConfig } | { error: string };

export const typeOf = (id: string) => id.split('/')[0];

export function readConfig(text: string): ConfigResult {
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text) ?? {}) as Record<string, unknown>;
  } catch (err) {
    return { error: `failed to get config: cannot resolve the configuration: ${(err as Error).message.split('\n')[0]}` };
  }
  const section = (k: Kind) => (doc[k] ?? {}) as Record<string, Record<string, unknown> | null>;
  for (const kind of ['receivers', 'processors', 'exporters', 'extensions', 'connectors'] as Kind[]) {
    for (const id of Object.keys(section(kind))) {
      if (!ADOT_COMPONENTS[kind].includes(typeOf(id))) {
        return {
          error: 'failed to get config: cannot unmarshal the configuration: decoding failed due to the following error(s):\n\n'
            + `'${kind}' unknown type: "${typeOf(id)}" for id: "${id}" (valid values: [${ADOT_COMPONENTS[kind].join(' ')}])`,
        };
      }
    }
  }
  const service = (doc.service ?? {}) as { pipelines?: Record<string, { receivers?: string[]; processors?: string[]; exporters?: string[] }>; extensions?: string[] };
  const pipelines: Pipeline[] = Object.entries(service.pipelines ?? {}).map(([id, p]) => ({ id, receivers: p?.receivers ?? [], processors: p?.processors ?? [], exporters: p?.exporters ?? [] }));
  if (pipelines.length === 0) return { error: 'invalid configuration: service must have at least one pipeline' };
  for (const ext of service.extensions ?? []) {
    if (!(ext in section('extensions'))) return { error: `invalid configuration: service::extensions: references extension "${ext}" which is not configured` };
  }
  for (const p of pipelines) {
    if (p.receivers.length === 0) return { error: `invalid configuration: service::pipelines::${p.id}: must have at least one receiver` };
    if (p.exporters.length === 0) return { error: `invalid configuration: service::pipelines::${p.id}: must have at least one exporter` };
    for (const [kind, ids] of [['receiver', p.receivers], ['processor', p.processors], ['exporter', p.exporters]] as const) {
      for (const id of ids) {
        const defined = id in section(`${kind}s` as Kind) || (kind !== 'processor' && id in section('connectors'));
        if (!defined) return { error: `invalid configuration: service::pipelines::${p.id}: references ${kind} "${id}" which is not configured` };
      }
    }
  }
  const clean = (k: Kind) => Object.fromEntries(Object.entries(section(k)).map(([id, v]) => [id, v ?? {}]));
  return { config: { receivers: clean('receivers'), processors: clean('processors'), exporters: clean('exporters'), extensions: clean('extensions'), pipelines } };
}

/** Go's time.ParseDuration for the units configurations use (ns … h), e.g. "15s", "1m30s", "500ms". */
export function durationMs(value: unknown, fallbackMs: number): number {
  if (value === undefined || value === null || value === '') return fallbackMs;
  if (typeof value === 'number') return value / 1e6;
  const text = String(value);
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`time: invalid duration "${text}"`);
  return parts.reduce((ms, p) => ms + Number(p[1]) * units[p[2]], 0);
}
