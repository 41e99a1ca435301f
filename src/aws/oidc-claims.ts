/**
 * What a denied AssumeRoleWithWebIdentity needs to be fixed: the claims of this run's token, and a
 * trust condition that would admit it. The claims are read without verifying the token; they are
 * not secret (the token is, and stays masked), and STS has already judged the signature.
 */

const DEFAULT_ISSUER_HOST = 'token.actions.githubusercontent.com';
/** Shown in this order; the rest of GitHub's claims rarely explain a denial. */
const SHOWN_CLAIMS = ['sub', 'aud', 'ref', 'event_name', 'job_workflow_ref', 'environment'] as const;
const ALWAYS_SHOWN = new Set<string>(['sub', 'aud', 'ref', 'event_name']);

export type TokenClaims = Record<string, unknown>;

/** The JWT's payload, or undefined when it is not a JWT with a JSON object payload. */
export function decodeTokenClaims(jwt: string): TokenClaims | undefined {
  const payload = jwt.split('.')[1];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as TokenClaims : undefined;
  } catch {
    return undefined;
  }
}

/** `issuer host[/path]`, the prefix of the token's IAM condition keys (the provider URL without https://). */
export function conditionKeyPrefix(claims: TokenClaims): string {
  const iss = typeof claims.iss === 'string' && claims.iss ? claims.iss : `https://${DEFAULT_ISSUER_HOST}`;
  return iss.replace(/^https:\/\//, '').replace(/\/$/, '');
}

function claimText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/** One line per claim worth reading: sub, aud, ref, event_name always, job_workflow_ref and environment when present. */
export function describeTokenClaims(claims: TokenClaims): string {
  return SHOWN_CLAIMS
    .map((name) => [name, claimText(claims[name])] as const)
    .filter(([name, value]) => value !== undefined || ALWAYS_SHOWN.has(name))
    .map(([name, value]) => `  ${name}: ${value ?? '(none)'}`)
    .join('\n');
}

/**
 * The StringEquals block that admits exactly this run: its `aud` (the audience it was asked for,
 * which is what STS compares) and its `sub`. Both keys are ones STS evaluates for GitHub's issuer;
 * `sub` already encodes the repository and the ref, PR or environment GitHub chose for this event.
 */
export function matchingTrustCondition(claims: TokenClaims, audience?: string): { StringEquals: Record<string, string> } {
  const prefix = conditionKeyPrefix(claims);
  const aud = audience ?? claimText(claims.aud) ?? 'sts.amazonaws.com';
  const condition: Record<string, string> = { [`${prefix}:aud`]: aud };
  const sub = claimText(claims.sub);
  if (sub) condition[`${prefix}:sub`] = sub;
  return { StringEquals: condition };
}

export type WebIdentityDenial = 'trust' | 'audience' | 'provider';

/**
 * The message and fix for a denied exchange. `kind`: the trust policy refused the token (AccessDenied,
 * IDPRejectedClaim), the provider does not list the audience, or the account has no provider for the issuer.
 */
export function explainWebIdentityDenial(kind: WebIdentityDenial, roleArn: string, claims: TokenClaims | undefined, audience: string): { details: string; fix: string } {
  const details = claims ? `This run's OIDC token claims:\n${describeTokenClaims(claims)}` : "This run's OIDC token could not be decoded.";
  const prefix = claims ? conditionKeyPrefix(claims) : DEFAULT_ISSUER_HOST;
  if (kind === 'provider') {
    return { details, fix: `Add the OIDC identity provider https://${prefix} to IAM in the role's account, with '${audience}' among its audiences (client IDs).` };
  }
  if (kind === 'audience') {
    return { details, fix: `The IAM OIDC provider for ${prefix} does not list the audience '${audience}': add it to the provider's audiences (client IDs), or set the audience input to one it lists (GitHub's AWS guide registers sts.amazonaws.com).` };
  }
  const condition = JSON.stringify(matchingTrustCondition(claims ?? {}, audience), null, 2).split('\n').map((l) => `  ${l}`).join('\n');
  return {
    details,
    fix: `The trust policy of ${roleArn} must allow sts:AssumeRoleWithWebIdentity for the Federated principal of ${prefix}. A Condition that admits this run:\n${condition}\n`
      + `Use StringLike with a * only where every matching sub should get this role (e.g. repo:OWNER/REPO:* admits every branch, PR and environment).`,
  };
}
