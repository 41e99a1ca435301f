import { parseInputs } from '../../src/inputs/parse';
import { COLLECTOR_PORTS } from '../../src/render/adot-config';
import { RunContext } from '../../src/inputs/types';
import { InputError } from '../../src/util/errors';

const ctx: RunContext = {
  repository: 'acme/shop', eventName: 'pull_request', refName: '42/merge', prNumber: 42, fromFork: false,
  serverUrl: 'https://github.com', workspace: '/tmp/ws',
};

function problems(appPort: string) {
  try {
    parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1', 'app-port': appPort }, ctx);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems;
  }
}

describe('app-port', () => {
  // The app and the collector share the task's network namespace (awsvpc): the app cannot listen where the
  // collector does, or one of the two essential containers fails to start and the task crash-loops.
  it.each([['8888', 'telemetry'], ['13133', 'health-check']])('refuses %s, the collector\'s %s port, naming app-port and the fix', (port, use) => {
    const p = problems(port);
    expect(p).toHaveLength(1);
    expect(p[0].input).toBe('app-port');
    expect(p[0].problem).toContain(`${port} is the ADOT collector's ${use}`);
    expect(p[0].problem).toMatch(/crash-loop/);
    expect(p[0].fix).toContain('8888 and 13133');
  });

  it.each(['8080', '9090', '8887', '13134'])('accepts %s', (port) => {
    expect(problems(port)).toEqual([]);
    expect(parseInputs({ mode: 'deploy', 'aws-region': 'eu-west-1', 'app-port': port }, ctx).deploy.appPort).toBe(Number(port));
  });

  it('knows exactly the ports the collector binds (telemetry 8888, health check 13133)', () => {
    expect(COLLECTOR_PORTS.map((p) => p.port)).toEqual([8888, 13133]);
  });
});
