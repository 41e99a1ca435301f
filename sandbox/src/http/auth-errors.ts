import { AwsError } from '../core/types';
import { VerifyFailure } from './sigv4';

type AuthFailure = VerifyFailure | 'missing';

/** The same failure has different codes in restJson services (…Exception) and awsQuery ones. */
const MESSAGES: Record<AuthFailure, { rest: string; query: string; message: string }> = {
  'missing': { rest: 'MissingAuthenticationTokenException', query: 'MissingAuthenticationToken', message: 'Missing Authentication Token' },
  'unknown-key': { rest: 'UnrecognizedClientException', query: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' },
  'bad-token': { rest: 'UnrecognizedClientException', query: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' },
  'expired-credentials': { rest: 'ExpiredTokenException', query: 'ExpiredToken', message: 'The security token included in the request is expired' },
  'skewed': { rest: 'InvalidSignatureException', query: 'SignatureDoesNotMatch', message: 'Signature expired: the request time is more than 15 minutes from the server time.' },
  'malformed': { rest: 'IncompleteSignatureException', query: 'IncompleteSignature', message: 'Authorization header requires Credential, SignedHeaders (sorted, lower case, including host and x-amz-date) and Signature, and an x-amz-date header that matches the credential scope.' },
  'bad-region': { rest: 'InvalidSignatureException', query: 'SignatureDoesNotMatch', message: 'Credential should be scoped to a valid region.' },
  'bad-payload-hash': { rest: 'InvalidSignatureException', query: 'SignatureDoesNotMatch', message: "The provided 'x-amz-content-sha256' header does not match what was computed." },
  'bad-signature': { rest: 'InvalidSignatureException', query: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.' },
};

export function authError(protocol: 'rest-json' | 'query' | 'json', failure: AuthFailure): AwsError {
  const m = MESSAGES[failure];
  return new AwsError(protocol === 'query' ? m.query : m.rest, m.message, 403);
}
