import { ActionError } from './errors';

export type PollResult<T> = { done: true; value: T } | { done: false; status: string };

export interface PollOptions<T> {
  /** Human name of what is awaited, used in progress lines and the timeout error. */
  what: string;
  check: () => Promise<PollResult<T>>;
  /** Absolute deadline (ms since epoch) shared by every wait of one run. */
  deadline: number;
  log: (line: string) => void;
  /**
   * How long this usually takes, for the heartbeat ("AWS's own waiter allows 2 min"): a person
   * watching the log can tell a slow wait from a stuck one.
   */
  expected?: string;
  /** A line at least this often while nothing changes (default 45 s). */
  heartbeatMs?: number;
  /**
   * The change was requested just now, so a check at once could only see it in progress: the first
   * check waits one interval, which is what keeps a short wait at one call per 2 s.
   */
  justStarted?: boolean;
  /** Cap on the interval (default: the heartbeat); lower only keeps the lag smaller, the 2 s floor stays. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * The schedule every wait follows (issue 15): the detection lag (change → the check that sees it) at
 * most max(1 s, 5 % of the wait) on average, and at most one call per 2 s of wait per resource.
 * A change that lands uniformly within an interval d is seen d/2 later on average, so the interval
 * is 2 s while 5 % of the elapsed time is under 1 s (both bounds are met exactly there: one call
 * per 2 s means a 1 s average lag, no schedule does better on both), then 5 % of the elapsed time
 * (a 2.5 % lag: half the bound, so a mode's wall time stays within 5 % of its critical path with
 * the run's own requests and start-up on top — measured by `npm run bench`), capped by the
 * heartbeat so each heartbeat line reports a fresh status. A 60-minute wait costs about 145 calls.
 */
export const SCHEDULE = { minMs: 2_000, fraction: 0.05 } as const;

/** How long after a check that started `elapsedMs` into the wait the next one starts. */
export function pollInterval(elapsedMs: number, maxMs = 45_000): number {
  return Math.round(Math.min(maxMs, Math.max(SCHEDULE.minMs, SCHEDULE.fraction * elapsedMs)));
}

/**
 * What each wait usually takes, as AWS's own waiters budget it (the waiters-2.json of each service's
 * API model: delay × maxAttempts) or as the service documents it: the heartbeat quotes it so a
 * person can tell a slow wait from a stuck one.
 */
export const EXPECTED = {
  // amp 2020-08-01 WorkspaceActive / WorkspaceDeleted: every 2 s, 60 attempts.
  ampActive: "AWS's own waiter allows 2 min",
  ampDeleted: "AWS's own waiter allows 2 min",
  // Amazon Managed Grafana has no waiter; creation can take over 10 minutes (Terraform's AWS provider allows 30).
  grafanaActive: 'creation can take over 10 min',
  // ecs 2014-11-13 ServicesStable: every 15 s, 40 attempts.
  ecsStable: "AWS's own services-stable waiter allows 10 min",
  // cloudformation 2010-05-15 ChangeSetCreateComplete and Stack*Complete: every 30 s, 120 attempts.
  changeSet: 'usually seconds; AWS\'s own waiter allows 60 min',
  stack: "the service's stabilisation is most of it; AWS's own waiter allows 60 min",
} as const;

/** 75 → "1m 15s". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  return seconds % 60 ? `${m}m ${seconds % 60}s` : `${m}m`;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` reports done, on the `pollInterval` schedule measured from each check's start
 * (a slow answer does not stretch the cadence; a check slower than the interval is followed at once,
 * so calls never come closer than the interval). It checks at once unless `justStarted`: most
 * resources the action touches are ready on a re-run.
 */
export async function pollUntil<T>(opts: PollOptions<T>): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const heartbeat = opts.heartbeatMs ?? 45_000;
  const cap = Math.min(opts.maxDelayMs ?? heartbeat, heartbeat);
  const started = now();
  let lastStatus = '';
  let lastLine = started;
  let next = opts.justStarted ? started + pollInterval(0, cap) : started;
  for (;;) {
    const wake = Math.min(next, opts.deadline);
    if (wake > now()) await sleep(wake - now());
    const checkedAt = now();
    const result = await opts.check();
    const elapsed = Math.round((now() - started) / 1000);
    if (result.done) {
      opts.log(`${opts.what}: ready after ${elapsed}s`);
      return result.value;
    }
    if (result.status !== lastStatus) {
      opts.log(`${opts.what}: ${result.status} (${elapsed}s)`);
      lastStatus = result.status;
      lastLine = now();
    } else if (now() - lastLine >= heartbeat - HEARTBEAT_SLACK_MS) {
      // The same status for a while: say so, so a silent log never looks like a hung step.
      opts.log(`${opts.what}: still ${result.status} after ${duration(elapsed)}${opts.expected ? ` (${opts.expected})` : ''}`);
      lastLine = now();
    }
    if (opts.deadline - now() <= 0) {
      throw new ActionError(
        `Timed out waiting for ${opts.what}: still ${result.status} after ${elapsed}s.`,
        'Raise wait-timeout-minutes, or check the resource in the AWS console; a re-run resumes waiting.',
      );
    }
    // A check is brought forward to the heartbeat rather than added, so a line comes at least `heartbeat` apart
    // with a fresh status and no extra call.
    next = Math.min(checkedAt + pollInterval(checkedAt - started, cap), lastLine + heartbeat);
  }
}

/** A check's own latency must not push a heartbeat line a whole interval late. */
const HEARTBEAT_SLACK_MS = 1_000;
