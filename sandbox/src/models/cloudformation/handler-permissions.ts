// What CloudFormation's resource handlers need from IAM, per resource type the sandbox provisions.
//
// Source: the CloudFormation resource provider schemas (registry), as shipped by cfn-lint v1.12.3
// (tag of 2024-09-04) under src/cfnlint/data/schemas/providers/us_east_1/<type>.json:
// `handlers.{create,read,update,delete}.permissions` and `tagging`. Later cfn-lint tags dropped the
// `handlers` section. Lists are in the schema's own order. Which of these a handler really performs
// for the properties it is given is decided in handler-calls.ts; this file only states the schemas.
//
// AWS::CloudFormation::WaitConditionHandle has no provider schema handlers: it is internal to
// CloudFormation and calls no service, so nothing is authorized for it.

export type HandlerName = 'create' | 'read' | 'update' | 'delete';

export interface TaggingFacts {
  taggable: boolean;
  /**
   * Whether CloudFormation passes its aws:cloudformation:{stack-name,stack-id,logical-id} system tags
   * to the handler, which sends them with the resource's other tags. The meta-schema's default is
   * true when a schema leaves it out (AWS::ECS::Cluster's does); AWS::IAM::Role says false, as IAM
   * rejects keys with the reserved aws: prefix.
   */
  cloudFormationSystemTags: boolean;
}

export interface ResourceTypeFacts {
  tagging: TaggingFacts;
  handlers: Partial<Record<HandlerName, readonly string[]>>;
}

export const HANDLER_PERMISSIONS_SOURCE = 'cfn-lint v1.12.3 (2024-09-04) src/cfnlint/data/schemas/providers/us_east_1';

export const RESOURCE_TYPE_FACTS: Record<string, ResourceTypeFacts> = {
  'AWS::CloudFormation::WaitConditionHandle': {
    tagging: { taggable: false, cloudFormationSystemTags: false },
    handlers: {},
  },
  'AWS::EC2::VPC': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ec2:CreateVpc', 'ec2:DescribeVpcs', 'ec2:ModifyVpcAttribute', 'ec2:CreateTags'],
      read: ['ec2:DescribeVpcs', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkAcls', 'ec2:DescribeVpcAttribute'],
      update: ['ec2:CreateTags', 'ec2:ModifyVpcAttribute', 'ec2:DeleteTags', 'ec2:ModifyVpcTenancy'],
      delete: ['ec2:DeleteVpc', 'ec2:DescribeVpcs'],
    },
  },
  'AWS::EC2::Subnet': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ec2:DescribeSubnets', 'ec2:CreateSubnet', 'ec2:CreateTags', 'ec2:ModifySubnetAttribute'],
      read: ['ec2:DescribeSubnets', 'ec2:DescribeNetworkAcls'],
      update: ['ec2:DescribeSubnets', 'ec2:ModifySubnetAttribute', 'ec2:CreateTags', 'ec2:DeleteTags', 'ec2:AssociateSubnetCidrBlock', 'ec2:DisassociateSubnetCidrBlock'],
      delete: ['ec2:DescribeSubnets', 'ec2:DeleteSubnet'],
    },
  },
  'AWS::EC2::InternetGateway': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ec2:CreateInternetGateway', 'ec2:CreateTags', 'ec2:DescribeInternetGateways'],
      read: ['ec2:DescribeInternetGateways'],
      update: ['ec2:DeleteTags', 'ec2:CreateTags', 'ec2:DescribeInternetGateways'],
      delete: ['ec2:DeleteInternetGateway', 'ec2:DescribeInternetGateways'],
    },
  },
  'AWS::EC2::VPCGatewayAttachment': {
    tagging: { taggable: false, cloudFormationSystemTags: false },
    handlers: {
      create: ['ec2:AttachInternetGateway', 'ec2:AttachVpnGateway', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
      read: ['ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
      update: ['ec2:AttachInternetGateway', 'ec2:AttachVpnGateway', 'ec2:DetachInternetGateway', 'ec2:DetachVpnGateway', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
      delete: ['ec2:DetachInternetGateway', 'ec2:DetachVpnGateway', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
    },
  },
  'AWS::EC2::RouteTable': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ec2:CreateRouteTable', 'ec2:CreateTags', 'ec2:DescribeRouteTables'],
      read: ['ec2:DescribeRouteTables'],
      update: ['ec2:CreateTags', 'ec2:DeleteTags', 'ec2:DescribeRouteTables'],
      delete: ['ec2:DescribeRouteTables', 'ec2:DeleteRouteTable'],
    },
  },
  'AWS::EC2::Route': {
    tagging: { taggable: false, cloudFormationSystemTags: false },
    handlers: {
      create: ['ec2:CreateRoute', 'ec2:DescribeRouteTables', 'ec2:DescribeNetworkInterfaces'],
      read: ['ec2:DescribeRouteTables'],
      update: ['ec2:ReplaceRoute', 'ec2:DescribeRouteTables', 'ec2:DescribeNetworkInterfaces'],
      delete: ['ec2:DeleteRoute', 'ec2:DescribeRouteTables'],
    },
  },
  'AWS::EC2::SubnetRouteTableAssociation': {
    tagging: { taggable: false, cloudFormationSystemTags: false },
    // No update handler: every property is create-only.
    handlers: {
      create: ['ec2:AssociateRouteTable', 'ec2:ReplaceRouteTableAssociation', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
      read: ['ec2:DescribeRouteTables'],
      delete: ['ec2:DisassociateRouteTable', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
    },
  },
  'AWS::EC2::SecurityGroup': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ec2:CreateSecurityGroup', 'ec2:DescribeSecurityGroups', 'ec2:RevokeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:CreateTags'],
      read: ['ec2:DescribeSecurityGroups'],
      update: ['ec2:RevokeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DescribeSecurityGroups', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:CreateTags', 'ec2:DeleteTags'],
      delete: ['ec2:DescribeSecurityGroups', 'ec2:DeleteSecurityGroup', 'ec2:DescribeInstances'],
    },
  },
  'AWS::ECS::Cluster': {
    // The schema says only { taggable: true }; the other tagging flags take the meta-schema defaults.
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ecs:CreateCluster', 'ecs:DescribeClusters', 'iam:CreateServiceLinkedRole', 'ecs:TagResource', 'kms:DescribeKey'],
      read: ['ecs:DescribeClusters', 'kms:DescribeKey'],
      update: ['ecs:PutAccountSettingDefault', 'ecs:DescribeClusters', 'ecs:TagResource', 'ecs:UntagResource', 'ecs:PutAccountSetting', 'ecs:ListTagsForResource', 'ecs:UpdateCluster', 'ecs:UpdateClusterSettings', 'ecs:PutClusterCapacityProviders', 'kms:DescribeKey'],
      delete: ['ecs:DeleteCluster', 'ecs:DescribeClusters', 'kms:DescribeKey'],
    },
  },
  'AWS::ECS::TaskDefinition': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:TagResource', 'iam:GetRole', 'iam:PassRole'],
      read: ['ecs:DescribeTaskDefinition'],
      update: ['ecs:TagResource', 'ecs:UntagResource', 'ecs:ListTagsForResource', 'ecs:DescribeTaskDefinition', 'iam:GetRole', 'iam:PassRole'],
      delete: ['ecs:DeregisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'iam:GetRole', 'iam:PassRole'],
    },
  },
  'AWS::ECS::Service': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['ecs:CreateService', 'ecs:DescribeServices', 'iam:PassRole', 'ecs:TagResource'],
      read: ['ecs:DescribeServices'],
      update: ['ecs:DescribeServices', 'ecs:ListTagsForResource', 'ecs:TagResource', 'ecs:UntagResource', 'ecs:UpdateService'],
      delete: ['ecs:DeleteService', 'ecs:DescribeServices'],
    },
  },
  'AWS::Logs::LogGroup': {
    tagging: { taggable: true, cloudFormationSystemTags: true },
    handlers: {
      create: ['logs:DescribeLogGroups', 'logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:GetDataProtectionPolicy', 'logs:PutDataProtectionPolicy', 'logs:CreateLogDelivery', 's3:REST.PUT.OBJECT', 'firehose:TagDeliveryStream', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies'],
      read: ['logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy'],
      update: ['logs:DescribeLogGroups', 'logs:AssociateKmsKey', 'logs:DisassociateKmsKey', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:TagResource', 'logs:UntagResource', 'logs:GetDataProtectionPolicy', 'logs:PutDataProtectionPolicy', 'logs:CreateLogDelivery', 's3:REST.PUT.OBJECT', 'firehose:TagDeliveryStream'],
      delete: ['logs:DescribeLogGroups', 'logs:DeleteLogGroup', 'logs:DeleteDataProtectionPolicy'],
    },
  },
  'AWS::IAM::Role': {
    tagging: { taggable: true, cloudFormationSystemTags: false },
    handlers: {
      create: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:GetRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:GetRole'],
      read: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
      update: ['iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:DetachRolePolicy', 'iam:AttachRolePolicy', 'iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePolicy', 'iam:PutRolePolicy', 'iam:TagRole', 'iam:UntagRole'],
      delete: ['iam:DeleteRole', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:TagRole', 'iam:UntagRole'],
    },
  },
};

/**
 * Entries of the schemas' permission lists that are not IAM actions and so are never authorized:
 * `s3:REST.PUT.OBJECT` is the S3 REST operation name (as in S3 server access logs) of the log
 * delivery a data protection policy's audit findings make, not an action of the Service
 * Authorization Reference.
 */
export const NOT_IAM_ACTIONS = new Set(['s3:REST.PUT.OBJECT']);
