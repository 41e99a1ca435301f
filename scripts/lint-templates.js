#!/usr/bin/env node
// Lints templates/ with cfn-lint (npm, the martysweet validator). Its bundled resource
// specification predates properties the preview stack relies on (the ECS deployment circuit
// breaker, RuntimePlatform), so the official CloudFormation resource specification shipped in
// @aws-cdk/cfnspec replaces it before validating.
'use strict';
const path = require('node:path');
const util = require('node:util');

// The linter calls util.isUndefined, which Node 23 removed (deprecated since Node 4); CI runs on
// Node 24, the action's runtime. Restore just that one, with its documented meaning.
if (typeof util.isUndefined !== 'function') util.isUndefined = (value) => value === undefined;
const awsData = require('cfn-lint/lib/awsData');
const { specification } = require('@aws-cdk/cfnspec');
const { validateFile } = require('cfn-lint/lib/api');

const spec = specification();
Object.assign(awsData.awsResources.ResourceTypes, spec.ResourceTypes);
Object.assign(awsData.awsResources.PropertyTypes, spec.PropertyTypes);

// Values for parameters without defaults, of the shape the action passes.
const PARAMETERS = {
  'preview-stack.yaml': {
    EnvironmentName: 'pr-1',
    AmpWorkspaceArn: 'arn:aws:aps:eu-west-1:123456789012:workspace/ws-00000000-0000-0000-0000-000000000000',
    AdotConfig: 'receivers: {}',
    AdotImage: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0',
    // Its default '' (no subnets: the template creates them) trips a list heuristic of the linter.
    SubnetIds: 'subnet-0123456789abcdef0,subnet-0123456789abcdef1',
  },
  'grafana-workspace-role.yaml': {},
  'bootstrap.yaml': { Repository: 'acme/shop' },
};

let failed = false;
for (const [file, parameters] of Object.entries(PARAMETERS)) {
  const result = validateFile(path.join(__dirname, '..', 'templates', file), { parameters });
  const problems = [...result.errors.crit, ...result.errors.warn];
  for (const p of problems) console.log(`${file}: ${p.resource}: ${p.message}`);
  console.log(`${file}: ${result.errors.crit.length} critical, ${result.errors.warn.length} warnings (cfn-lint, CloudFormation spec ${spec.ResourceSpecificationVersion})`);
  if (!result.templateValid || problems.length > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
