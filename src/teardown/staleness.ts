/** What the verdict looks at: the environment's PR and its newest sign of life (src/inventory EnvironmentInventory has both). */
export interface EnvironmentRecord {
  environment: string;
  prNumber?: number;
  /** The newest sign of life: last stack deploy, else workspace creation. */
  lastActivityAt?: Date;
}

export type PullState = 'open' | 'closed' | 'merged' | 'unknown';

export interface Verdict {
  stale: boolean;
  reason: string;
}

/**
 * Why an environment should go, or why it stays. Closed or merged PRs go at once; anything idle for
 * longer than the TTL goes even with an open PR (a forgotten draft still costs money); when the PR
 * state cannot be read, only the TTL decides, so a GitHub outage never deletes a live preview.
 */
export function judge(env: EnvironmentRecord, pull: PullState | undefined, now: number, ttlMs: number): Verdict {
  const idleMs = env.lastActivityAt ? now - env.lastActivityAt.getTime() : undefined;
  const idle = idleMs === undefined ? 'never deployed' : `idle ${formatAge(idleMs)}`;
  if (env.prNumber !== undefined) {
    if (pull === 'merged') return { stale: true, reason: `PR #${env.prNumber} merged` };
    if (pull === 'closed') return { stale: true, reason: `PR #${env.prNumber} closed` };
  }
  if (idleMs !== undefined && idleMs > ttlMs) return { stale: true, reason: `${idle} (ttl ${formatAge(ttlMs)})` };
  if (idleMs === undefined && env.prNumber === undefined) return { stale: true, reason: 'no PR and never deployed' };
  const pr = env.prNumber === undefined ? 'no PR' : `PR #${env.prNumber} ${pull === 'unknown' || pull === undefined ? 'state unknown' : pull}`;
  return { stale: false, reason: `${pr}, ${idle}` };
}

export function formatAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  return hours < 72 ? `${hours}h` : `${Math.round(hours / 24)}d`;
}
