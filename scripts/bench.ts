/**
 * `npm run bench`: what users wait for. Start-up (process spawn to the first AWS request the
 * sandbox sees), a first provision, and a re-run that reuses everything; medians over a few runs.
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
    latencies: { ampCreate: 4000, grafanaCreate: 9000, cfnResource: { default: 1000, 'AWS::IAM::Role': 2500, ChangeSet: 800 } },
  });
  const startup: number[] = [];
  const first: number[] = [];
  const rerun: number[] = [];
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
      const again = await fx.run(inputs, { pr });
      rerun.push(again.durationMs);
      // Keep under AMG's 5-workspaces-per-region quota.
      for (const w of fx.state().grafanaWorkspaces) fx.sandbox.grafana.workspaces.delete(w.id);
    }
  } finally {
    await fx.close();
  }
  console.log(`runs: ${RUNS}`);
  console.log(`start-up to first AWS request: median ${median(startup)} ms (${startup.join(', ')})`);
  console.log(`first provision (AMP 4 s, role stack ~3 s, Grafana 9 s): median ${median(first)} ms`);
  console.log(`re-run, everything reused: median ${median(rerun)} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
