import { grafanaRoleStackName } from '../../src/aws/stack-names';
import { Grant, MANIFEST, Mode, resolveGrant } from '../../src/permissions/manifest';
import { AuthorizationRecord } from '../../sandbox/src/iam/authorizer';
import { PreviewFixture, REGION, startFixture } from '../../sandbox/src/harness/fixture';
import { ActionRun } from '../../sandbox/src/harness/run-action';
import { STATIC_USER_ARN } from '../../sandbox/src/models/credentials';
import { ok, waitFor } from './support';

// Generated from the manifest: for each mode, a run under the full bootstrap policy shows which of
// its grants the mode really exercises; then, for every exercised action of its API calls and one
// exercised action of each CloudFormation handler of a resource type, the same scenario runs with
// that one action removed from the role's policy, and the mode must fail with an error naming it.

let fx: PreviewFixture;
const LATENCIES = { ampCreate: 30, ampDelete: 20, grafanaCreate: 40, grafanaDelete: 20, cfnResource: { default: 5, ChangeSet: 5, 'AWS::IAM::Role': 5, 'ECS::Stabilize': 20 } };

const ROLE_STACK = grafanaRoleStackName('acme/shop');
const ADMIN = { region: REGION, accountId: '123456789012', accessKeyId: '', principalArn: STATIC_USER_ARN, requestId: '' };

/** Deletes the action's Grafana service accounts (as an admin would), so the next run creates its own. */
function withoutServiceAccounts(): void {
  for (const ws of fx.sandbox.grafana.workspaces.values()) {
    for (const [id, sa] of ws.serviceAccounts) if (sa.name === 'ecs-amp-action') ws.serviceAccounts.delete(id);
  }
}
let workspaceNames = 0;

/** Deletes the repository's Grafana role stack (as the account's admin) so the next provision creates it. */
async function withoutRoleStack(): Promise<void> {
  const live = () => fx.state().stacks.find((s) => s.stackName === ROLE_STACK && s.status !== 'DELETE_COMPLETE');
  if (!live()) return;
  await fx.sandbox.cloudformation.call('DeleteStack', { StackName: ROLE_STACK }, ADMIN);
  await waitFor(() => !live());
}

/**
 * Each mode's scenario: what it needs done first under the full policy (`prepare`, run side by side
 * for several environments), then the mode's own run (one at a time: the sweep removes whatever is
 * stale, and each run starts without the action's Grafana service account and role stack so it
 * must create them).
 */
interface Scenario {
  prepare(): Promise<number>;
  run(pr: number, role?: string): Promise<ActionRun>;
}

const SCENARIOS: Record<Mode, Scenario> = {
  // No permission-removal-up file: up's grants are provision's, deploy's and dashboard's, whose removals run; the
  // sandbox's manifest check holds up's own runs to its (union) manifest.
  up: {
    prepare: async () => fx.pullRequest(),
    run: (pr, role) => fx.run({ mode: 'up' }, { pr, role }),
  },
  provision: {
    prepare: async () => fx.pullRequest(),
    async run(pr, role) {
      await withoutRoleStack();
      const name = `removal-${++workspaceNames}`;
      const run = await fx.run({ mode: 'provision', 'grafana-workspace-name': name, 'grafana-admins': 'user:906753b1ac-1234abcd-12ab-34cd-56ef-1234567890ab' }, { pr, role });
      // AMG allows five workspaces a region: each run's goes once it has served.
      for (const ws of fx.sandbox.grafana.workspaces.values()) if (ws.name === name && fx.sandbox.grafana.live(ws)) fx.sandbox.grafana.deleteWorkspace({ workspaceId: ws.id }, ADMIN);
      return run;
    },
  },
  deploy: {
    async prepare() {
      const pr = fx.pullRequest();
      ok(await fx.run({ mode: 'provision', grafana: 'false' }, { pr }));
      return pr;
    },
    run: (pr, role) => fx.run({ mode: 'deploy' }, { pr, role }),
  },
  dashboard: {
    async prepare() {
      const pr = fx.pullRequest();
      ok(await fx.run({ mode: 'provision' }, { pr }));
      return pr;
    },
    run: (pr, role) => fx.run({ mode: 'dashboard' }, { pr, role }),
  },
  destroy: {
    async prepare() {
      const pr = fx.pullRequest();
      ok(await fx.run({ mode: 'provision' }, { pr }));
      ok(await fx.run({ mode: 'deploy' }, { pr }));
      ok(await fx.run({ mode: 'dashboard' }, { pr }));
      fx.closePullRequest(pr);
      return pr;
    },
    run: (pr, role) => fx.run({ mode: 'destroy' }, { pr, role }),
  },
  cleanup: {
    // Live until its run: the sweep removes every stale environment, so each run gets exactly one.
    async prepare() {
      const pr = fx.pullRequest();
      ok(await fx.run({ mode: 'provision' }, { pr }));
      ok(await fx.run({ mode: 'deploy' }, { pr }));
      return pr;
    },
    run(pr, role) {
      fx.closePullRequest(pr);
      return fx.run({ mode: 'cleanup', comment: 'false' }, { role });
    },
  },
};

let clones = 0;
/**
 * A copy of the mode's bootstrap role (same trust, same path) whose policies lack `action`, so
 * removals can run side by side without touching the role the setup runs use.
 */
function roleWithout(mode: Mode, action: string): string {
  const roles = fx.sandbox.bootstrap['acme/shop'];
  const arn = mode === 'destroy' || mode === 'cleanup' ? roles.teardownRoleArn : roles.previewRoleArn;
  const role = [...fx.sandbox.iam.roles.values()].find((r) => r.arn === arn)!;
  const policies = Object.fromEntries(role.managedPolicyArns.map((p, i) => {
    const doc = structuredClone(fx.sandbox.iam.managedPolicies!.get(p)!.document) as { Statement: { Action: string[] }[] };
    doc.Statement = doc.Statement.map((st) => ({ ...st, Action: st.Action.filter((a) => a !== action) })).filter((st) => st.Action.length > 0);
    return [`policy-${i}`, doc];
  }));
  const roleName = `removal-${mode}-${++clones}`;
  const cloneArn = `arn:aws:iam::123456789012:role${role.path}${roleName}`;
  fx.sandbox.iam.roles.set(roleName, { ...role, roleName, arn: cloneArn, roleId: `AROAREMOVAL${clones}`, policies, managedPolicyArns: [] });
  return cloneArn;
}

/** The grant of `mode` a record falls under: same action, and through CloudFormation or not. */
function grantOf(mode: Mode, r: AuthorizationRecord): Grant | undefined {
  return MANIFEST[mode].find((g) => Boolean(g.viaCloudFormation) === (r.via === 'cloudformation') && resolveGrant(g).some((x) => x.action === r.action)
    // A handler grant is named 'CloudFormation <type> <handler>'; the record's operation is '<type> <HANDLER>'.
    && (!g.viaCloudFormation || `CloudFormation ${r.operation}`.toLowerCase() === g.for.toLowerCase()));
}

/** Runs the scenario once under the full policy: one exercised action per grant, in order. */
async function exercised(mode: Mode): Promise<Map<string, string>> {
  withoutServiceAccounts();
  const run = ok(await SCENARIOS[mode].run(await SCENARIOS[mode].prepare()));
  const session = /Assumed (arn:aws:sts::\d+:assumed-role\/[^ ]+)/.exec(run.log.split('\n').filter((l) => l.startsWith('Assumed ')).at(-1) ?? '')![1];
  const records = fx.sandbox.authorizations.filter((r) => r.allowed && r.principal === session);
  const chosen = new Map<string, string>();
  for (const r of records) {
    const grant = grantOf(mode, r);
    // The sweep's CloudFormation handlers are destroy's, on the same role: destroy covers them.
    if (mode === 'cleanup' && grant?.viaCloudFormation) continue;
    if (!grant || [...chosen.values()].includes(r.action)) continue;
    // Every action of the API calls; one action of each CloudFormation handler.
    const key = grant.viaCloudFormation ? grant.for : `${grant.for} / ${r.action}`;
    if (!chosen.has(key)) chosen.set(key, r.action);
  }
  return chosen;
}

/**
 * Runs `work` over `items`, at most `limit` at a time, results in input order. A pool rather than
 * batches: the next item starts as soon as any finishes, not when the slowest of a batch does.
 */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// What a mode may lose and still do its job, saying so in a warning that names the action: the
// sweep's Grafana half, the stopped-task report, metrics-check under its default `warn` (the
// deployed service works; the warning names aps:QueryMetrics), the token housekeeping (the token
// expires anyway).
const DEGRADES: Partial<Record<Mode, RegExp>> = { cleanup: /^a Grafana API token/, deploy: /^(report stopped tasks|metrics-check)/ };
const BEST_EFFORT = /^grafana:(ListWorkspaceServiceAccountTokens|DeleteWorkspaceServiceAccountToken)$/;

/**
 * The removals of one mode, in a test file of its own (permission-removal-<mode>.test.ts): the five modes
 * share nothing but this code, so Jest's workers run them side by side rather than one file doing all five
 * in a row (the longest file of the e2e run).
 */
export function describeRemovals(mode: Mode): void {
  describe(`${mode} without one of its permissions`, () => {
    beforeAll(async () => {
      fx = await startFixture({ latencies: LATENCIES });
    });
    afterAll(() => fx.close());

    it('fails naming the missing action, for each API action it uses and one action of each CloudFormation handler', async () => {
      const chosen = await exercised(mode);
      expect(chosen.size).toBeGreaterThanOrEqual(mode === 'dashboard' ? 3 : 5);
      const removals = [...chosen].map(([grant, action]) => ({ grant, action }));
      const prepared = await inBatches(removals, 3, () => SCENARIOS[mode].prepare());
      const verdict = async ({ grant, action }: { grant: string; action: string }, i: number) => {
        const run = await SCENARIOS[mode].run(prepared[i], roleWithout(mode, action));
        const named = run.errors.join('\n').includes(action);
        const warned = run.log.split('\n').some((l) => l.startsWith('::warning::') && l.includes(action));
        const ok = run.code === 1 && named ? 'fails naming it' : (DEGRADES[mode]?.test(grant) || BEST_EFFORT.test(action)) && run.code === 0 && warned ? 'warns naming it' : `code ${run.code}: ${run.errors.join(' | ').slice(0, 300)}`;
        return `${action} (${grant}): ${ok}`;
      };
      // The service account is made once per workspace: that removal runs alone, after the rest, and
      // without it. Provision shares one role stack, and the sweep one account: those go one by one.
      const solo = removals.map((r, i) => ({ r, i })).filter(({ r }) => r.action === 'grafana:CreateWorkspaceServiceAccount');
      const rest = removals.map((r, i) => ({ r, i })).filter(({ r }) => r.action !== 'grafana:CreateWorkspaceServiceAccount');
      const outcomes = await inBatches(rest, mode === 'provision' || mode === 'cleanup' ? 1 : 3, ({ r, i }) => verdict(r, i));
      for (const { r, i } of solo) {
        withoutServiceAccounts();
        outcomes.push(await verdict(r, i));
      }
      if (process.env.REMOVAL_REPORT) process.stdout.write(`${mode}:\n${outcomes.join('\n')}\n`);
      expect(outcomes.filter((o) => !/: (fails|warns) naming it$/.test(o))).toEqual([]);
    }, 240_000);
  });
}
