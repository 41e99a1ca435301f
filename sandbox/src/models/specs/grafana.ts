import { Rule } from '../validate';
import { ServiceSpec } from './operation';

// Amazon Managed Grafana control plane, model grafana 2020-08-18 (restJson).

export const GRAFANA_ENUMS = {
  accountAccessType: ['CURRENT_ACCOUNT', 'ORGANIZATION'],
  authenticationProvider: ['AWS_SSO', 'SAML'],
  permissionType: ['CUSTOMER_MANAGED', 'SERVICE_MANAGED'],
  dataSource: ['AMAZON_OPENSEARCH_SERVICE', 'CLOUDWATCH', 'PROMETHEUS', 'XRAY', 'TIMESTREAM', 'SITEWISE', 'ATHENA', 'REDSHIFT', 'TWINMAKER'],
  notificationDestination: ['SNS'],
  ipAddressType: ['IPv4', 'DualStack'],
  updateAction: ['ADD', 'REVOKE'],
  role: ['ADMIN', 'EDITOR', 'VIEWER'],
  userType: ['SSO_USER', 'SSO_GROUP'],
} as const;

// AMG's tag map has lengths but, unlike AMP's, no character pattern.
export const GRAFANA_TAG_MAP: Rule = { type: 'map', min: 0, max: 50, keys: { min: 1, max: 128 }, values: { min: 0, max: 256 } };
const WORKSPACE_ID: Rule = { required: true, pattern: /^g-[0-9a-f]{10}$/ };
const SSO_ID: Rule = { min: 1, max: 47 };
const ROLE: Rule = { enum: GRAFANA_ENUMS.role };
const PAGE = { maxResults: { type: 'integer', min: 1, max: 100 }, nextToken: {} } satisfies Record<string, Rule>;
const PAGE_QUERY = { maxResults: 'integer', nextToken: 'string' } as const;
const STRING_LIST = (item: Rule, min?: number, max?: number): Rule => ({ type: 'list', items: item, min, max });

const USER: Rule = { type: 'structure', fields: { id: { ...SSO_ID, required: true }, type: { required: true, enum: GRAFANA_ENUMS.userType } } };
const UPDATE_INSTRUCTION: Rule = {
  type: 'structure',
  fields: {
    action: { required: true, enum: GRAFANA_ENUMS.updateAction },
    role: { ...ROLE, required: true },
    users: { required: true, type: 'list', items: USER },
  },
};

export const GRAFANA_SPEC: ServiceSpec = {
  CreateWorkspace: {
    http: { method: 'POST', path: '/workspaces', status: 202 },
    input: {
      accountAccessType: { required: true, enum: GRAFANA_ENUMS.accountAccessType },
      authenticationProviders: { required: true, ...STRING_LIST({ enum: GRAFANA_ENUMS.authenticationProvider }) },
      permissionType: { required: true, enum: GRAFANA_ENUMS.permissionType },
      clientToken: { pattern: /^[!-~]{1,64}$/ },
      organizationRoleName: { min: 1, max: 2048 },
      stackSetName: {},
      workspaceDataSources: STRING_LIST({ enum: GRAFANA_ENUMS.dataSource }),
      workspaceDescription: { min: 0, max: 2048 },
      workspaceName: { pattern: /^[a-zA-Z0-9-._~]{1,255}$/ },
      workspaceNotificationDestinations: STRING_LIST({ enum: GRAFANA_ENUMS.notificationDestination }),
      workspaceOrganizationalUnits: STRING_LIST({}),
      workspaceRoleArn: { min: 1, max: 2048 },
      tags: GRAFANA_TAG_MAP,
      vpcConfiguration: {
        type: 'structure',
        fields: {
          securityGroupIds: { required: true, ...STRING_LIST({ min: 0, max: 255 }, 1, 5) },
          subnetIds: { required: true, ...STRING_LIST({ min: 0, max: 255 }, 2, 6) },
        },
      },
      configuration: { min: 2, max: 65536 },
      networkAccessControl: {
        type: 'structure',
        fields: {
          prefixListIds: { required: true, ...STRING_LIST({ min: 1, max: 100 }) },
          vpceIds: { required: true, ...STRING_LIST({ min: 1, max: 100 }) },
        },
      },
      grafanaVersion: { min: 1, max: 255 },
      ipAddressType: { enum: GRAFANA_ENUMS.ipAddressType },
      kmsKeyId: { min: 1, max: 2048, pattern: /^[a-zA-Z0-9:/_-]+$/ },
    },
  },
  DescribeWorkspace: { http: { method: 'GET', path: '/workspaces/{workspaceId}', status: 200 }, input: { workspaceId: WORKSPACE_ID } },
  ListWorkspaces: { http: { method: 'GET', path: '/workspaces', status: 200 }, query: PAGE_QUERY, input: PAGE },
  DeleteWorkspace: { http: { method: 'DELETE', path: '/workspaces/{workspaceId}', status: 202 }, input: { workspaceId: WORKSPACE_ID } },
  // Every member optional but the id: "If you use this operation and omit any optional parameters, the existing values of those parameters are not changed."
  UpdateWorkspace: {
    http: { method: 'PUT', path: '/workspaces/{workspaceId}', status: 202 },
    input: {
      workspaceId: WORKSPACE_ID,
      accountAccessType: { enum: GRAFANA_ENUMS.accountAccessType },
      organizationRoleName: { min: 1, max: 2048 },
      permissionType: { enum: GRAFANA_ENUMS.permissionType },
      stackSetName: {},
      workspaceDataSources: STRING_LIST({ enum: GRAFANA_ENUMS.dataSource }),
      workspaceDescription: { min: 0, max: 2048 },
      workspaceName: { pattern: /^[a-zA-Z0-9-._~]{1,255}$/ },
      workspaceNotificationDestinations: STRING_LIST({ enum: GRAFANA_ENUMS.notificationDestination }),
      workspaceOrganizationalUnits: STRING_LIST({}),
      workspaceRoleArn: { min: 1, max: 2048 },
      vpcConfiguration: { type: 'structure', fields: {} },
      removeVpcConfiguration: { type: 'boolean' },
      networkAccessControl: { type: 'structure', fields: {} },
      removeNetworkAccessConfiguration: { type: 'boolean' },
      ipAddressType: { enum: GRAFANA_ENUMS.ipAddressType },
    },
  },
  UpdatePermissions: {
    http: { method: 'PATCH', path: '/workspaces/{workspaceId}/permissions', status: 200 },
    input: { workspaceId: WORKSPACE_ID, updateInstructionBatch: { required: true, type: 'list', min: 0, max: 20, items: UPDATE_INSTRUCTION } },
  },
  ListPermissions: {
    http: { method: 'GET', path: '/workspaces/{workspaceId}/permissions', status: 200 },
    query: { ...PAGE_QUERY, userType: 'string', userId: 'string', groupId: 'string' },
    input: { workspaceId: WORKSPACE_ID, ...PAGE, userType: { enum: GRAFANA_ENUMS.userType }, userId: SSO_ID, groupId: SSO_ID },
  },
  TagResource: {
    http: { method: 'POST', path: '/tags/{resourceArn}', status: 200 },
    input: { resourceArn: { required: true }, tags: { ...GRAFANA_TAG_MAP, required: true } },
  },
  UntagResource: {
    http: { method: 'DELETE', path: '/tags/{resourceArn}', status: 200 },
    query: { tagKeys: 'list' },
    input: { resourceArn: { required: true }, tagKeys: { required: true, ...STRING_LIST({ min: 1, max: 128 }) } },
  },
  ListTagsForResource: { http: { method: 'GET', path: '/tags/{resourceArn}', status: 200 }, input: { resourceArn: { required: true } } },
  CreateWorkspaceServiceAccount: {
    http: { method: 'POST', path: '/workspaces/{workspaceId}/serviceaccounts', status: 200 },
    input: { workspaceId: WORKSPACE_ID, name: { required: true, min: 1, max: 128 }, grafanaRole: { ...ROLE, required: true } },
  },
  ListWorkspaceServiceAccounts: {
    http: { method: 'GET', path: '/workspaces/{workspaceId}/serviceaccounts', status: 200 },
    query: PAGE_QUERY,
    input: { workspaceId: WORKSPACE_ID, ...PAGE },
  },
  DeleteWorkspaceServiceAccount: {
    http: { method: 'DELETE', path: '/workspaces/{workspaceId}/serviceaccounts/{serviceAccountId}', status: 200 },
    input: { workspaceId: WORKSPACE_ID, serviceAccountId: { required: true } },
  },
  CreateWorkspaceServiceAccountToken: {
    http: { method: 'POST', path: '/workspaces/{workspaceId}/serviceaccounts/{serviceAccountId}/tokens', status: 200 },
    input: {
      workspaceId: WORKSPACE_ID, serviceAccountId: { required: true },
      name: { required: true, min: 1, max: 128 }, secondsToLive: { required: true, type: 'integer', min: 1, max: 2_592_000 },
    },
  },
  ListWorkspaceServiceAccountTokens: {
    http: { method: 'GET', path: '/workspaces/{workspaceId}/serviceaccounts/{serviceAccountId}/tokens', status: 200 },
    query: PAGE_QUERY,
    input: { workspaceId: WORKSPACE_ID, serviceAccountId: { required: true }, ...PAGE },
  },
  DeleteWorkspaceServiceAccountToken: {
    http: { method: 'DELETE', path: '/workspaces/{workspaceId}/serviceaccounts/{serviceAccountId}/tokens/{tokenId}', status: 200 },
    input: { workspaceId: WORKSPACE_ID, serviceAccountId: { required: true }, tokenId: { required: true } },
  },
};
