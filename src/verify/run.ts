/**
 * The bounded wait for both pipelines: one round of instant queries every 2 s until the judgement
 * settles or the wait ends, then, if anything is missing, the collector's log for why.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { AmpQuery, AmpQueryError } from '../aws/amp-query';
import { defaultSleep } from '../util/poll';
import { CollectorLogRead, readCollectorLog } from './collector-logs';
import { Answers, judgeMetrics, metricsQueries, MetricsVerdict, QueryName, VerifyTarget } from './metrics';

/**
 * The bound: verification adds at most one scrape interval plus the batch timeout after the
 * service is stable, so a round is never more than 2 s behind the data.
 */
export const POLL_MS = 2_000;

export interface VerifyRequest {
  target: VerifyTarget;
  /** ms: when the service was stable; samples before it are an earlier deploy's. */
  since: number;
  /** ms: when the deploy began; the collector's start-up lines (a refused configuration) come before `since`. */
  logsSince: number;
  timeoutMs: number;
  /** The step's deadline (wait-timeout-minutes); the wait never passes it. */
  deadline: number;
}

export interface VerifyDeps {
  query: AmpQuery;
  logs: CloudWatchLogsClient;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface Verification {
  verdict: MetricsVerdict;
  /** The wait ended before the judgement settled. */
  timedOut: boolean;
  elapsedMs: number;
  rounds: number;
  /** Read when a pipeline is not ok. */
  collector?: CollectorLogRead;
  /** AMP refused the queries (4xx): nothing could be judged. */
  queryError?: AmpQueryError;
}

export async function verifyMetrics(req: VerifyRequest, deps: VerifyDeps): Promise<Verification> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const started = now();
  const end = Math.min(req.deadline, started + req.timeoutMs);
  let verdict: MetricsVerdict | undefined;
  let lastStatus = '';
  let rounds = 0;
  let timedOut = false;
  let transient: AmpQueryError | undefined;
  for (;;) {
    const at = now();
    rounds++;
    try {
      const answers = await ask(deps.query, metricsQueries(req.target, (at - req.since) / 1000), at);
      verdict = judgeMetrics(req.target, answers, { since: req.since, now: at });
      transient = undefined;
    } catch (err) {
      if (!(err instanceof AmpQueryError)) throw err;
      // A refusal does not change by asking again (throttling and 5xx were retried inside the round).
      if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 && err.statusCode !== 429) {
        return { verdict: verdict ?? emptyVerdict(req.target), timedOut: false, elapsedMs: now() - started, rounds, queryError: err };
      }
      transient = err;
    }
    const status = verdict ? `app ${verdict.app.status}, ECS ${verdict.ecs.status} (${verdict.live})` : `query failed: ${transient?.message}`;
    if (status !== lastStatus) {
      deps.log(`Metrics in AMP: ${status} (${Math.round((now() - started) / 1000)}s)`);
      lastStatus = status;
    }
    if (verdict?.settled) break;
    const remaining = end - now();
    if (remaining <= 0) {
      timedOut = true;
      break;
    }
    await sleep(Math.min(POLL_MS, remaining));
  }
  const final = verdict ?? emptyVerdict(req.target);
  const result: Verification = { verdict: final, timedOut, elapsedMs: now() - started, rounds, ...(transient && !verdict ? { queryError: transient } : {}) };
  if (!final.ok) result.collector = await readCollectorLog(deps.logs, req.target.stackName, req.logsSince);
  return result;
}

async function ask(q: AmpQuery, queries: Record<QueryName, string>, at: number): Promise<Answers> {
  const names = Object.keys(queries) as QueryName[];
  const results = await Promise.all(names.map((n) => q.query(queries[n], at / 1000)));
  return Object.fromEntries(names.map((n, i) => [n, results[i]])) as Answers;
}

/** What nothing found looks like, for a verification that could not query at all. */
function emptyVerdict(t: VerifyTarget): MetricsVerdict {
  return judgeMetrics(t, { appUp: [], appUpTime: [], appUpMax: [], appUpCount: [], appNames: [], ecsNames: [], ecsTime: [], ecsUsage: [] }, { since: 0, now: 0 });
}
