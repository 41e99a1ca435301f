import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';

let fx: PreviewFixture;

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

describe('inputs refused before any AWS call, through dist/index.js', () => {
  it.each([
    ['aws-region', { 'aws-region': 'xx-fake-9' }],
    ['memory', { memory: '01024' }],
    ['app-image', { 'app-image': 'not an image' }],
    ['app-image', { 'app-image': 'public.ecr.aws/acme/app:v1\n::warning::forged' }],
    ['audience', { audience: 'https://evil.example' }],
    ['amp-workspace-alias', { 'amp-workspace-alias': 'acme/shop\n::error::forged' }],
  ])('%s', async (input, bad) => {
    const run = await fx.run({ mode: 'deploy', ...bad }, { pr: fx.pullRequest() });
    expect(run.code).toBe(1);
    const errors = run.log.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Input '${input}'`);
    // The value's own line break never reaches the log as a line of its own.
    expect(run.log.split('\n').filter((l) => /^::(warning|error)::forged/.test(l))).toEqual([]);
    // Not even STS: nothing was asked of AWS.
    // GitHub only: the comment says this commit's step failed.
    expect(fx.sandbox.log.filter((e) => e.service !== 'github')).toEqual([]);
  });
});
