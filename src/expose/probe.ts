import { HttpClient } from '@actions/http-client';
import { ActionError } from '../util/errors';
import { pollUntil } from '../util/poll';
import { ACTION_NAME, ACTION_VERSION } from '../version';
import { ProbeAttempt, describeAttempt, isHealthyAnswer, summarizeAttempts } from './plan';

export interface ProbeOptions {
  deadline: number;
  log: (line: string) => void;
  /** Added to the failure's fix, from what answered. */
  fix: (attempts: ProbeAttempt[]) => string;
}

/**
 * Opens `url` until it answers healthy or the step's deadline passes. @actions/http-client honours
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY, as runners behind a proxy need (and the sandbox relies on).
 * Redirects are not followed: a 3xx already says the app is up.
 */
export async function waitForUrl(url: string, opts: ProbeOptions): Promise<ProbeAttempt[]> {
  const client = new HttpClient(`${ACTION_NAME}/${ACTION_VERSION}`, [], { allowRedirects: false, socketTimeout: 5_000, keepAlive: false });
  const attempts: ProbeAttempt[] = [];
  try {
    await pollUntil({
      what: `the app at ${url}`,
      deadline: opts.deadline,
      log: opts.log,
      maxDelayMs: 5_000,
      check: async () => {
        const attempt = await once(client, url);
        attempts.push(attempt);
        return isHealthyAnswer(attempt) ? { done: true, value: attempt } : { done: false, status: describeAttempt(attempt) };
      },
    });
    return attempts;
  } catch (err) {
    if (!(err instanceof ActionError)) throw err;
    throw new ActionError(`The app did not answer at ${url} before the step's deadline: tried ${attempts.length} time(s), got ${summarizeAttempts(attempts)}.`, opts.fix(attempts));
  } finally {
    client.dispose();
  }
}

async function once(client: HttpClient, url: string): Promise<ProbeAttempt> {
  try {
    const res = await client.get(url);
    // Drain the body so the socket closes; its content is the app's and is not shown.
    res.message.resume();
    return { status: res.message.statusCode ?? 0 };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: e.code ? `${e.code} (${e.message})` : e.message };
  }
}
