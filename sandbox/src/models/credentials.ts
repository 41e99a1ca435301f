import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID } from './iam';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  principalArn: string;
  accountId: string;
}

/** Long-term keys of an IAM user, for runs that use the default credential chain. */
export const STATIC_CREDENTIALS = {
  accessKeyId: 'AKIASANDBOXSTATIC01',
  secretAccessKey: 'sandbox/static/secret/key/0000000000000',
} as const;

/** Every key the sandbox knows; SigV4 verification looks secrets up here. */
export class CredentialStore {
  private readonly byKey = new Map<string, Credential>();

  constructor() {
    this.byKey.set(STATIC_CREDENTIALS.accessKeyId, {
      ...STATIC_CREDENTIALS, principalArn: `arn:aws:iam::${ACCOUNT_ID}:user/platform-ci`, accountId: ACCOUNT_ID,
    });
  }

  get(accessKeyId: string): Credential | undefined {
    return this.byKey.get(accessKeyId);
  }

  issueSession(principalArn: string, durationSeconds: number): Credential {
    const credential: Credential = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJsandbox${randomBytes(48).toString('base64')}`,
      expiration: new Date(Date.now() + durationSeconds * 1000),
      principalArn,
      accountId: ACCOUNT_ID,
    };
    this.byKey.set(credential.accessKeyId, credential);
    return credential;
  }

  /** Session credentials handed out so far (for leak checks). */
  sessions(): Credential[] {
    return [...this.byKey.values()].filter((c) => c.sessionToken);
  }
}
