import { createHash, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { OIDC_ISSUER_HOST } from './iam';

export const OIDC_ISSUER = `https://${OIDC_ISSUER_HOST}`;
/** GitHub's ID tokens live five minutes. */
const TOKEN_LIFETIME_S = 300;
const KEY_ID = 'sandbox-oidc-1';

/**
 * The job a request token is granted to, as far as GitHub's OIDC claims describe it. Facts behind
 * the defaults (GitHub docs, "OpenID Connect reference" and "Events that trigger workflows",
 * docs.github.com/en/actions/reference/security/oidc and …/workflows-and-actions/events-that-trigger-workflows):
 * - `sub` is `repo:O/R:environment:E` when the job names an environment; otherwise
 *   `repo:O/R:pull_request` for `pull_request` events, otherwise `repo:O/R:ref:<GITHUB_REF>`.
 *   A `:` inside a value becomes `%3A`.
 * - `pull_request_target`, `schedule` and `workflow_run` run on the default branch: GITHUB_REF is
 *   `refs/heads/<default>`, so their `sub` is `repo:O/R:ref:refs/heads/<default>`, not
 *   `…:pull_request` (also seen in working trust policies: DataDog's octo-sts policy pairs
 *   event_name pull_request_target with `sub` `repo:…:ref:refs/heads/main`; kyma-project/test-infra#9976
 *   shows a pull_request_target token's ref at refs/heads/main). Their `job_workflow_ref` is the
 *   default branch's copy of the workflow.
 * - `workflow_dispatch` runs on the branch or tag it was dispatched to.
 * - `pull_request` runs on `refs/pull/N/merge` (`ref` claim), with head_ref/base_ref set.
 * - Repositories with immutable subject claims (default for repositories created after
 *   2026-07-15, opt-in before) put the ids in the repo segment: `repo:O@<ownerId>/R@<repoId>:…`.
 * - Every custom claim is a string (ids too), and `aud` defaults to `https://github.com/<owner>`.
 */
export interface OidcJob {
  /** owner/name */
  repository: string;
  /** event_name; default pull_request. */
  event?: string;
  /** GITHUB_REF; default from the event (see above). */
  ref?: string;
  /** Default main. */
  defaultBranch?: string;
  /** The job's `environment:`, which then decides the subject. */
  environment?: string;
  /** Path of the workflow file; default .github/workflows/preview.yml. */
  workflowFile?: string;
  /** The workflow's name: claim; default the file's base name. */
  workflowName?: string;
  /** A reusable workflow the job calls, e.g. `org/infra/.github/workflows/deploy.yml@refs/heads/main`. */
  jobWorkflowRef?: string;
  /** The PR number behind pull_request refs; default 1. */
  prNumber?: number;
  /** The PR's head branch (head_ref); default feature-<prNumber>. */
  headRef?: string;
  ownerId?: number;
  repositoryId?: number;
  /** The repository uses GitHub's immutable, id-based subject (`repo:O@id/R@id:…`). */
  immutableSubject?: boolean;
  actor?: string;
  runId?: number;
  /** Replaces the computed `sub` (a customized subject template, or an odd test case). */
  subject?: string;
}

export type OidcVerdict =
  | { claims: Record<string, unknown> }
  | { error: 'invalid' | 'expired' | 'key-unavailable'; message: string };

/**
 * GitHub's OIDC token service as a job sees it: a request token (ACTIONS_ID_TOKEN_REQUEST_TOKEN)
 * buys RS256-signed JWTs for any audience. STS verifies them with the public key.
 */
export class OidcIssuer {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  private readonly grants = new Map<string, Record<string, unknown>>();
  private keyOutages = 0;
  /** Every JWT handed out, so tests can check none of them is ever printed. */
  readonly issued: string[] = [];

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = createPublicKey(pair.publicKey.export({ format: 'pem', type: 'spki' }));
  }

  /**
   * A request token for ACTIONS_ID_TOKEN_REQUEST_TOKEN, as the runner gives a job. Either the job
   * described in full, or the older forms: a job of `repository` triggered by `event`, with
   * `subject` overriding the `sub` claim (e.g. repo:o/r:environment:prod).
   */
  grant(job: OidcJob): string;
  grant(repository: string, event?: string, subject?: string): string;
  grant(jobOrRepository: OidcJob | string, event?: string, subject?: string): string {
    const job: OidcJob = typeof jobOrRepository === 'string'
      ? { repository: jobOrRepository, event, subject }
      : jobOrRepository;
    const token = `ghrt_${randomBytes(24).toString('hex')}`;
    this.grants.set(token, githubClaims(job));
    return token;
  }

  /**
   * The next `count` verifications fail as when STS cannot fetch the issuer's JWKS: the transient
   * InvalidIdentityToken that clients such as configure-aws-credentials retry.
   */
  failKeyRetrieval(count = 1): void {
    this.keyOutages = count;
  }

  /** Answers GET /_oidc/token?audience=…; undefined when the bearer token is unknown. */
  mint(requestToken: string, audience: string | undefined): string | undefined {
    const claims = this.grants.get(requestToken);
    if (!claims) return undefined;
    const now = Math.floor(Date.now() / 1000);
    const jwt = this.sign({
      jti: randomBytes(16).toString('hex'),
      ...claims,
      aud: audience ?? `https://github.com/${String(claims.repository_owner)}`,
      iss: OIDC_ISSUER, iat: now, nbf: now - 5, exp: now + TOKEN_LIFETIME_S,
    });
    this.issued.push(jwt);
    return jwt;
  }

  /** Signs arbitrary claims with the issuer's key: for tests that need an expired or odd token. */
  sign(claims: Record<string, unknown>): string {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** Verified claims, or the reason the token is unacceptable. Audience and issuer trust are STS's business. */
  verify(jwt: string): OidcVerdict {
    if (this.keyOutages > 0) {
      this.keyOutages--;
      return { error: 'key-unavailable', message: "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements" };
    }
    const parts = jwt.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return invalid('The web identity token is not a well-formed JWT.');
    const header = parseJson(parts[0]);
    const claims = parseJson(parts[1]);
    if (!header || !claims) return invalid('The web identity token is not a well-formed JWT.');
    // Only the algorithm the issuer uses; "none" or HS256 with the public key as secret are classic forgeries.
    if (header.alg !== 'RS256' || header.kid !== KEY_ID) return invalid('The web identity token was not signed with a key of the identity provider.');
    const ok = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, Buffer.from(parts[2], 'base64url'));
    if (!ok) return invalid('The web identity token signature could not be verified.');
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return invalid('The web identity token lacks exp or iat.');
    if (claims.exp <= now) return { error: 'expired', message: 'Token expired: current date/time must be before the expiration date/time.' };
    if (typeof claims.nbf === 'number' && claims.nbf > now + 60) return invalid('The web identity token is not valid yet (nbf).');
    return { claims };
  }
}

/** Events that run on the PR's merge ref and get the `pull_request` subject. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/** The claims GitHub puts in every token it mints for `job` (all but iss/aud/iat/nbf/exp/jti). */
export function githubClaims(job: OidcJob): Record<string, unknown> {
  const event = job.event ?? 'pull_request';
  const [owner, name] = job.repository.split('/');
  const defaultBranch = job.defaultBranch ?? 'main';
  const pr = job.prNumber ?? 1;
  const isPull = PULL_REQUEST_EVENTS.has(event);
  const ref = job.ref ?? (isPull ? `refs/pull/${pr}/merge` : `refs/heads/${defaultBranch}`);
  const onPr = isPull || event === 'pull_request_target';
  const ownerId = job.ownerId ?? stableId(owner, 1_000_000);
  const repositoryId = job.repositoryId ?? stableId(job.repository, 100_000_000);
  const workflowFile = job.workflowFile ?? '.github/workflows/preview.yml';
  const workflowRef = `${job.repository}/${workflowFile}@${ref}`;
  const repo = job.immutableSubject ? `${owner}@${ownerId}/${name}@${repositoryId}` : job.repository;
  // GitHub's docs: "The subject claim includes the pull_request string when the workflow is triggered by a pull request event".
  const context = job.environment !== undefined ? `environment:${escapeColons(job.environment)}`
    : isPull ? 'pull_request'
      : `ref:${escapeColons(ref)}`;
  const sha = createHash('sha1').update(`${job.repository}@${ref}`).digest('hex');
  const claims: Record<string, unknown> = {
    sub: job.subject ?? `repo:${repo}:${context}`,
    ref,
    sha,
    repository: job.repository,
    repository_owner: owner,
    repository_owner_id: String(ownerId),
    repository_id: String(repositoryId),
    repository_visibility: 'private',
    run_id: String(job.runId ?? 9000),
    run_number: '1',
    run_attempt: '1',
    actor: job.actor ?? 'octocat',
    actor_id: String(stableId(job.actor ?? 'octocat', 10_000_000)),
    workflow: job.workflowName ?? workflowFile.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
    head_ref: onPr ? job.headRef ?? `feature-${pr}` : '',
    base_ref: onPr ? defaultBranch : '',
    event_name: event,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: job.jobWorkflowRef ?? workflowRef,
    job_workflow_sha: sha,
    runner_environment: 'github-hosted',
  };
  if (job.environment !== undefined) claims.environment = job.environment;
  return claims;
}

function escapeColons(value: string): string {
  return value.replace(/:/g, '%3A');
}

/** A deterministic numeric id for a name, like GitHub's (which never change for an account or repository). */
function stableId(name: string, floor: number): number {
  return floor + (createHash('sha256').update(name).digest().readUInt32BE(0) % (floor * 9));
}

function invalid(message: string): OidcVerdict {
  return { error: 'invalid', message };
}

function parseJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
