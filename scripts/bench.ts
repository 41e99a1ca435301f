/**
 * `npm run bench`: what users wait for. Start-up (process spawn to the first AWS request the
 * sandbox sees), a first provision, a re-run that reuses everything, the dashboard step (first and
 * again) and destroy; medians over a few runs.
 * The sandbox latencies are the demo's, so the numbers compare polling strategies, not AWS.
 */
import { startFixture } from '../sandbox/src/harness/fixture';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const fx = await startFixture({
    latencies: { ampCreate: 4000, ampDelete: 2000, grafanaCreate: 9000, grafanaDelete: 3000, cfnResource: { default: 1000, 'AWS::IAM::Role': 2500, ChangeSet: 800 } },
  });
  const startup: number[] = [];
  const first: number[] = [];
  const rerun: number[] = [];
  const dashboard: number[] = [];
  const dashboardAgain: number[] = [];
  const destroy: number[] = [];
  const timed = async (into: number[], inputs: Record<string, string>, pr: number) => {
    const run = await fx.run(inputs, { pr });
    if (run.code !== 0) throw new Error(run.log);
    into.push(run.durationMs);
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      const pr = fx.pullRequest();
      const inputs = { mode: 'provision', 'grafana-workspace-name': `bench-${i}` };
      fx.sandbox.clearLog();
      const spawned = Date.now();
      const run = await fx.run(inputs, { pr });
      if (run.code !== 0) throw new Error(run.log);
      const firstAws = fx.sandbox.log.find((e) => e.service !== 'github' && e.service !== 'oidc');
      startup.push(Date.parse(firstAws!.at) - spawned);
      first.push(run.durationMs);
      await timed(rerun, inputs, pr);
      await timed(dashboard, { mode: 'dashboard', 'grafana-workspace-name': `bench-${i}` }, pr);
      await timed(dashboardAgain, { mode: 'dashboard', 'grafana-workspace-name': `bench-${i}` }, pr);
      // Keeps the run under AMG's 5-workspaces-per-region quota, and times the whole teardown.
      await timed(destroy, { mode: 'destroy', 'grafana-workspace-name': `bench-${i}`, 'delete-grafana-workspace': 'true' }, pr);
    }
  } finally {
    await fx.close();
  }
  console.log(`runs: ${RUNS}`);
  console.log(`start-up to first AWS request: median ${median(startup)} ms (${startup.join(', ')})`);
  console.log(`first provision (AMP 4 s, role stack ~3 s, Grafana 9 s): median ${median(first)} ms`);
  console.log(`re-run, everything reused: median ${median(rerun)} ms`);
  console.log(`dashboard (token, data source + folder, health check ‖ import, token deleted): median ${median(dashboard)} ms; again: ${median(dashboardAgain)} ms`);
  console.log(`destroy (Grafana objects ‖ AMP 2 s ‖ no stack), then the Grafana workspace (3 s) and its role stack: median ${median(destroy)} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
