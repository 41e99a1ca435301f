import { Sandbox, SandboxOptions, SandboxSnapshot, startSandbox } from '../http/server';
import { STATIC_CREDENTIALS } from '../models/credentials';
import { GITHUB_ROLE_ARN } from '../models/iam';
import { ActionRun, runAction } from './run-action';

export const REPOSITORY = 'acme/shop';
export const REGION = 'eu-west-1';

export interface RunAs {
  pr?: number;
  /** Assume the seeded role with an OIDC token (default: the static keys of the default chain). */
  oidc?: boolean;
  /** Set role-to-assume even without an OIDC token (a fork PR's situation). */
  roleToAssume?: boolean;
  /** The PR comes from a fork. */
  fork?: boolean;
  env?: Record<string, string | undefined>;
  onOutput?: (chunk: string) => void;
}

export interface PreviewFixture {
  sandbox: Sandbox;
  githubToken: string;
  readOnlyToken: string;
  /** Opens a new PR in the sandbox's GitHub and returns its number. */
  pullRequest(): number;
  /** Closes (or merges) a PR, as GitHub does when the author closes it. */
  closePullRequest(pr: number, merged?: boolean): void;
  run(inputs: Record<string, string>, as?: RunAs): Promise<ActionRun>;
  state(): SandboxSnapshot;
  comments(pr: number): string[];
  /** Every OIDC token and session credential the sandbox handed out. */
  issuedSecrets(): string[];
  setSsoEnabled(enabled: boolean): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A sandbox plus a GitHub repository with a workflow token, and a way to run dist/index.js in it
 * the way the runner does. Shared by the end-to-end tests and `npm run sandbox`.
 */
export async function startFixture(options: SandboxOptions = {}): Promise<PreviewFixture> {
  const sandbox = await startSandbox({ repositories: [REPOSITORY], ...options });
  const githubToken = sandbox.github.addToken('write');
  const readOnlyToken = sandbox.github.addToken('read');
  let nextPr = 100;
  let runId = 9000;

  return {
    sandbox,
    githubToken,
    readOnlyToken,
    pullRequest() {
      const n = nextPr++;
      sandbox.github.addPullRequest(REPOSITORY, n);
      return n;
    },
    closePullRequest(pr, merged = false) {
      const p = sandbox.github.pulls.get(`${REPOSITORY}#${pr}`);
      if (!p) throw new Error(`no pull request #${pr}`);
      Object.assign(p, { state: 'closed', merged, closedAt: new Date(), updatedAt: new Date() });
    },
    async run(inputs, as = {}) {
      const env: Record<string, string | undefined> = {
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_EVENT_NAME: as.pr !== undefined ? 'pull_request' : 'push',
        GITHUB_REF_NAME: as.pr !== undefined ? `${as.pr}/merge` : 'main',
        GITHUB_HEAD_REF: as.pr !== undefined ? `feature-${as.pr}` : '',
        GITHUB_RUN_ID: String(runId++),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: sandbox.githubApiUrl,
        AWS_ENDPOINT_URL: sandbox.url,
        ...(as.oidc ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${sandbox.url}/_oidc/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.oidc.grant(REPOSITORY),
        } : as.roleToAssume ? {} : {
          AWS_ACCESS_KEY_ID: STATIC_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: STATIC_CREDENTIALS.secretAccessKey,
        }),
        ...as.env,
      };
      const event = as.pr === undefined ? { ref: 'refs/heads/main' } : {
        number: as.pr,
        pull_request: {
          number: as.pr,
          head: { ref: `feature-${as.pr}`, repo: { full_name: as.fork ? 'someone/shop' : REPOSITORY, fork: Boolean(as.fork) } },
          base: { repo: { full_name: REPOSITORY } },
        },
      };
      const withRole: Record<string, string> = as.oidc || as.roleToAssume ? { 'role-to-assume': GITHUB_ROLE_ARN } : {};
      return runAction({ inputs: { 'aws-region': REGION, ...withRole, ...inputs }, env, event, githubToken, onOutput: as.onOutput });
    },
    state: () => sandbox.state(),
    comments: (pr) => sandbox.github.commentsOn(REPOSITORY, pr).map((c) => c.body),
    issuedSecrets: () => [
      ...sandbox.oidc.issued,
      ...sandbox.credentials.sessions().flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken!]),
    ],
    setSsoEnabled: (enabled) => sandbox.setSsoEnabled(enabled),
    reset() {
      sandbox.clearLog();
      sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [], deny: [] });
      sandbox.setSsoEnabled(true);
    },
    close: () => sandbox.close(),
  };
}
