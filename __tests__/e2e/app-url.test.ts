import { request } from 'node:http';
import { PreviewFixture, startFixture } from '../../sandbox/src/harness/fixture';
import { ok } from './support';
import { defaultStackName } from '../../src/aws/stack-names';

const stackFor = (pr: number) => defaultStackName('acme/shop', `pr-${pr}`);
// The sandbox's runner address (198.51.100.7, TEST-NET-2) is inside this network and outside 192.0.2.0/24.
const RUNNER_NETWORK = '198.51.100.0/24';

const OPTIONS = { latencies: { cfnResource: { default: 20, ChangeSet: 50, 'AWS::IAM::Role': 60, 'ECS::Stabilize': 300 } }, droppedConnectionMs: 300 };
let fx: PreviewFixture;

async function provisioned(f = fx): Promise<number> {
  const pr = f.pullRequest();
  ok(await f.run({ mode: 'provision', grafana: 'false' }, { pr }));
  return pr;
}

/** Opens `url` as the runner does, through the sandbox's internet. */
function open(url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const proxy = new URL(fx.sandbox.appProxyUrl);
  return new Promise((resolve, reject) => {
    const r = request({ host: proxy.hostname, port: proxy.port, path: url, method: 'GET', headers: { host: new URL(url).host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    r.on('error', reject);
    r.end();
  });
}

const serviceOf = (pr: number) => [...fx.sandbox.ecs.services.values()].find((s) => s.name === stackFor(pr))!;
const runningTaskOf = (pr: number, f = fx) => [...f.sandbox.ecs.tasks.values()].find((t) => t.group === `service:${stackFor(pr)}` && t.lastStatus === 'RUNNING')!;
const proxied = (f = fx) => f.sandbox.log.filter((e) => e.service === 'app-proxy');

describe('the app at a URL (deploy with expose)', () => {
  beforeAll(async () => {
    fx = await startFixture(OPTIONS);
  });
  afterAll(() => fx.close());
  beforeEach(() => fx.reset());

  it('public-ip: the app-url output is the task\'s public IP, it answers through the runner\'s internet, and destroy removes the interface', async () => {
    const pr = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy', expose: 'public-ip', 'ingress-cidrs': RUNNER_NETWORK }, { pr }));

    const task = runningTaskOf(pr);
    const eni = fx.state().network.networkInterfaces.find((e) => e.taskArn === task.taskArn)!;
    expect(eni.publicIp).toMatch(/^203\.0\.113\.\d+$/);
    expect(run.outputs['app-url']).toBe(`http://${eni.publicIp}:8080/`);
    const answer = await open(run.outputs['app-url']);
    expect(answer).toMatchObject({ status: 200, body: 'healthy' });
    // The action itself opened it before the step ended (@actions/http-client tunnels with CONNECT).
    expect(proxied().some((e) => e.operation === `CONNECT ${eni.publicIp}:8080` && e.status === 200)).toBe(true);

    const taskGroup = fx.state().network.securityGroups.find((g) => g.id === serviceOf(pr).network!.securityGroups[0])!;
    expect(taskGroup.ingress).toEqual([{ protocol: 'tcp', fromPort: 8080, toPort: 8080, cidr: RUNNER_NETWORK, sourceSecurityGroupId: undefined }]);
    expect(fx.state().network.loadBalancers).toEqual([]);

    ok(await fx.run({ mode: 'destroy', grafana: 'false' }, { pr }));
    expect(fx.state().network.networkInterfaces.filter((e) => e.taskArn === task.taskArn)).toEqual([]);
    expect(fx.state().network.securityGroups.find((g) => g.id === taskGroup.id)).toBeUndefined();
    expect((await open(run.outputs['app-url'])).headers['x-sandbox-network']).toBe('dropped');
  });

  it('load-balancer: the ALB registers the task, answers at its DNS name from the runner\'s network only, and destroy removes it all', async () => {
    const pr = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy', expose: 'load-balancer', 'ingress-cidrs': RUNNER_NETWORK }, { pr }));

    const { network } = fx.state();
    expect(network.loadBalancers).toHaveLength(1);
    const lb = network.loadBalancers[0];
    expect(lb).toMatchObject({ scheme: 'internet-facing', dnsName: expect.stringMatching(/\.eu-west-1\.elb\.amazonaws\.com$/) });
    expect(run.outputs['app-url']).toBe(`http://${lb.dnsName}/`);
    const task = runningTaskOf(pr);
    const eni = network.networkInterfaces.find((e) => e.taskArn === task.taskArn)!;
    expect(network.targetGroups).toEqual([expect.objectContaining({ healthCheckPath: '/', targets: [{ ip: eni.privateIp, port: 8080, taskArn: task.taskArn }] })]);
    const lbGroup = network.securityGroups.find((g) => g.id === lb.securityGroups[0])!;
    expect(lbGroup.ingress).toEqual([expect.objectContaining({ protocol: 'tcp', fromPort: 80, toPort: 80, cidr: RUNNER_NETWORK })]);
    const taskGroup = network.securityGroups.find((g) => g.id === eni.securityGroups[0])!;
    expect(taskGroup.ingress).toEqual([expect.objectContaining({ fromPort: 8080, toPort: 8080, sourceSecurityGroupId: lbGroup.id, cidr: undefined })]);

    expect(await open(run.outputs['app-url'])).toMatchObject({ status: 200, body: 'healthy' });
    // The task's public IP is not open to the runner: only the load balancer's group is admitted.
    expect((await open(`http://${eni.publicIp}:8080/`)).headers['x-sandbox-network']).toBe('dropped');

    ok(await fx.run({ mode: 'destroy', grafana: 'false' }, { pr }));
    const after = fx.state().network;
    expect(after.loadBalancers).toEqual([]);
    expect(after.targetGroups).toEqual([]);
    expect(after.listeners).toEqual([]);
    expect(after.networkInterfaces.filter((e) => e.taskArn === task.taskArn)).toEqual([]);
  });

  it('none: no load balancer, no ingress rule, no app-url', async () => {
    const pr = await provisioned();
    const run = ok(await fx.run({ mode: 'deploy' }, { pr }));
    expect(run.outputs['app-url'] ?? '').toBe('');
    const { network } = fx.state();
    expect(network.loadBalancers).toEqual([]);
    expect(network.securityGroups.find((g) => g.id === serviceOf(pr).network!.securityGroups[0])!.ingress).toEqual([]);
    expect(proxied()).toEqual([]);
  });
});

/**
 * A failed wait lasts its whole wait-timeout-minutes (1, the least the input allows), so these two run side by side,
 * each in a sandbox of its own (a shared one would mix their load balancers and proxy logs).
 */
describe('the app at a URL that never answers healthy', () => {
  const fixtures: PreviewFixture[] = [];
  const own = async () => {
    const f = await startFixture(OPTIONS);
    fixtures.push(f);
    return f;
  };
  afterAll(() => Promise.all(fixtures.map((f) => f.close())));

  it.concurrent('fails the deploy when the app never answers its health-check path healthy, naming the URL and the answer', async () => {
    const f = await own();
    const pr = await provisioned(f);
    const run = await f.run({ mode: 'deploy', expose: 'load-balancer', 'ingress-cidrs': RUNNER_NETWORK, 'health-check-path': '/healthz', 'wait-timeout-minutes': '1' }, { pr });
    expect(run.code).not.toBe(0);
    const lb = f.state().network.loadBalancers[0];
    // Every target fails its check, so the ALB fails open and the app's own 404 comes back.
    const answers = proxied(f).filter((e) => e.operation === `GET ${lb.dnsName}/healthz`);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers.map((e) => e.status))).toEqual(new Set([404]));
    expect(run.log).toContain(`http://${lb.dnsName}/healthz`);
    expect(run.log).toMatch(/HTTP 404/);
  }, 150_000);

  it.concurrent('fails the wait when ingress-cidrs do not contain the runner\'s address', async () => {
    const f = await own();
    const pr = await provisioned(f);
    const run = await f.run({ mode: 'deploy', expose: 'public-ip', 'ingress-cidrs': '192.0.2.0/24', 'wait-timeout-minutes': '1' }, { pr });
    expect(run.code).not.toBe(0);
    const eni = f.state().network.networkInterfaces.find((e) => e.taskArn === runningTaskOf(pr, f).taskArn)!;
    const tries = proxied(f).filter((e) => e.operation === `CONNECT ${eni.publicIp}:8080`);
    expect(tries.length).toBeGreaterThan(0);
    expect(tries.every((e) => e.errorCode === 'dropped')).toBe(true);
    expect(run.log).toContain(`http://${eni.publicIp}:8080/`);
  }, 150_000);
});
