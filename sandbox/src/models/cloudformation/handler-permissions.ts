// What CloudFormation's resource handlers need from IAM, per resource type the sandbox provisions.
//
// Source: the CloudFormation resource provider schemas (registry), as shipped by cfn-lint v1.12.3
// (tag of 2024-09-04) under src/cfnlint/data/schemas/providers/us_east_1/<type>.json:
// `handlers.{create,read,update,delete}.permissions` and `tagging`. Later cfn-lint tags dropped the
// `handlers` section. The handler lists live in src/permissions/cloudformation-handlers.ts, one copy
// for the manifest and the sandbox. Which of these a handler really performs
// for the properties it is given is decided in handler-calls.ts; this file only states the schemas.
//
// AWS::CloudFormation::WaitConditionHandle has no provider schema handlers: it is internal to
// CloudFormation and calls no service, so nothing is authorized for it.

import { Handler, HANDLER_PERMISSIONS } from '../../../../src/permissions/cloudformation-handlers';

export type HandlerName = Handler;

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

/** The tagging facts of each type's schema; the handler lists are the manifest's own facts, from the same schemas. */
const TAGGING: Record<string, TaggingFacts> = {
  'AWS::CloudFormation::WaitConditionHandle': { taggable: false, cloudFormationSystemTags: false },
  'AWS::EC2::VPC': { taggable: true, cloudFormationSystemTags: true },
  'AWS::EC2::Subnet': { taggable: true, cloudFormationSystemTags: true },
  'AWS::EC2::InternetGateway': { taggable: true, cloudFormationSystemTags: true },
  'AWS::EC2::VPCGatewayAttachment': { taggable: false, cloudFormationSystemTags: false },
  'AWS::EC2::RouteTable': { taggable: true, cloudFormationSystemTags: true },
  'AWS::EC2::Route': { taggable: false, cloudFormationSystemTags: false },
  'AWS::EC2::SubnetRouteTableAssociation': { taggable: false, cloudFormationSystemTags: false },
  'AWS::EC2::SecurityGroup': { taggable: true, cloudFormationSystemTags: true },
  // The schema says only { taggable: true }; the other tagging flags take the meta-schema defaults.
  'AWS::ECS::Cluster': { taggable: true, cloudFormationSystemTags: true },
  'AWS::ECS::TaskDefinition': { taggable: true, cloudFormationSystemTags: true },
  'AWS::ECS::Service': { taggable: true, cloudFormationSystemTags: true },
  'AWS::Logs::LogGroup': { taggable: true, cloudFormationSystemTags: true },
  'AWS::IAM::Role': { taggable: true, cloudFormationSystemTags: false },
  // The ELBv2 schemas say cloudFormationSystemTags: false; the listener is not taggable.
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { taggable: true, cloudFormationSystemTags: false },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { taggable: true, cloudFormationSystemTags: false },
  'AWS::ElasticLoadBalancingV2::Listener': { taggable: false, cloudFormationSystemTags: false },
};

export const RESOURCE_TYPE_FACTS: Record<string, ResourceTypeFacts> = Object.fromEntries(Object.entries(TAGGING)
  .map(([type, tagging]) => [type, { tagging, handlers: HANDLER_PERMISSIONS[type] ?? {} }]));

export const NOT_IAM_ACTIONS = new Set(['s3:REST.PUT.OBJECT']);
