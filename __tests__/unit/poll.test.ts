import { pollInterval, pollUntil } from '../../src/util/poll';
import { ActionError } from '../../src/util/errors';

function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; }, sleeps, advance: (ms: number) => { t += ms; } };
}

/**
 * One simulated wait: the resource changes at `changeAt` ms; each check sees the change iff it starts at or after it,
 * and takes `checkMs` on the fake clock (a describe's round trip).
 */
async function simulate(changeAt: number, { justStarted = true, checkMs = 0 } = {}) {
  const clock = fakeClock();
  const checks: number[] = [];
  await pollUntil({
    what: 'r', deadline: 10 * 3600_000, log: () => undefined, now: clock.now, sleep: clock.sleep, justStarted,
    check: async () => {
      const at = clock.now();
      checks.push(at);
      clock.advance(checkMs);
      return at >= changeAt ? { done: true, value: at } : { done: false, status: 'IN_PROGRESS' };
    },
  });
  const seenAt = checks.at(-1)!;
  return { lag: seenAt - changeAt, calls: checks.length, waitedMs: clock.now() };
}

/**
 * The lag averaged over change times spread evenly across ±25 % of the nominal wait (wider than any interval there,
 * so every phase of the schedule counts), sampled at the midpoints of 10 ms steps.
 */
async function averaged(waitMs: number, opts?: { checkMs?: number }) {
  const from = waitMs * 0.75;
  const to = waitMs * 1.25;
  const step = Math.max(10, Math.round((to - from) / 400 / 10) * 10);
  const runs = [];
  for (let t = from + step / 2; t < to; t += step) runs.push(await simulate(t, opts));
  return {
    meanLag: runs.reduce((s, r) => s + r.lag, 0) / runs.length,
    worstCallsPerSecond: Math.max(...runs.map((r) => r.calls / (r.waitedMs / 1000))),
  };
}

describe('the poll schedule', () => {
  it.each([
    ['5 s', 5_000],
    ['60 s', 60_000],
    ['10 min', 600_000],
    ['60 min', 3_600_000],
  ])('over a %s wait: lag ≤ max(1 s, 5 %%) on average, ≤ 1 call per 2 s', async (_name, waitMs) => {
    const { meanLag, worstCallsPerSecond } = await averaged(waitMs);
    // Exact arithmetic on integer ms and midpoints: at short waits both bounds hold with equality, by design.
    expect(meanLag).toBeLessThanOrEqual(Math.max(1_000, 0.05 * waitMs) + 1e-6);
    expect(worstCallsPerSecond).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('keeps both bounds at long waits when each check itself takes 300 ms', async () => {
    for (const waitMs of [600_000, 3_600_000]) {
      const { meanLag, worstCallsPerSecond } = await averaged(waitMs, { checkMs: 300 });
      expect(meanLag).toBeLessThanOrEqual(0.05 * waitMs);
      expect(worstCallsPerSecond).toBeLessThanOrEqual(0.5);
    }
  });

  it('never asks sooner than 2 s apart, nor later than the heartbeat', () => {
    for (const elapsed of [0, 1_000, 10_000, 30_000, 100_000, 600_000, 3_600_000]) {
      expect(pollInterval(elapsed)).toBeGreaterThanOrEqual(2_000);
      expect(pollInterval(elapsed)).toBeLessThanOrEqual(45_000);
    }
    expect(pollInterval(100_000)).toBe(5_000);
  });

  it('checks at once when the resource may already be ready, and only then', async () => {
    expect((await simulate(0, { justStarted: false })).calls).toBe(1);
    expect((await simulate(0, { justStarted: false })).waitedMs).toBe(0);
    expect((await simulate(0, { justStarted: true })).waitedMs).toBe(2_000);
  });
});

describe('pollUntil', () => {
  it('keeps its cadence from each check\'s start and logs only status changes', async () => {
    const clock = fakeClock();
    const statuses = ['CREATING', 'CREATING', 'CREATING', 'CREATING', 'UPDATING', 'CREATING', 'CREATING'];
    const lines: string[] = [];
    const starts: number[] = [];
    let i = 0;
    const value = await pollUntil({
      what: 'thing', deadline: 10_000_000, log: (l) => lines.push(l), now: clock.now, sleep: clock.sleep,
      check: async () => {
        starts.push(clock.now());
        clock.advance(500);
        return i < statuses.length ? { done: false, status: statuses[i++] } : { done: true, value: 'ok' };
      },
    });
    expect(value).toBe('ok');
    expect(starts).toEqual([0, 2000, 4000, 6000, 8000, 10000, 12000, 14000]);
    expect(lines).toEqual(['thing: CREATING (1s)', 'thing: UPDATING (9s)', 'thing: CREATING (11s)', 'thing: ready after 15s']);
  });

  it('lets a slow check be followed at once, never two calls closer than the interval', async () => {
    const clock = fakeClock();
    const starts: number[] = [];
    await pollUntil({
      what: 'slow', deadline: 10_000_000, log: () => undefined, now: clock.now, sleep: clock.sleep,
      check: async () => {
        starts.push(clock.now());
        clock.advance(3_000);
        return starts.length < 4 ? { done: false, status: 'X' } : { done: true, value: undefined };
      },
    });
    expect(starts).toEqual([0, 3000, 6000, 9000]);
  });

  it('says it is still waiting every 30 to 60 s while the status does not change, with what is usual', async () => {
    const clock = fakeClock();
    const lines: { at: number; line: string }[] = [];
    let checks = 0;
    await pollUntil({
      what: 'Grafana workspace g-1', deadline: 10_000_000, log: (line) => lines.push({ at: clock.now(), line }),
      now: clock.now, sleep: clock.sleep, expected: 'creation can take over 10 minutes',
      check: async () => (++checks < 120 ? { done: false, status: 'CREATING' } : { done: true, value: undefined }),
    });
    const gaps = lines.slice(1).map((l, i) => l.at - lines[i].at);
    expect(lines.length).toBeGreaterThan(10);
    for (const gap of gaps.slice(0, -1)) {
      expect(gap).toBeGreaterThanOrEqual(30_000);
      expect(gap).toBeLessThanOrEqual(60_000);
    }
    expect(lines[1].line).toMatch(/^Grafana workspace g-1: still CREATING after \d+s \(creation can take over 10 minutes\)$/);
    expect(lines.some((l) => / after \dm \d+s \(/.test(l.line))).toBe(true);
  });

  it('fails with the last status at the deadline, never sleeping past it', async () => {
    const clock = fakeClock();
    const attempt = pollUntil({
      what: 'workspace', deadline: 2500, log: () => undefined, now: clock.now, sleep: clock.sleep,
      check: async () => ({ done: false, status: 'CREATING' }),
    });
    await expect(attempt).rejects.toThrow(ActionError);
    await expect(attempt).rejects.toThrow(/Timed out waiting for workspace: still CREATING/);
    expect(clock.now()).toBe(2500);
  });

  it('propagates an error thrown by the check (a failed state)', async () => {
    await expect(pollUntil({
      what: 'x', deadline: Date.now() + 1000, log: () => undefined,
      check: async () => { throw new ActionError('CREATION_FAILED'); },
    })).rejects.toThrow('CREATION_FAILED');
  });
});
