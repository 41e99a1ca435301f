import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isImageReference, parseInputs } from '../../src/inputs/parse';
import { AWS_REGIONS } from '../../src/inputs/regions';
import { RunContext } from '../../src/inputs/types';
import { InputError } from '../../src/util/errors';

const ctx: RunContext = {
  repository: 'acme/shop', eventName: 'pull_request', refName: '42/merge', prNumber: 42, fromFork: false,
  serverUrl: 'https://github.com', workspace: '/tmp/ws',
};

function problemsOf(raw: Record<string, string>) {
  try {
    parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1', ...raw }, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems;
  }
  return [];
}

describe('inputs that used to be accepted although AWS or the runner would misread them', () => {
  it.each([
    ['aws-region', 'xx-fake-9'],
    ['aws-region', 'eu-west-9'],
    ['memory', '01024'],
    ['cpu', '0256'],
    ['desired-count', '01'],
    ['app-image', 'not an image'],
    ['app-image', 'UPPER/case:tag'],
    ['app-image', 'repo/app:tag\n::warning::forged'],
    ['app-image', 'repo/app@sha256:1234'],
    ['app-image', `registry.example/${'a'.repeat(250)}:v1`],
    ['audience', 'https://evil.example'],
    ['audience', 'evil.example'],
    ['amp-workspace-alias', 'acme/shop\n::error::forged'],
    ['environment', 'pr-\n42'],
    ['stack-name', 'preview\rother'],
  ])('%s %j fails naming the input, once', (input, value) => {
    const problems = problemsOf({ [input]: value });
    expect(problems.map((p) => p.input)).toEqual([input]);
  });

  it('says a line break is the problem, without echoing the value', () => {
    const [problem] = problemsOf({ 'amp-workspace-alias': 'acme\n::stop-commands::x' });
    expect(problem.problem).toBe('contains a line break.');
    expect(problem.fix).not.toContain('stop-commands');
  });

  it.each([
    ['aws-region', 'eusc-de-east-1'],
    ['aws-region', 'us-gov-west-1'],
    ['aws-region', 'cn-north-1'],
    ['memory', '2048'],
    ['app-image', 'nginx'],
    ['app-image', 'nginx:1.27-alpine'],
    ['app-image', 'localhost:5000/team/app:v1'],
    ['app-image', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:4f1c2e9'],
    ['app-image', `public.ecr.aws/acme/app@sha256:${'a'.repeat(64)}`],
    ['audience', 'sts.amazonaws.com'],
    ['audience', 'sts.amazonaws.com.cn'],
    ['tags', 'team=web\ncost-center=42'],
    ['subnet-ids', 'subnet-0123456789abcdef0\nsubnet-0123456789abcdef1'],
  ])('%s %j is accepted', (input, value) => {
    const raw: Record<string, string> = { [input]: value };
    if (input === 'subnet-ids') raw['vpc-id'] = 'vpc-0123456789abcdef0';
    expect(problemsOf(raw)).toEqual([]);
  });

  it('knows every region the installed AWS SDK knows', () => {
    const file = join(require.resolve('@aws-sdk/core/package.json'), '..', 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js');
    const text = readFileSync(file, 'utf8').replace(/^export const partitionsInfo = /, '').replace(/;\s*$/, '');
    const sdk = (JSON.parse(text) as { partitions: { regions: Record<string, unknown> }[] }).partitions
      .flatMap((p) => Object.keys(p.regions)).filter((r) => !r.startsWith('aws-'));
    expect([...AWS_REGIONS].sort()).toEqual(sdk.sort());
  });

  it('reads image references as Docker does', () => {
    expect(isImageReference('a/b/c:d')).toBe(true);
    expect(isImageReference('a__b:x')).toBe(true);
    expect(isImageReference('a___b:x')).toBe(false);
    expect(isImageReference('-a:x')).toBe(false);
    expect(isImageReference('a:-x')).toBe(false);
  });
});
