import { createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { OIDC_ISSUER_HOST } from './iam';

export interface OidcRequestGrant {
  repository: string;
  /** e.g. repo:acme/shop:pull_request */
  subject: string;
}

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

  grant(repository: string, event = 'pull_request'): string {
    const token = `ghrt_${randomBytes(24).toString('hex')}`;
    this.grants.set(token, { repository, subject: `repo:${repository}:${event}` });
    return token;
  }

  /** Answers GET /_oidc/token?audience=…; undefined when the bearer token is unknown. */
  mint(requestToken: string, audience: string | undefined): string | undefined {
    const grant = this.grants.get(requestToken);
    if (!grant) return undefined;
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: `https://${OIDC_ISSUER_HOST}`, sub: grant.subject, aud: audience ?? `https://github.com/${grant.repository.split('/')[0]}`,
      repository: grant.repository, repository_owner: grant.repository.split('/')[0], jti: randomBytes(8).toString('hex'),
      iat: now, nbf: now - 5, exp: now + 300,
    };
    const jwt = signJwt(claims, this.privateKey);
    this.issued.push(jwt);
    return jwt;
  }

  /** Verified claims, or the reason the token is unacceptable. */
  verify(jwt: string): { claims: Record<string, unknown> } | { error: 'invalid' | 'expired'; message: string } {
    const parts = jwt.split('.');
    if (parts.length !== 3) return { error: 'invalid', message: 'The web identity token is not a JWT.' };
    const ok = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, Buffer.from(parts[2], 'base64url'));
    if (!ok) return { error: 'invalid', message: 'The web identity token signature could not be verified.' };
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== `https://${OIDC_ISSUER_HOST}`) return { error: 'invalid', message: 'No OpenIDConnect provider found in your account for the token issuer.' };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return { error: 'expired', message: 'Token expired' };
    return { claims };
  }
}

function signJwt(claims: object, key: KeyObject): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'sandbox' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
