/**
 * `node build/sandbox/src/cli.js [--port N] [--repo owner/name] [--pr N] [--write-env PATH]`: runs the
 * sandbox on its own and prints the environment a client (the action, the AWS CLI, a shell) needs
 * to talk to it. `--write-env` (not --env-file, which Node 20 takes for its own even after the script) also writes that environment as JSON to PATH once the sandbox answers
 * (renamed into place, so a process that waits for the file never reads half of it): what a script
 * that starts it in the background waits for. Stops on SIGINT / SIGTERM.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { STATIC_CREDENTIALS } from './models/credentials';
import { DEFAULT_REPOSITORIES, Sandbox, startSandbox } from './http/server';

export interface CliOptions {
  port?: number;
  repository: string;
  pullRequest: number;
  envFile?: string;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { repository: DEFAULT_REPOSITORIES[0], pullRequest: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value = ''] = [argv[i], argv[i + 1]];
    if (flag === '--port' && /^\d+$/.test(value) && Number(value) < 65536) options.port = Number(value);
    else if (flag === '--repo' && /^[\w.-]+\/[\w.-]+$/.test(value)) options.repository = value;
    else if (flag === '--pr' && /^[1-9]\d*$/.test(value)) options.pullRequest = Number(value);
    else if (flag === '--write-env' && value && !value.startsWith('--')) options.envFile = value;
    else throw new Error(`unknown or invalid argument '${flag}'. Usage: cli.js [--port N] [--repo owner/name] [--pr N] [--write-env PATH]`);
  }
  return options;
}

/**
 * Seeds what a workflow run of `repository` has (an open PR, a write token, an OIDC request token)
 * and returns the variables that point a client at the sandbox.
 */
export function clientEnvironment(sandbox: Sandbox, options: CliOptions): Record<string, string> {
  const [owner, repo] = options.repository.split('/');
  if (!sandbox.github.pulls.has(`${options.repository}#${options.pullRequest}`)) {
    sandbox.github.addPullRequest({ owner, repo, number: options.pullRequest });
  }
  return {
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: STATIC_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STATIC_CREDENTIALS.secretAccessKey,
    GITHUB_API_URL: sandbox.githubApiUrl,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_TOKEN: sandbox.github.addToken('write'),
    ACTIONS_ID_TOKEN_REQUEST_URL: sandbox.oidcRequestUrl,
    // A pull_request job's token: it may assume the bootstrap template's preview role.
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.oidc.grant({ repository: options.repository, event: 'pull_request', prNumber: options.pullRequest }),
    SANDBOX_ROLE_ARN: sandbox.bootstrap[options.repository].previewRoleArn,
    SANDBOX_TEARDOWN_ROLE_ARN: sandbox.bootstrap[options.repository].teardownRoleArn,
    SANDBOX_PR: String(options.pullRequest),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({
    port: options.port,
    repositories: [options.repository],
    // Realistic-but-short: long enough to watch states change, short enough for a demo.
    latencies: { ampCreate: 2000, ampDelete: 1000, grafanaCreate: 6000, grafanaDelete: 2000, grafanaUpdate: 1000 },
  });
  const env = clientEnvironment(sandbox, options);
  console.log(`# AWS sandbox on ${sandbox.url} (admin: ${sandbox.url}/_sandbox/state, /_sandbox/log, PUT /_sandbox/faults)`);
  console.log(`# pull request #${options.pullRequest} is open in ${options.repository}; role for OIDC (the bootstrap template's preview role): ${sandbox.bootstrap[options.repository].previewRoleArn}`);
  for (const [name, value] of Object.entries(env)) console.log(`export ${name}='${value}'`);
  console.log('# then, in a shell with these variables: npm run -s sandbox:run -- provision (or deploy, dashboard, destroy, cleanup) [input=value …]');
  if (options.envFile) {
    writeFileSync(`${options.envFile}.partial`, `${JSON.stringify(env, null, 1)}\n`, { mode: 0o600 });
    renameSync(`${options.envFile}.partial`, options.envFile);
  }
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  });
}
