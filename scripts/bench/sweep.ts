/**
 * The scheduled sweep at growing sizes: `size` stale environments seeded straight into the sandbox
 * (harness/seed.ts), removed by one cleanup run under 30 % throttling of every AWS service. Reports the time
 * per size and, from the request log, how many environments the run worked on at once.
 */
import { PreviewFixture } from '../../sandbox/src/harness/fixture';
import { maxConcurrentTargets } from '../../sandbox/src/harness/critical-path';
import { seedStaleEnvironments } from '../../sandbox/src/harness/seed';

export interface SweepResult {
  size: number;
  wallMs: number;
  maxConcurrent: number;
}

export async function sweep(fx: PreviewFixture, size: number, maxConcurrency: number): Promise<SweepResult> {
  const ids = seedStaleEnvironments(fx, size);
  fx.sandbox.clearLog();
  fx.sandbox.setFaults({ throttleRate: 0.3 });
  let run;
  try {
    run = await fx.run({ mode: 'cleanup', comment: 'false', grafana: 'false', 'max-concurrency': String(maxConcurrency) });
  } finally {
    fx.sandbox.setFaults({ throttleRate: 0 });
  }
  // Judged by what is left, not by what the run says it removed.
  const left = ids.filter((id) => {
    const ws = fx.sandbox.amp.workspaces.get(id);
    return ws !== undefined && fx.sandbox.amp.live(ws) && ws.status !== 'DELETING';
  });
  if (run.code !== 0 || left.length > 0) throw new Error(`sweep of ${size}: exit ${run.code}, ${left.length} workspace(s) left\n${run.log}`);
  return { size, wallMs: run.durationMs, maxConcurrent: maxConcurrentTargets(fx.sandbox.log, 'aps', 'DeleteWorkspace') };
}
