import { DEFAULT_METRICS_TIMEOUT_SECONDS, parseInputs } from '../../src/inputs/parse';
import { RunContext } from '../../src/inputs/types';
import { InputError } from '../../src/util/errors';

const ctx: RunContext = { repository: 'acme/shop', eventName: 'pull_request', refName: '7/merge', prNumber: 7, fromFork: false, serverUrl: 'https://github.com', workspace: '/tmp' };
const deploy = (raw: Record<string, string>) => parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1', ...raw }, ctx).deploy;
const problems = (raw: Record<string, string>) => {
  try {
    deploy(raw);
  } catch (err) {
    return (err as InputError).problems;
  }
  throw new Error('expected an InputError');
};

test('metrics-check warns by default and waits three minutes', () => {
  expect(deploy({})).toMatchObject({ metricsCheck: 'warn', metricsTimeoutSeconds: DEFAULT_METRICS_TIMEOUT_SECONDS });
  expect(DEFAULT_METRICS_TIMEOUT_SECONDS).toBe(180);
});

test.each(['fail', 'warn', 'off'])('metrics-check %s is accepted', (value) => {
  expect(deploy({ 'metrics-check': value }).metricsCheck).toBe(value);
});

test('a bad metrics-check or metrics-timeout-seconds is one InputError naming each, with the fix', () => {
  const p = problems({ 'metrics-check': 'strict', 'metrics-timeout-seconds': '5' });
  expect(p.map((x) => x.input)).toEqual(['metrics-check', 'metrics-timeout-seconds']);
  expect(p[0].fix).toMatch(/fail .*warn .*off/);
  expect(p[1].problem).toMatch(/from 10 to 1800/);
});

test.each(['1801', '60.5', '-1', '090', 'soon'])('metrics-timeout-seconds %s is refused', (value) => {
  expect(problems({ 'metrics-timeout-seconds': value })[0].input).toBe('metrics-timeout-seconds');
});
