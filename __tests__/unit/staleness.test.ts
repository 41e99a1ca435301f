import { formatAge, judge } from '../../src/teardown/staleness';
import { parseDuration } from '../../src/inputs/parse';

const now = Date.parse('2026-11-25T12:00:00Z');
const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
const ttl = 72 * 3_600_000;

describe('judge', () => {
  it('removes environments of closed and merged PRs at once', () => {
    expect(judge({ environment: 'pr-1', prNumber: 1, lastActivityAt: hoursAgo(1) }, 'closed', now, ttl)).toEqual({ stale: true, reason: 'PR #1 closed' });
    expect(judge({ environment: 'pr-2', prNumber: 2, lastActivityAt: hoursAgo(1) }, 'merged', now, ttl)).toEqual({ stale: true, reason: 'PR #2 merged' });
  });

  it('removes anything idle past the ttl, even with an open PR', () => {
    expect(judge({ environment: 'pr-3', prNumber: 3, lastActivityAt: hoursAgo(100) }, 'open', now, ttl)).toEqual({ stale: true, reason: 'idle 4d (ttl 3d)' });
  });

  it('keeps a recent environment of an open PR, and one whose PR state is unknown', () => {
    expect(judge({ environment: 'pr-4', prNumber: 4, lastActivityAt: hoursAgo(2) }, 'open', now, ttl)).toEqual({ stale: false, reason: 'PR #4 open, idle 2h' });
    expect(judge({ environment: 'pr-5', prNumber: 5, lastActivityAt: hoursAgo(2) }, 'unknown', now, ttl).stale).toBe(false);
    expect(judge({ environment: 'pr-6', prNumber: 6 }, 'unknown', now, ttl).stale).toBe(false);
  });

  it('removes an environment with no PR that was never deployed, keeps a recent branch environment', () => {
    expect(judge({ environment: 'orphan' }, undefined, now, ttl)).toEqual({ stale: true, reason: 'no PR and never deployed' });
    expect(judge({ environment: 'main', lastActivityAt: hoursAgo(5) }, undefined, now, ttl).stale).toBe(false);
  });
});

describe('ttl durations', () => {
  it('reads minutes, hours and days, and refuses under ten minutes', () => {
    expect(parseDuration('72h')).toBe(ttl);
    expect(parseDuration('3d')).toBe(ttl);
    expect(parseDuration('90m')).toBe(90 * 60_000);
    expect(parseDuration('5m')).toBeUndefined();
    expect(parseDuration('1w')).toBeUndefined();
    expect([formatAge(90 * 60_000), formatAge(5 * 3_600_000), formatAge(3 * 86_400_000)]).toEqual(['90m', '5h', '3d']);
  });
});
