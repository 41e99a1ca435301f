import { describeParts, environmentOf, environmentsOf } from '../../src/inventory/environments';
import { grafanaWorkspaceUsers } from '../../src/inventory/ownership';
import type { Inventory } from '../../src/inventory/types';

const at = (iso: string) => new Date(iso);
const inventory = (extra: Partial<Inventory> = {}): Inventory => ({
  repository: 'octo/shop',
  stacks: [{ name: 'preview-pr-1', stackId: 'arn:stack/1', status: 'UPDATE_COMPLETE', environment: 'pr-1', prNumber: 1, lastDeployedAt: at('2026-11-30T10:00:00Z') }],
  ampWorkspaces: [
    { id: 'ws-1', environment: 'pr-1', prNumber: 1, status: 'ACTIVE', createdAt: at('2026-11-29T10:00:00Z') },
    { id: 'ws-2', environment: 'pr-2', prNumber: 2, status: 'ACTIVE', createdAt: at('2026-12-01T09:00:00Z') },
    { id: 'ws-3', environment: 'pr-3', status: 'DELETING', createdAt: at('2026-12-01T09:00:00Z') },
  ],
  ...extra,
});

describe('inventory by environment', () => {
  it('joins stacks, live workspaces and Grafana objects on the environment, newest activity first-class', () => {
    const envs = environmentsOf(inventory({
      grafana: { byEnvironment: new Map([['pr-4', { dashboards: [], folder: { uid: 'f', title: 'pr-4', id: 1, url: '/f' } as never }], ['pr-5', { dashboards: [] }]]), otherRepositories: [] },
    }));
    expect(envs.map((e) => e.environment)).toEqual(['pr-1', 'pr-2', 'pr-4']);
    expect(envs[0]).toMatchObject({ prNumber: 1, lastActivityAt: at('2026-11-30T10:00:00Z') });
    expect(envs[0].ampWorkspaces.map((w) => w.id)).toEqual(['ws-1']);
    expect(describeParts(envs[0])).toEqual(['stack preview-pr-1 (UPDATE_COMPLETE)', 'AMP workspace ws-1']);
    expect(describeParts(envs[2])).toEqual(['Grafana folder']);
  });

  it('always has the run\'s own environment, empty when nothing exists', () => {
    expect(environmentOf(inventory(), 'pr-9')).toEqual({ environment: 'pr-9', ampWorkspaces: [] });
  });
});

describe('grafanaWorkspaceUsers', () => {
  it('names the other environments and other repositories, and treats unread Grafana as in use', () => {
    expect(grafanaWorkspaceUsers(inventory(), ['pr-1'])).toEqual(['its dashboards (they could not be read)']);
    const inv = inventory({ grafana: { byEnvironment: new Map(), otherRepositories: ['Their dashboard'] } });
    expect(grafanaWorkspaceUsers(inv, ['pr-1'])).toEqual(['pr-2', '1 dashboard(s) of other repositories']);
    expect(grafanaWorkspaceUsers({ ...inv, grafana: { byEnvironment: new Map(), otherRepositories: [] } }, ['pr-1', 'pr-2'])).toEqual([]);
  });
});
