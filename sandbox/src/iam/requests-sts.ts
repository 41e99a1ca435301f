import type { RequestMapping } from './requests-common';

export const STS_REQUESTS: Record<string, RequestMapping> = {
  // Governed by the role's trust policy (the STS model evaluates it), not by the caller's policies: the caller has none yet.
  AssumeRoleWithWebIdentity: () => [],
  // "No permissions are required to perform this operation" (STS API Reference, GetCallerIdentity):
  // even an explicit deny does not stop it.
  GetCallerIdentity: () => [],
};
