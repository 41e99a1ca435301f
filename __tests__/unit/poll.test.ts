import { pollUntil } from '../../src/util/poll';
import { ActionError } from '../../src/util/errors';

function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { sleeps.push(ms); t += ms; }, sleeps };
}

describe('pollUntil', () => {
  it('backs off from a short first delay to the cap and logs only status changes', async () => {
    const clock = fakeClock();
    const statuses = ['CREATING', 'CREATING', 'CREATING', 'CREATING', 'UPDATING', 'CREATING', 'CREATING'];
    const lines: string[] = [];
    let i = 0;
    const value = await pollUntil({
      what: 'thing', deadline: 10_000_000, log: (l) => lines.push(l), now: clock.now, sleep: clock.sleep,
      initialDelayMs: 1000, factor: 2, maxDelayMs: 5000,
      check: async () => (i < statuses.length ? { done: false, status: statuses[i++] } : { done: true, value: 'ok' }),
    });
    expect(value).toBe('ok');
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    expect(lines).toEqual(['thing: CREATING (0s)', 'thing: UPDATING (12s)', 'thing: CREATING (17s)', 'thing: ready after 27s']);
  });

  it('says it is still waiting every 30 to 60 s while the status does not change, with what is usual', async () => {
    const clock = fakeClock();
    const lines: { at: number; line: string }[] = [];
    let checks = 0;
    await pollUntil({
      what: 'Grafana workspace g-1', deadline: 10_000_000, log: (line) => lines.push({ at: clock.now(), line }),
      now: clock.now, sleep: clock.sleep, maxDelayMs: 20_000, expected: 'creation can take over 10 minutes',
      check: async () => (++checks < 40 ? { done: false, status: 'CREATING' } : { done: true, value: undefined }),
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
