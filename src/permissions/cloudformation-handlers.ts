/**
 * What CloudFormation's resource handlers call, per resource type the templates use: each handler
 * runs with the caller's credentials (or the stack's service role), so every action it lists must
 * be allowed.
 *
 * Source: the CloudFormation resource provider schemas, `handlers.<handler>.permissions`, as
 * shipped by cfn-lint v1.12.3 (src/cfnlint/data/schemas/providers/us_east_1/<type>.json, tagged
 * 2024-09-04; later cfn-lint releases no longer ship the handler lists). The `list` handler is
 * left out: CloudFormation does not list resources during stack operations.
 */
export type Handler = 'create' | 'read' | 'update' | 'delete';

export const HANDLER_PERMISSIONS: Record<string, Partial<Record<Handler, string[]>>> = {
  'AWS::EC2::VPC': {
    create: ['ec2:CreateVpc', 'ec2:DescribeVpcs', 'ec2:ModifyVpcAttribute', 'ec2:CreateTags'],
    read: ['ec2:DescribeVpcs', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkAcls', 'ec2:DescribeVpcAttribute'],
    update: ['ec2:CreateTags', 'ec2:ModifyVpcAttribute', 'ec2:DeleteTags', 'ec2:ModifyVpcTenancy'],
    delete: ['ec2:DeleteVpc', 'ec2:DescribeVpcs'],
  },
  'AWS::EC2::InternetGateway': {
    create: ['ec2:CreateInternetGateway', 'ec2:CreateTags', 'ec2:DescribeInternetGateways'],
    read: ['ec2:DescribeInternetGateways'],
    update: ['ec2:DeleteTags', 'ec2:CreateTags', 'ec2:DescribeInternetGateways'],
    delete: ['ec2:DeleteInternetGateway', 'ec2:DescribeInternetGateways'],
  },
  'AWS::EC2::VPCGatewayAttachment': {
    create: ['ec2:AttachInternetGateway', 'ec2:AttachVpnGateway', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
    read: ['ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
    update: ['ec2:AttachInternetGateway', 'ec2:AttachVpnGateway', 'ec2:DetachInternetGateway', 'ec2:DetachVpnGateway', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
    delete: ['ec2:DetachInternetGateway', 'ec2:DetachVpnGateway', 'ec2:DescribeInternetGateways', 'ec2:DescribeVpnGateways'],
  },
  'AWS::EC2::Subnet': {
    create: ['ec2:DescribeSubnets', 'ec2:CreateSubnet', 'ec2:CreateTags', 'ec2:ModifySubnetAttribute'],
    read: ['ec2:DescribeSubnets', 'ec2:DescribeNetworkAcls'],
    update: ['ec2:DescribeSubnets', 'ec2:ModifySubnetAttribute', 'ec2:CreateTags', 'ec2:DeleteTags', 'ec2:AssociateSubnetCidrBlock', 'ec2:DisassociateSubnetCidrBlock'],
    delete: ['ec2:DescribeSubnets', 'ec2:DeleteSubnet'],
  },
  'AWS::EC2::RouteTable': {
    create: ['ec2:CreateRouteTable', 'ec2:CreateTags', 'ec2:DescribeRouteTables'],
    read: ['ec2:DescribeRouteTables'],
    update: ['ec2:CreateTags', 'ec2:DeleteTags', 'ec2:DescribeRouteTables'],
    delete: ['ec2:DescribeRouteTables', 'ec2:DeleteRouteTable'],
  },
  'AWS::EC2::Route': {
    create: ['ec2:CreateRoute', 'ec2:DescribeRouteTables', 'ec2:DescribeNetworkInterfaces'],
    read: ['ec2:DescribeRouteTables'],
    update: ['ec2:ReplaceRoute', 'ec2:DescribeRouteTables', 'ec2:DescribeNetworkInterfaces'],
    delete: ['ec2:DeleteRoute', 'ec2:DescribeRouteTables'],
  },
  'AWS::EC2::SubnetRouteTableAssociation': {
    create: ['ec2:AssociateRouteTable', 'ec2:ReplaceRouteTableAssociation', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
    read: ['ec2:DescribeRouteTables'],
    delete: ['ec2:DisassociateRouteTable', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
  },
  'AWS::EC2::SecurityGroup': {
    create: ['ec2:CreateSecurityGroup', 'ec2:DescribeSecurityGroups', 'ec2:RevokeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:CreateTags'],
    read: ['ec2:DescribeSecurityGroups'],
    update: ['ec2:RevokeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DescribeSecurityGroups', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:CreateTags', 'ec2:DeleteTags'],
    delete: ['ec2:DescribeSecurityGroups', 'ec2:DeleteSecurityGroup', 'ec2:DescribeInstances'],
  },
  'AWS::ECS::Cluster': {
    create: ['ecs:CreateCluster', 'ecs:DescribeClusters', 'iam:CreateServiceLinkedRole', 'ecs:TagResource', 'kms:DescribeKey'],
    read: ['ecs:DescribeClusters', 'kms:DescribeKey'],
    update: ['ecs:PutAccountSettingDefault', 'ecs:DescribeClusters', 'ecs:TagResource', 'ecs:UntagResource', 'ecs:PutAccountSetting', 'ecs:ListTagsForResource', 'ecs:UpdateCluster', 'ecs:UpdateClusterSettings', 'ecs:PutClusterCapacityProviders', 'kms:DescribeKey'],
    delete: ['ecs:DeleteCluster', 'ecs:DescribeClusters', 'kms:DescribeKey'],
  },
  'AWS::Logs::LogGroup': {
    create: ['logs:DescribeLogGroups', 'logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:GetDataProtectionPolicy', 'logs:PutDataProtectionPolicy', 'logs:CreateLogDelivery', 's3:REST.PUT.OBJECT', 'firehose:TagDeliveryStream', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies'],
    read: ['logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy'],
    update: ['logs:DescribeLogGroups', 'logs:AssociateKmsKey', 'logs:DisassociateKmsKey', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:TagResource', 'logs:UntagResource', 'logs:GetDataProtectionPolicy', 'logs:PutDataProtectionPolicy', 'logs:CreateLogDelivery', 's3:REST.PUT.OBJECT', 'firehose:TagDeliveryStream'],
    delete: ['logs:DescribeLogGroups', 'logs:DeleteLogGroup', 'logs:DeleteDataProtectionPolicy'],
  },
  'AWS::IAM::Role': {
    create: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:GetRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:GetRole'],
    read: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
    update: ['iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:DetachRolePolicy', 'iam:AttachRolePolicy', 'iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePolicy', 'iam:PutRolePolicy', 'iam:TagRole', 'iam:UntagRole'],
    delete: ['iam:DeleteRole', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:TagRole', 'iam:UntagRole'],
  },
  'AWS::ECS::TaskDefinition': {
    create: ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:TagResource', 'iam:GetRole', 'iam:PassRole'],
    read: ['ecs:DescribeTaskDefinition'],
    update: ['ecs:TagResource', 'ecs:UntagResource', 'ecs:ListTagsForResource', 'ecs:DescribeTaskDefinition', 'iam:GetRole', 'iam:PassRole'],
    delete: ['ecs:DeregisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'iam:GetRole', 'iam:PassRole'],
  },
  'AWS::ECS::Service': {
    create: ['ecs:CreateService', 'ecs:DescribeServices', 'iam:PassRole', 'ecs:TagResource'],
    read: ['ecs:DescribeServices'],
    update: ['ecs:DescribeServices', 'ecs:ListTagsForResource', 'ecs:TagResource', 'ecs:UntagResource', 'ecs:UpdateService'],
    delete: ['ecs:DeleteService', 'ecs:DescribeServices'],
  },
  // Same source and tag (aws-elasticloadbalancingv2-{loadbalancer,targetgroup,listener}.json), for expose: load-balancer.
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    create: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:AddTags'],
    read: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeTags'],
    update: ['elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetSubnets', 'elasticloadbalancing:SetIpAddressType', 'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    delete: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DeleteLoadBalancer'],
  },
  'AWS::ElasticLoadBalancingV2::TargetGroup': {
    create: ['elasticloadbalancing:CreateTargetGroup', 'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:AddTags'],
    read: ['elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroupAttributes', 'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DescribeTags'],
    update: ['elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DeregisterTargets', 'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
    delete: ['elasticloadbalancing:DeleteTargetGroup', 'elasticloadbalancing:DescribeTargetGroups'],
  },
  'AWS::ElasticLoadBalancingV2::Listener': {
    create: ['elasticloadbalancing:CreateListener', 'elasticloadbalancing:DescribeListeners', 'cognito-idp:DescribeUserPoolClient'],
    read: ['elasticloadbalancing:DescribeListeners'],
    update: ['elasticloadbalancing:ModifyListener', 'elasticloadbalancing:DescribeListeners', 'cognito-idp:DescribeUserPoolClient'],
    delete: ['elasticloadbalancing:DeleteListener', 'elasticloadbalancing:DescribeListeners'],
  },
};

/**
 * Handler permissions the manifest leaves out: `unless` names the property that would make the
 * handler call it (no template sets it: a test checks), `never` says why it is withheld on purpose.
 */
export type Omission = { unless: string } | { never: string };

export const NOT_PERFORMED: Record<string, Record<string, Omission>> = {
  'AWS::EC2::VPC': { 'ec2:ModifyVpcTenancy': { unless: 'InstanceTenancy' } },
  'AWS::EC2::VPCGatewayAttachment': {
    'ec2:AttachVpnGateway': { unless: 'VpnGatewayId' }, 'ec2:DetachVpnGateway': { unless: 'VpnGatewayId' }, 'ec2:DescribeVpnGateways': { unless: 'VpnGatewayId' },
  },
  'AWS::EC2::Subnet': { 'ec2:AssociateSubnetCidrBlock': { unless: 'Ipv6CidrBlock' }, 'ec2:DisassociateSubnetCidrBlock': { unless: 'Ipv6CidrBlock' } },
  'AWS::ECS::Cluster': {
    'kms:DescribeKey': { unless: 'Configuration' },
    'ecs:PutClusterCapacityProviders': { unless: 'CapacityProviders' },
    'ecs:PutAccountSetting': { never: 'an account-wide ECS setting: a preview cluster must not change the account\'s defaults' },
    'ecs:PutAccountSettingDefault': { never: 'an account-wide ECS setting: a preview cluster must not change the account\'s defaults' },
  },
  'AWS::Logs::LogGroup': {
    'logs:PutDataProtectionPolicy': { unless: 'DataProtectionPolicy' }, 'logs:DeleteDataProtectionPolicy': { unless: 'DataProtectionPolicy' },
    'logs:CreateLogDelivery': { unless: 'DataProtectionPolicy' }, 'firehose:TagDeliveryStream': { unless: 'DataProtectionPolicy' },
    's3:REST.PUT.OBJECT': { never: 'not an IAM action (the schema lists an S3 REST operation)' },
    'logs:PutResourcePolicy': { unless: 'ResourcePolicyDocument' }, 'logs:DescribeResourcePolicies': { unless: 'ResourcePolicyDocument' },
    'logs:AssociateKmsKey': { unless: 'KmsKeyId' }, 'logs:DisassociateKmsKey': { unless: 'KmsKeyId' },
  },
  'AWS::IAM::Role': {
    // The boundary is fixed when a role is created; letting an update change or drop it would undo it.
    'iam:PutRolePermissionsBoundary': { never: 'the permissions boundary must not change after creation' },
    'iam:DeleteRolePermissionsBoundary': { never: 'the permissions boundary must not be removed' },
    'iam:UpdateAssumeRolePolicy': { never: 'changing a trust policy in place could hand a role to another principal' },
  },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { 'elasticloadbalancing:SetIpAddressType': { unless: 'IpAddressType' } },
  // The target group's targets are ECS's to register (the service's LoadBalancers), not the template's.
  'AWS::ElasticLoadBalancingV2::TargetGroup': { 'elasticloadbalancing:RegisterTargets': { unless: 'Targets' }, 'elasticloadbalancing:DeregisterTargets': { unless: 'Targets' } },
  // Only an authenticate-cognito action names a user pool client.
  'AWS::ElasticLoadBalancingV2::Listener': { 'cognito-idp:DescribeUserPoolClient': { unless: 'AuthenticateCognitoConfig' } },
  // Without Role the service uses ECS's service-linked role.
  'AWS::ECS::Service': { 'iam:PassRole': { unless: 'Role' } },
};

/** The permissions a handler performs for the templates' resources. */
export function performedPermissions(type: string, handler: Handler): string[] {
  const listed = HANDLER_PERMISSIONS[type]?.[handler];
  if (!listed) throw new Error(`No handler facts for ${type} ${handler}`);
  const skipped = NOT_PERFORMED[type] ?? {};
  return listed.filter((action) => !(action in skipped));
}
