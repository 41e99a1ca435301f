import { Sandbox } from '../../sandbox/src/http/server';
import { STATIC_CREDENTIALS } from '../../sandbox/src/models/credentials';

export const REGION = 'eu-west-1';

/** Latencies of tens of milliseconds: every state machine still moves, the suite stays fast. */
export const FAST = { ampCreate: 40, ampDelete: 30, grafanaCreate: 60, grafanaDelete: 30, grafanaUpdate: 20, cfnResource: { default: 10, ChangeSet: 10 } };

/** SDK client configuration against the sandbox; one attempt so errors surface as they are. */
export function clientConfig(sandbox: Sandbox, overrides: Record<string, unknown> = {}) {
  return { region: REGION, endpoint: sandbox.url, credentials: STATIC_CREDENTIALS, maxAttempts: 1, ...overrides };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` returns something other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(15);
  }
}
