import { Rule } from '../validate';
import { ServiceSpec } from './operation';

// Amazon Managed Service for Prometheus, model amp 2020-08-01 (restJson, signing name aps).

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const AMP_TAG_MAP: Rule = {
  type: 'map', min: 0, max: 50,
  keys: { min: 1, max: 128, pattern: TAG_TEXT },
  values: { min: 0, max: 256, pattern: TAG_TEXT },
};
const WORKSPACE_ID: Rule = { required: true, min: 1, max: 64, pattern: /^.*[0-9A-Za-z][-.0-9A-Z_a-z]*.*$/ };
const CLIENT_TOKEN: Rule = { min: 1, max: 64, pattern: /^[!-~]+$/ };
const ALIAS: Rule = { min: 1, max: 100 };
const RESOURCE_ARN: Rule = { required: true };

export const AMP_STATUS_CODES = ['CREATING', 'ACTIVE', 'UPDATING', 'DELETING', 'CREATION_FAILED'] as const;

export const AMP_SPEC: ServiceSpec = {
  CreateWorkspace: {
    http: { method: 'POST', path: '/workspaces', status: 202 },
    input: {
      alias: ALIAS,
      clientToken: CLIENT_TOKEN,
      tags: AMP_TAG_MAP,
      kmsKeyArn: { min: 20, max: 2048, pattern: /^arn:aws[-a-z]*:kms:[-a-z0-9]+:[0-9]{12}:key\/[-a-f0-9]+$/ },
    },
  },
  DescribeWorkspace: {
    http: { method: 'GET', path: '/workspaces/{workspaceId}', status: 200 },
    input: { workspaceId: WORKSPACE_ID },
  },
  ListWorkspaces: {
    http: { method: 'GET', path: '/workspaces', status: 200 },
    query: { nextToken: 'string', alias: 'string', maxResults: 'integer' },
    input: { nextToken: { min: 0, max: 1000 }, alias: ALIAS, maxResults: { type: 'integer', min: 1, max: 1000 } },
  },
  DeleteWorkspace: {
    http: { method: 'DELETE', path: '/workspaces/{workspaceId}', status: 202 },
    query: { clientToken: 'string' },
    input: { workspaceId: WORKSPACE_ID, clientToken: CLIENT_TOKEN },
  },
  TagResource: {
    http: { method: 'POST', path: '/tags/{resourceArn}', status: 200 },
    input: { resourceArn: RESOURCE_ARN, tags: { ...AMP_TAG_MAP, required: true } },
  },
  UntagResource: {
    http: { method: 'DELETE', path: '/tags/{resourceArn}', status: 200 },
    query: { tagKeys: 'list' },
    input: { resourceArn: RESOURCE_ARN, tagKeys: { required: true, type: 'list', items: { min: 1, max: 128, pattern: TAG_TEXT } } },
  },
  ListTagsForResource: {
    http: { method: 'GET', path: '/tags/{resourceArn}', status: 200 },
    input: { resourceArn: RESOURCE_ARN },
  },
};

/**
 * AMP's data plane: the Prometheus-compatible API under each workspace's prometheusEndpoint
 * (https://aps-workspaces.<region>.amazonaws.com/workspaces/<id>/api/v1/), signed with SigV4 for service `aps`.
 * `path` is what follows `/workspaces/{workspaceId}/api/v1/`; `action` is the IAM action the Service Authorization
 * Reference names for the operation (iam-data actions/aps.json: RemoteWrite, QueryMetrics, GetSeries, GetLabels, each on
 * the workspace resource with aws:ResourceTag/${TagKey}). Verbs and paths from the AMP user guide's API reference
 * (AMP-APIReference-RemoteWrite, -QueryMetrics, -GetSeries, -GetLabels): label/{name}/values is GET only.
 */
export interface AmpDataPlaneOperation {
  methods: readonly ('GET' | 'POST')[];
  path: RegExp;
  action: 'aps:RemoteWrite' | 'aps:QueryMetrics' | 'aps:GetSeries' | 'aps:GetLabels';
}

export const AMP_DATA_PLANE: Record<string, AmpDataPlaneOperation> = {
  RemoteWrite: { methods: ['POST'], path: /^remote_write$/, action: 'aps:RemoteWrite' },
  QueryMetrics: { methods: ['GET', 'POST'], path: /^query(_range)?$/, action: 'aps:QueryMetrics' },
  GetSeries: { methods: ['GET', 'POST'], path: /^series$/, action: 'aps:GetSeries' },
  GetLabels: { methods: ['GET', 'POST'], path: /^labels$/, action: 'aps:GetLabels' },
  GetLabelValues: { methods: ['GET'], path: /^label\/[^/]+\/values$/, action: 'aps:GetLabels' },
};
