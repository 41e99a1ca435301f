"use strict";
exports.id = 960;
exports.ids = [960];
exports.modules = {

/***/ 1960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanup: () => (/* binding */ cleanup)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: ./src/apply/teardown.ts
var teardown = __webpack_require__(1874);
// EXTERNAL MODULE: ./src/github/publish.ts + 4 modules
var publish = __webpack_require__(8032);
// EXTERNAL MODULE: ./src/github/pull-state.ts
var pull_state = __webpack_require__(2264);
// EXTERNAL MODULE: ./src/inventory/environments.ts
var environments = __webpack_require__(796);
// EXTERNAL MODULE: ./src/inventory/read.ts
var read = __webpack_require__(7382);
// EXTERNAL MODULE: ./src/plan/teardown.ts + 2 modules
var plan_teardown = __webpack_require__(4116);
// EXTERNAL MODULE: ./src/render/plan.ts
var render_plan = __webpack_require__(7589);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/render/teardown.ts
var render_teardown = __webpack_require__(3502);
;// CONCATENATED MODULE: ./src/render/sweep.ts



/** The sweep's headline: how many environments were stale and what became of them. */
function sweepHeadline(plan, outcomes, dryRun) {
    const stale = plan.environments.filter((e) => e.verdict?.stale);
    const total = plan.environments.length;
    if (dryRun)
        return `${stale.length} of ${total} environment(s) stale (dry run, nothing removed)`;
    const removed = stale.filter((e) => e.stepIds.every((id) => ['done', 'kept'].includes(outcomes.get(id)?.status ?? ''))).length;
    return `removed ${removed} of ${stale.length} stale environment(s); ${total - stale.length} kept`;
}
/**
 * The sweep's table: every environment of the repository with its verdict and outcome. Names, parts and errors come
 * from AWS and Grafana (a PR's dashboard titles among them): escaped.
 */
function renderSweepTable(plan, outcomes, dryRun) {
    if (plan.environments.length === 0)
        return 'No environments of this repository were found.';
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    return [
        '| Environment | Verdict | Found | Removed | Result |', '| --- | --- | --- | --- | --- |',
        ...plan.environments.map((e) => {
            const steps = e.stepIds.map((id) => byId.get(id));
            const removed = steps.flatMap((s) => (0,render_teardown/* removedBy */.y)(s, outcomes));
            const failed = steps.filter((s) => outcomes.get(s.id)?.status === 'failed').map((s) => `${s.target}: ${outcomes.get(s.id).detail ?? 'failed'}`);
            const stale = e.verdict?.stale ?? false;
            const result = !stale ? 'kept' : dryRun ? 'would remove (dry run)' : failed.length ? `❌ ${(0,markdown/* plain */.pj)(failed.join('; '))}` : '✅ removed';
            return `| ${(0,markdown/* code */.aY)(e.environment.environment)} | ${stale ? 'stale' : 'kept'}: ${(0,markdown/* plain */.pj)(e.verdict?.reason ?? '')} | ${(0,markdown/* plain */.pj)((0,environments/* describeParts */.M8)(e.environment).join('; '))} | ${(0,markdown/* plain */.pj)(removed.join('; ') || '—')} | ${result} |`;
        }),
    ].join('\n');
}

// EXTERNAL MODULE: ./src/teardown/run.ts
var run = __webpack_require__(3841);
// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(9906);
// EXTERNAL MODULE: ./src/util/timing.ts
var timing = __webpack_require__(620);
// EXTERNAL MODULE: ./src/modes/provision.ts
var provision = __webpack_require__(6131);
// EXTERNAL MODULE: ./src/modes/types.ts
var types = __webpack_require__(4313);
;// CONCATENATED MODULE: ./src/modes/cleanup.ts

















const TOKEN_TTL_SECONDS = 3600;
/**
 * The scheduled sweep: the repository's environments from one inventory (stacks and AMP workspaces by their ownership
 * tags, the Grafana objects the action names), each judged stale or kept, the stale ones destroyed with at most
 * max-concurrency environments at a time. Partial environments count: a workspace whose stack is gone is still money.
 */
async function cleanup(ctx) {
    const { inputs, clients, owner } = ctx;
    const dryRun = inputs.teardown.dryRun;
    const timings = {};
    const inventory = await (0,timing/* timed */.a)(timings, 'inventory', () => (0,read/* readInventory */.zw)(clients, {
        repository: owner.repository,
        grafanaWorkspace: inputs.grafana ? { name: inputs.grafanaWorkspaceName, existingId: inputs.grafanaWorkspaceId } : undefined,
        roleStackName: inputs.grafana && inputs.teardown.deleteGrafanaWorkspace && !inputs.grafanaRoleArn ? (0,provision.grafanaRoleStackName)(owner.repository) : undefined,
    }));
    // The PRs are the AWS resources' (Grafana objects carry none), so GitHub is asked while the Grafana side is read.
    const pulls = (0,timing/* timed */.a)(timings, 'PR states', () => pullStates(inputs.githubToken, owner.repository, inventory));
    let plan;
    let outcomes;
    (0,log/* startGroup */.O)('Sweeping stale preview environments');
    try {
        ({ plan, outcomes } = await (0,run/* withGrafanaContents */.$f)(clients.grafana, inventory, {
            runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS,
            // Without a Grafana token the AWS resources (what costs money) can still be swept.
            withoutToken: (err) => core/* warning */.$e(`Sweeping without Grafana (its dashboards stay until the next sweep): ${err?.message ?? String(err)}`),
        }, async (scope) => {
            const p = (0,plan_teardown/* planCleanup */.C)({
                ttlMs: inputs.teardown.ttlMs, notify: Boolean(inputs.githubToken),
                grafana: inputs.grafana, grafanaWorkspaceId: inputs.grafanaWorkspaceId, deleteGrafanaWorkspace: inputs.teardown.deleteGrafanaWorkspace,
                grafanaRoleArn: inputs.grafanaRoleArn, grafanaUnreadReason: scope.unreadReason,
            }, scope.inventory, await pulls, Date.now());
            const stale = p.environments.filter((e) => e.verdict?.stale).length;
            (0,log/* info */.p)(`Found ${p.environments.length} environment(s) of ${owner.repository}; ${stale} stale`);
            const seen = new Map();
            const execute = (0,teardown/* teardownExecutor */.W)({
                clients, inventory: scope.inventory, grafana: scope.api, roleStackOwnershipFix: provision.GRAFANA_ROLE_OWNERSHIP_FIX,
                ownerOf: (step) => ownerOf(scope.inventory, step), deadline: ctx.deadline, log: (line) => (0,log/* info */.p)(line),
                notify: (step) => markDestroyed(ctx, p, step, seen),
            });
            return { plan: p, outcomes: await (0,timing/* timed */.a)(timings, 'teardown', () => (0,run/* applyTeardown */.PQ)(p, execute, { dryRun, maxEnvironments: inputs.teardown.maxConcurrency, seen })) };
        }));
    }
    finally {
        core/* endGroup */.N4();
    }
    const result = {
        headline: sweepHeadline(plan, outcomes, dryRun),
        outputs: (0,run/* teardownOutputs */.fv)(plan, outcomes),
        links: [],
        sections: [
            { title: 'environments', markdown: renderSweepTable(plan, outcomes, dryRun) },
            { title: 'plan', markdown: (0,render_plan/* renderPlanTable */.Qi)(plan, outcomes) },
        ],
        timings,
    };
    const failure = (0,run/* failureOf */.g5)(plan, outcomes);
    if (failure) {
        const failed = [...new Set(plan.steps.filter((s) => outcomes.get(s.id)?.status === 'failed').map((s) => s.environment ?? 'the repository'))];
        throw new types/* ModeFailure */.s(new errors/* ActionError */.lZ(`${failed.length} stale environment(s) could not be fully removed:\n${describe(failure)}`, 'The next scheduled run retries them; the table in the job summary says what was removed.'), result);
    }
    return result;
}
function describe(err) {
    return err instanceof errors/* ActionError */.lZ ? err.describe() : err?.message ?? String(err);
}
/** Whose a swept resource is: its own tags' PR (a stack and a workspace of one environment may name different PRs). */
function ownerOf(inv, step) {
    const environment = step.environment;
    const pr = step.kind === 'stack' ? inv.stacks.find((s) => s.name === step.resourceId)?.prNumber
        : step.kind === 'amp-workspace' ? inv.ampWorkspaces.find((w) => w.id === step.resourceId)?.prNumber
            : undefined;
    return { repository: inv.repository, environment, prNumber: pr };
}
/**
 * Turns the environment's PR comment into "destroyed", as destroy would have: a preview that vanished without a word
 * is what the sweep exists to prevent. Only an existing comment is updated.
 */
async function markDestroyed(ctx, plan, step, seen) {
    const env = plan.environments.find((e) => e.environment.environment === step.environment);
    const prNumber = env.environment.prNumber;
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const steps = step.dependsOn.map((id) => byId.get(id));
    const removed = steps.flatMap((s) => (0,render_teardown/* removedBy */.y)(s, seen)).length;
    const started = Math.min(...steps.map((s) => seen.get(s.id)?.startedAt ?? Date.now()));
    const posted = await (0,publish/* postComment */.Gy)({
        environment: env.environment.environment, repository: ctx.owner.repository, region: ctx.inputs.region, prNumber, links: [],
        modes: {
            destroy: {
                status: 'succeeded', finishedAt: new Date().toISOString(), durationMs: Date.now() - started,
                headline: `removed ${removed} resource(s) in the scheduled sweep: ${env.verdict.reason}`,
                sections: [{ title: 'removed', markdown: (0,render_teardown/* renderTeardown */.R)(steps, seen) }],
            },
        },
    }, { comment: true, token: ctx.inputs.githubToken, prNumber, create: false, serverUrl: ctx.run.serverUrl });
    return { detail: posted ? 'marked destroyed' : 'no comment to update' };
}
/** One request per distinct PR, a few at a time: the GITHUB_TOKEN allows 1,000 requests an hour. */
async function pullStates(token, repository, inv) {
    const numbers = [...new Set((0,environments/* environmentsOf */.M2)({ ...inv, environment: undefined }).flatMap((e) => (e.prNumber === undefined ? [] : [e.prNumber])))];
    const states = await (0,concurrency/* mapSettled */.A)(numbers, 4, (n) => (0,pull_state/* pullState */.p)(token, repository, n));
    return new Map(numbers.map((n, i) => [n, states[i].status === 'fulfilled' ? states[i].value : 'unknown']));
}


/***/ }),

/***/ 3731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ mapSettled)
/* harmony export */ });
/**
 * Maps with at most `limit` calls in flight, settling every item (like Promise.allSettled): one
 * failure must not abandon the others half-done.
 */
async function mapSettled(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await fn(items[i], i) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ })

};
;