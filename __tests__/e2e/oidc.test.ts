import { PreviewFixture, REGION, REPOSITORY, startFixture } from '../../sandbox/src/harness/fixture';
import { ActionRun, runAction } from '../../sandbox/src/harness/run-action';
import { GITHUB_ROLE_ARN, OIDC_ISSUER_HOST } from '../../sandbox/src/models/iam';
import { OidcJob } from '../../sandbox/src/models/oidc';
import { ok } from './support';

let fx: PreviewFixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${OIDC_ISSUER_HOST}`;
let roles = 0;

/** A role in the sandbox's account whose trust policy admits only tokens meeting `condition`. */
function roleTrusting(condition: Record<string, Record<string, string>>): { arn: string; setCondition(c: Record<string, Record<string, string>>): void } {
  const name = `e2e-oidc-${++roles}`;
  const arn = `arn:aws:iam::123456789012:role/${name}`;
  const trust = (c: Record<string, Record<string, string>>) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: c }],
  });
  fx.sandbox.iam.roles.set(name, {
    roleName: name, arn, roleId: `AROAE2EOIDC${roles}`, path: '/', policies: {}, managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    tags: {}, createdAt: new Date(), maxSessionDuration: 3600, assumeRolePolicyDocument: trust(condition),
  });
  return { arn, setCondition: (c) => { fx.sandbox.iam.roles.get(name)!.assumeRolePolicyDocument = trust(c); } };
}

/** Runs dist/index.js as the runner does for `job`, with an OIDC token GitHub would mint for it. */
function runAs(job: Omit<OidcJob, 'repository'> & { prNumber: number }, inputs: Record<string, string>): Promise<ActionRun> {
  const event = job.event ?? 'pull_request';
  return runAction({
    inputs: { 'aws-region': REGION, mode: 'provision', grafana: 'false', ...inputs },
    githubToken: fx.githubToken,
    env: {
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: event,
      GITHUB_REF_NAME: event === 'pull_request' ? `${job.prNumber}/merge` : 'main',
      GITHUB_HEAD_REF: `feature-${job.prNumber}`,
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: fx.sandbox.githubApiUrl,
      AWS_ENDPOINT_URL: fx.sandbox.url,
      ACTIONS_ID_TOKEN_REQUEST_URL: fx.sandbox.oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.sandbox.oidc.grant({ ...job, repository: REPOSITORY }),
    },
    event: {
      number: job.prNumber,
      pull_request: { number: job.prNumber, head: { ref: `feature-${job.prNumber}`, repo: { full_name: REPOSITORY, fork: false } }, base: { repo: { full_name: REPOSITORY } } },
    },
  });
}

const exchanges = () => fx.sandbox.log.filter((e) => e.operation === 'AssumeRoleWithWebIdentity');

/** No JWT the sandbox minted appears anywhere but in the ::add-mask:: commands that hide it. */
function expectNoTokenPrinted(run: ActionRun) {
  const visible = run.log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  expect(fx.sandbox.oidc.issued.length).toBeGreaterThan(0);
  for (const jwt of fx.sandbox.oidc.issued) {
    expect(visible).not.toContain(jwt);
    expect(visible).not.toContain(jwt.split('.')[2]);
  }
}

describe('a trust policy that rejects the token', () => {
  it.each([
    ['pull_request', 'repo:acme/shop:pull_request', 'refs/pull/PR/merge'],
    ['pull_request_target', 'repo:acme/shop:ref:refs/heads/main', 'refs/heads/main'],
  ])('%s: one ::error:: with the claims and a condition that, pasted into the policy, admits the run', async (event, sub, refPattern) => {
    const pr = fx.pullRequest();
    const role = roleTrusting({ StringEquals: { [`${OIDC_ISSUER_HOST}:aud`]: 'sts.amazonaws.com', [`${OIDC_ISSUER_HOST}:sub`]: 'repo:acme/shop:environment:preview' } });
    const job = { event, prNumber: pr, workflowFile: '.github/workflows/preview.yml' };
    const run = await runAs(job, { 'role-to-assume': role.arn });

    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    const error = run.errors[0];
    const ref = refPattern.replace('PR', String(pr));
    expect(error).toContain(`Assuming ${role.arn} with the GitHub OIDC token failed: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`);
    expect(error).toContain(`sub: ${sub}`);
    expect(error).toContain('aud: sts.amazonaws.com');
    expect(error).toContain(`ref: ${ref}`);
    expect(error).toContain(`event_name: ${event}`);
    expect(error).toContain(`job_workflow_ref: acme/shop/.github/workflows/preview.yml@${ref}`);
    expect(error).toContain('"StringEquals": {');
    expect(error).toContain(`"${OIDC_ISSUER_HOST}:sub": "${sub}"`);
    expect(error).toContain(`"${OIDC_ISSUER_HOST}:aud": "sts.amazonaws.com"`);
    expect(error).toMatch(/\nFix: The trust policy of arn:aws:iam::123456789012:role\/e2e-oidc-\d+ must allow/);
    expectNoTokenPrinted(run);
    // A denial is final: no retry, nothing created.
    expect(exchanges()).toHaveLength(1);
    expect(fx.sandbox.log.filter((e) => e.service === 'aps')).toEqual([]);

    // The condition the error printed is the fix.
    const printed = JSON.parse(/Condition that admits this run:\n([\s\S]*?\n {2}\})\n/.exec(error)![1]) as Record<string, Record<string, string>>;
    role.setCondition(printed);
    ok(await runAs(job, { 'role-to-assume': role.arn }));
  });

  it('names the environment when the job has one', async () => {
    const pr = fx.pullRequest();
    const role = roleTrusting({ StringEquals: { [`${OIDC_ISSUER_HOST}:sub`]: 'repo:acme/shop:environment:production' } });
    const run = await runAs({ event: 'pull_request', prNumber: pr, environment: 'preview' }, { 'role-to-assume': role.arn });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('sub: repo:acme/shop:environment:preview');
    expect(run.errors[0]).toContain('environment: preview');
    expect(run.errors[0]).toContain(`"${OIDC_ISSUER_HOST}:sub": "repo:acme/shop:environment:preview"`);
    expectNoTokenPrinted(run);
  });
});

describe('transient STS failures', () => {
  it('retries "Couldn\'t retrieve verification key" and succeeds on the third exchange', async () => {
    const pr = fx.pullRequest();
    fx.sandbox.oidc.failKeyRetrieval(2);
    const run = ok(await runAs({ event: 'pull_request', prNumber: pr }, { 'role-to-assume': GITHUB_ROLE_ARN }));
    expect(exchanges().map((e) => [e.status, e.errorCode])).toEqual([[400, 'InvalidIdentityToken'], [400, 'InvalidIdentityToken'], [200, undefined]]);
    expect(run.log.match(/could not fetch GitHub's OIDC signing keys/g)).toHaveLength(2);
    expect(run.errors).toEqual([]);
    expect(run.outputs['amp-workspace-id']).toMatch(/^ws-/);
    expectNoTokenPrinted(run);
  });
});

describe('no credentials at all', () => {
  it('without role-to-assume or keys, the SDK error gets the Fix line', async () => {
    const pr = fx.pullRequest();
    const run = await runAction({
      inputs: { 'aws-region': REGION, mode: 'provision', grafana: 'false' },
      githubToken: fx.githubToken,
      env: {
        GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF_NAME: `${pr}/merge`, GITHUB_HEAD_REF: `feature-${pr}`,
        GITHUB_RUN_ID: '4243', GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: fx.sandbox.githubApiUrl, AWS_ENDPOINT_URL: fx.sandbox.url,
      },
      event: { number: pr, pull_request: { number: pr, head: { ref: `feature-${pr}`, repo: { full_name: REPOSITORY, fork: false } }, base: { repo: { full_name: REPOSITORY } } } },
    });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Could not load credentials from any providers');
    expect(run.errors[0]).toMatch(/\nFix: The step has no AWS credentials: set role-to-assume \(and give the job `permissions: id-token: write`\), or run aws-actions\/configure-aws-credentials before this step\./);
    expect(fx.sandbox.log.filter((e) => e.service !== 'github')).toEqual([]);
  });
});
