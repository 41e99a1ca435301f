import { ServiceSpec } from './operation';

// AWS STS, model sts 2011-06-15 (awsQuery). Query members arrive as strings; integers are coerced first.

export const STS_SPEC: ServiceSpec = {
  AssumeRoleWithWebIdentity: {
    input: {
      RoleArn: { required: true, min: 20, max: 2048 },
      RoleSessionName: { required: true, min: 2, max: 64, pattern: /^[\w+=,.@-]*$/ },
      WebIdentityToken: { required: true, min: 4, max: 20000, sensitive: true },
      ProviderId: { min: 4, max: 2048 },
      Policy: { min: 1, max: 2048 },
      DurationSeconds: { type: 'integer', min: 900, max: 43200 },
    },
  },
  GetCallerIdentity: { input: {} },
};
