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
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
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
 * Polls until `check` reports done. The delay starts short (most resources the action touches are
 * ready within seconds on a re-run) and backs off to a cap, so a 10-minute Grafana creation costs
 * tens of calls rather than hundreds, and nobody waits a fixed 30 s for a ready resource.
 */
export async function pollUntil<T>(opts: PollOptions<T>): Promise<T> {
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const factor = opts.factor ?? 1.6;
  const maxDelay = opts.maxDelayMs ?? 15_000;
  let delay = opts.initialDelayMs ?? 1_000;
  const heartbeat = opts.heartbeatMs ?? 45_000;
  const started = now();
  let lastStatus = '';
  let lastLine = started;
  for (;;) {
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
    } else if (now() - lastLine >= heartbeat) {
      // The same status for a while: say so, so a silent log never looks like a hung step.
      opts.log(`${opts.what}: still ${result.status} after ${duration(elapsed)}${opts.expected ? ` (${opts.expected})` : ''}`);
      lastLine = now();
    }
    const remaining = opts.deadline - now();
    if (remaining <= 0) {
      throw new ActionError(
        `Timed out waiting for ${opts.what}: still ${result.status} after ${elapsed}s.`,
        'Raise wait-timeout-minutes, or check the resource in the AWS console; a re-run resumes waiting.',
      );
    }
    // Wake for the heartbeat too, so lines come at most `heartbeat` apart whatever the delay cap.
    await sleep(Math.max(1, Math.min(delay, remaining, lastLine + heartbeat - now())));
    delay = Math.min(Math.round(delay * factor), maxDelay);
  }
}
