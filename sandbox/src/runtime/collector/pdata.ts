// The collector's in-memory metrics, the subset of OTLP's pdata the stand-in's components exchange.

export type AttributeValue = string | string[];
export type Attributes = Record<string, AttributeValue>;

export interface NumberPoint { attributes: Record<string, string>; timeMs: number; value: number }
export interface HistogramPoint { attributes: Record<string, string>; timeMs: number; count: number; sum: number; buckets: { le: number; count: number }[] }
export interface SummaryPoint { attributes: Record<string, string>; timeMs: number; count: number; sum: number; quantiles: { quantile: number; value: number }[] }

export type Metric =
  | { name: string; unit: string; kind: 'gauge'; points: NumberPoint[] }
  | { name: string; unit: string; kind: 'sum'; monotonic: boolean; points: NumberPoint[] }
  | { name: string; unit: string; kind: 'histogram'; points: HistogramPoint[] }
  | { name: string; unit: string; kind: 'summary'; points: SummaryPoint[] };

export interface ResourceMetrics { resource: Attributes; metrics: Metric[] }

/** Data points in a batch, what the batch processor's send_batch_size counts. */
export function pointCount(batch: ResourceMetrics[]): number {
  return batch.reduce((n, rm) => n + rm.metrics.reduce((m, x) => m + x.points.length, 0), 0);
}
