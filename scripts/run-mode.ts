/**
 * `npm run -s sandbox:run -- <mode> [input=value …]`: runs one mode of dist/index.js as the runner
 * would, against a sandbox started with `npm run sandbox:serve` (whose printed variables must be in
 * the environment). It writes the event file and the INPUT_* variables, and assumes the bootstrap
 * role the example workflows would: the preview role in a pull_request job for provision, deploy and
 * dashboard; the teardown role in the pull_request_target destroy or the scheduled cleanup.
 *   npm run -s sandbox:run -- deploy app-image=public.ecr.aws/acme/app:v2
 */
import { runAction } from '../sandbox/src/harness/run-action';

const MODES = ['provision', 'deploy', 'dashboard', 'destroy', 'cleanup'];
const NEEDED = ['AWS_ENDPOINT_URL', 'GITHUB_API_URL', 'GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'SANDBOX_ROLE_ARN', 'SANDBOX_TEARDOWN_ROLE_ARN', 'SANDBOX_PR'];

/** The job each mode runs in, as examples/workflows have it. */
function jobOf(mode: string, pr: number): { event: string; workflowFile: string; prNumber?: number } {
  if (mode === 'destroy') return { event: 'pull_request_target', workflowFile: '.github/workflows/destroy.yml', prNumber: pr };
  if (mode === 'cleanup') return { event: 'schedule', workflowFile: '.github/workflows/cleanup.yml' };
  return { event: 'pull_request', workflowFile: '.github/workflows/preview.yml', prNumber: pr };
}

export function parseRunArgs(argv: string[]): { mode: string; inputs: Record<string, string> } {
  const [mode, ...rest] = argv;
  if (!MODES.includes(mode)) throw new Error(`Usage: npm run -s sandbox:run -- <${MODES.join('|')}> [input=value …]`);
  const inputs: Record<string, string> = { mode };
  for (const arg of rest) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new Error(`'${arg}' is not input=value (e.g. app-image=public.ecr.aws/acme/app:v2)`);
    inputs[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  return { mode, inputs };
}

async function main(): Promise<void> {
  const { mode, inputs } = parseRunArgs(process.argv.slice(2));
  const missing = NEEDED.filter((n) => !process.env[n]);
  if (missing.length) throw new Error(`Missing ${missing.join(', ')}: start the sandbox with \`npm run sandbox:serve\` and run the export lines it prints in this shell.`);
  const env = process.env as Record<string, string>;
  const pr = Number(env.SANDBOX_PR);
  const job = jobOf(mode, pr);
  // The sandbox mints a request token for this job's OIDC claims (the runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN).
  const admin = `${env.AWS_ENDPOINT_URL}/_sandbox/oidc/grant`;
  const grant = await fetch(admin, { method: 'POST', body: JSON.stringify({ repository: env.GITHUB_REPOSITORY, ...job }) });
  if (!grant.ok) throw new Error(`The sandbox at ${env.AWS_ENDPOINT_URL} refused an OIDC grant: ${grant.status} ${await grant.text()}`);
  const { token } = await grant.json() as { token: string };
  const teardown = mode === 'destroy' || mode === 'cleanup';
  const [owner, repo] = env.GITHUB_REPOSITORY.split('/');
  const pull = { number: pr, head: { ref: `feature-${pr}`, repo: { full_name: env.GITHUB_REPOSITORY, fork: false } }, base: { ref: 'main', repo: { full_name: env.GITHUB_REPOSITORY } } };
  const run = await runAction({
    inputs: { 'role-to-assume': teardown ? env.SANDBOX_TEARDOWN_ROLE_ARN : env.SANDBOX_ROLE_ARN, ...inputs },
    githubToken: env.GITHUB_TOKEN,
    env: {
      AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL,
      AWS_REGION: env.AWS_REGION ?? 'eu-west-1',
      GITHUB_API_URL: env.GITHUB_API_URL,
      GITHUB_REPOSITORY: env.GITHUB_REPOSITORY,
      GITHUB_REPOSITORY_OWNER: owner,
      GITHUB_EVENT_NAME: job.event,
      GITHUB_REF_NAME: job.prNumber ? `${pr}/merge` : 'main',
      GITHUB_HEAD_REF: job.prNumber ? `feature-${pr}` : undefined,
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
    },
    event: job.prNumber ? { action: mode === 'destroy' ? 'closed' : 'synchronize', number: pr, pull_request: pull, repository: { full_name: `${owner}/${repo}` } } : {},
    onOutput: (chunk) => process.stdout.write(chunk.replace(/^::(add-mask|debug)::.*\n?/gm, '')),
  });
  console.log(`\nExit code ${run.code} after ${(run.durationMs / 1000).toFixed(1)} s.`);
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(22)} ${value}`);
  process.exitCode = run.code;
}

if (require.main === module) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  });
}
