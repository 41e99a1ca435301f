import { conditionKeyPrefix, decodeTokenClaims, describeTokenClaims, explainWebIdentityDenial, matchingTrustCondition } from '../../src/aws/oidc-claims';

const jwtOf = (claims: unknown, header: unknown = { alg: 'RS256', typ: 'JWT' }) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;

const PR_CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', sub: 'repo:acme/shop:pull_request',
  ref: 'refs/pull/7/merge', event_name: 'pull_request', job_workflow_ref: 'acme/shop/.github/workflows/preview.yml@refs/pull/7/merge',
  repository: 'acme/shop', head_ref: 'feature-7', base_ref: 'main',
};

describe('decodeTokenClaims', () => {
  it('reads the payload of a JWT without verifying it', () => {
    expect(decodeTokenClaims(jwtOf(PR_CLAIMS))).toEqual(PR_CLAIMS);
  });

  it('keeps non-ASCII values intact (base64url of UTF-8)', () => {
    expect(decodeTokenClaims(jwtOf({ sub: 'repo:acme/shop:environment:prödüction' }))?.sub).toBe('repo:acme/shop:environment:prödüction');
  });

  it.each([
    ['no dots', 'not-a-jwt'],
    ['a payload that is not base64url', 'aGVhZGVy.***.c2ln'],
    ['a payload that is not JSON', `aGVhZGVy.${Buffer.from('{nope').toString('base64url')}.c2ln`],
    ['a payload that is a JSON array', `aGVhZGVy.${Buffer.from('[1,2]').toString('base64url')}.c2ln`],
    ['an empty string', ''],
  ])('answers undefined for %s', (_what, token) => {
    expect(decodeTokenClaims(token)).toBeUndefined();
  });
});

describe('describeTokenClaims', () => {
  it('lists sub, aud, ref and event_name, then job_workflow_ref and environment when present', () => {
    expect(describeTokenClaims(PR_CLAIMS)).toBe([
      '  sub: repo:acme/shop:pull_request',
      '  aud: sts.amazonaws.com',
      '  ref: refs/pull/7/merge',
      '  event_name: pull_request',
      '  job_workflow_ref: acme/shop/.github/workflows/preview.yml@refs/pull/7/merge',
    ].join('\n'));
    const withEnvironment = describeTokenClaims({ ...PR_CLAIMS, sub: 'repo:acme/shop:environment:prod', environment: 'prod' });
    expect(withEnvironment).toContain('  environment: prod');
    expect(withEnvironment.split('\n').map((l) => l.trim().split(':')[0])).toEqual(['sub', 'aud', 'ref', 'event_name', 'job_workflow_ref', 'environment']);
  });

  it('says (none) for a missing essential claim and joins a multi-valued aud', () => {
    const text = describeTokenClaims({ sub: 'repo:acme/shop:ref:refs/heads/main', aud: ['sts.amazonaws.com', 'https://github.com/acme'] });
    expect(text).toContain('  aud: sts.amazonaws.com, https://github.com/acme');
    expect(text).toContain('  ref: (none)');
    expect(text).toContain('  event_name: (none)');
    expect(text).not.toContain('environment');
  });
});

describe('matchingTrustCondition', () => {
  it("is StringEquals on this run's aud and sub, under the issuer's condition-key prefix", () => {
    expect(matchingTrustCondition(PR_CLAIMS, 'sts.amazonaws.com')).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:acme/shop:pull_request',
      },
    });
  });

  it('keeps the immutable id-based subject as GitHub minted it', () => {
    const sub = 'repo:acme@1234/shop@5678:ref:refs/heads/main';
    expect(matchingTrustCondition({ ...PR_CLAIMS, sub }).StringEquals['token.actions.githubusercontent.com:sub']).toBe(sub);
  });

  it('uses an enterprise issuer path and the requested audience', () => {
    const claims = { ...PR_CLAIMS, iss: 'https://token.actions.githubusercontent.com/acme-corp' };
    expect(conditionKeyPrefix(claims)).toBe('token.actions.githubusercontent.com/acme-corp');
    expect(matchingTrustCondition(claims, 'custom-aud')).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com/acme-corp:aud': 'custom-aud',
        'token.actions.githubusercontent.com/acme-corp:sub': 'repo:acme/shop:pull_request',
      },
    });
  });
});

describe('explainWebIdentityDenial', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/preview';

  it('names the claims, the role and a pasteable condition for a trust denial', () => {
    const { details, fix } = explainWebIdentityDenial('trust', ROLE, PR_CLAIMS, 'sts.amazonaws.com');
    expect(details).toContain('sub: repo:acme/shop:pull_request');
    expect(fix).toContain(ROLE);
    expect(fix).toContain('"StringEquals": {');
    expect(fix).toContain('"token.actions.githubusercontent.com:sub": "repo:acme/shop:pull_request"');
    expect(fix).toContain('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"');
  });

  it('points audience and provider problems at the IAM OIDC provider', () => {
    expect(explainWebIdentityDenial('audience', ROLE, PR_CLAIMS, 'custom').fix).toMatch(/does not list the audience 'custom'/);
    expect(explainWebIdentityDenial('provider', ROLE, PR_CLAIMS, 'sts.amazonaws.com').fix).toMatch(/Add the OIDC identity provider https:\/\/token\.actions\.githubusercontent\.com/);
  });

  it('still explains when the token cannot be decoded', () => {
    const { details, fix } = explainWebIdentityDenial('trust', ROLE, undefined, 'sts.amazonaws.com');
    expect(details).toMatch(/could not be decoded/);
    expect(fix).toContain('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"');
  });
});
