import { cidrContains, parseCidr } from '../../src/inputs/expose';
import { parseInputs } from '../../src/inputs/parse';
import { RunContext } from '../../src/inputs/types';
import { InputError } from '../../src/util/errors';

const ctx: RunContext = {
  repository: 'acme/shop', eventName: 'pull_request', refName: '42/merge', prNumber: 42, fromFork: false,
  serverUrl: 'https://github.com', workspace: '/tmp/ws',
};
const parse = (raw: Record<string, string>) => parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1', ...raw }, ctx);

function problemsOf(raw: Record<string, string>) {
  try {
    parse(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('expose inputs', () => {
  it('defaults to none: no ingress, health check on /', () => {
    expect(parse({}).deploy.expose).toEqual({ mode: 'none', ingressCidrs: [], healthCheckPath: '/' });
  });

  it('takes a CIDR list, comma- or newline-separated', () => {
    const { expose } = parse({ expose: 'load-balancer', 'ingress-cidrs': '203.0.113.0/24, 198.51.100.7/32\n# office\n0.0.0.0/0', 'health-check-path': '/healthz' }).deploy;
    expect(expose).toEqual({ mode: 'load-balancer', ingressCidrs: ['203.0.113.0/24', '198.51.100.7/32', '0.0.0.0/0'], healthCheckPath: '/healthz' });
  });

  it.each([
    [{ expose: 'alb' }, 'expose'],
    [{ expose: 'public-ip' }, 'ingress-cidrs'],
    [{ expose: 'load-balancer', 'ingress-cidrs': '10.0.0.0/33' }, 'ingress-cidrs'],
    [{ expose: 'public-ip', 'ingress-cidrs': '256.0.0.0/8' }, 'ingress-cidrs'],
    [{ expose: 'public-ip', 'ingress-cidrs': '10.0.0.1' }, 'ingress-cidrs'],
    [{ expose: 'public-ip', 'ingress-cidrs': '010.0.0.0/8' }, 'ingress-cidrs'],
    [{ expose: 'public-ip', 'ingress-cidrs': '::/0' }, 'ingress-cidrs'],
    [{ expose: 'public-ip', 'ingress-cidrs': '10.0.0.0/8,10.0.0.0/8' }, 'ingress-cidrs'],
    [{ expose: 'public-ip', 'ingress-cidrs': '1.0.0.0/8,2.0.0.0/8,3.0.0.0/8,4.0.0.0/8,5.0.0.0/8,6.0.0.0/8' }, 'ingress-cidrs'],
    [{ 'ingress-cidrs': '10.0.0.0/8' }, 'ingress-cidrs'],
    [{ 'health-check-path': 'healthz' }, 'health-check-path'],
    [{ 'health-check-path': '/health?x=1' }, 'health-check-path'],
    [{ expose: 'load-balancer', 'ingress-cidrs': '0.0.0.0/0', 'vpc-id': 'vpc-0123456789abcdef0', 'subnet-ids': 'subnet-0123456789abcdef0' }, 'subnet-ids'],
  ])('refuses %j naming %s', (raw, input) => {
    const problems = problemsOf(raw as Record<string, string>);
    expect(problems.map((p) => p.input)).toEqual([input]);
    expect(problems[0].fix.length).toBeGreaterThan(10);
  });

  it('names the network a CIDR with host bits stands for', () => {
    const [problem] = problemsOf({ expose: 'public-ip', 'ingress-cidrs': '203.0.113.77/24' });
    expect(problem.fix).toContain('203.0.113.0/24');
  });
});

describe('CIDR arithmetic', () => {
  it.each([
    ['0.0.0.0/0', '0.0.0.0/0', true],
    ['10.1.2.3/8', '10.0.0.0/8', false],
    ['198.51.100.7/32', '198.51.100.7/32', true],
    ['172.16.255.255/12', '172.16.0.0/12', false],
  ])('%s → %s', (text, canonical, exact) => {
    expect(parseCidr(text)).toEqual({ canonical, exact });
  });

  it('knows which addresses a CIDR holds', () => {
    expect(cidrContains('203.0.113.0/24', '203.0.113.200')).toBe(true);
    expect(cidrContains('203.0.113.0/24', '203.0.114.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '127.0.0.1')).toBe(true);
    expect(cidrContains('127.0.0.1/32', '127.0.0.1')).toBe(true);
  });
});
