import { createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { OIDC_ISSUER_HOST } from './iam';

export const OIDC_ISSUER = `https://${OIDC_ISSUER_HOST}`;
/** GitHub's ID tokens live five minutes. */
const TOKEN_LIFETIME_S = 300;
const KEY_ID = 'sandbox-oidc-1';

export interface OidcRequestGrant {
  repository: string;
  /** e.g. repo:acme/shop:pull_request */
  subject: string;
}

export type OidcVerdict =
  | { claims: Record<string, unknown> }
  | { error: 'invalid' | 'expired'; message: string };

/**
 * GitHub's OIDC token service as a job sees it: a request token (ACTIONS_ID_TOKEN_REQUEST_TOKEN)
 * buys RS256-signed JWTs for any audience. STS verifies them with the public key.
 */
export class OidcIssuer {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  private readonly grants = new Map<string, OidcRequestGrant>();
  /** Every JWT handed out, so tests can check none of them is ever printed. */
  readonly issued: string[] = [];

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = createPublicKey(pair.publicKey.export({ format: 'pem', type: 'spki' }));
  }

  /**
   * A request token for ACTIONS_ID_TOKEN_REQUEST_TOKEN, as the runner gives a job of `repository`
   * triggered by `event`; `subject` overrides the `sub` claim (e.g. repo:o/r:environment:prod).
   */
  grant(repository: string, event = 'pull_request', subject?: string): string {
    const token = `ghrt_${randomBytes(24).toString('hex')}`;
    this.grants.set(token, { repository, subject: subject ?? `repo:${repository}:${event}` });
    return token;
  }

  /** Answers GET /_oidc/token?audience=…; undefined when the bearer token is unknown. */
  mint(requestToken: string, audience: string | undefined): string | undefined {
    const grant = this.grants.get(requestToken);
    if (!grant) return undefined;
    const now = Math.floor(Date.now() / 1000);
    const owner = grant.repository.split('/')[0];
    const jwt = this.sign({
      iss: OIDC_ISSUER, sub: grant.subject, aud: audience ?? `https://github.com/${owner}`,
      repository: grant.repository, repository_owner: owner, jti: randomBytes(8).toString('hex'),
      iat: now, nbf: now - 5, exp: now + TOKEN_LIFETIME_S,
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
