import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
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

export type VerifyFailure = 'unknown-key' | 'bad-signature' | 'expired-credentials' | 'skewed' | 'bad-token' | 'malformed';

export interface VerifyRequest {
  scope: SignedScope;
  method: string;
  /** Path as received, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Recomputes the signature with the same signer the SDK uses, over exactly the headers the client
 * signed, and compares. A sandbox that trusted any header would not notice a broken signer.
 */
export async function verifySignature(req: VerifyRequest, store: CredentialStore): Promise<{ credential: Credential } | { failure: VerifyFailure }> {
  const { scope } = req;
  const credential = store.get(scope.accessKeyId);
  if (!credential) return { failure: 'unknown-key' };
  if (credential.expiration && credential.expiration.getTime() < Date.now()) return { failure: 'expired-credentials' };
  const tokenHeader = req.headers['x-amz-security-token'];
  if ((credential.sessionToken ?? undefined) !== (typeof tokenHeader === 'string' ? tokenHeader : undefined)) return { failure: 'bad-token' };
  const amzDate = req.headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== scope.date) return { failure: 'malformed' };
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  if (Math.abs(signingDate.getTime() - Date.now()) > 15 * 60_000) return { failure: 'skewed' };

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
  });
  const signed = await signer.sign(new HttpRequest({
    method: req.method, protocol: 'http:', hostname: String(req.headers.host ?? ''), path: req.path, query, headers, body: req.body.length ? req.body : undefined,
  }), { signingDate, signableHeaders: new Set(scope.signedHeaders) });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
  const ok = expected.length === scope.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(scope.signature));
  return ok ? { credential } : { failure: 'bad-signature' };
}
