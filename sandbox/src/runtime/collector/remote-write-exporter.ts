// The prometheusremotewrite exporter's translation of OTLP metrics into remote-write series, as collector-contrib
// v0.143.0 does it (exporter/prometheusremotewriteexporter, pkg/translator/prometheusremotewrite and the
// prometheus/otlptranslator names it uses; read, not copied):
// - names: without add_metric_suffixes every character outside [a-zA-Z0-9_:] becomes '_' (a leading digit gets '_');
//   with it the name is split into [a-zA-Z0-9] tokens and joined with '_' after appending the unit (UCUM units mapped
//   to words, By → bytes, s → seconds, …; other units cleaned and kept as written: Bytes, None, vCPU), "per_<unit>"
//   for a unit after '/', "total" for monotonic sums and "ratio" for gauges of unit 1 — each only when the name does
//   not already hold that token;
// - labels: data point attributes, then job (service.namespace/service.name) and instance (service.instance.id);
//   with resource_to_telemetry_conversion every resource attribute is copied onto the points first
//   (pkg/resourcetotelemetry); label names have invalid characters turned into '_', a leading digit gets "key_";
//   list values become their JSON text;
// - target_info: one series per resource whose attributes go beyond service.name/namespace/instance.id, value 1, the
//   resource's other attributes as labels, unless target_info.enabled is false;
// - histograms give <name>_bucket{le} (cumulative, +Inf last), _sum and _count; summaries <name>{quantile}, _sum, _count.
import type { RemoteWriteSeries } from '../../prometheus/remote-write';
import type { Attributes, AttributeValue, Metric, ResourceMetrics } from './pdata';

export interface ExporterSettings {
  resourceToTelemetry: boolean;
  addMetricSuffixes: boolean;
  targetInfo: boolean;
  externalLabels: Record<string, string>;
}

const UNIT_WORDS: Record<string, string> = {
  d: 'days', h: 'hours', min: 'minutes', s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds',
  By: 'bytes', KiBy: 'kibibytes', MiBy: 'mebibytes', GiBy: 'gibibytes', TiBy: 'tibibytes', KBy: 'kilobytes', MBy: 'megabytes',
  GBy: 'gigabytes', TBy: 'terabytes', m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams',
  Cel: 'celsius', Hz: 'hertz', '1': '', '%': 'percent',
};
const PER_UNIT_WORDS: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' };
const IDENTIFYING = ['service.name', 'service.namespace', 'service.instance.id'];

export function metricName(metric: Pick<Metric, 'name' | 'unit' | 'kind'> & { monotonic?: boolean }, addSuffixes: boolean): string {
  if (!addSuffixes) {
    const name = metric.name.replace(/[^a-zA-Z0-9_:]/g, '_');
    return /^[0-9]/.test(name) ? `_${name}` : name;
  }
  const tokens = metric.name.split(/[^a-zA-Z0-9]+/).filter((t) => t !== '');
  const unit = metric.unit.replace(/\{[^}]*\}/g, '').trim();
  const [main, per] = unit.split('/', 2);
  const clean = (u: string) => u.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const mainWord = main === undefined ? '' : UNIT_WORDS[main] ?? clean(main);
  if (mainWord !== '' && !tokens.includes(mainWord)) tokens.push(mainWord);
  if (per !== undefined) {
    const perWord = PER_UNIT_WORDS[per] ?? clean(per);
    if (perWord !== '' && !tokens.includes(perWord)) tokens.push('per', perWord);
  }
  if (metric.kind === 'sum' && metric.monotonic) { remove(tokens, 'total'); tokens.push('total'); }
  if (metric.kind === 'gauge' && unit === '1') { remove(tokens, 'ratio'); tokens.push('ratio'); }
  const name = tokens.join('_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function remove(tokens: string[], word: string): void {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i] === word) tokens.splice(i, 1);
}

export function labelName(name: string): string {
  const clean = name.replace(/[^a-zA-Z0-9_]/g, '_');
  if (/^[0-9]/.test(clean)) return `key_${clean}`;
  if (/^_[^_]/.test(clean)) return `key${clean}`;
  return clean;
}

const text = (v: AttributeValue) => (Array.isArray(v) ? JSON.stringify(v) : v);

/** The labels a data point's series carries, before __name__ and the point's own le/quantile. */
function seriesLabels(resource: Attributes, point: Record<string, string>, s: ExporterSettings): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string) => {
    const name = labelName(k);
    // Two attributes that sanitise to one name: the translator joins their values with ';'.
    out[name] = name in out && out[name] !== v ? `${out[name]};${v}` : v;
  };
  const attributes: Attributes = s.resourceToTelemetry ? { ...resource, ...point } : { ...point };
  for (const [k, v] of Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) put(k, text(v));
  const job = resource['service.name'] === undefined ? undefined
    : resource['service.namespace'] === undefined ? text(resource['service.name']) : `${text(resource['service.namespace'])}/${text(resource['service.name'])}`;
  if (job !== undefined) out.job = job;
  if (resource['service.instance.id'] !== undefined) out.instance = text(resource['service.instance.id']);
  for (const [k, v] of Object.entries(s.externalLabels)) if (!(k in out)) out[k] = v;
  return out;
}

const formatBound = (v: number) => (v === Infinity ? '+Inf' : String(v));

/** The remote-write series of a batch: one sample per data point, plus target_info per resource. */
export function toTimeSeries(batch: ResourceMetrics[], s: ExporterSettings): RemoteWriteSeries[] {
  const series = new Map<string, RemoteWriteSeries>();
  const add = (labels: Record<string, string>, value: number, timestampMs: number) => {
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { labels, samples: [] }));
    entry.samples.push({ value, timestampMs });
  };
  for (const rm of batch) {
    let latest = 0;
    for (const metric of rm.metrics) {
      const name = metricName(metric as Metric & { monotonic?: boolean }, s.addMetricSuffixes);
      for (const p of metric.points) {
        latest = Math.max(latest, p.timeMs);
        const labels = seriesLabels(rm.resource, p.attributes, s);
        if (metric.kind === 'gauge' || metric.kind === 'sum') add({ ...labels, __name__: name }, (p as { value: number }).value, p.timeMs);
        else if (metric.kind === 'histogram') {
          const h = p as (typeof metric.points)[number];
          for (const b of h.buckets) add({ ...labels, __name__: `${name}_bucket`, le: formatBound(b.le) }, b.count, p.timeMs);
          if (!h.buckets.some((b) => b.le === Infinity)) add({ ...labels, __name__: `${name}_bucket`, le: '+Inf' }, h.count, p.timeMs);
          add({ ...labels, __name__: `${name}_sum` }, h.sum, p.timeMs);
          add({ ...labels, __name__: `${name}_count` }, h.count, p.timeMs);
        } else {
          const q = p as (typeof metric.points)[number];
          for (const x of q.quantiles) add({ ...labels, __name__: name, quantile: String(x.quantile) }, x.value, p.timeMs);
          add({ ...labels, __name__: `${name}_sum` }, q.sum, p.timeMs);
          add({ ...labels, __name__: `${name}_count` }, q.count, p.timeMs);
        }
      }
    }
    const others = Object.keys(rm.resource).filter((k) => !IDENTIFYING.includes(k));
    if (s.targetInfo && others.length > 0 && latest > 0) {
      const resourceOnly = Object.fromEntries(Object.entries(rm.resource).filter(([k]) => !IDENTIFYING.includes(k)));
      add({ ...seriesLabels(rm.resource, resourceOnly as Record<string, string>, { ...s, resourceToTelemetry: false }), __name__: 'target_info' }, 1, latest);
    }
  }
  // Samples in time order, one per timestamp (a later point at the same time replaces the earlier one).
  for (const entry of series.values()) {
    const byTime = new Map(entry.samples.map((x) => [x.timestampMs, x]));
    entry.samples = [...byTime.values()].sort((a, b) => a.timestampMs - b.timestampMs);
  }
  return [...series.values()];
}
