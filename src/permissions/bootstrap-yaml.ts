import { stringify } from 'yaml';
import { bootstrapTemplate } from './bootstrap';

const HEADER = `# Generated from ecs-amp-action's permission manifest (src/permissions) by scripts/generate-iam.ts: do not edit.
# Deploy once per repository (see the README's "Set up AWS"):
#   aws cloudformation deploy --stack-name ecs-amp-action-bootstrap-<repo> --template-file templates/bootstrap.yaml \\
#     --capabilities CAPABILITY_NAMED_IAM --parameter-overrides Repository=<owner>/<repo>
`;

/** templates/bootstrap.yaml as the generator writes it. */
export function renderBootstrapYaml(): string {
  return HEADER + stringify(bootstrapTemplate(), { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' });
}
