import { Sandbox, SandboxOptions, SandboxSnapshot, startSandbox } from '../http/server';
import { STATIC_CREDENTIALS } from '../models/credentials';
import { ManifestCheck, ManifestViolation } from '../iam/manifest-check';
import { OidcJob } from '../models/oidc';
import { ActionRun, runAction } from './run-action';

export const REPOSITORY = 'acme/shop';
export const REGION = 'eu-west-1';

export interface RunAs {
  pr?: number;
  /**
   * How the step gets AWS credentials. Default: the mode's bootstrap role (preview for provision,
   * deploy and dashboard; teardown for destroy and cleanup) with the OIDC token of the job the
   * example workflows run it in, so every run is held to the bootstrap template's policies.
   * false: the static keys of an IAM user with AdministratorAccess (the default credential chain).
   */
  oidc?: boolean;
  /** The OIDC token's job, over the mode's default (e.g. a branch push that should be refused). */
  job?: Partial<OidcJob>;
  /** role-to-assume: 'preview', 'teardown' or an ARN; default the mode's. */
  role?: 'preview' | 'teardown' | string;
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
  /** Every OIDC token and session credential the sandbox handed out since the last reset(). */
  issuedSecrets(): string[];
  setSsoEnabled(enabled: boolean): void;
  /** Requests IAM allowed in a run that its mode's permission manifest would not (close() fails on any). */
  manifestViolations(): ManifestViolation[];
  reset(): void;
  close(): Promise<void>;
}

const TEARDOWN_MODES = new Set(['destroy', 'cleanup']);

/** The job each mode runs in, as examples/workflows have it: what GitHub puts in the OIDC token. */
function jobFor(mode: string | undefined, pr: number | undefined): Omit<OidcJob, 'repository'> & { event: string } {
  if (mode === 'destroy') return { event: 'pull_request_target', workflowFile: '.github/workflows/destroy.yml', prNumber: pr };
  if (mode === 'cleanup') return { event: 'schedule', workflowFile: '.github/workflows/cleanup.yml' };
  return pr === undefined ? { event: 'push', workflowFile: '.github/workflows/preview.yml' } : { event: 'pull_request', workflowFile: '.github/workflows/preview.yml', prNumber: pr };
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
  let issuedMark = { tokens: 0, sessions: 0 };
  const manifest = new ManifestCheck();
  const manifestViolations: ManifestViolation[] = [];
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
      const oidc = as.oidc ?? !as.roleToAssume;
      const job = { ...jobFor(inputs.mode, as.pr), ...as.job };
      const bootstrap = sandbox.bootstrap[REPOSITORY];
      const role = as.role ?? (TEARDOWN_MODES.has(inputs.mode) ? 'teardown' : 'preview');
      const roleArn = role === 'preview' ? bootstrap.previewRoleArn : role === 'teardown' ? bootstrap.teardownRoleArn : role;
      const env: Record<string, string | undefined> = {
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_EVENT_NAME: oidc ? job.event : as.pr !== undefined ? 'pull_request' : 'push',
        GITHUB_REF_NAME: as.pr !== undefined ? `${as.pr}/merge` : 'main',
        GITHUB_HEAD_REF: as.pr !== undefined ? `feature-${as.pr}` : '',
        GITHUB_RUN_ID: String(runId++),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: sandbox.githubApiUrl,
        AWS_ENDPOINT_URL: sandbox.url,
        ...(oidc ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${sandbox.url}/_oidc/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.oidc.grant({ repository: REPOSITORY, ...job }),
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
      // A session name per run tells this run's IAM decisions from a concurrent run's.
      const session = `run-${env.GITHUB_RUN_ID}`;
      const withRole: Record<string, string> = oidc || as.roleToAssume ? { 'role-to-assume': roleArn, 'role-session-name': session } : {};
      const firstSeq = (sandbox.authorizations.at(-1)?.seq ?? 0) + 1;
      const run = await runAction({ inputs: { 'aws-region': REGION, ...withRole, ...inputs }, env, event, githubToken, onOutput: as.onOutput });
      const mine = sandbox.authorizations.filter((r) => (oidc ? r.principal.endsWith(`/${session}`) : r.seq >= firstSeq && !r.principal.includes(':assumed-role/')));
      manifestViolations.push(...await manifest.violations(inputs.mode ?? '', mine));
      return run;
    },
    state: () => sandbox.state(),
    comments: (pr) => sandbox.github.commentsOn(REPOSITORY, pr).map((c) => c.body),
    issuedSecrets: () => [
      ...sandbox.oidc.issued.slice(issuedMark.tokens),
      ...sandbox.credentials.sessions().slice(issuedMark.sessions).flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken!]),
    ],
    setSsoEnabled: (enabled) => sandbox.setSsoEnabled(enabled),
    reset() {
      issuedMark = { tokens: sandbox.oidc.issued.length, sessions: sandbox.credentials.sessions().length };
      sandbox.clearLog();
      sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [], deny: [] });
      sandbox.setSsoEnabled(true);
    },
    manifestViolations: () => manifestViolations,
    async close() {
      await sandbox.close();
      // Every run of the file, held to its mode's manifest: a call the manifest lacks fails the file.
      if (manifestViolations.length > 0) throw new Error(`The permission manifest lacks what these runs did:\n${JSON.stringify(manifestViolations, null, 1)}`);
    },
  };
}
