import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID } from './iam';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  /** ARN of the IAM user or the assumed-role session the key belongs to. */
  principalArn: string;
  /** What GetCallerIdentity reports as UserId: an IAM user id, or `<role id>:<session name>`. */
  userId: string;
  accountId: string;
}

/** Long-term keys of an IAM user, for runs that use the default credential chain. Shaped like real ones (20 / 40 characters). */
export const STATIC_CREDENTIALS = {
  accessKeyId: 'AKIASANDBOXSTATIC001',
  secretAccessKey: 'sandbox/static/secret/key/00000000000000',
} as const;

export const STATIC_USER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/platform-ci`;
export const STATIC_USER_ID = 'AIDASANDBOXPLATFORMCI';

/** Every key the sandbox knows; SigV4 verification looks secrets up here. */
export class CredentialStore {
  private readonly byKey = new Map<string, Credential>();

  constructor() {
    this.byKey.set(STATIC_CREDENTIALS.accessKeyId, {
      ...STATIC_CREDENTIALS, principalArn: STATIC_USER_ARN, userId: STATIC_USER_ID, accountId: ACCOUNT_ID,
    });
  }

  get(accessKeyId: string): Credential | undefined {
    return this.byKey.get(accessKeyId);
  }

  issueSession(principal: { arn: string; userId: string; accountId: string }, durationSeconds: number): Credential {
    const credential: Credential = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJsandbox${randomBytes(48).toString('base64')}`,
      expiration: new Date(Date.now() + durationSeconds * 1000),
      principalArn: principal.arn,
      userId: principal.userId,
      accountId: principal.accountId,
    };
    this.byKey.set(credential.accessKeyId, credential);
    return credential;
  }

  /** Ends a session early, e.g. to test how a client handles expired credentials. */
  expire(accessKeyId: string): void {
    const credential = this.byKey.get(accessKeyId);
    if (credential?.sessionToken) credential.expiration = new Date(Date.now() - 1000);
  }

  /** Session credentials handed out so far (for leak checks). */
  sessions(): Credential[] {
    return [...this.byKey.values()].filter((c) => c.sessionToken);
  }
}
