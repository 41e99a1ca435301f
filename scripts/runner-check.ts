/**
 * The shell side of the `runner` job of .github/workflows/ci.yml, which runs the action with
 * `uses: ./` on GitHub's own runner against the sandbox: provision → deploy → dashboard → destroy.
 *
 *   node build/scripts/runner-check.js start            serve the sandbox in the background (job step)
 *   node build/scripts/runner-check.js assert <mode>    check the step's outputs and the sandbox (job step)
 *   node build/scripts/runner-check.js local            the whole job here, as the runner would run it
 *
 * What the real runner decides and the job cannot change (actions/runner, src/Runner.Worker/
 * Handlers/NodeScriptActionHandler.cs: a node action's environment is the step's env context first,
 * then the `github` context's GITHUB_* variables and, only when the job has `id-token: write`,
 * ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN written over it; docs.github.com "Variables reference": "You
 * can't overwrite the value of the default environment variables named GITHUB_* and RUNNER_*"):
 * - GITHUB_API_URL stays the real API and `github-token` is the job's real `github.token`, so the
 *   sticky comment is written on the real PR; `assert` reads it back through the same API.
 * - The job has no `id-token: write`, so the OIDC variables the step sets are the ones the action
 *   sees: the sandbox's token endpoint and a request token minted for the job the example workflows
 *   run that mode in (preview.yml on pull_request; destroy.yml on pull_request_target). The action
 *   assumes the bootstrap template's roles with them, held to their trust and permission policies.
 * - GITHUB_REPOSITORY, the event payload (the PR's number) and everything else are the runner's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../sandbox/src/core/project-root';
import { parseOutputFile, runAction } from '../sandbox/src/harness/run-action';
import type { SandboxSnapshot } from '../sandbox/src/http/server';

const ROOT = projectRoot(__dirname);
const MODES = ['provision', 'deploy', 'dashboard', 'destroy'] as const;
type Mode = typeof MODES[number];
const REGION = 'eu-west-1';

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this runs as a step of the runner job (or under \`runner-check local\`)`);
  return value;
}

function prNumber(): number {
  const event = JSON.parse(readFileSync(need('GITHUB_EVENT_PATH'), 'utf8')) as { pull_request?: { number?: number } };
  const n = event.pull_request?.number;
  if (!Number.isInteger(n)) throw new Error('the event payload has no pull_request.number: the runner job runs on pull_request events only');
  return n!;
}

/** Serves the sandbox in the background for the rest of the job; variables in GITHUB_ENV, roles and tokens in GITHUB_OUTPUT. */
async function start(): Promise<void> {
  const repository = need('GITHUB_REPOSITORY');
  const pr = prNumber();
  const dir = process.env.RUNNER_TEMP || tmpdir();
  const envFile = join(dir, 'sandbox-env.json');
  const logFile = join(dir, 'sandbox.log');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(ROOT, 'build', 'sandbox', 'src', 'cli.js'), '--repo', repository, '--pr', String(pr), '--write-env', envFile], {
    detached: true, stdio: ['ignore', out, out],
  });
  let exited: number | null = null;
  child.on('exit', (code) => { exited = code ?? -1; });
  // The CLI writes the file once it answers: wait for it, or for the CLI to give up.
  const until = Date.now() + 60_000;
  while (!existsSync(envFile)) {
    if (exited !== null) throw new Error(`the sandbox exited (${exited}) before it answered:\n${readFileSync(logFile, 'utf8')}`);
    if (Date.now() > until) throw new Error(`the sandbox did not answer within 60 s:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.unref();
  const env = JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>;
  const grant = async (job: Record<string, unknown>): Promise<string> => {
    const res = await fetch(`${env.AWS_ENDPOINT_URL}/_sandbox/oidc/grant`, { method: 'POST', body: JSON.stringify({ repository, ...job }) });
    if (!res.ok) throw new Error(`the sandbox refused an OIDC grant: ${res.status} ${await res.text()}`);
    return (await res.json() as { token: string }).token;
  };
  const previewToken = await grant({ event: 'pull_request', workflowFile: '.github/workflows/preview.yml', prNumber: pr });
  const teardownToken = await grant({ event: 'pull_request_target', workflowFile: '.github/workflows/destroy.yml', prNumber: pr });
  // Request tokens are credentials: masked in the log from here on.
  console.log(`::add-mask::${previewToken}`);
  console.log(`::add-mask::${teardownToken}`);
  appendFileSync(need('GITHUB_ENV'), [
    `AWS_ENDPOINT_URL=${env.AWS_ENDPOINT_URL}`,
    // aws-region is left out of the steps: the action takes it from AWS_REGION, as action.yml says.
    `AWS_REGION=${REGION}`,
    `SANDBOX_PID=${child.pid}`,
    '',
  ].join('\n'));
  appendFileSync(need('GITHUB_OUTPUT'), [
    `oidc-url=${env.ACTIONS_ID_TOKEN_REQUEST_URL}`,
    `preview-role=${env.SANDBOX_ROLE_ARN}`,
    `teardown-role=${env.SANDBOX_TEARDOWN_ROLE_ARN}`,
    `preview-token=${previewToken}`,
    `teardown-token=${teardownToken}`,
    `pr=${pr}`,
    '',
  ].join('\n'));
  console.log(`sandbox on ${env.AWS_ENDPOINT_URL} (pid ${child.pid}, log ${logFile}) for ${repository} PR #${pr}`);
}

function check(failures: string[], ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/** The step's outputs (OUTPUTS: toJSON(steps.<id>.outputs)) against the sandbox's state and the PR's comment. */
async function assertMode(mode: Mode): Promise<void> {
  const outputs = JSON.parse(need('OUTPUTS')) as Record<string, string>;
  const repository = need('GITHUB_REPOSITORY');
  const pr = prNumber();
  const environment = `pr-${pr}`;
  const state = await (await fetch(`${need('AWS_ENDPOINT_URL')}/_sandbox/state`)).json() as SandboxSnapshot;
  const f: string[] = [];
  const tagged = (tags: Record<string, string> | undefined) => tags?.['ecs-amp-action:repository'] === repository && tags?.['ecs-amp-action:environment'] === environment;
  const amp = state.ampWorkspaces.find((w) => tagged(w.tags));
  const grafana = state.grafanaWorkspaces.find((w) => w.tags?.['ecs-amp-action:repository'] === repository);
  const stack = state.stacks.find((s) => tagged(s.tags) && s.status !== 'DELETE_COMPLETE');
  // The environment's default comes from the runner's event payload; the region from AWS_REGION.
  check(f, outputs.environment === environment, `output environment is '${environment}' (got '${outputs.environment}')`);
  if (mode === 'provision') {
    check(f, amp?.status === 'ACTIVE' && amp.id === outputs['amp-workspace-id'] && amp.region === REGION, `AMP workspace ${outputs['amp-workspace-id']} is ACTIVE in ${REGION}, tagged for ${repository} ${environment}`);
    check(f, Boolean(amp && outputs['amp-endpoint']?.includes(amp.id) && outputs['amp-remote-write-url']?.endsWith('/api/v1/remote_write')), 'amp-endpoint and amp-remote-write-url name that workspace');
    check(f, grafana?.status === 'ACTIVE' && grafana.id === outputs['grafana-workspace-id'] && outputs['grafana-url'] === grafana.endpoint, `Grafana workspace ${outputs['grafana-workspace-id']} is ACTIVE at grafana-url`);
    // action.yml's default grafana-auth (AWS_SSO) and permissions-boundary reached the resources.
    check(f, grafana?.permissionType !== undefined && Boolean(grafana.roleArn), 'the Grafana workspace has the role the role stack made');
  }
  if (mode === 'deploy') {
    check(f, stack?.status === 'CREATE_COMPLETE' && stack.stackName === outputs['stack-name'] && stack.stackId === outputs['stack-id'], `stack ${outputs['stack-name']} is CREATE_COMPLETE and is stack-id`);
    check(f, Number(outputs['change-count']) > 0, `change-count > 0 (got ${outputs['change-count']})`);
    const params: Record<string, string> = stack?.parameters ?? {};
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    // Inputs the step leaves out arrive with action.yml's defaults, set by the runner.
    check(f, params.AppImage === action.inputs['app-image'].default && params.AdotImage === action.inputs['adot-image'].default && params.TaskCpu === action.inputs.cpu.default,
      `the stack got action.yml's defaults for app-image, adot-image and cpu (${params.AppImage}, ${params.AdotImage}, ${params.TaskCpu})`);
    check(f, Boolean(outputs['cluster-name'] && outputs['service-name']), 'cluster-name and service-name are set');
  }
  if (mode === 'dashboard') {
    const ds = grafana?.dataSources?.find((d: { name: string }) => d.name.includes(environment));
    check(f, Boolean(ds && amp && ds.url.includes(amp.id)), `the Grafana workspace has ${environment}'s data source on its AMP workspace`);
    check(f, (grafana?.dashboards ?? []).length > 0 && Boolean(outputs['dashboard-url']?.startsWith(grafana!.endpoint)), 'dashboards are imported and dashboard-url is on the workspace');
  }
  if (mode === 'destroy') {
    check(f, !amp, `no AMP workspace of ${environment} is left`);
    check(f, !stack, `no stack of ${environment} is left`);
    const removed = JSON.parse(outputs.removed ?? '[]') as { kind: string; status: string }[];
    check(f, removed.some((r) => r.kind === 'stack' && r.status === 'done'), 'output removed lists the stack');
  }
  // The sticky comment, through the API the runner names with the job's token (github-token's default).
  const api = need('GITHUB_API_URL');
  const res = await fetch(`${api}/repos/${repository}/issues/${pr}/comments?per_page=100`, { headers: { authorization: `Bearer ${need('GITHUB_TOKEN')}`, accept: 'application/vnd.github+json' } });
  const comments = res.ok ? await res.json() as { body: string }[] : [];
  const mine = comments.filter((c) => c.body.includes(`<!-- ecs-amp-action:comment environment=${environment} -->`));
  check(f, mine.length === 1, `one sticky comment for ${environment} on PR #${pr} (${res.status}, ${mine.length} found)`);
  check(f, mine.length === 1 && new RegExp(`\\b${mode}\\b`, 'i').test(mine[0].body), `the comment reports ${mode}`);
  if (f.length) throw new Error(`${mode}: ${f.length} check(s) failed`);
}

// ---------------------------------------------------------------------------------------------
// local: the job's steps, in order, from ci.yml, with what the runner would provide.

interface Step { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }

async function local(): Promise<void> {
  const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = workflow.jobs.runner.steps;
  const dir = mkdtempSync(join(tmpdir(), 'runner-check-'));
  const repository = 'acme/ecs-amp-action';
  const pr = 7;
  const eventPath = join(dir, 'event.json');
  // A pull_request synchronize payload (the fields the action reads) of a same-repository PR.
  writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', number: pr, pull_request: { number: pr, head: { ref: 'feature', repo: { full_name: repository, fork: false } }, base: { ref: 'main', repo: { full_name: repository } } }, repository: { full_name: repository } }));
  const github: Record<string, string> = {
    GITHUB_REPOSITORY: repository, GITHUB_REPOSITORY_OWNER: 'acme', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF_NAME: `${pr}/merge`, GITHUB_HEAD_REF: 'feature', GITHUB_RUN_ID: String(Date.now()), GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: dir,
  };
  let token = '';
  const jobEnv: Record<string, string> = {};
  const outputs: Record<string, Record<string, string>> = {};
  const expr = (text: string | undefined): string => String(text ?? '').replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, e: string) => {
    let m: RegExpExecArray | null;
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return outputs[m[1]]?.[m[2]] ?? '';
    if ((m = /^toJSON\(steps\.([\w-]+)\.outputs\)$/.exec(e))) return JSON.stringify(outputs[m[1]] ?? {});
    if ((m = /^env\.(\w+)$/.exec(e))) return jobEnv[m[1]] ?? '';
    if (e === 'github.token') return token;
    if (e === 'github.repository') return repository;
    throw new Error(`runner-check local: the expression '${e}' is not modelled`);
  });
  let sandboxPid: number | undefined;
  try {
    for (const step of steps) {
      const label = step.name ?? step.id ?? step.uses ?? step.run;
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v)]));
      if (step.uses === './') {
        console.log(`\n== ${label}: uses ./ (dist/index.js as the runner runs it)`);
        const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expr(v)]));
        // As the runner: the env context first, then the github context's GITHUB_* over it.
        const run = await runAction({ inputs, githubToken: token, env: { ...jobEnv, ...stepEnv, ...github }, event: JSON.parse(readFileSync(eventPath, 'utf8')), onOutput: (c) => process.stdout.write(c.replace(/^::(add-mask|debug)::.*\n?/gm, '')) });
        if (run.code !== 0) throw new Error(`${label} failed (${run.code})`);
        if (step.id) outputs[step.id] = run.outputs;
      } else if (step.run && step.run.includes('runner-check.js')) {
        console.log(`\n== ${label}: ${step.run.trim()}`);
        const files = { env: join(dir, `env-${step.id ?? 'x'}`), output: join(dir, `output-${step.id ?? 'x'}`) };
        writeFileSync(files.env, '');
        writeFileSync(files.output, '');
        const r = spawnSync('bash', ['-e', '-c', step.run], {
          cwd: ROOT, stdio: 'inherit',
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...jobEnv, ...stepEnv, ...github, GITHUB_ENV: files.env, GITHUB_OUTPUT: files.output },
        });
        if (r.status !== 0) throw new Error(`${label} failed (${r.status})`);
        Object.assign(jobEnv, parseOutputFile(readFileSync(files.env, 'utf8')));
        if (step.id) outputs[step.id] = parseOutputFile(readFileSync(files.output, 'utf8'));
        if (jobEnv.SANDBOX_PID) sandboxPid = Number(jobEnv.SANDBOX_PID);
        const served = join(dir, 'sandbox-env.json');
        if (!token && existsSync(served)) {
          // Here, the sandbox's GitHub stands in for the one the runner would name, with its write token as github.token.
          const env = JSON.parse(readFileSync(served, 'utf8')) as Record<string, string>;
          github.GITHUB_API_URL = env.GITHUB_API_URL;
          token = env.GITHUB_TOKEN;
        }
      } else {
        console.log(`\n== ${label}: skipped here (the runner's setup; this machine has it)`);
      }
    }
    console.log('\nThe runner job passed here.');
  } finally {
    if (sandboxPid) process.kill(sandboxPid, 'SIGTERM');
  }
}

async function main(): Promise<void> {
  const [command, mode] = process.argv.slice(2);
  if (command === 'start') return start();
  if (command === 'assert' && (MODES as readonly string[]).includes(mode)) return assertMode(mode as Mode);
  if (command === 'local') return local();
  throw new Error(`Usage: runner-check.js start | assert <${MODES.join('|')}> | local`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  });
}

