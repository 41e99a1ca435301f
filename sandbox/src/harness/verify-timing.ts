// How long deploy's metrics-check made the user wait, read from what the sandbox recorded rather than from the
// action's own words: the ECS model's steady-state event, the AMP queries in the request log, the collectors' remote
// writes, and the collector configuration each task really ran. Shared by the e2e tests and `npm run bench`.
import { parse } from 'yaml';
import type { RequestLogEntry } from '../core/types';
import type { Sandbox } from '../http/server';

export interface VerifyTiming {
  /** ms: when the ECS model put the service in steady state (the deployment's tasks all RUNNING). */
  stableAt: number;
  /** ms: the start of each round of QueryMetrics requests (one round = the verification's parallel queries). */
  rounds: number[];
  /** Longest wait from the end of one round (its last request) to the start of the next, in ms. */
  maxGapMs: number;
  /** ms after stableAt: the round that settled (the last one), i.e. when metrics-check found what it judged. */
  arrivedAfterMs: number;
  /** ms after stableAt: the first remote write one of the service's collectors made (signed ones only). */
  firstWriteAfterMs?: number;
  /** The slowest task's collector timing: scrape (or ECS collection) interval and batch timeout, in ms. */
  scrapeMs: number;
  batchMs: number;
}

/**
 * Requests of one round reach the sandbox within a few ms (Promise.all); rounds are POLL_MS apart. Anything closer
 * than this is the same round.
 */
const SAME_ROUND_MS = 500;

/** Go's time.ParseDuration for the units collector configurations use. */
export function durationMs(text: unknown, fallback: number): number {
  if (typeof text !== 'string') return fallback;
  let total = 0;
  let rest = text.trim();
  if (!rest) return fallback;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) throw new Error(`duration '${text}' is not modelled`);
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms'];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** The collector timing a configuration gives (the collector's defaults where it says nothing). */
export function collectorTiming(config: string): { scrapeMs: number; batchMs: number } {
  type Section = Record<string, Record<string, unknown> | undefined>;
  const c = parse(config) as { receivers?: Section; processors?: Section };
  const prom = c.receivers?.prometheus?.config as { global?: { scrape_interval?: string }; scrape_configs?: { scrape_interval?: string }[] } | undefined;
  // Prometheus's default scrape interval is 1m; the awsecscontainermetrics receiver's collection interval 20s;
  // the batch processor's timeout 200ms (the receivers' and processors' own defaults, as the stand-in models them).
  const scrapes = [
    ...(prom ? [durationMs(prom.global?.scrape_interval, 60_000), ...(prom.scrape_configs ?? []).map((j) => durationMs(j.scrape_interval ?? prom.global?.scrape_interval, 60_000))] : []),
    ...(c.receivers?.awsecscontainermetrics ? [durationMs(c.receivers.awsecscontainermetrics.collection_interval, 20_000)] : []),
  ];
  const batches = Object.entries(c.processors ?? {}).filter(([id]) => id.split('/')[0] === 'batch').map(([, p]) => durationMs(p?.timeout, 200));
  return { scrapeMs: Math.max(0, ...scrapes), batchMs: Math.max(0, ...batches) };
}

/**
 * The timing of the metrics-check a deploy of `serviceName` just made. `logFrom` is the request-log seq the run
 * started after; `collectorConfigs` the configurations the service's tasks ran (read them while the tasks run).
 */
export function verifyTiming(sandbox: Sandbox, opts: { serviceName: string; logFrom: number; collectorConfigs: string[] }): VerifyTiming {
  const service = [...sandbox.ecs.services.values()].find((s) => s.name === opts.serviceName);
  if (!service) throw new Error(`no ECS service ${opts.serviceName} in the sandbox`);
  // events are newest first.
  const steady = service.events.find((e) => e.message.includes('has reached a steady state'));
  if (!steady) throw new Error(`ECS service ${opts.serviceName} never reached a steady state`);
  const stableAt = steady.createdAt.getTime();

  const queries = sandbox.log.filter((e) => e.seq > opts.logFrom && e.service === 'aps' && e.operation === 'QueryMetrics');
  if (queries.length === 0) throw new Error('metrics-check made no QueryMetrics request');
  const groups: RequestLogEntry[][] = [];
  for (const q of queries) {
    const last = groups.at(-1)?.at(-1);
    if (last && Date.parse(q.at) - Date.parse(last.at) < SAME_ROUND_MS) groups.at(-1)!.push(q);
    else groups.push([q]);
  }
  const rounds = groups.map((g) => Date.parse(g[0].at));
  const gaps = groups.slice(1).map((g, i) => Date.parse(g[0].at) - Date.parse(groups[i].at(-1)!.at));

  // A task's writes are signed with its role session, named after the task id (as ECS names it); other services'
  // tasks write to the same data plane meanwhile.
  const taskIds = new Set([...sandbox.ecs.tasks.values()].filter((t) => t.group === `service:${service.name}` && t.clusterArn === service.clusterArn).map((t) => t.taskArn.split('/').pop()!));
  const keys = new Set(sandbox.credentials.sessions().filter((c) => taskIds.has(c.principalArn.split('/').pop()!)).map((c) => c.accessKeyId));
  const writes = sandbox.runtime.requests.filter((e) => e.operation === 'RemoteWrite' && e.accessKeyId && keys.has(e.accessKeyId) && Date.parse(e.at) >= stableAt);
  const timings = opts.collectorConfigs.map(collectorTiming);
  return {
    stableAt,
    rounds,
    maxGapMs: Math.max(0, ...gaps),
    arrivedAfterMs: rounds.at(-1)! - stableAt,
    ...(writes.length ? { firstWriteAfterMs: Date.parse(writes[0].at) - stableAt } : {}),
    scrapeMs: Math.max(0, ...timings.map((t) => t.scrapeMs)),
    batchMs: Math.max(0, ...timings.map((t) => t.batchMs)),
  };
}
