/**
 * `npm run bench`: what users wait for. Start-up (process spawn to the first AWS request the
 * sandbox sees), a first provision, a re-run that reuses everything, the dashboard step (first and
 * again), destroy, a cleanup sweep of 50 environments (25 stale) under 30 % throttling, and the wait
 * deploy's metrics-check adds after the service is stable; medians over a few runs.
 * The sandbox latencies are the demo's, so the numbers compare polling strategies, not AWS. The collectors
 * run on the deployed timing (collectorAsDeployed: 15 s scrapes, 10 s batches), which is what users wait for.
 */
import { AmpClient, CreateWorkspaceCommand } from '@aws-sdk/client-amp';
import { PreviewFixture, REGION, REPOSITORY, startFixture } from '../sandbox/src/harness/fixture';
import { verifyTiming, VerifyTiming } from '../sandbox/src/harness/verify-timing';
import { STATIC_CREDENTIALS } from '../sandbox/src/models/credentials';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Each deploy waits up to one scrape interval plus the batch timeout (~25 s): one by default. */
const METRICS_RUNS = Number(process.env.BENCH_METRICS_RUNS ?? 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const fx = await startFixture({
    latencies: { ampCreate: 4000, ampDelete: 2000, grafanaCreate: 9000, grafanaDelete: 3000, cfnResource: { default: 1000, 'AWS::IAM::Role': 2500, ChangeSet: 800 } },
    collectorAsDeployed: true,
  });
  const startup: number[] = [];
  const first: number[] = [];
  const rerun: number[] = [];
  const dashboard: number[] = [];
  const dashboardAgain: number[] = [];
  const destroy: number[] = [];
  let sweep: number | undefined;
  const metrics: VerifyTiming[] = [];
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
    sweep = await sweepUnderThrottling(fx);
    for (let i = 0; i < METRICS_RUNS; i++) metrics.push(await metricsCheckTiming(fx));
  } finally {
    await fx.close();
  }
  console.log(`runs: ${RUNS}`);
  console.log(`start-up to first AWS request: median ${median(startup)} ms (${startup.join(', ')})`);
  console.log(`first provision (AMP 4 s, role stack ~3 s, Grafana 9 s): median ${median(first)} ms`);
  console.log(`re-run, everything reused: median ${median(rerun)} ms`);
  console.log(`dashboard (token, data source + folder, health check ‖ import, token deleted): median ${median(dashboard)} ms; again: ${median(dashboardAgain)} ms`);
  console.log(`destroy (Grafana objects ‖ AMP 2 s ‖ no stack), then the Grafana workspace (3 s) and its role stack: median ${median(destroy)} ms`);
  console.log(`cleanup of 50 environments, 25 stale (AMP delete 2 s), 30 % of AWS calls throttled, max-concurrency 8: ${sweep} ms`);
  for (const m of metrics) {
    const bound = m.scrapeMs + m.batchMs;
    console.log(`metrics-check: arrived after ${seconds(m.arrivedAfterMs)} s, bound ${seconds(bound)} s (scrape + batch), ratio ${(m.arrivedAfterMs / bound).toFixed(2)}, query gap max ${seconds(m.maxGapMs)} s`
      + ` (${m.rounds.length} rounds; first remote write ${m.firstWriteAfterMs === undefined ? 'none' : `${seconds(m.firstWriteAfterMs)} s`} after stable)`);
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * A default deploy (one task, the sample app) with metrics-check on, on the collector's deployed timing: how long
 * after the service is stable both pipelines were found, against the issue's bound (one scrape interval plus the
 * batch timeout), and the longest pause between query rounds. Read from the sandbox's records (verify-timing.ts).
 */
async function metricsCheckTiming(fx: PreviewFixture): Promise<VerifyTiming> {
  const pr = fx.pullRequest();
  const provision = await fx.run({ mode: 'provision', grafana: 'false' }, { pr });
  if (provision.code !== 0) throw new Error(provision.log);
  const logFrom = fx.sandbox.log.at(-1)?.seq ?? 0;
  const deploy = await fx.run({ mode: 'deploy' }, { pr });
  if (deploy.code !== 0 || !(JSON.parse(deploy.outputs.metrics) as { ok: boolean }).ok) throw new Error(deploy.log);
  const serviceName = deploy.outputs['service-name'];
  const configs = fx.sandbox.runtime.tasks().filter((t) => t.serviceName === serviceName).map((t) => t.collectorConfig!);
  const timing = verifyTiming(fx.sandbox, { serviceName, logFrom, collectorConfigs: configs });
  const destroy = await fx.run({ mode: 'destroy', grafana: 'false' }, { pr });
  if (destroy.code !== 0) throw new Error(destroy.log);
  return timing;
}

/** 50 tagged AMP workspaces, half of them for closed PRs; the sweep must remove those through the throttling. */
async function sweepUnderThrottling(fx: PreviewFixture): Promise<number> {
  const amp = new AmpClient({ region: REGION, endpoint: fx.sandbox.url, credentials: STATIC_CREDENTIALS });
  const prs = Array.from({ length: 50 }, () => fx.pullRequest());
  await Promise.all(prs.map((pr) => amp.send(new CreateWorkspaceCommand({
    alias: `${REPOSITORY}/pr-${pr}`,
    tags: { 'ecs-amp-action:managed-by': 'ecs-amp-action', 'ecs-amp-action:repository': REPOSITORY, 'ecs-amp-action:environment': `pr-${pr}`, 'ecs-amp-action:pr': String(pr) },
  }))));
  await new Promise((r) => setTimeout(r, 4500));
  prs.filter((_, i) => i % 2 === 0).forEach((pr) => fx.closePullRequest(pr));
  fx.sandbox.setFaults({ throttleRate: 0.3 });
  const run = await fx.run({ mode: 'cleanup', comment: 'false', grafana: 'false', 'max-concurrency': '8' });
  fx.sandbox.setFaults({ throttleRate: 0 });
  if (run.code !== 0 || JSON.parse(run.outputs.removed).length !== 25) throw new Error(run.log);
  return run.durationMs;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
