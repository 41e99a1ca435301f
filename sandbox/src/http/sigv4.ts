import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingHttpHeaders } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Credential, CredentialStore } from '../models/credentials';

export interface SignedScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** Reads the credential scope from an Authorization header; undefined when there is none. */
export function parseAuthorization(header: string | undefined): SignedScope | 'malformed' | undefined {
  if (!header) return undefined;
  const m = AUTH.exec(header.trim());
  if (!m) return 'malformed';
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] };
}

export type VerifyFailure =
  | 'unknown-key' | 'bad-signature' | 'expired-credentials' | 'skewed' | 'bad-token' | 'malformed' | 'bad-region' | 'bad-payload-hash';

export interface VerifyRequest {
  scope: SignedScope;
  method: string;
  /** Path as received, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const MAX_SKEW_MS = 15 * 60_000;
// Commercial, GovCloud and China partitions' region names (us-east-1, us-gov-west-1, cn-north-1, ap-southeast-5 …).
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Recomputes the signature with the same signer the SDK uses, over exactly the headers the client
 * signed, and compares. A sandbox that trusted any header would not notice a broken signer.
 */
export async function verifySignature(req: VerifyRequest, store: CredentialStore): Promise<{ credential: Credential } | { failure: VerifyFailure }> {
  const { scope } = req;
  const shapeProblem = checkSignedHeaderList(scope.signedHeaders);
  if (shapeProblem) return { failure: shapeProblem };
  if (!REGION.test(scope.region)) return { failure: 'bad-region' };

  const credential = store.get(scope.accessKeyId);
  if (!credential) return { failure: 'unknown-key' };
  if (credential.expiration && credential.expiration.getTime() <= Date.now()) return { failure: 'expired-credentials' };
  const tokenHeader = req.headers['x-amz-security-token'];
  if ((credential.sessionToken ?? undefined) !== (typeof tokenHeader === 'string' ? tokenHeader : undefined)) return { failure: 'bad-token' };

  const signingDate = parseAmzDate(req.headers['x-amz-date']);
  if (!signingDate || req.headers['x-amz-date']!.slice(0, 8) !== scope.date) return { failure: 'malformed' };
  if (Math.abs(signingDate.getTime() - Date.now()) > MAX_SKEW_MS) return { failure: 'skewed' };

  // The signer trusts a x-amz-content-sha256 header as the payload hash; without this check a body
  // could be swapped under a valid signature.
  const declaredHash = req.headers['x-amz-content-sha256'];
  if (declaredHash !== undefined) {
    const actual = createHash('sha256').update(req.body).digest('hex');
    if (typeof declaredHash !== 'string' || !SHA256_HEX.test(declaredHash) || declaredHash !== actual) return { failure: 'bad-payload-hash' };
  }

  const headers: Record<string, string> = {};
  for (const name of scope.signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return { failure: 'bad-signature' };
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(req.query.keys())) {
    const all = req.query.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey, sessionToken: credential.sessionToken },
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
    // The signer adds x-amz-content-sha256 to the canonical headers unless told not to; the client's
    // own list says whether it did.
    applyChecksum: scope.signedHeaders.includes('x-amz-content-sha256'),
  });
  const signed = await signer.sign(new HttpRequest({
    method: req.method, protocol: 'http:', hostname: String(req.headers.host ?? ''), path: req.path, query, headers, body: req.body.length ? req.body : undefined,
  }), { signingDate, signableHeaders: new Set(scope.signedHeaders) });
  const authorization = String(signed.headers.authorization ?? signed.headers.Authorization);
  const expected = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? '';
  const expectedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? '';
  const ok = expectedHeaders === scope.signedHeaders.join(';') &&
    expected.length === scope.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(scope.signature));
  return ok ? { credential } : { failure: 'bad-signature' };
}

/** SigV4 demands a sorted, lower-case list that covers at least host and the request date. */
function checkSignedHeaderList(names: string[]): VerifyFailure | undefined {
  if (names.some((n) => n !== n.toLowerCase() || n === '')) return 'malformed';
  if (names.some((n, i) => i > 0 && names[i - 1] >= n)) return 'malformed';
  if (!names.includes('host') || !names.includes('x-amz-date')) return 'malformed';
  return undefined;
}

function parseAmzDate(value: string | string[] | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
