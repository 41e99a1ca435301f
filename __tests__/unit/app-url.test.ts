import { ExposeInputs } from '../../src/inputs/expose';
import { appEndpoint, isHealthyAnswer, summarizeAttempts, unansweredFix } from '../../src/expose/plan';
import { exposeParameters } from '../../src/expose/app-url';
import { trustedHref } from '../../src/render/links';

const lb: ExposeInputs = { mode: 'load-balancer', ingressCidrs: ['0.0.0.0/0'], healthCheckPath: '/healthz' };
const ip: ExposeInputs = { mode: 'public-ip', ingressCidrs: ['203.0.113.0/24'], healthCheckPath: '/' };

describe('the app URL', () => {
  it('is the load balancer on port 80, checked at the health check path', () => {
    expect(appEndpoint(lb, { loadBalancerDns: 'Preview-LoadB-1A2B3C-123456789.eu-west-1.elb.amazonaws.com', appPort: 8080 })).toEqual({
      url: 'http://preview-loadb-1a2b3c-123456789.eu-west-1.elb.amazonaws.com/',
      probeUrl: 'http://preview-loadb-1a2b3c-123456789.eu-west-1.elb.amazonaws.com/healthz',
    });
  });

  it('is the task\'s public IP on the app port', () => {
    expect(appEndpoint(ip, { publicIp: '203.0.113.9', appPort: 8080 })).toEqual({ url: 'http://203.0.113.9:8080/', probeUrl: 'http://203.0.113.9:8080/' });
    expect(appEndpoint(ip, { publicIp: '203.0.113.9', appPort: 80 })?.url).toBe('http://203.0.113.9/');
  });

  it('does not exist for expose none, or before there is a host', () => {
    expect(appEndpoint({ ...lb, mode: 'none' }, { loadBalancerDns: 'x.eu-west-1.elb.amazonaws.com', appPort: 8080 })).toBeUndefined();
    expect(appEndpoint(ip, { appPort: 8080 })).toBeUndefined();
  });

  it('fills one template slot per CIDR and empties the rest', () => {
    expect(exposeParameters(ip)).toEqual({ Expose: 'public-ip', IngressCidr1: '203.0.113.0/24', IngressCidr2: '', IngressCidr3: '', IngressCidr4: '', IngressCidr5: '', HealthCheckPath: '/' });
  });
});

describe('judging what answered', () => {
  it.each([[200, true], [302, true], [399, true], [404, false], [503, false], [199, false]])('HTTP %d healthy: %s', (status, ok) => {
    expect(isHealthyAnswer({ status })).toBe(ok);
  });

  it('never counts an error as an answer', () => {
    expect(isHealthyAnswer({ error: 'ECONNREFUSED' })).toBe(false);
  });

  it('summarizes the answers, most frequent first', () => {
    expect(summarizeAttempts([{ error: 'ECONNREFUSED' }, { status: 503 }, { status: 503 }])).toBe('HTTP 503 ×2, ECONNREFUSED');
    expect(summarizeAttempts([])).toBe('no attempt was made');
  });

  it('says what to fix from the last answer', () => {
    expect(unansweredFix(lb, [{ status: 503 }])).toMatch(/no healthy target.*\/healthz/);
    expect(unansweredFix(ip, [{ status: 404 }])).toMatch(/HTTP 404/);
    expect(unansweredFix(ip, [{ error: 'ETIMEDOUT' }])).toMatch(/ingress-cidrs/);
  });
});

describe('linking the app URL', () => {
  const scope = { region: 'eu-west-1', repository: 'acme/shop' };
  it('links the run\'s region\'s load balancer only', () => {
    expect(trustedHref('http://preview-loadb-1a2b3c-123456789.eu-west-1.elb.amazonaws.com/', scope)).toBe('http://preview-loadb-1a2b3c-123456789.eu-west-1.elb.amazonaws.com/');
    expect(trustedHref('http://preview-loadb-1a2b3c-123456789.us-east-1.elb.amazonaws.com/', scope)).toBeUndefined();
    expect(trustedHref('http://evil.example/?x=.eu-west-1.elb.amazonaws.com', scope)).toBeUndefined();
    expect(trustedHref('http://a.eu-west-1.elb.amazonaws.com:8080/', scope)).toBeUndefined();
    expect(trustedHref('http://a.eu-west-1.elb.amazonaws.com/login', scope)).toBeUndefined();
  });

  it('never links a bare IP', () => {
    expect(trustedHref('http://203.0.113.9:8080/', scope)).toBeUndefined();
  });
});
