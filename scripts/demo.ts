/**
 * `npm run sandbox [-- --keep]`: the action's lifecycle offline. Starts the local AWS sandbox, opens a pull
 * request in its GitHub, runs dist/index.js as the runner would (OIDC role, INPUT_* variables,
 * event file) through the lifecycle: up → up after a push → destroy as a dry run → (PR closed) destroy, and
 * prints the log, the step outputs, the dashboard URLs, the app's answer, the metrics check's live line and the PR
 * comment as it stands after the step (as text: src/render/plain-text.ts), then shows that nothing of the
 * environment is left in the sandbox. With --keep it stops before destroy, with the
 * environment up, until Enter (or Ctrl-C), so a person can open what it made.
 *
 * The action runs on Node 24, as action.yml tells the runner (.ci/node24 installs it into build/
 * when this machine's Node is another), so the log is what a runner's would be, and it is shown as the runner shows
 * it (scripts/runner-log.ts): `::debug::` lines hidden as without debug logging, masked values as ***.
 */
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PreviewFixture, startFixture } from '../sandbox/src/harness/fixture';
import { commentAsText } from '../src/render/plain-text';
import { parseState } from '../src/render/report';
import { RunnerLog } from './runner-log';

const DEMO_LATENCIES = {
  ampCreate: 4000, ampDelete: 2000, grafanaCreate: 9000, grafanaDelete: 3000, grafanaUpdate: 1000,
  cfnResource: { default: 800, 'AWS::IAM::Role': 2500, 'AWS::EC2::VPC': 1500, ChangeSet: 800, 'ECS::Stabilize': 4000 },
};

interface Step { title: string; inputs: Record<string, string>; commit: string }

/** The PR's head commit: the redeploy follows a new push. */
const FIRST = '4f1c2e9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e';
const SECOND = 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0';

const STEPS: Step[] = [
  // The preview workflow's default: provision, deploy and dashboard in one step. The sandbox's runner address
  // (198.51.100.7) is the network allowed to open the app.
  { title: 'up (the PR opened)', commit: FIRST, inputs: { mode: 'up', 'grafana-admins': 'user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab', tags: 'team=demo', expose: 'public-ip', 'ingress-cidrs': '198.51.100.0/24' } },
  { title: 'up again after a push with a new app image', commit: SECOND, inputs: { mode: 'up', tags: 'team=demo', 'app-image': 'public.ecr.aws/aws-otel-test/prometheus-sample-app:v2', expose: 'public-ip', 'ingress-cidrs': '198.51.100.0/24' } },
  { title: 'destroy, dry run (what closing the PR will remove)', commit: SECOND, inputs: { mode: 'destroy', 'delete-grafana-workspace': 'true', 'dry-run': 'true' } },
  { title: 'destroy (the PR was closed)', commit: SECOND, inputs: { mode: 'destroy', 'delete-grafana-workspace': 'true' } },
];

async function step(fx: PreviewFixture, pr: number, { title, inputs, commit }: Step): Promise<boolean> {
  console.log(`\n━━━ ${title} ━━━ (the log as the runner shows it)\n`);
  const view = new RunnerLog();
  // The step's row of the comment whenever GitHub's copy changes while the step runs ("deploying `4f1c2e9`…").
  let shown = rowOf(fx.comments(pr).at(-1), inputs.mode);
  const showRow = () => {
    const now = rowOf(fx.comments(pr).at(-1), inputs.mode);
    if (now !== shown) process.stdout.write(`  ↳ PR comment: ${now}\n`);
    shown = now;
  };
  const watch = setInterval(showRow, 200);
  // The runner's GITHUB_SHA: the commit each step's row names.
  const run = await fx.run(inputs, { pr, oidc: true, env: { GITHUB_SHA: commit }, onOutput: (chunk) => process.stdout.write(view.push(chunk)) })
    .finally(() => clearInterval(watch));
  process.stdout.write(view.end());
  showRow();
  console.log(`\nExit code ${run.code} after ${(run.durationMs / 1000).toFixed(1)} s. Step outputs:`);
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(22)} ${value}`);
  if (run.outputs['dashboard-urls']) {
    console.log('\nDashboards (open them while the demo runs; the sandbox serves them):');
    for (const [title, url] of Object.entries(JSON.parse(run.outputs['dashboard-urls']) as Record<string, string>)) console.log(`  ${title}: ${url}`);
  }
  if (run.outputs['app-url']) {
    const answer = await openThroughSandbox(fx, run.outputs['app-url']);
    console.log(`\nThe app at ${run.outputs['app-url']} (through the sandbox's internet, ${fx.sandbox.appProxyUrl}): HTTP ${answer}`);
  }
  const body = fx.comments(pr).at(-1);
  const live = body && (inputs.mode === 'deploy' || inputs.mode === 'up') ? /; metrics: ([^;]*)/.exec(parseState(body)?.modes[inputs.mode]?.headline ?? '')?.[1] : undefined;
  if (live) console.log(`\nMetrics in AMP: ${live}`);
  const planned = (JSON.parse(run.outputs.plan ?? '[]') as { target: string; action: string; status: string }[]).filter((s) => s.action === 'delete' && s.status === 'planned');
  if (planned.length > 0) {
    console.log('\nWould remove (dry run):');
    for (const s of planned) console.log(`  - ${s.target}`);
  } else if (run.outputs.removed) {
    console.log('\nRemoved:');
    for (const step of JSON.parse(run.outputs.removed) as { removed: string[] }[]) for (const r of step.removed) console.log(`  - ${r}`);
    const plan = JSON.parse(run.outputs.plan ?? '[]') as { target: string; status: string; reason: string; detail?: string }[];
    for (const k of plan.filter((s) => s.status === 'kept')) console.log(`  (kept) ${k.target}: ${k.detail ?? k.reason}`);
  }
  console.log(`\n┄┄┄ the PR comment on #${pr} now ┄┄┄\n\n${body ? commentAsText(body) : '(none)'}`);
  return run.code === 0;
}

/** The first line of a step's row in the comment, as text. */
function rowOf(body: string | undefined, mode: string): string | undefined {
  return body ? commentAsText(body).split('\n').find((l) => l.startsWith(`- ${mode} `))?.slice(2) : undefined;
}

/** GET `url` through the sandbox's app proxy, as the runner would reach it: the status and the body's first line. */
function openThroughSandbox(fx: PreviewFixture, url: string): Promise<string> {
  const proxy = new URL(fx.sandbox.appProxyUrl);
  return new Promise((resolve) => {
    const r = request({ host: proxy.hostname, port: proxy.port, path: url, headers: { host: new URL(url).host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve(`${res.statusCode} ${body.split('\n')[0]}`));
    });
    r.on('error', (err) => resolve(`no answer (${err.message})`));
    r.end();
  });
}

/** Everything the sandbox still holds, apart from the seeded IAM roles: after destroy this should be nothing. */
function leftovers(fx: PreviewFixture): string[] {
  const state = fx.state();
  return [
    ...state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE').map((s) => `stack ${s.stackName} (${s.status})`),
    ...state.ampWorkspaces.map((w) => `AMP workspace ${w.id}`),
    ...state.grafanaWorkspaces.map((w) => `Grafana workspace ${w.id}`),
  ];
}

/** Waits for Enter (or the end of standard input). */
async function pressEnter(prompt: string): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  await new Promise<void>((resolve) => {
    rl.question(prompt, () => resolve());
    rl.once('close', () => resolve());
  });
  rl.close();
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  process.env.SANDBOX_ACTION_NODE ??= join(execFileSync('bash', [join(__dirname, '..', '..', '.ci', 'node24')], { encoding: 'utf8' }).trim(), 'node');
  const fx = await startFixture({ latencies: DEMO_LATENCIES });
  try {
    const pr = fx.pullRequest();
    console.log(`Sandbox on ${fx.sandbox.url}; pull request #${pr} opened in acme/shop.`);
    for (const s of STEPS) {
      const closes = s.inputs.mode === 'destroy' && s.inputs['dry-run'] !== 'true';
      if (closes && keep) {
        console.log(`\n━━━ kept up (--keep) ━━━\n\nThe sandbox is on ${fx.sandbox.url} (state: ${fx.sandbox.url}/_sandbox/state); the dashboard URLs above open while it runs.`);
        await pressEnter('Press Enter to destroy the environment and finish. ');
      }
      if (closes) fx.closePullRequest(pr);
      if (!(await step(fx, pr, s))) {
        process.exitCode = 1;
        break;
      }
    }
    const left = leftovers(fx);
    console.log(`\n━━━ what the sandbox still holds ━━━\n\n${left.length ? left.map((l) => `  ${l}`).join('\n') : '  nothing: every stack, AMP workspace and Grafana workspace is gone'}`);
    if (left.length) process.exitCode = 1;
  } finally {
    await fx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
