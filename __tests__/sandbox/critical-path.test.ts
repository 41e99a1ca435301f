import { RequestLogEntry, Transition } from '../../sandbox/src/core/types';
import { leaf, maxConcurrentTargets, par, pathLength, seq, targetIds, unionLength, waits } from '../../sandbox/src/harness/critical-path';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function transition(service: Transition['service'], resource: string, kind: Transition['kind'], from: number, to: number, stack?: string): Transition {
  return { service, resource, kind, to: 'DONE', startedAt: T0 + from, doneAt: T0 + to, stack };
}

let seqNo = 0;
function request(service: string, operation: string, ms: number, target?: string, extra: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return { seq: ++seqNo, at: at(ms), service, operation, mutating: !/^(Describe|List|Get)/.test(operation), status: 200, target, ...extra };
}

// The provision of issue 15: max(AMP active, role stack + Grafana active).
const provision = par(
  leaf('AMP', { service: 'aps', kind: ['create'] }),
  seq(leaf('role stack', { service: 'cloudformation', resource: /^role-/ }), leaf('Grafana', { service: 'grafana', kind: ['create'] })),
);

describe('critical path', () => {
  it('unions overlapping intervals and adds disjoint ones', () => {
    expect(unionLength([[0, 10], [5, 15], [20, 25]])).toBe(20);
    expect(unionLength([[0, 10], [2, 3]])).toBe(10);
    expect(unionLength([])).toBe(0);
  });

  it('takes the longer branch of a parallel step and sums a sequence, change set and stack as one leaf', () => {
    const records = [
      transition('aps', 'ws-1', 'create', 0, 4000),
      transition('cloudformation', 'cs-1', 'changeset', 100, 900, 'role-acme'),
      transition('cloudformation', 'role-acme', 'create', 1200, 3700),
      transition('grafana', 'g-1', 'create', 4000, 13000),
    ];
    const p = pathLength(provision, records);
    // Role stack: 0.8 s change set + 2.5 s stack (the gap between them is the action's), then Grafana 9 s.
    expect(p.ms).toBe(800 + 2500 + 9000);
    expect(p.explained).toBe('max(AMP 4.0 s, role stack 3.3 s + Grafana 9.0 s)');
  });

  it('reads a run that reused everything as a path of 0', () => {
    expect(pathLength(provision, []).ms).toBe(0);
  });

  it('lets the AMP branch win when it is the longer', () => {
    expect(pathLength(provision, [transition('aps', 'ws-1', 'create', 0, 20000), transition('grafana', 'g-1', 'create', 0, 9000)]).ms).toBe(20000);
  });
});

describe('targets', () => {
  it('reduces ARNs and lists to the ids transitions use', () => {
    expect(targetIds('cloudformation', 'arn:aws:cloudformation:eu-west-1:123456789012:stack/preview-x/4a3b')).toEqual(['preview-x']);
    expect(targetIds('cloudformation', 'arn:aws:cloudformation:eu-west-1:123456789012:changeSet/cs-1/77')).toEqual(['cs-1']);
    expect(targetIds('cloudformation', 'preview-x')).toEqual(['preview-x']);
    expect(targetIds('aps', 'arn:aws:aps:eu-west-1:123456789012:workspace/ws-1')).toEqual(['ws-1']);
    expect(targetIds('ecs', 'arn:aws:ecs:eu-west-1:123456789012:service/c/svc-a,svc-b')).toEqual(['svc-a', 'svc-b']);
    expect(targetIds('aps', undefined)).toEqual([]);
  });
});

describe('waits', () => {
  const window = { from: T0 - 1000, to: T0 + 60_000 };

  it('measures the lag to the first read that could see the change, skipping injected faults, and the reads per second', () => {
    const log = [
      request('aps', 'CreateWorkspace', 0),
      request('aps', 'DescribeWorkspace', 1000, 'ws-1'),
      request('aps', 'DescribeWorkspace', 3000, 'ws-1'),
      request('aps', 'DescribeWorkspace', 4200, 'ws-1', { injected: 'throttle', status: 400 }),
      request('aps', 'DescribeWorkspace', 4600, 'ws-1'),
      request('aps', 'DescribeWorkspace', 4700, 'ws-2'),
    ];
    const [w] = waits([transition('aps', 'ws-1', 'create', 0, 4000)], log, window);
    expect(w.lagMs).toBe(600);
    expect(w.boundMs).toBe(1000);
    expect(w.calls).toBe(4);
    expect(w.callsPerSecond).toBeCloseTo(4 / 4.6);
  });

  it('bounds the lag by 5 % of a long wait', () => {
    const log = [request('cloudformation', 'DescribeStacks', 100_500, 'arn:aws:cloudformation:eu-west-1:1:stack/s/1')];
    const [w] = waits([transition('cloudformation', 's', 'create', 0, 100_000)], log, { from: T0, to: T0 + 200_000 });
    expect(w.boundMs).toBe(5000);
    expect(w.lagMs).toBe(500);
  });

  it('leaves out what nobody read after it ended, and what started outside the run', () => {
    const log = [request('ecs', 'DescribeServices', 500, 'svc')];
    expect(waits([transition('ecs', 'svc', 'deployment', 0, 1000)], log, window)).toEqual([]);
    expect(waits([transition('ecs', 'svc', 'deployment', -5000, -4000)], log, window)).toEqual([]);
  });
});

describe('concurrency', () => {
  it('counts the environments between their first delete attempt and their last request', () => {
    const log = [
      request('aps', 'ListWorkspaces', 0),
      request('aps', 'ListTagsForResource', 1, 'arn:aws:aps:eu-west-1:1:workspace/ws-3'),
      request('aps', 'DeleteWorkspace', 10, 'ws-1', { injected: 'throttle', status: 429 }),
      request('aps', 'DeleteWorkspace', 20, 'ws-2'),
      request('aps', 'DeleteWorkspace', 30, 'ws-1'),
      request('aps', 'DescribeWorkspace', 100, 'ws-1'),
      request('aps', 'DescribeWorkspace', 110, 'ws-2'),
      // ws-3 starts at the millisecond ws-1 ended: its slot, not a third one.
      request('aps', 'DeleteWorkspace', 100, 'ws-3'),
      request('aps', 'DescribeWorkspace', 200, 'ws-3'),
    ];
    expect(maxConcurrentTargets(log, 'aps', 'DeleteWorkspace')).toBe(2);
  });

  it('sees three at once when they overlap', () => {
    const log = ['a', 'b', 'c'].flatMap((id, i) => [request('aps', 'DeleteWorkspace', i, id), request('aps', 'DescribeWorkspace', 50 + i, id)]);
    expect(maxConcurrentTargets(log, 'aps', 'DeleteWorkspace')).toBe(3);
  });
});
