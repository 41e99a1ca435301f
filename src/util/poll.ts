import { ActionError } from './errors';

export type PollResult<T> = { done: true; value: T } | { done: false; status: string };

export interface PollOptions<T> {
  /** Human name of what is awaited, used in progress lines and the timeout error. */
  what: string;
  check: () => Promise<PollResult<T>>;
  /** Absolute deadline (ms since epoch) shared by every wait of one run. */
  deadline: number;
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
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
  const started = now();
  let lastStatus = '';
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
    }
    const remaining = opts.deadline - now();
    if (remaining <= 0) {
      throw new ActionError(
        `Timed out waiting for ${opts.what}: still ${result.status} after ${elapsed}s.`,
        'Raise wait-timeout-minutes, or check the resource in the AWS console; a re-run resumes waiting.',
      );
    }
    await sleep(Math.min(delay, remaining));
    delay = Math.min(Math.round(delay * factor), maxDelay);
  }
}
