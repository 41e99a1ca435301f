import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRun } from '../../sandbox/src/harness/run-action';

/** The run, when it succeeded; otherwise a failure that shows its whole log. */
export function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.log}`);
  return run;
}

/** Polls sandbox state (which advances with wall-clock time) until `check` holds. */
export async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A PR's checkout with these files (objects written as JSON), for GITHUB_WORKSPACE. */
export function checkout(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-'));
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}
