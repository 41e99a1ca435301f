"use strict";
exports.id = 166;
exports.ids = [166,131];
exports.modules = {

/***/ 1874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ teardownExecutor)
/* harmony export */ });
/* harmony import */ var _aws_amp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8947);
/* harmony import */ var _aws_grafana__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5778);
/* harmony import */ var _aws_stacks__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3596);
/* harmony import */ var _grafana_teardown__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);




const removal = (removed) => ({ detail: removed.length ? 'deleted' : 'already gone', value: { removed } });
/**
 * The teardown's executors: thin adapters onto src/aws and src/grafana. Each checks the resource's tags (or derived
 * names) again right before deleting it: the world can change between the inventory and the delete.
 */
function teardownExecutor(deps) {
    const { clients, log } = deps;
    const logFor = (step) => (line) => log(`[${step.environment ?? 'repository'}] ${line}`);
    return async (step) => {
        const opts = { deadline: deps.deadline, log: logFor(step) };
        switch (step.kind) {
            case 'stack': {
                const done = await (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .destroyStack */ .PE)(clients.cloudformation, step.resourceId, deps.ownerOf(step), opts);
                if (done.outcome === 'kept')
                    return { status: 'kept', detail: done.reason };
                if (done.outcome === 'absent')
                    opts.log(`No stack ${step.resourceId}: already gone or never deployed`);
                return removal(done.outcome === 'deleted' ? [step.target] : []);
            }
            case 'amp-workspace': {
                const owner = deps.ownerOf(step);
                if (!(await (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .ampWorkspaceIsOurs */ .Df)(clients.amp, step.resourceId, owner)))
                    return removal([]);
                await (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .deleteEnvironmentWorkspaces */ .zv)(clients.amp, { owner, known: [step.resourceId], ...opts });
                return removal([step.target]);
            }
            case 'grafana-objects': {
                if (!deps.grafana)
                    throw new Error(`plan: ${step.id} without a Grafana API`);
                const removed = await (0,_grafana_teardown__WEBPACK_IMPORTED_MODULE_3__/* .removeEnvironmentFromGrafana */ .qj)(deps.grafana, deps.inventory.repository, step.environment);
                for (const r of removed)
                    opts.log(`Deleted ${r}`);
                return removal(removed);
            }
            case 'grafana-workspace': {
                const id = deps.inventory.grafanaWorkspace.id;
                // Its tags as they are now, not as the inventory read them: deleteGrafanaWorkspace refuses one not ours.
                const tags = await (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_1__/* .grafanaWorkspaceTags */ .PR)(clients.grafana, id);
                if (!tags)
                    return removal([]);
                await (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_1__/* .deleteGrafanaWorkspace */ .fq)(clients.grafana, { id, tags }, { repository: deps.inventory.repository }, opts);
                return removal([step.target]);
            }
            case 'grafana-role-stack':
                return deleteRoleStack(deps, step, opts);
            case 'pr-comment':
                return deps.notify?.(step);
            default:
                throw new Error(`plan: no teardown executor for ${step.kind}`);
        }
    };
}
/**
 * The repository's role stack goes with its last workspace only: another workspace (a second grafana-workspace-name,
 * or one made by hand with this role) whose role it is would lose every data source query to AccessDenied. Each
 * workspace's role is in DescribeWorkspace, so this is known only now, after the workspace is gone.
 */
async function deleteRoleStack(deps, step, opts) {
    const roleArn = deps.inventory.roleStack?.roleArn;
    const deleted = deps.inventory.grafanaWorkspace?.id;
    const users = roleArn ? await (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_1__/* .workspacesUsingRole */ .LJ)(deps.clients.grafana, roleArn, deleted ? [deleted] : []) : [];
    if (users.length > 0)
        return { status: 'kept', detail: `its role is still used by Grafana workspace ${users.join(', ')}` };
    const done = await (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .destroyStack */ .PE)(deps.clients.cloudformation, step.resourceId, { repository: deps.inventory.repository }, { ...opts, ownershipFix: deps.roleStackOwnershipFix });
    if (done.outcome === 'kept')
        return { status: 'kept', detail: done.reason };
    return removal(done.outcome === 'deleted' ? [step.target] : []);
}


/***/ }),

/***/ 7218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ PREVIEW_TEMPLATE),
/* harmony export */   Wj: () => (/* binding */ GRAFANA_ROLE_OWNERSHIP_FIX),
/* harmony export */   Zd: () => (/* binding */ GRAFANA_ROLE_TEMPLATE)
/* harmony export */ });
/** The templates under templates/ the build modes deploy (readTemplate reads them from the bundle's assets). */
const PREVIEW_TEMPLATE = 'preview-stack.yaml';
const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';
/** destroy refuses the role stack with the same words: it lives here, where neither mode's module has to be loaded for it. */
const GRAFANA_ROLE_OWNERSHIP_FIX = 'The role stack is named after the repository; one of that name exists and is not this repository\'s. Pass grafana-role-arn to use a role of your own, or delete that stack if it is unused.';


/***/ }),

/***/ 796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M2: () => (/* binding */ environmentsOf),
/* harmony export */   M8: () => (/* binding */ describeParts),
/* harmony export */   p7: () => (/* binding */ environmentOf)
/* harmony export */ });
/**
 * The inventory grouped by environment: stacks, AMP workspaces and Grafana objects joined on the environment their
 * tags (or derived names) give. Partial environments count: a workspace whose stack is gone is still money.
 * Sorted by name, so every run lists them alike.
 */
function environmentsOf(inv) {
    const envs = new Map();
    const entry = (environment) => envs.get(environment) ?? envs.set(environment, { environment, ampWorkspaces: [] }).get(environment);
    const touch = (e, at) => {
        if (at && (!e.lastActivityAt || at > e.lastActivityAt))
            e.lastActivityAt = at;
    };
    for (const s of inv.stacks) {
        const e = entry(s.environment);
        e.stack = s;
        e.prNumber ??= s.prNumber;
        touch(e, s.lastDeployedAt);
    }
    for (const w of inv.ampWorkspaces) {
        if (w.status === 'DELETING')
            continue;
        const e = entry(w.environment);
        e.prNumber ??= w.prNumber;
        e.ampWorkspaces.push(w);
        touch(e, w.createdAt);
    }
    for (const [environment, footprint] of inv.grafana?.byEnvironment ?? []) {
        if (isEmpty(footprint))
            continue;
        entry(environment).grafana = footprint;
    }
    const list = [...envs.values()];
    if (inv.environment !== undefined && !envs.has(inv.environment))
        list.push({ environment: inv.environment, ampWorkspaces: [] });
    return list.sort((a, b) => a.environment.localeCompare(b.environment));
}
/** The run's own environment (always present, possibly empty). */
function environmentOf(inv, environment) {
    return environmentsOf({ ...inv, environment }).find((e) => e.environment === environment);
}
/** What exists of an environment, as a person lists it ("stack preview-… (CREATE_COMPLETE)", "AMP workspace ws-…"). */
function describeParts(e) {
    const parts = [];
    if (e.stack)
        parts.push(`stack ${e.stack.name} (${e.stack.status})`);
    for (const w of e.ampWorkspaces)
        parts.push(`AMP workspace ${w.id}`);
    if (e.grafana) {
        const g = e.grafana;
        parts.push(`Grafana ${[g.folder ? 'folder' : '', g.dashboards.length ? `${g.dashboards.length} dashboard(s)` : '', g.datasource ? 'data source' : ''].filter(Boolean).join(', ')}`);
    }
    return parts;
}
function isEmpty(f) {
    return !f.folder && !f.datasource && f.dashboards.length === 0;
}


/***/ }),

/***/ 6131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GRAFANA_ROLE_OWNERSHIP_FIX: () => (/* reexport safe */ _aws_template_names__WEBPACK_IMPORTED_MODULE_1__.Wj),
/* harmony export */   GRAFANA_ROLE_TEMPLATE: () => (/* reexport safe */ _aws_template_names__WEBPACK_IMPORTED_MODULE_1__.Zd),
/* harmony export */   grafanaRoleStackName: () => (/* reexport safe */ _aws_stack_names__WEBPACK_IMPORTED_MODULE_0__.mB),
/* harmony export */   provision: () => (/* binding */ provision)
/* harmony export */ });
/* harmony import */ var _aws_stack_names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
/* harmony import */ var _aws_template_names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7218);



/**
 * Creates or reuses the environment's AMP workspace and the repository's Grafana workspace (with its role stack). The
 * two are independent steps of one plan, so they run side by side, and a failure of one still lets the other finish.
 * The runner is loaded here, not at the top: destroy imports this module for its constants only.
 */
async function provision(ctx) {
    return (await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(241), __webpack_require__.e(212), __webpack_require__.e(303), __webpack_require__.e(153), __webpack_require__.e(647), __webpack_require__.e(411)]).then(__webpack_require__.bind(__webpack_require__, 5792))).runBuild('provision', ctx);
}


/***/ }),

/***/ 4116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ planCleanup),
  U: () => (/* binding */ planDestroy)
});

// EXTERNAL MODULE: ./src/inventory/environments.ts
var inventory_environments = __webpack_require__(796);
;// CONCATENATED MODULE: ./src/inventory/ownership.ts

/**
 * The ownership rules that decide, from the inventory alone, what a run may remove. (Each listing already holds only
 * what the tags or derived names prove is the repository's; the adapters check the tags again before every delete,
 * because the world can change between the inventory and the delete.)
 */
/**
 * Who else still uses the repository's Grafana workspace once `leaving` is gone: the other environments with anything
 * left (a stack, a live AMP workspace, Grafana objects) and other repositories' dashboards in a shared workspace.
 * Empty means the workspace may go with `leaving` (when delete-grafana-workspace asks for it). Unknown Grafana
 * contents (not read) count as in use: a workspace whose dashboards could not be listed is never deleted.
 */
function grafanaWorkspaceUsers(inv, leaving) {
    if (!inv.grafana)
        return ['its dashboards (they could not be read)'];
    const gone = new Set(leaving);
    const users = (0,inventory_environments/* environmentsOf */.M2)({ ...inv, environment: undefined })
        .filter((e) => !gone.has(e.environment) && (e.stack || e.ampWorkspaces.length > 0 || e.grafana))
        .map((e) => e.environment);
    if (inv.grafana.otherRepositories.length > 0)
        users.push(`${inv.grafana.otherRepositories.length} dashboard(s) of other repositories`);
    return users;
}
/** A workspace the user named (amp-workspace-id, grafana-workspace-id) is theirs: used, never deleted. */
function isGiven(id, givenId) {
    return id !== undefined && givenId !== undefined && id === givenId;
}
/**
 * Why the Grafana workspace's contents are unknown, or undefined when they were read: an environment's objects are
 * deleted only from what was read, never guessed at.
 */
function grafanaObjectsUnread(inv, unreadReason) {
    if (inv.grafana)
        return undefined;
    const ws = inv.grafanaWorkspace;
    if (ws && ws.status !== 'ACTIVE')
        return `Grafana workspace ${ws.id} is ${ws.status}, so its contents cannot be read now`;
    return `the Grafana workspace's contents could not be read${unreadReason ? ` (${unreadReason})` : ''}`;
}
/**
 * A resource tagged for PR N is PR N's (src/tags.ts isOwnedBy): a run for another PR, or for none, that ends up with the
 * same environment name keeps it. Untagged for a PR (a branch environment) matches any run.
 */
function prMismatch(taggedPr, runPr) {
    if (taggedPr === undefined || taggedPr === runPr)
        return undefined;
    return `tagged for PR #${taggedPr}, and this run is ${runPr === undefined ? 'not for a pull request' : `for PR #${runPr}`}`;
}

;// CONCATENATED MODULE: ./src/teardown/staleness.ts
/**
 * Why an environment should go, or why it stays. Closed or merged PRs go at once; anything idle for
 * longer than the TTL goes even with an open PR (a forgotten draft still costs money); when the PR
 * state cannot be read, only the TTL decides, so a GitHub outage never deletes a live preview.
 */
function judge(env, pull, now, ttlMs) {
    const idleMs = env.lastActivityAt ? now - env.lastActivityAt.getTime() : undefined;
    const idle = idleMs === undefined ? 'never deployed' : `idle ${formatAge(idleMs)}`;
    if (env.prNumber !== undefined) {
        if (pull === 'merged')
            return { stale: true, reason: `PR #${env.prNumber} merged` };
        if (pull === 'closed')
            return { stale: true, reason: `PR #${env.prNumber} closed` };
    }
    if (idleMs !== undefined && idleMs > ttlMs)
        return { stale: true, reason: `${idle} (ttl ${formatAge(ttlMs)})` };
    if (idleMs === undefined && env.prNumber === undefined)
        return { stale: true, reason: 'no PR and never deployed' };
    const pr = env.prNumber === undefined ? 'no PR' : `PR #${env.prNumber} ${pull === 'unknown' || pull === undefined ? 'state unknown' : pull}`;
    return { stale: false, reason: `${pr}, ${idle}` };
}
function formatAge(ms) {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 120)
        return `${minutes}m`;
    const hours = Math.round(minutes / 60);
    return hours < 72 ? `${hours}h` : `${Math.round(hours / 24)}d`;
}

;// CONCATENATED MODULE: ./src/plan/teardown.ts



/**
 * destroy: the run's environment, whatever is left of it (a half-gone environment plans only what exists), then the
 * repository's Grafana workspace and role stack when asked for and nobody else uses them.
 */
function planDestroy(inputs, inv) {
    const env = (0,inventory_environments/* environmentOf */.p7)(inv, inputs.environment);
    const found = env.stack && env.stack.name === inputs.stackName ? env.stack : undefined;
    const steps = [{
            id: `${env.environment}/stack`, action: 'delete', kind: 'stack', target: `stack ${inputs.stackName}`, environment: env.environment,
            resourceId: inputs.stackName, dependsOn: [],
            // Named by stack-name, so it is tried even when the listing by tags missed it: a stack that is not ours is
            // refused by name (the adapter checks its tags), and one already gone is found absent.
            reason: found ? `environment '${env.environment}' (${found.status})` : 'stack-name; not listed under this repository\'s tags, so looked up (and its tags checked) before deleting',
        }];
    for (const w of env.ampWorkspaces) {
        if (isGiven(w.id, inputs.ampWorkspaceId))
            continue;
        const other = prMismatch(w.prNumber, inputs.prNumber);
        steps.push(other
            ? ampStep(env, w.id, 'keep', other)
            : ampStep(env, w.id, 'delete', `tagged for environment '${env.environment}' (${w.status})`));
    }
    if (inputs.ampWorkspaceId)
        steps.push(ampStep(env, inputs.ampWorkspaceId, 'keep', 'given by amp-workspace-id'));
    steps.push(...grafanaSteps(inputs, inv, env, undefined, true));
    const environments = [{ environment: env, stepIds: steps.map((s) => s.id) }];
    steps.push(...repositorySteps(inputs, inv, environments));
    return { mode: 'destroy', steps, environments };
}
/**
 * cleanup: every environment of the repository judged (src/teardown/staleness.ts); a stale one's parts deleted and its
 * PR comment marked destroyed after them, a kept one's parts kept with the verdict's reason.
 */
function planCleanup(inputs, inv, pullStates, now) {
    const steps = [];
    const environments = [];
    for (const env of (0,inventory_environments/* environmentsOf */.M2)({ ...inv, environment: undefined })) {
        const verdict = judge(env, env.prNumber === undefined ? undefined : pullStates.get(env.prNumber), now, inputs.ttlMs);
        const action = verdict.stale ? 'delete' : 'keep';
        const own = [];
        if (env.stack) {
            own.push({
                id: `${env.environment}/stack`, action, kind: 'stack', target: `stack ${env.stack.name}`, environment: env.environment,
                resourceId: env.stack.name, reason: verdict.reason, dependsOn: [],
            });
        }
        for (const w of env.ampWorkspaces)
            own.push(ampStep(env, w.id, action, verdict.reason));
        own.push(...grafanaSteps(inputs, inv, env, verdict, verdict.stale));
        if (verdict.stale && inputs.notify && env.prNumber !== undefined) {
            own.push({
                id: `${env.environment}/comment`, action: 'notify', kind: 'pr-comment', target: `PR #${env.prNumber} comment`, environment: env.environment,
                reason: 'a preview that vanished without a word is what the sweep exists to prevent; marked destroyed after its deletions',
                dependsOn: own.map((s) => s.id),
            });
        }
        steps.push(...own);
        environments.push({ environment: env, verdict, stepIds: own.map((s) => s.id) });
    }
    steps.push(...repositorySteps(inputs, inv, environments.filter((e) => e.verdict?.stale)));
    return { mode: 'cleanup', steps, environments };
}
function ampStep(env, id, action, reason) {
    return { id: `${env.environment}/amp/${id}`, action, kind: 'amp-workspace', target: `AMP workspace ${id}`, environment: env.environment, resourceId: id, reason, dependsOn: [] };
}
/**
 * The environment's folder, dashboards and data source. Deleted only when the workspace's contents were read (a token,
 * an ACTIVE workspace); otherwise said out loud as kept, or a half-created workspace would silently keep them.
 */
function grafanaSteps(inputs, inv, env, verdict, leaving) {
    if (!inputs.grafana || !inv.grafanaWorkspace)
        return [];
    const id = `${env.environment}/grafana`;
    const base = { id, kind: 'grafana-objects', environment: env.environment, resourceId: inv.grafanaWorkspace.id, dependsOn: [] };
    const unread = grafanaObjectsUnread(inv, inputs.grafanaUnreadReason);
    if (unread) {
        if (!leaving)
            return [];
        return [{ ...base, action: 'keep', target: `Grafana dashboards, folder and data source of '${env.environment}', if any`, reason: `${unread}; re-run once it can be read` }];
    }
    if (!env.grafana)
        return [];
    const g = env.grafana;
    const what = [g.dashboards.length ? `${g.dashboards.length} dashboard(s)` : '', g.folder ? 'folder' : '', g.datasource ? 'data source' : ''].filter(Boolean).join(', ');
    return [{
            ...base, action: leaving ? 'delete' : 'keep', target: `Grafana ${what} of '${env.environment}' in ${inv.grafanaWorkspace.id}`,
            reason: verdict?.reason ?? `environment '${env.environment}' in Grafana workspace ${inv.grafanaWorkspace.id}`,
        }];
}
/**
 * The repository's Grafana workspace, after every leaving environment's steps, and its role stack after it. Whether
 * another workspace uses the role is known only at run time (the executor keeps the stack then).
 */
function repositorySteps(inputs, inv, leaving) {
    const ws = inv.grafanaWorkspace;
    if (!inputs.grafana || !ws)
        return [];
    const base = { id: 'grafana-workspace', kind: 'grafana-workspace', target: `Grafana workspace ${ws.id}`, resourceId: ws.id };
    if (!inputs.deleteGrafanaWorkspace) {
        return [{ ...base, action: 'keep', reason: 'shared by the repository\'s environments; set delete-grafana-workspace: true to remove it with the last one', dependsOn: [] }];
    }
    if (isGiven(ws.id, inputs.grafanaWorkspaceId))
        return [{ ...base, action: 'keep', reason: 'given by grafana-workspace-id', dependsOn: [] }];
    const users = grafanaWorkspaceUsers(inv, leaving.map((e) => e.environment.environment));
    if (users.length > 0)
        return [{ ...base, action: 'keep', reason: `still used by ${users.join(', ')}`, dependsOn: [] }];
    const steps = [{
            ...base, action: 'delete', reason: `no other environment of ${inv.repository} uses it (delete-grafana-workspace)`,
            dependsOn: leaving.flatMap((e) => e.stepIds),
        }];
    if (!inputs.grafanaRoleArn && inv.roleStack) {
        steps.push({
            id: 'grafana-role-stack', action: 'delete', kind: 'grafana-role-stack', target: `stack ${inv.roleStack.name}`, resourceId: inv.roleStack.name,
            reason: 'the deleted workspace\'s role; kept if another workspace still uses it', dependsOn: ['grafana-workspace'],
        });
    }
    return steps;
}


/***/ }),

/***/ 3502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ renderTeardown),
/* harmony export */   y: () => (/* binding */ removedBy)
/* harmony export */ });
/* harmony import */ var _markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);

/** The items a step removed (none when its target was already gone, or it did not run). */
function removedBy(step, outcomes) {
    const o = outcomes.get(step.id);
    if (o?.status !== 'done' || step.action !== 'delete')
        return [];
    return o.value?.removed ?? [];
}
/**
 * What destroy (or the sweep, for one environment) removed, kept, would remove and could not remove, as a markdown
 * list for the summary and the PR comment. Items name Grafana objects by title, which come from a PR's dashboards:
 * escaped.
 */
function renderTeardown(steps, outcomes) {
    const lines = steps.flatMap((s) => {
        if (s.action === 'notify')
            return [];
        const o = outcomes.get(s.id);
        if (!o)
            return [];
        if (o.status === 'done')
            return removedBy(s, outcomes).map((r) => `- 🗑️ ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(r)}`);
        if (o.status === 'kept')
            return [`- 📌 kept: ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.target)} (${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(o.detail ?? s.reason)})`];
        if (o.status === 'planned')
            return [`- 📝 would ${s.action} ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.target)} (${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.reason)})`];
        if (o.status === 'failed')
            return [`- ❌ ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.target)}: ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(o.detail ?? 'failed')}`];
        return [`- ⏭️ ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.target)}: ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(o.detail ?? 'not run')}`];
    });
    return lines.length ? lines.join('\n') : '- nothing was left to remove';
}


/***/ }),

/***/ 3841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ withGrafanaContents),
/* harmony export */   PQ: () => (/* binding */ applyTeardown),
/* harmony export */   RY: () => (/* binding */ removedItems),
/* harmony export */   fv: () => (/* binding */ teardownOutputs),
/* harmony export */   g5: () => (/* binding */ failureOf)
/* harmony export */ });
/* harmony import */ var _apply_apply_plan__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(718);
/* harmony import */ var _aws_grafana_token__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4985);
/* harmony import */ var _grafana_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(885);
/* harmony import */ var _inventory_read__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7382);
/* harmony import */ var _plan_graph__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9619);
/* harmony import */ var _render_plan__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7589);
/* harmony import */ var _render_teardown__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3502);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9906);
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(311);










/**
 * Runs `use` with the Grafana workspace's contents in the inventory and a token valid for as long as `use` runs (the
 * plan's Grafana deletions need it), the token deleted after. A workspace that is not ACTIVE is not read: the planner
 * keeps what may be in it. `withoutToken`, when given, lets the run go on without Grafana when no token can be had
 * (the sweep: what costs money is on the AWS side) and says so; otherwise that failure is the run's.
 */
async function withGrafanaContents(grafana, inventory, opts, use) {
    const ws = inventory.grafanaWorkspace;
    if (!ws || ws.status !== 'ACTIVE')
        return use({ inventory });
    let started = false;
    const log = (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_6__/* .info */ .p)(line);
    try {
        return await (0,_aws_grafana_token__WEBPACK_IMPORTED_MODULE_0__/* .withGrafanaToken */ .MP)(grafana, ws.id, { runId: opts.runId, ttlSeconds: opts.ttlSeconds, log }, async (token) => {
            started = true;
            const api = new _grafana_client__WEBPACK_IMPORTED_MODULE_1__/* .GrafanaClient */ .ei({ baseUrl: ws.url, token: token.key, userAgent: `${_version__WEBPACK_IMPORTED_MODULE_7__/* .ACTION_NAME */ .p}/${_version__WEBPACK_IMPORTED_MODULE_7__/* .ACTION_VERSION */ .Y}`, log });
            return use({ inventory: await (0,_inventory_read__WEBPACK_IMPORTED_MODULE_2__/* .withGrafanaObjects */ .Vm)(inventory, api), api });
        });
    }
    catch (err) {
        if (started || !opts.withoutToken)
            throw err;
        opts.withoutToken(err);
        return use({ inventory, unreadReason: err?.message ?? String(err) });
    }
}
/**
 * The plan in the log before anything changes, then applied (a dry run runs nothing: every teardown step changes
 * something), each outcome logged as it settles. `seen` gets every outcome as it settles, for the executors that
 * report on their dependencies (the sweep's PR comment).
 */
async function applyTeardown(plan, execute, opts) {
    (0,_util_log__WEBPACK_IMPORTED_MODULE_6__/* .info */ .p)(`Plan (${plan.steps.length} step(s))${opts.dryRun ? ', dry run: nothing is deleted' : ''}:`);
    for (const step of (0,_plan_graph__WEBPACK_IMPORTED_MODULE_8__/* .order */ .fq)(plan))
        (0,_util_log__WEBPACK_IMPORTED_MODULE_6__/* .info */ .p)(`  ${(0,_render_plan__WEBPACK_IMPORTED_MODULE_3__/* .stepLine */ .l6)(step)}`);
    return (0,_apply_apply_plan__WEBPACK_IMPORTED_MODULE_9__/* .applyPlan */ .g)(plan, execute, {
        dryRun: opts.dryRun, maxEnvironments: opts.maxEnvironments,
        onEnd: (step, outcome) => {
            opts.seen?.set(step.id, outcome);
            (0,_util_log__WEBPACK_IMPORTED_MODULE_6__/* .info */ .p)((0,_render_plan__WEBPACK_IMPORTED_MODULE_3__/* .stepLine */ .l6)(step, outcome));
        },
    });
}
/**
 * The outputs, JSON a later step can parse: `removed`, the delete steps that removed something; `plan`, every step
 * with its outcome (a dry run's are "planned", so the plan is machine-readable too).
 */
function teardownOutputs(plan, outcomes) {
    const removed = (0,_plan_graph__WEBPACK_IMPORTED_MODULE_8__/* .order */ .fq)(plan).flatMap((step) => {
        const items = (0,_render_teardown__WEBPACK_IMPORTED_MODULE_4__/* .removedBy */ .y)(step, outcomes);
        return items.length ? [{ ...(0,_render_plan__WEBPACK_IMPORTED_MODULE_3__/* .stepRecords */ .V9)(plan, outcomes, (s) => s.id === step.id)[0], removed: items }] : [];
    });
    return { removed: JSON.stringify(removed), plan: JSON.stringify((0,_render_plan__WEBPACK_IMPORTED_MODULE_3__/* .stepRecords */ .V9)(plan, outcomes)) };
}
/** Every item the plan's steps removed. */
function removedItems(plan, outcomes) {
    return (0,_plan_graph__WEBPACK_IMPORTED_MODULE_8__/* .order */ .fq)(plan).flatMap((s) => (0,_render_teardown__WEBPACK_IMPORTED_MODULE_4__/* .removedBy */ .y)(s, outcomes));
}
/** The run's error when steps failed: one failure as it is (its fix intact), several as one error naming each. */
function failureOf(plan, outcomes) {
    const failed = (0,_apply_apply_plan__WEBPACK_IMPORTED_MODULE_9__/* .failures */ .e)(plan, outcomes);
    if (failed.length === 0)
        return undefined;
    if (failed.length === 1)
        return failed[0].error;
    const fixes = [...new Set(failed.map((f) => (f.error instanceof _util_errors__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ ? f.error.fix : undefined)).filter(Boolean))];
    return new _util_errors__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(failed.map((f) => `${f.step.target}: ${f.error?.message ?? String(f.error)}`).join('\n'), fixes.join(' ') || undefined);
}


/***/ }),

/***/ 620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ timed)
/* harmony export */ });
/** Runs `fn` and records how long it took under `label`, whether it succeeded or not. */
async function timed(timings, label, fn) {
    const start = Date.now();
    try {
        return await fn();
    }
    finally {
        timings[label] = Date.now() - start;
    }
}


/***/ })

};
;