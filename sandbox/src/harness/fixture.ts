import { parse, stringify } from 'yaml';
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
  /** The repository the workflow runs in (it must be among the sandbox's repositories); default REPOSITORY. */
  repository?: string;
  /**
   * Fire a workflow_run event instead: a run of the default branch triggered by another workflow's
   * run on `headBranch` at `headSha` of `headRepository` (a fork's, for a fork PR). `pullRequests`
   * are the PR numbers GitHub lists in workflow_run.pull_requests (it lists none for fork PRs).
   */
  workflowRun?: WorkflowRunEvent;
}

export interface WorkflowRunEvent {
  headRepository: string;
  headBranch: string;
  headSha: string;
  /** The triggering run's event; default pull_request. */
  event?: string;
  pullRequests?: number[];
}

export interface PreviewFixture {
  sandbox: Sandbox;
  githubToken: string;
  readOnlyToken: string;
  /** Opens a new PR in the sandbox's GitHub (in REPOSITORY unless told) and returns its number. */
  pullRequest(repository?: string): number;
  /** Opens a PR from a fork's branch (head in `headRepository`) and returns its number. */
  forkPullRequest(headRepository: string, headRef: string, headSha: string): number;
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

/**
 * A workflow_run event payload (webhook schema `workflow-run`): pull_requests entries name their
 * repositories by API URL (`repo-ref`: id, url, name), not full_name.
 */
function workflowRunPayload(wr: WorkflowRunEvent, repository: string, apiUrl: string): unknown {
  const repoRef = (full: string) => ({ id: 1, url: `${apiUrl}/repos/${full}`, name: full.split('/')[1] });
  return {
    action: 'completed',
    workflow_run: {
      event: wr.event ?? 'pull_request', head_branch: wr.headBranch, head_sha: wr.headSha, status: 'completed', conclusion: 'success',
      head_repository: { full_name: wr.headRepository, owner: { login: wr.headRepository.split('/')[0] } },
      repository: { full_name: repository },
      pull_requests: (wr.pullRequests ?? []).map((number) => ({
        id: number, number, url: `${apiUrl}/repos/${repository}/pulls/${number}`,
        head: { ref: wr.headBranch, sha: wr.headSha, repo: repoRef(wr.headRepository) },
        base: { ref: 'main', sha: '0'.repeat(40), repo: repoRef(repository) },
      })),
    },
  };
}

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
/**
 * The collector's timing shortened (scrapes and ECS collection every second, batches of 200 ms): with the
 * deployed 15 s scrapes and 10 s batches, every deploy's metrics-check would wait ~25 s for the first samples.
 * Only the timing changes; what the collector does with the samples is the action's configuration.
 */
export function quickCollector(raw: string): string {
  type Section = Record<string, Record<string, unknown> | undefined>;
  const config = parse(raw) as { receivers?: Section; processors?: Section };
  const scrape = (config.receivers?.prometheus?.config as { global?: Record<string, unknown> } | undefined)?.global;
  if (scrape) Object.assign(scrape, { scrape_interval: '1s', scrape_timeout: '1s' });
  if (config.receivers?.awsecscontainermetrics) config.receivers.awsecscontainermetrics.collection_interval = '1s';
  if (config.processors?.batch) config.processors.batch.timeout = '200ms';
  return stringify(config);
}

/**
 * A sandbox for the action's runs. Its tasks' collectors run on quickCollector's timing unless
 * `collectorAsDeployed` (tests of the deployed timing itself).
 */
export async function startFixture(options: SandboxOptions & { collectorAsDeployed?: boolean } = {}): Promise<PreviewFixture> {
  const sandbox = await startSandbox({ repositories: [REPOSITORY], ...options });
  if (!options.collectorAsDeployed) sandbox.runtime.setConfigTransform(quickCollector);
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
    pullRequest(repository = REPOSITORY) {
      const n = nextPr++;
      sandbox.github.addPullRequest(repository, n);
      return n;
    },
    forkPullRequest(headRepository, headRef, headSha) {
      const n = nextPr++;
      const [owner, repo] = REPOSITORY.split('/');
      sandbox.github.addPullRequest({ owner, repo, number: n, headRef, headRepository, headSha });
      return n;
    },
    closePullRequest(pr, merged = false) {
      const p = sandbox.github.pulls.get(`${REPOSITORY}#${pr}`);
      if (!p) throw new Error(`no pull request #${pr}`);
      Object.assign(p, { state: 'closed', merged, closedAt: new Date(), updatedAt: new Date() });
    },
    async run(inputs, as = {}) {
      const oidc = as.oidc ?? !as.roleToAssume;
      const repository = as.repository ?? REPOSITORY;
      const wr = as.workflowRun;
      // workflow_run jobs run on the default branch with their own workflow file.
      const job = { ...(wr ? { event: 'workflow_run', workflowFile: '.github/workflows/preview-fork.yml' } : jobFor(inputs.mode, as.pr)), ...as.job };
      const bootstrap = sandbox.bootstrap[repository];
      const role = as.role ?? (TEARDOWN_MODES.has(inputs.mode) ? 'teardown' : 'preview');
      const roleArn = role === 'preview' ? bootstrap.previewRoleArn : role === 'teardown' ? bootstrap.teardownRoleArn : role;
      const env: Record<string, string | undefined> = {
        GITHUB_REPOSITORY: repository,
        GITHUB_EVENT_NAME: wr ? 'workflow_run' : oidc ? job.event : as.pr !== undefined ? 'pull_request' : 'push',
        GITHUB_REF_NAME: as.pr !== undefined && !wr ? `${as.pr}/merge` : 'main',
        GITHUB_HEAD_REF: as.pr !== undefined && !wr ? `feature-${as.pr}` : '',
        GITHUB_RUN_ID: String(runId++),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: sandbox.githubApiUrl,
        AWS_ENDPOINT_URL: sandbox.url,
        // The preview's app is reached over the sandbox's internet; the sandbox's own endpoints directly.
        HTTP_PROXY: sandbox.appProxyUrl,
        NO_PROXY: '127.0.0.1,localhost',
        ...(oidc ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${sandbox.url}/_oidc/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.oidc.grant({ repository, ...job }),
        } : as.roleToAssume ? {} : {
          AWS_ACCESS_KEY_ID: STATIC_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: STATIC_CREDENTIALS.secretAccessKey,
        }),
        ...as.env,
      };
      const event = wr ? workflowRunPayload(wr, repository, sandbox.githubApiUrl) : as.pr === undefined ? { ref: 'refs/heads/main' } : {
        number: as.pr,
        pull_request: {
          number: as.pr,
          head: { ref: `feature-${as.pr}`, repo: { full_name: as.fork ? 'someone/shop' : repository, fork: Boolean(as.fork) } },
          base: { repo: { full_name: repository } },
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
      sandbox.setFaults({ throttleRate: 0, serverErrorRate: 0, latencyMs: 0, services: [], deny: [], grafanaAnswer: undefined });
      sandbox.github.setFault(undefined);
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
