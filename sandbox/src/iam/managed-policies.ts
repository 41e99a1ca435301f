// The AWS managed policies whose content the sandbox knows. A role may attach others, but the
// authorizer refuses to guess what they grant: an unknown one is a gap in this table, not a deny.

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: string;
  Statement: PolicyStatement[];
}

interface ManagedPolicy {
  document: PolicyDocument;
  /** Where the content was read, so that a stale copy can be checked against AWS's reference. */
  source: string;
}

const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement });

/** By policy name (the last segment of arn:aws:iam::aws:policy/[path/]Name). */
const AWS_MANAGED: Record<string, ManagedPolicy> = {
  AdministratorAccess: {
    source: 'AWS Managed Policy Reference, AdministratorAccess (v1)',
    document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
  },
  AmazonPrometheusFullAccess: {
    // The reference page's excerpt as read ended inside the third statement; statements after it,
    // if any, are not modelled. The scraper service-linked-role name is the reference's.
    source: 'AWS Managed Policy Reference, AmazonPrometheusFullAccess v2 (edited 2023-11-26)',
    document: doc(
      { Sid: 'AllPrometheusActions', Effect: 'Allow', Action: ['aps:*'], Resource: '*' },
      {
        Sid: 'DescribeCluster', Effect: 'Allow', Action: ['eks:DescribeCluster', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'],
        Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['aps.amazonaws.com'] } }, Resource: '*',
      },
      {
        Sid: 'CreateServiceLinkedRole', Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole',
        Resource: 'arn:aws:iam::*:role/aws-service-role/scraper.aps.amazonaws.com/AWSServiceRoleForAmazonPrometheusScraper*',
        Condition: { StringEquals: { 'iam:AWSServiceName': 'scraper.aps.amazonaws.com' } },
      },
    ),
  },
  AmazonPrometheusQueryAccess: {
    source: 'carried over from the sandbox\'s earlier table (models/iam.ts); not re-read from the reference',
    document: doc({ Effect: 'Allow', Action: ['aps:GetLabels', 'aps:GetMetricMetadata', 'aps:GetSeries', 'aps:QueryMetrics'], Resource: '*' }),
  },
  AmazonECSTaskExecutionRolePolicy: {
    // Attached as arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy.
    source: 'AWS Batch User Guide, "IAM execution role" (quotes the policy ECS provides)',
    document: doc({
      Effect: 'Allow',
      Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: '*',
    }),
  },
};

const AWS_MANAGED_ARN = /^arn:aws[-a-z]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED_ARN.test(arn);
}

/** The document of an AWS managed policy the sandbox knows, or undefined. */
export function awsManagedPolicy(arn: string): PolicyDocument | undefined {
  const name = AWS_MANAGED_ARN.exec(arn)?.[1];
  return name !== undefined && Object.hasOwn(AWS_MANAGED, name) ? AWS_MANAGED[name].document : undefined;
}
