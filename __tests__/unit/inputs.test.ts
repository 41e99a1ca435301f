import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultEnvironment, defaultStackName, parseInputs } from '../../src/inputs/parse';
import { INPUT_NAMES } from '../../src/inputs/read';
import { RunContext } from '../../src/inputs/types';
import { InputError } from '../../src/util/errors';

const ctx: RunContext = {
  repository: 'acme/shop', eventName: 'pull_request', refName: '42/merge', prNumber: 42, fromFork: false,
  serverUrl: 'https://github.com', workspace: '/tmp/ws',
};

function problemsOf(raw: Record<string, string>, context: RunContext = ctx) {
  try {
    parseInputs({ mode: 'provision', 'aws-region': 'eu-west-1', ...raw }, context);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('parseInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = parseInputs({ mode: 'provision', 'aws-region': 'eu-west-1' }, ctx);
    expect(inputs).toMatchObject({
      mode: 'provision', environment: 'pr-42', ampWorkspaceAlias: 'acme/shop/pr-42', grafana: true,
      grafanaWorkspaceName: 'acme-shop-previews', grafanaAuth: 'AWS_SSO', roleDurationSeconds: 3600,
      audience: 'sts.amazonaws.com', comment: true, waitTimeoutMinutes: 30, grafanaAdmins: [], extraTags: {},
    });
  });

  it('takes the region from AWS_REGION when the input is empty', () => {
    expect(parseInputs({ mode: 'provision' }, { ...ctx, envRegion: 'us-east-2' }).region).toBe('us-east-2');
  });

  it.each([
    [{ mode: 'deploi' }, 'mode'],
    [{ 'aws-region': 'europe' }, 'aws-region'],
    [{ environment: 'PR_42' }, 'environment'],
    [{ environment: 'a'.repeat(33) }, 'environment'],
    [{ environment: 'pr-' }, 'environment'],
    [{ tags: 'team' }, 'tags'],
    [{ tags: 'aws:owner=me' }, 'tags'],
    [{ tags: 'ecs-amp-action:repository=evil/repo' }, 'tags'],
    [{ tags: 'k=v<script>' }, 'tags'],
    [{ 'grafana-admins': 'user:alice' }, 'grafana-admins'],
    [{ 'grafana-admins': 'admin:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab' }, 'grafana-admins'],
    [{ 'role-to-assume': 'my-role' }, 'role-to-assume'],
    [{ 'role-duration-seconds': '60' }, 'role-duration-seconds'],
    [{ 'amp-workspace-id': 'nope' }, 'amp-workspace-id'],
    [{ 'grafana-workspace-id': 'g-XYZ' }, 'grafana-workspace-id'],
    [{ grafana: 'yes' }, 'grafana'],
    [{ 'wait-timeout-minutes': '0' }, 'wait-timeout-minutes'],
  ])('rejects %j naming %s', (raw, input) => {
    const problems = problemsOf(raw as Record<string, string>);
    expect(problems.map((p) => p.input)).toEqual([input]);
    expect(problems[0].fix.length).toBeGreaterThan(10);
  });

  it('reports every bad input at once', () => {
    expect(problemsOf({ mode: 'x', 'aws-region': 'y', tags: 'z' }).map((p) => p.input)).toEqual(['mode', 'aws-region', 'tags']);
  });

  it('parses admins and tags', () => {
    const inputs = parseInputs({
      mode: 'provision', 'aws-region': 'eu-west-1',
      'grafana-admins': 'user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab\ngroup:1234abcd-12ab-34cd-56ef-1234567890ab',
      tags: 'team=payments\n# comment\ncost-center = 42',
    }, ctx);
    expect(inputs.grafanaAdmins).toEqual([
      { type: 'SSO_USER', id: '906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab' },
      { type: 'SSO_GROUP', id: '1234abcd-12ab-34cd-56ef-1234567890ab' },
    ]);
    expect(inputs.extraTags).toEqual({ team: 'payments', 'cost-center': '42' });
  });

  it('refuses SSO admins with SAML auth', () => {
    expect(problemsOf({ 'grafana-auth': 'SAML', 'grafana-admins': 'user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab' })
      .map((p) => p.input)).toEqual(['grafana-admins']);
  });
});

describe('defaultEnvironment', () => {
  it.each([
    [{ prNumber: 7, refName: 'x' }, 'pr-7'],
    [{ refName: 'feature/New_Checkout' }, 'feature-new-checkout'],
    [{ refName: 'main' }, 'main'],
    [{ refName: '123-fix' }, 'fix'],
    [{ refName: 'a'.repeat(40) }, 'a'.repeat(32)],
    [{ refName: '///' }, undefined],
    // A branch can never derive a PR's environment.
    [{ refName: 'pr-7' }, 'branch-pr-7'],
    [{ refName: 'PR_7' }, 'branch-pr-7'],
    [{ refName: 'pr-7-fix' }, 'pr-7-fix'],
    [{ refName: `pr-${'1'.repeat(40)}` }, `branch-pr-${'1'.repeat(22)}`],
  ])('%j → %s', (c, expected) => {
    expect(defaultEnvironment(c)).toBe(expected);
  });
});

describe('environment pr-<n>', () => {
  const run = (environment: string, prNumber?: number) => {
    try {
      parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1', environment }, { ...ctx, prNumber, refName: 'main' });
      return [];
    } catch (err) {
      return (err as InputError).problems.map((p) => `${p.input}: ${p.problem}`);
    }
  };

  it('is refused on a run that is not for PR n, naming the input', () => {
    expect(run('pr-7')).toEqual([expect.stringMatching(/^environment: 'pr-7' is reserved for pull request #7, and this run is not for a pull request/)]);
    expect(run('pr-7', 8)).toEqual([expect.stringMatching(/^environment: .*this run is for pull request #8/)]);
    expect(run('pr-07', 7)).toEqual([expect.stringMatching(/^environment: 'pr-07' is reserved/)]);
  });

  it('is accepted on PR n itself, and names that only look alike are free', () => {
    expect(run('pr-7', 7)).toEqual([]);
    expect(run('pr-7-staging')).toEqual([]);
    expect(run('branch-pr-7')).toEqual([]);
  });

  it('is not derived when a workflow_run run\'s PR could not be determined', () => {
    const problems = (() => {
      try {
        parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1' }, { ...ctx, eventName: 'workflow_run', refName: 'feature', prLookupError: 'GitHub did not answer within 10 s' });
        return [];
      } catch (err) {
        return (err as InputError).problems.map((p) => p.input);
      }
    })();
    expect(problems).toEqual(['environment']);
  });
});

describe('defaultStackName', () => {
  it('keeps repositories of the same name under different owners apart', () => {
    const a = defaultStackName('acme/shop', 'pr-1');
    const b = defaultStackName('other-org/shop', 'pr-1');
    expect(a).toMatch(/^preview-acme-shop-[0-9a-f]{8}-pr-1$/);
    expect(b).toMatch(/^preview-other-org-shop-[0-9a-f]{8}-pr-1$/);
    expect(a).not.toBe(b);
    expect(defaultStackName('a-b/c', 'main')).not.toBe(defaultStackName('a/b-c', 'main'));
  });

  it('stays a valid stack name within 128 characters, and distinct when cut', () => {
    const env = `e${'x'.repeat(31)}`;
    const one = defaultStackName(`one/${'r'.repeat(100)}`, env);
    const two = defaultStackName(`two/${'r'.repeat(100)}`, env);
    for (const name of [one, two]) {
      expect(name).toMatch(/^preview-[a-zA-Z0-9-]+$/);
      expect(name.length).toBeLessThanOrEqual(128);
      expect(name.endsWith(`-${env}`)).toBe(true);
    }
    expect(one).not.toBe(two);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(__dirname, '../../action.yml'), 'utf8'));

  it('declares exactly the inputs the action reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('runs the committed bundle on node24', () => {
    // The post step (src/post.ts) deletes a killed dashboard step's Grafana token.
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' });
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const { ACTION_VERSION } = jest.requireActual('../../src/version');
    expect(ACTION_VERSION).toBe(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
  });

  it('defaults adot-image in action.yml to the pinned collector the configuration is written for', () => {
    const action = parse(readFileSync(join(__dirname, '../../action.yml'), 'utf8'));
    const { ADOT_IMAGE } = jest.requireActual('../../src/render/adot-config');
    expect(action.inputs['adot-image'].default).toBe(ADOT_IMAGE);
  });
});
