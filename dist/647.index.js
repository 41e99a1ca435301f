"use strict";
exports.id = 647;
exports.ids = [647];
exports.modules = {

/***/ 718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ failures),
/* harmony export */   g: () => (/* binding */ applyPlan)
/* harmony export */ });
/* harmony import */ var _plan_graph__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9619);

/**
 * Runs a plan's steps as soon as what each depends on has succeeded, concurrently within the bounds, and records one
 * outcome per step. A failed step skips what depends on it and nothing else: independent work (another environment's
 * teardown, the Grafana side of `up`) still finishes, so nothing is left mid-flight and the report says what happened to
 * each. Never rejects for a step's failure; the caller reads the outcomes.
 */
async function applyPlan(plan, execute, opts = {}) {
    (0,_plan_graph__WEBPACK_IMPORTED_MODULE_0__/* .checkPlan */ .Gy)(plan);
    const now = opts.now ?? Date.now;
    const maxSteps = opts.maxSteps ?? Number.POSITIVE_INFINITY;
    const maxEnvironments = opts.maxEnvironments ?? Number.POSITIVE_INFINITY;
    const outcomes = new Map();
    const pending = new Map(plan.steps.map((s) => [s.id, s]));
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const running = new Set();
    const remainingPerEnv = new Map();
    for (const s of plan.steps)
        if (s.environment !== undefined)
            remainingPerEnv.set(s.environment, (remainingPerEnv.get(s.environment) ?? 0) + 1);
    const activeEnvs = new Set();
    const ctx = {
        valueOf: (id) => {
            const o = outcomes.get(id);
            if (!o || (o.status !== 'done' && o.status !== 'kept'))
                throw new Error(`plan ${plan.mode}: value of '${id}' read before it succeeded`);
            return o.value;
        },
    };
    const settle = (step, outcome) => {
        outcomes.set(step.id, outcome);
        pending.delete(step.id);
        if (step.environment !== undefined) {
            const left = (remainingPerEnv.get(step.environment) ?? 1) - 1;
            remainingPerEnv.set(step.environment, left);
            if (left === 0)
                activeEnvs.delete(step.environment);
        }
        opts.onEnd?.(step, outcome);
    };
    return new Promise((resolve) => {
        const pump = () => {
            let progressed = true;
            // Settling a step without running it (kept, planned, skipped) can make others ready: loop until nothing moves.
            while (progressed) {
                progressed = false;
                for (const step of [...pending.values()]) {
                    if (running.has(step.id))
                        continue;
                    const deps = step.dependsOn.map((d) => ({ step: byId.get(d), outcome: outcomes.get(d) }));
                    const blocked = deps.find((d) => d.outcome && (d.outcome.status === 'failed' || d.outcome.status === 'skipped'));
                    if (blocked) {
                        settle(step, { status: 'skipped', detail: `not run: ${blocked.step.target} ${blocked.outcome.status === 'failed' ? 'failed' : 'was not run'}` });
                        progressed = true;
                        continue;
                    }
                    if (deps.some((d) => !d.outcome))
                        continue;
                    const afterPlanned = deps.find((d) => d.outcome.status === 'planned');
                    if (step.action === 'keep') {
                        settle(step, { status: 'kept', detail: step.reason });
                        progressed = true;
                        continue;
                    }
                    if (opts.dryRun && (!step.safeInDryRun || afterPlanned)) {
                        settle(step, { status: 'planned', detail: afterPlanned && step.safeInDryRun ? `after ${afterPlanned.step.target}` : undefined });
                        progressed = true;
                        continue;
                    }
                    if (running.size >= maxSteps)
                        return;
                    if (step.environment !== undefined && !activeEnvs.has(step.environment) && activeEnvs.size >= maxEnvironments)
                        continue;
                    if (step.environment !== undefined)
                        activeEnvs.add(step.environment);
                    running.add(step.id);
                    const startedAt = now();
                    opts.onStart?.(step);
                    Promise.resolve()
                        .then(() => execute(step, ctx))
                        .then((r) => ({ status: r?.status ?? 'done', detail: r?.detail, value: r?.value, startedAt, durationMs: now() - startedAt }), (error) => ({ status: 'failed', error, detail: error?.message ?? String(error), startedAt, durationMs: now() - startedAt }))
                        .then((outcome) => {
                        running.delete(step.id);
                        settle(step, outcome);
                        pump();
                    });
                }
            }
            if (pending.size === 0 && running.size === 0)
                resolve(outcomes);
        };
        pump();
    });
}
/** The failures of a run, in plan order: what the mode reports as its error. */
function failures(plan, outcomes) {
    return plan.steps.flatMap((step) => {
        const o = outcomes.get(step.id);
        return o?.status === 'failed' ? [{ step, error: o.error }] : [];
    });
}


/***/ }),

/***/ 8947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ ampWorkspaceIsOurs),
/* harmony export */   Hm: () => (/* binding */ listRepositoryWorkspaces),
/* harmony export */   Nf: () => (/* binding */ describeAmpWorkspace),
/* harmony export */   QZ: () => (/* binding */ findOrCreateAmpWorkspace),
/* harmony export */   UF: () => (/* binding */ waitAmpActive),
/* harmony export */   gd: () => (/* binding */ findOwnedWorkspace),
/* harmony export */   hF: () => (/* binding */ ampUrls),
/* harmony export */   zv: () => (/* binding */ deleteEnvironmentWorkspaces)
/* harmony export */ });
/* unused harmony exports ampClientToken, pickPreferred */
/* harmony import */ var _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4241);
/* harmony import */ var _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(_aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_poll__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6451);





function ampUrls(endpoint) {
    const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
    return { endpoint: base, remoteWrite: `${base}remote_write`, query: `${base}query` };
}
/**
 * The same job re-run, or two runs racing, must land on one workspace: the token is derived from
 * what identifies the environment, so AMP's idempotency collapses concurrent creates.
 */
function ampClientToken(owner, alias, skippedIds = []) {
    // A workspace that failed to create, or was deleted, would be handed back for the same token;
    // folding those ids in gives the next attempt a new token that racing runs still agree on.
    const failed = [...skippedIds].sort().join(',');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`ecs-amp-action|${owner.repository}|${owner.environment ?? ''}|${alias}|${failed}`).digest('hex').slice(0, 64);
}
/**
 * Finds this environment's workspace (or the given one), or creates it, and returns as soon as AMP gives its id, ARN
 * and endpoint: CreateWorkspace answers with them while the workspace is still CREATING, and a stack that only names
 * the ARN need not wait for ACTIVE (waitAmpActive does that for what queries or writes to it).
 */
async function findOrCreateAmpWorkspace(amp, req) {
    if (req.existingId) {
        const ws = await describe(amp, req.existingId, 'amp-workspace-id');
        return started(ws, 'given');
    }
    const { found, failedIds } = await findOwnedWorkspace(amp, req.alias, req.owner);
    if (found) {
        req.log(`Reusing AMP workspace ${found.workspaceId} (alias '${req.alias}', status ${found.status?.statusCode})`);
        return started(await describe(amp, found.workspaceId), 'reused');
    }
    if (failedIds.length > 0)
        req.log(`Ignoring AMP workspace(s) that failed to create: ${failedIds.join(', ')}`);
    req.log(`Creating AMP workspace with alias '${req.alias}'`);
    // A client token is replayed for hours: after destroy, the same environment's token can answer
    // with the workspace that was deleted. Such an id is folded into the next token, which racing
    // runs derive identically, so they still converge on one new workspace.
    const skipped = [...failedIds];
    for (let attempt = 1;; attempt++) {
        let id;
        try {
            const out = await amp.send(new _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.CreateWorkspaceCommand({
                alias: req.alias,
                clientToken: ampClientToken(req.owner, req.alias, skipped),
                tags: req.tags,
            }));
            id = out.workspaceId;
        }
        catch (err) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('AMP CreateWorkspace', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:CreateWorkspace and aps:TagResource'));
        }
        const ws = await describeIfExists(amp, id);
        if (ws && ws.status?.statusCode !== 'DELETING')
            return started(ws, 'created');
        if (attempt >= 10) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AMP CreateWorkspace kept answering with deleted workspaces (${[...skipped, id].join(', ')}).`, 'Re-run in a few minutes.');
        }
        req.log(`AMP answered with workspace ${id}, which was deleted (an earlier environment of the same name); creating a new one`);
        skipped.push(id);
    }
}
/** Waits until the workspace find-or-create returned is ACTIVE; a CREATION_FAILED or DELETING one fails with its fix. */
async function waitAmpActive(amp, ws, req) {
    if (ws.status === 'ACTIVE')
        return;
    // ws.status was read a moment ago (the workspace was just created or found): a describe now could only repeat it.
    await waitActive(amp, ws.id, req, { justStarted: true });
}
function started(ws, origin) {
    return { ...toWorkspace(ws, origin), status: ws.status?.statusCode ?? 'UNKNOWN' };
}
async function describeIfExists(amp, id) {
    try {
        return (await amp.send(new _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
    }
    catch (err) {
        if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
            return undefined;
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`AMP DescribeWorkspace ${id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:DescribeWorkspace'));
    }
}
/**
 * ListWorkspaces filters aliases by prefix and aliases are not unique, so the match is exact and
 * ownership comes from the tags; a same-named workspace that is not ours is never adopted.
 */
async function findOwnedWorkspace(amp, alias, owner) {
    const candidates = [];
    const failedIds = [];
    try {
        for await (const page of (0,_aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.paginateListWorkspaces)({ client: amp, pageSize: 1000 }, { alias })) {
            for (const ws of page.workspaces ?? []) {
                if (ws.alias !== alias || !(0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .isOwnedBy */ .D0)(ws.tags, owner))
                    continue;
                const status = ws.status?.statusCode;
                if (status === 'CREATION_FAILED')
                    failedIds.push(ws.workspaceId);
                else if (status !== 'DELETING')
                    candidates.push(ws);
            }
        }
    }
    catch (err) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('AMP ListWorkspaces', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:ListWorkspaces'));
    }
    return { found: pickPreferred(candidates), failedIds };
}
/** ACTIVE before anything still being created; among equals, the oldest, so every run picks the same one. */
function pickPreferred(candidates) {
    const rank = (ws) => (ws.status?.statusCode === 'ACTIVE' ? 0 : 1);
    return [...candidates].sort((a, b) => rank(a) - rank(b) || (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || a.workspaceId.localeCompare(b.workspaceId))[0];
}
/** DescribeWorkspace; `input` names the input the id came from, for a clear error when it does not exist. */
const describeAmpWorkspace = (amp, id, input) => describe(amp, id, input);
async function describe(amp, id, input) {
    try {
        const out = await amp.send(new _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: id }));
        return out.workspace;
    }
    catch (err) {
        if (input && (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException') {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input '${input}': AMP workspace ${id} does not exist in this region.`, 'Check the id and aws-region, or leave the input empty to have the action create a workspace.');
        }
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`AMP DescribeWorkspace ${id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:DescribeWorkspace'));
    }
}
async function waitActive(amp, id, req, opts = {}) {
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g3)({
        what: `AMP workspace ${id}`,
        deadline: req.deadline,
        log: req.log,
        expected: _util_poll__WEBPACK_IMPORTED_MODULE_3__/* .EXPECTED */ .dS.ampActive,
        justStarted: opts.justStarted,
        check: async () => {
            const ws = await describe(amp, id);
            const status = ws.status?.statusCode ?? 'UNKNOWN';
            if (status === 'ACTIVE')
                return { done: true, value: ws };
            if (status === 'CREATION_FAILED' || status === 'DELETING') {
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AMP workspace ${ws.workspaceId} is ${status}.`, status === 'DELETING' ? 'Wait for the deletion to finish, then re-run to create a new workspace.' : 'Re-run to create a new workspace (the failed one is skipped; delete it when convenient), and check AMP quotas in Service Quotas.');
            }
            return { done: false, status };
        },
    });
}
function toWorkspace(ws, origin) {
    return { id: ws.workspaceId, arn: ws.arn, alias: ws.alias, prometheusEndpoint: ampUrls(ws.prometheusEndpoint).endpoint, origin };
}
/** Every workspace the action created for this repository, whatever its environment (cleanup's view). */
async function listRepositoryWorkspaces(amp, repository) {
    const found = [];
    try {
        for await (const page of (0,_aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.paginateListWorkspaces)({ client: amp, pageSize: 1000 }, {})) {
            for (const ws of page.workspaces ?? []) {
                const tags = ws.tags ?? {};
                if (tags[_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_MANAGED_BY */ .RJ] !== _tags__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_BY */ .Kf || tags[_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_REPOSITORY */ .e2] !== repository || !tags[_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_ENVIRONMENT */ .JQ])
                    continue;
                found.push({
                    id: ws.workspaceId, environment: tags[_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_ENVIRONMENT */ .JQ], status: ws.status?.statusCode ?? 'UNKNOWN', createdAt: ws.createdAt,
                    prNumber: /^\d+$/.test(tags[_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_PR */ .av] ?? '') ? Number(tags[_tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_PR */ .av]) : undefined,
                });
            }
        }
    }
    catch (err) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('AMP ListWorkspaces', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:ListWorkspaces'));
    }
    return found;
}
/**
 * Deletes the environment's workspaces (every one its tags name, failed creations included) and
 * waits until they are gone. A workspace named by amp-workspace-id is the user's and is never
 * passed here. Returns the ids deleted.
 */
async function deleteEnvironmentWorkspaces(amp, req) {
    // `known`: ids the caller found by the same ownership tags a moment ago (cleanup lists them all once).
    const mine = req.known
        ? req.known.map((id) => ({ id, status: 'UNKNOWN' }))
        : (await listRepositoryWorkspaces(amp, req.owner.repository)).filter((w) => w.environment === req.owner.environment);
    await Promise.all(mine.map(async (ws) => {
        if (ws.status !== 'DELETING') {
            req.log(`Deleting AMP workspace ${ws.id} (${ws.status})`);
            try {
                await amp.send(new _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.DeleteWorkspaceCommand({ workspaceId: ws.id, clientToken: `ecs-amp-action-delete-${ws.id}`.slice(0, 64) }));
            }
            catch (err) {
                if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
                    return;
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`AMP DeleteWorkspace ${ws.id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:DeleteWorkspace'));
            }
        }
        await (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g3)({
            what: `deletion of AMP workspace ${ws.id}`, deadline: req.deadline, log: req.log, expected: _util_poll__WEBPACK_IMPORTED_MODULE_3__/* .EXPECTED */ .dS.ampDeleted,
            // Just asked to delete (or listed as DELETING a moment ago): the first check waits one interval.
            justStarted: true,
            check: async () => {
                const current = await describeIfExists(amp, ws.id);
                return current ? { done: false, status: current.status?.statusCode ?? 'UNKNOWN' } : { done: true, value: undefined };
            },
        });
    }));
    return mine.map((w) => w.id);
}
/**
 * False when the workspace is already gone (or going); throws when its tags no longer make it this environment's. AMP's
 * DescribeWorkspace returns the workspace's tags (AMP API Reference, WorkspaceDescription `tags`).
 */
async function ampWorkspaceIsOurs(amp, id, owner) {
    let tags;
    try {
        const ws = (await amp.send(new _aws_sdk_client_amp__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
        // Already going (another run's delete): nothing left for this one to do.
        if (ws?.status?.statusCode === 'DELETING')
            return false;
        tags = ws?.tags;
    }
    catch (err) {
        if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
            return false;
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`AMP DescribeWorkspace ${id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'aps:DescribeWorkspace'));
    }
    const problem = (0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .ownershipProblem */ .l2)(tags, owner);
    if (problem) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AMP workspace ${id} is not this run's to delete: ${problem} (it carries ${(0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .describeOwner */ .$S)(tags)}). Nothing was changed.`, 'Its tags changed after the action listed it; check who re-tagged it, and delete it by hand if it is really unused.');
    }
    return true;
}


/***/ }),

/***/ 5778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LJ: () => (/* binding */ workspacesUsingRole),
/* harmony export */   PR: () => (/* binding */ grafanaWorkspaceTags),
/* harmony export */   Pc: () => (/* binding */ findGrafanaWorkspace),
/* harmony export */   fq: () => (/* binding */ deleteGrafanaWorkspace),
/* harmony export */   kE: () => (/* binding */ ensureGrafanaWorkspace)
/* harmony export */ });
/* unused harmony exports workspaceUrl, grafanaClientToken */
/* harmony import */ var _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3319);
/* harmony import */ var _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(_aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_poll__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6451);





const FAILED = new Set(['FAILED', 'CREATION_FAILED', 'DELETION_FAILED', 'UPDATE_FAILED', 'UPGRADE_FAILED', 'VERSION_UPDATE_FAILED', 'LICENSE_REMOVAL_FAILED']);
/** AMG returns the endpoint without a scheme; one that carries its own scheme is kept as is. */
function workspaceUrl(endpoint) {
    return /^https?:\/\//.test(endpoint) ? endpoint.replace(/\/$/, '') : `https://${endpoint}`;
}
function grafanaClientToken(owner, name) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`ecs-amp-action|grafana|${owner.repository}|${name}`).digest('hex').slice(0, 64);
}
async function ensureGrafanaWorkspace(grafana, req) {
    let ws;
    let origin;
    if (req.existingId) {
        ws = await describe(grafana, req.existingId, 'grafana-workspace-id');
        origin = 'given';
    }
    else {
        const found = await findByName(grafana, req.name, req.owner);
        if (found) {
            req.log(`Reusing Grafana workspace ${found.id} ('${req.name}', status ${found.status})`);
            ws = await describe(grafana, found.id);
            origin = 'reused';
        }
        else {
            ws = await create(grafana, req);
            origin = 'created';
        }
    }
    ws = await waitActive(grafana, ws, req);
    if (origin !== 'created' && req.grafanaVersion && ws.grafanaVersion !== req.grafanaVersion) {
        // Never changed here: a version update is irreversible (AMG user guide, "Update your workspace version").
        req.log(`Grafana workspace ${ws.id} runs Grafana ${ws.grafanaVersion ?? '?'}; grafana-version ${req.grafanaVersion} applies only to a workspace the action creates (upgrade it in the AMG console)`);
    }
    if (origin === 'reused' && req.reusedRoleArn) {
        const wanted = await req.reusedRoleArn(ws.workspaceRoleArn);
        if (wanted && wanted !== ws.workspaceRoleArn)
            ws = await pointAtRole(grafana, ws, wanted, req);
    }
    if (req.admins.length > 0)
        await grantAdmins(grafana, ws.id, req.admins, req.log);
    return { id: ws.id, name: ws.name, url: workspaceUrl(ws.endpoint), grafanaVersion: ws.grafanaVersion, origin };
}
/**
 * Points a workspace at another role (UpdateWorkspace keeps every parameter it is not given: AMG
 * API reference) and waits until it is ACTIVE again.
 */
async function pointAtRole(grafana, ws, roleArn, req) {
    req.log(`Grafana workspace ${ws.id} uses role ${ws.workspaceRoleArn ?? '(none)'}; pointing it at ${roleArn}`);
    try {
        await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.UpdateWorkspaceCommand({ workspaceId: ws.id, permissionType: 'CUSTOMER_MANAGED', workspaceRoleArn: roleArn }));
    }
    catch (err) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana UpdateWorkspace', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:UpdateWorkspace and iam:PassRole on the workspace role'));
    }
    return waitActive(grafana, await describe(grafana, ws.id), req);
}
/** Every workspace of the account (any owner) whose role is `roleArn`, except those named in `except`. */
async function workspacesUsingRole(grafana, roleArn, except = []) {
    const ids = [];
    try {
        for await (const page of (0,_aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.paginateListWorkspaces)({ client: grafana, pageSize: 100 }, {})) {
            ids.push(...(page.workspaces ?? []).filter((w) => w.status !== 'DELETING' && !except.includes(w.id)).map((w) => w.id));
        }
    }
    catch (err) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana ListWorkspaces', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:ListWorkspaces'));
    }
    // ListWorkspaces' summaries carry no role: DescribeWorkspace does (workspaceRoleArn).
    const described = await Promise.all(ids.map(async (id) => {
        try {
            return (await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
        }
        catch (err) {
            if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
                return undefined;
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`Grafana DescribeWorkspace ${id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:DescribeWorkspace'));
        }
    }));
    return described.filter((w) => w && w.status !== 'DELETING' && w.workspaceRoleArn === roleArn).map((w) => w.id);
}
/** The repository's Grafana workspace if there is one (any status), without creating anything. */
async function findGrafanaWorkspace(grafana, req) {
    let origin = 'given';
    let id = req.existingId;
    if (!id) {
        const found = await findByName(grafana, req.name, req.owner);
        if (!found)
            return undefined;
        id = found.id;
        origin = 'reused';
    }
    const ws = await describe(grafana, id, req.existingId ? 'grafana-workspace-id' : undefined);
    return { id, name: ws.name, url: workspaceUrl(ws.endpoint), grafanaVersion: ws.grafanaVersion, origin, status: ws.status ?? 'UNKNOWN', tags: ws.tags ?? {}, roleArn: ws.workspaceRoleArn };
}
/** Deletes the repository's shared workspace and waits until it is gone; refuses one whose tags are not this repository's. */
async function deleteGrafanaWorkspace(grafana, ws, owner, opts) {
    if (!(0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .isOwnedBy */ .D0)(ws.tags, owner)) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Grafana workspace ${ws.id} is not tagged as created by ecs-amp-action for ${owner.repository}; refusing to delete it.`, 'Leave delete-grafana-workspace false for a workspace you passed with grafana-workspace-id.');
    }
    opts.log(`Deleting Grafana workspace ${ws.id}`);
    try {
        await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.DeleteWorkspaceCommand({ workspaceId: ws.id }));
    }
    catch (err) {
        if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
            return;
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana DeleteWorkspace', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:DeleteWorkspace'));
    }
    await (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g3)({
        what: `deletion of Grafana workspace ${ws.id}`, deadline: opts.deadline, log: opts.log, maxDelayMs: 20_000,
        // DeleteWorkspace was just accepted: a describe now could only say DELETING.
        justStarted: true,
        check: async () => {
            try {
                const out = await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: ws.id }));
                return { done: false, status: out.workspace?.status ?? 'UNKNOWN' };
            }
            catch (err) {
                if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
                    return { done: true, value: undefined };
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana DescribeWorkspace', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:DescribeWorkspace'));
            }
        },
    });
}
/**
 * AMG names are not unique, so a name match counts only when its tags say the action created it
 * for this repository. A same-named workspace that is not ours is never adopted silently: it would
 * mix two teams' previews.
 */
async function findByName(grafana, name, owner) {
    const matches = [];
    try {
        for await (const page of (0,_aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.paginateListWorkspaces)({ client: grafana, pageSize: 100 }, {})) {
            matches.push(...(page.workspaces ?? []).filter((w) => w.name === name && w.status !== 'DELETING'));
        }
    }
    catch (err) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana ListWorkspaces', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:ListWorkspaces'));
    }
    const owned = matches.filter((w) => (0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .isOwnedBy */ .D0)(w.tags, owner)).sort((a, b) => (a.created?.getTime() ?? 0) - (b.created?.getTime() ?? 0));
    if (owned.length > 0)
        return owned[0];
    if (matches.length > 0) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`An Amazon Managed Grafana workspace named '${name}' (${matches[0].id}) exists but is not tagged as created by ecs-amp-action for ${owner.repository}.`, `Pass grafana-workspace-id: ${matches[0].id} to use it deliberately, or choose another grafana-workspace-name.`);
    }
    return undefined;
}
async function create(grafana, req) {
    const roleArn = await req.roleArn();
    req.log(`Creating Grafana workspace '${req.name}' (${req.auth}, role ${roleArn}, Grafana ${req.grafanaVersion ?? 'AMG default'})`);
    try {
        const out = await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.CreateWorkspaceCommand({
            workspaceName: req.name,
            workspaceDescription: `Preview environments of ${req.owner.repository} (ecs-amp-action)`,
            accountAccessType: 'CURRENT_ACCOUNT',
            authenticationProviders: [req.auth],
            // SERVICE_MANAGED only works from the console: through the API AWS creates no role for it.
            permissionType: 'CUSTOMER_MANAGED',
            workspaceRoleArn: roleArn,
            ...(req.grafanaVersion ? { grafanaVersion: req.grafanaVersion } : {}),
            clientToken: grafanaClientToken(req.owner, req.name),
            tags: req.tags,
        }));
        return out.workspace;
    }
    catch (err) {
        if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ValidationException' && /SSO is not enabled/i.test(err.message)) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Creating the Grafana workspace failed: grafana-auth is AWS_SSO but IAM Identity Center is not enabled for this account (${err.message}).`, 'Enable IAM Identity Center (in the organization\'s management account or this account), or set grafana-auth: SAML, or set grafana: false.');
        }
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana CreateWorkspace', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:CreateWorkspace, grafana:TagResource, iam:PassRole on the workspace role, and sso:* actions the AMG docs list for AWS_SSO'));
    }
}
async function describe(grafana, id, input) {
    try {
        return (await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
    }
    catch (err) {
        if (input && (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException') {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input '${input}': Grafana workspace ${id} does not exist in this region.`, 'Check the id and aws-region, or leave the input empty to use the shared workspace.');
        }
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`Grafana DescribeWorkspace ${id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:DescribeWorkspace'));
    }
}
async function waitActive(grafana, first, req) {
    let current = first;
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g3)({
        what: `Grafana workspace ${first.id}`,
        deadline: req.deadline,
        log: req.log,
        expected: _util_poll__WEBPACK_IMPORTED_MODULE_3__/* .EXPECTED */ .dS.grafanaActive,
        // Creation takes minutes; there is no point asking every second after the first few.
        maxDelayMs: 20_000,
        check: async () => {
            const ws = current ?? (await describe(grafana, first.id));
            current = undefined;
            // A string, not the SDK's union: the installed client predates DEGRADED, which the current API model has.
            const status = ws.status ?? 'UNKNOWN';
            if (status === 'ACTIVE')
                return { done: true, value: ws };
            if (FAILED.has(status) || status === 'DELETING') {
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Grafana workspace ${ws.id} is ${status}.`, status === 'DELETING' ? 'Wait for the deletion to finish, then re-run.' : 'Inspect the workspace in the AMG console; delete it and re-run to create a new one.');
            }
            if (status === 'DEGRADED') {
                // The API model's only word on DEGRADED is that degradedWorkspaceReason says why; nothing
                // says a degraded workspace recovers on its own, so waiting would only run to the deadline.
                const reason = ws.degradedWorkspaceReason;
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Grafana workspace ${ws.id} is DEGRADED${reason ? `: ${reason}` : ''}.`, 'AMG reports the reason in the workspace\'s details (AMG console, or aws grafana describe-workspace: degradedWorkspaceReason). Fix what it names (often the workspace role, its network or its license), then re-run.');
            }
            return { done: false, status };
        },
    });
}
/** UpdatePermissions answers 200 even when users are unknown: the failures are in errors[]. */
async function grantAdmins(grafana, workspaceId, admins, log) {
    for (let i = 0; i < admins.length; i += 20) {
        const batch = admins.slice(i, i + 20);
        let errors;
        try {
            const out = await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.UpdatePermissionsCommand({
                workspaceId,
                updateInstructionBatch: [{ action: 'ADD', role: 'ADMIN', users: batch.map((a) => ({ id: a.id, type: a.type })) }],
            }));
            errors = out.errors ?? [];
        }
        catch (err) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)('Grafana UpdatePermissions', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:UpdatePermissions'));
        }
        if (errors.length > 0) {
            const detail = errors.map((e) => `${e.causedBy?.users?.map((u) => u.id).join(', ') ?? '?'}: ${e.message} (code ${e.code})`).join('; ');
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input 'grafana-admins': Grafana rejected some admins: ${detail}.`, 'Use user or group ids that exist in IAM Identity Center (Identity Store ids, not user names).');
        }
    }
    log(`Granted ADMIN on Grafana workspace ${workspaceId} to ${admins.length} user(s)/group(s)`);
}
/** The Grafana workspace's tags now; undefined when it is already gone (or going). */
async function grafanaWorkspaceTags(grafana, id) {
    try {
        const ws = (await grafana.send(new _aws_sdk_client_grafana__WEBPACK_IMPORTED_MODULE_4__.DescribeWorkspaceCommand({ workspaceId: id }))).workspace;
        return ws?.status === 'DELETING' ? undefined : ws?.tags ?? {};
    }
    catch (err) {
        if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'ResourceNotFoundException')
            return undefined;
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(`Grafana DescribeWorkspace ${id}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_2__/* .permissionFix */ .jj)(err, 'grafana:DescribeWorkspace'));
    }
}


/***/ }),

/***/ 3596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ ensureStack),
/* harmony export */   GO: () => (/* binding */ describeStack),
/* harmony export */   Hk: () => (/* binding */ listEnvironmentStacks),
/* harmony export */   PE: () => (/* binding */ destroyStack),
/* harmony export */   Yz: () => (/* binding */ outputsOf)
/* harmony export */ });
/* unused harmony exports isInProgress, maskNoEchoValues, NO_ECHO_MASK, parameterChanges, operationToken, waitForStack, rootCause, deleteStack, formatEvent */
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3805);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9506);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_poll__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6451);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);





const NO_CHANGES = /didn't contain changes|No updates are to be performed/;
/**
 * Brings a stack to `spec` through a change set, from whatever state an earlier run left it in.
 * A stack already matching the spec is left alone without creating a change set, so re-runs make
 * no mutating call.
 */
async function ensureStack(cfn, spec, opts) {
    const fix = spec.ownershipFix ?? DEFAULT_OWNERSHIP_FIX;
    for (let attempt = 1;; attempt++) {
        let stack = await describeStack(cfn, spec.name);
        // Before anything else, whatever the status: waiting, recovering a rollback or deleting a failed
        // create would all act on a stack that may be another repository's.
        if (stack)
            await assertOwned(cfn, stack, spec.owner, 'update', fix);
        if (stack && isInProgress(stack.StackStatus)) {
            opts.log(`Stack ${spec.name} is ${stack.StackStatus} from an earlier run; waiting for it`);
            stack = await waitForStack(cfn, stack.StackId, { since: new Date(0) }, opts, { quietEvents: true });
            // What finished may have been someone else's change set executed into an empty stack.
            await assertOwned(cfn, stack, spec.owner, 'update', fix);
        }
        if (stack?.StackStatus === 'UPDATE_ROLLBACK_FAILED') {
            opts.log(`Stack ${spec.name} is UPDATE_ROLLBACK_FAILED; continuing the rollback before updating`);
            const token = operationToken('rollback');
            await call('ContinueUpdateRollback', 'cloudformation:ContinueUpdateRollback', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.ContinueUpdateRollbackCommand({ StackName: stack.StackId, RoleARN: spec.roleArn, ClientRequestToken: token })));
            stack = await waitForStack(cfn, stack.StackId, { token }, opts);
            if (stack.StackStatus !== 'UPDATE_ROLLBACK_COMPLETE') {
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Continuing the rollback of stack ${spec.name} ended in ${stack.StackStatus}.`, 'Fix the resource named in the stack events, or skip it with `aws cloudformation continue-update-rollback --resources-to-skip`, then re-run.');
            }
        }
        if (!opts.dryRun && (stack?.StackStatus === 'ROLLBACK_COMPLETE' || stack?.StackStatus === 'ROLLBACK_FAILED')) {
            // Creates ask CloudFormation to delete a failed stack itself (OnStackFailure), so this is a stack
            // left by an older run or by hand. The preview role may not delete stacks; the teardown role may.
            opts.log(`Stack ${spec.name} is ${stack.StackStatus} (a failed first create); deleting it before creating again`);
            await deleteStack(cfn, stack.StackId, opts).catch((err) => {
                if (!isAccessDenied(err))
                    throw err;
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Stack ${spec.name} is ${stack.StackStatus} (a failed first create) and can only be deleted, which this role may not do: ${err.message}`, 'Run the destroy workflow for this environment (the teardown role deletes it), or delete the stack, then re-run.');
            });
            stack = undefined;
        }
        if (!opts.alwaysChangeSet && stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS' && (await matchesSpec(cfn, stack, spec))) {
            return { stackId: stack.StackId, outputs: outputsOf(stack), action: 'unchanged', changes: [], parameters: [] };
        }
        try {
            return await applyChangeSet(cfn, spec, stack, opts);
        }
        catch (err) {
            // Another run created the stack between our describe and our change set: start over once.
            if (attempt < 3 && isRaceError(err)) {
                opts.log(`Stack ${spec.name} changed under us (${err.message}); re-reading it`);
                continue;
            }
            throw err;
        }
    }
}
function isRaceError(err) {
    const message = err?.message ?? '';
    const name = err.awsName ?? (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err);
    // Two runs racing on one stack: the loser's change set goes OBSOLETE, or finds the stack busy.
    // CloudFormation deletes a stack's other change sets when one is executed.
    return name === 'AlreadyExistsException' || name === 'InvalidChangeSetStatus' || name === 'ChangeSetNotFoundException' ||
        /already exists|state and can not be updated|is in .*_IN_PROGRESS|OBSOLETE/.test(message);
}
async function applyChangeSet(cfn, spec, stack, opts) {
    if (opts.dryRun && stack?.StackStatus === 'ROLLBACK_COMPLETE') {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Stack ${spec.name} is ROLLBACK_COMPLETE: it can only be deleted, so no change set can be previewed.`, 'Run without dry-run: the action deletes the failed stack and creates it again.');
    }
    const changeSetType = !stack || stack.StackStatus === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';
    // Also the execution's ClientRequestToken, so it must be unique to this run, not only to this millisecond.
    const changeSetName = operationToken('cs');
    opts.log(`Creating ${changeSetType} change set for stack ${spec.name}`);
    const created = await call('CreateChangeSet', 'cloudformation:CreateChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.CreateChangeSetCommand({
        StackName: spec.name,
        ChangeSetName: changeSetName,
        ChangeSetType: changeSetType,
        TemplateBody: spec.templateBody,
        Parameters: Object.entries(spec.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
        Tags: (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .toTagList */ .s3)(spec.tags),
        Capabilities: spec.capabilities,
        RoleARN: spec.roleArn,
        // A failed first create is deleted by CloudFormation rather than left ROLLBACK_COMPLETE, which
        // only a DeleteStack clears and the preview role may not delete stacks.
        OnStackFailure: changeSetType === 'CREATE' ? 'DELETE' : undefined,
    })));
    const changeSet = await waitForChangeSet(cfn, created.Id, opts);
    if (changeSet.Status === 'FAILED') {
        if (NO_CHANGES.test(changeSet.StatusReason ?? '')) {
            await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteChangeSetCommand({ ChangeSetName: created.Id })).catch(() => undefined);
            const current = (await describeStack(cfn, spec.name));
            return { stackId: current.StackId, outputs: outputsOf(current), action: 'unchanged', changes: [], parameters: [] };
        }
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Change set for stack ${spec.name} failed: ${changeSet.StatusReason}`, 'Fix the template or parameters named above.');
    }
    const { changes, parameters: next } = await describeChanges(cfn, created.Id);
    const parameters = changeSetType === 'UPDATE' ? parameterChanges(stack?.Parameters ?? [], next) : [];
    opts.onChangeSet?.({ changes, parameters });
    if (opts.dryRun) {
        if (changeSetType === 'CREATE') {
            // A CREATE change set leaves an empty REVIEW_IN_PROGRESS stack, and CloudFormation tags a stack
            // only when a change set is executed: until then DescribeStacks shows no tags, and only the
            // change set carries them (AWS-validated snapshot in localstack/localstack,
            // tests/aws/services/cloudformation/api/test_stacks.py test_stack_description_lifecycle[with-tags]:
            // "stack-pre-execute" has Tags [], the change set and "stack-post-execute" have them). So when
            // this role may not delete the empty stack (the preview role), the change set stays as the
            // stack's proof of ownership; the next deploy creates into the stack and executing its change
            // set deletes this one.
            const deleted = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteStackCommand({ StackName: created.StackId })).then(() => true, (err) => {
                if (isAccessDenied(err))
                    return false;
                throw err;
            });
            if (deleted) {
                opts.log(`Dry run: the empty stack ${spec.name} and its change set were deleted`);
            }
            else {
                if (stack)
                    await deleteOtherChangeSets(cfn, created.StackId, created.Id);
                opts.log(`Dry run: this role may not delete stacks, so the empty stack ${spec.name} (REVIEW_IN_PROGRESS, no resources) stays with this change set, which marks it as this environment's, until the next deploy creates into it`);
            }
        }
        else {
            await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteChangeSetCommand({ ChangeSetName: created.Id })).catch(() => undefined);
            opts.log(`Dry run: change set deleted, stack ${spec.name} left as it was`);
        }
        return { stackId: created.StackId, outputs: stack ? outputsOf(stack) : {}, action: 'planned', changes, parameters };
    }
    const scope = { token: changeSetName };
    opts.log(`Executing change set (${changes.length} change(s))`);
    await call('ExecuteChangeSet', 'cloudformation:ExecuteChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.ExecuteChangeSetCommand({
        ChangeSetName: created.Id,
        ClientRequestToken: changeSetName,
    })));
    const final = await waitForStack(cfn, created.StackId, scope, opts);
    const ok = final.StackStatus === 'CREATE_COMPLETE' || final.StackStatus === 'UPDATE_COMPLETE';
    if (!ok) {
        const cause = await rootCause(cfn, created.StackId, scope);
        const deleted = final.StackStatus === 'DELETE_COMPLETE';
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Stack ${spec.name} ${deleted ? 'failed to create and was deleted' : `ended in ${final.StackStatus}`}.${cause ? ` Root cause: ${cause}` : ''}`, 
        // A denied permission names its remedy (which action, for which role); any other cause is the template's.
        (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .deniedPermissionFix */ .E5)(cause ?? '', spec.roleArn)
            ?? (deleted ? 'Fix the cause above and re-run: the next run creates the stack afresh.' : 'Fix the cause above and re-run; the action recovers the stack from this state.'));
    }
    return { stackId: final.StackId, outputs: outputsOf(final), action: changeSetType === 'CREATE' ? 'created' : 'updated', changes, parameters };
}
const DEFAULT_OWNERSHIP_FIX = 'Check stack-name and environment: each environment has its own stack, named after the repository and environment unless stack-name says otherwise. If the stack named above is really unused, delete it yourself; the action never takes over a stack it did not create for this environment.';
/** Change sets read to tell whose an empty REVIEW_IN_PROGRESS stack is; a dry run leaves one. */
const MAX_CHANGE_SETS_READ = 10;
/**
 * Refuses a stack whose ownership tags are not this repository's and environment's, in any status,
 * with one error naming the stack, what it carries and the fix. A REVIEW_IN_PROGRESS stack has no
 * tags until a change set is executed, so its change sets' tags decide: every one must be ours.
 */
async function assertOwned(cfn, stack, owner, verb, fix) {
    const tags = (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .fromTagList */ .Bz)(stack.Tags);
    let problem = (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .ownershipProblem */ .l2)(tags, owner);
    let carries = (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .ownershipTagText */ .RY)(tags);
    if (problem && stack.StackStatus === 'REVIEW_IN_PROGRESS' && tags[_tags__WEBPACK_IMPORTED_MODULE_0__/* .TAG_MANAGED_BY */ .RJ] === undefined) {
        const sets = await changeSetTags(cfn, stack.StackId);
        const foreign = sets.find((t) => (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .ownershipProblem */ .l2)(t, owner) !== undefined);
        if (sets.length > 0 && !foreign)
            return;
        if (foreign) {
            problem = `its pending change set ${(0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .ownershipProblem */ .l2)(foreign, owner).replace(/^it /, '')}`;
            carries = `no tags (it was never executed); its change set carries ${(0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .ownershipTagText */ .RY)(foreign)}`;
        }
        else {
            problem = 'it is an empty stack with neither tags nor a change set that says whose it is';
            carries = 'no tags';
        }
    }
    if (!problem)
        return;
    throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Stack ${stack.StackName} (${stack.StackStatus}) is not this run's to ${verb}: ${problem}. It carries ${carries}; ` +
        `this run is ${(0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .describeOwner */ .$S)((0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .ownershipTags */ .dt)(owner))}. Nothing was changed.`, fix);
}
async function changeSetTags(cfn, stackId) {
    const ids = [];
    let token;
    do {
        const page = await call('ListChangeSets', 'cloudformation:ListChangeSets', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.ListChangeSetsCommand({ StackName: stackId, NextToken: token })));
        ids.push(...(page.Summaries ?? []).map((c) => c.ChangeSetId).filter(Boolean));
        token = page.NextToken;
    } while (token && ids.length < MAX_CHANGE_SETS_READ);
    const described = await Promise.all(ids.slice(0, MAX_CHANGE_SETS_READ).map((id) => call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeChangeSetCommand({ ChangeSetName: id })))));
    return described.map((cs) => (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .fromTagList */ .Bz)(cs.Tags));
}
/** An empty stack keeps one change set of ours: the newest dry run's. */
async function deleteOtherChangeSets(cfn, stackId, keep) {
    const page = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.ListChangeSetsCommand({ StackName: stackId })).catch(() => undefined);
    for (const c of page?.Summaries ?? []) {
        if (c.ChangeSetId && c.ChangeSetId !== keep)
            await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteChangeSetCommand({ ChangeSetName: c.ChangeSetId })).catch(() => undefined);
    }
}
async function describeStack(cfn, name) {
    try {
        const out = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeStacksCommand({ StackName: name }));
        const stack = out.Stacks?.[0];
        return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
    }
    catch (err) {
        if ((0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err) === 'ValidationError' && /does not exist/.test(err.message))
            return undefined;
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)(`CloudFormation DescribeStacks ${name}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .permissionFix */ .jj)(err, 'cloudformation:DescribeStacks'));
    }
}
async function matchesSpec(cfn, stack, spec) {
    const params = Object.fromEntries((stack.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
    if (!sameRecord(params, spec.parameters) || !sameRecord((0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .fromTagList */ .Bz)(stack.Tags), spec.tags))
        return false;
    const template = await call('GetTemplate', 'cloudformation:GetTemplate', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.GetTemplateCommand({ StackName: stack.StackId, TemplateStage: 'Original' })));
    return template.TemplateBody === spec.templateBody;
}
function sameRecord(a, b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => a[k] === b[k]);
}
function outputsOf(stack) {
    return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}
function isInProgress(status) {
    return Boolean(status?.endsWith('_IN_PROGRESS')) && status !== 'REVIEW_IN_PROGRESS';
}
/**
 * The whole change set with property values. IncludePropertyValues is a DescribeChangeSet member only
 * (CreateChangeSetInput has none in the CloudFormation model, service-2.json 2010-05-15), so any change set can be
 * described with values; its Changes are paged once the answer passes 1 MB (DescribeChangeSetOutput.NextToken), as
 * an 18-resource first deploy with its task definition's values may.
 */
async function describeChanges(cfn, id) {
    const changes = [];
    let parameters = [];
    let token;
    for (let page = 0; page < MAX_CHANGE_SET_PAGES; page++) {
        const out = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeChangeSetCommand({ ChangeSetName: id, IncludePropertyValues: true, NextToken: token })));
        changes.push(...(out.Changes ?? []));
        if (page === 0)
            parameters = out.Parameters ?? [];
        token = out.NextToken;
        if (!token)
            break;
    }
    return { changes: maskNoEchoValues(changes, parameters), parameters };
}
const MAX_CHANGE_SET_PAGES = 50;
/**
 * CloudFormation masks a NoEcho parameter in Parameters, but a property fed by it carries its value as BeforeValue /
 * AfterValue; every detail at a path a masked parameter causes (its Static ParameterReference and the Dynamic
 * DirectModification twin at the same path) gets the mask too, so the value never reaches the log or the comment.
 */
function maskNoEchoValues(changes, parameters) {
    const masked = new Set(parameters.filter((p) => p.ParameterValue === NO_ECHO_MASK).map((p) => p.ParameterKey));
    if (masked.size === 0)
        return changes;
    return changes.map((c) => {
        const details = c.ResourceChange?.Details;
        if (!details)
            return c;
        const paths = new Set(details.filter((d) => d.ChangeSource === 'ParameterReference' && masked.has(d.CausingEntity)).map((d) => d.Target?.Path));
        if (paths.size === 0)
            return c;
        const hide = (v) => (v === undefined ? undefined : NO_ECHO_MASK);
        return {
            ...c,
            ResourceChange: {
                ...c.ResourceChange,
                // The contexts hold the same values in full.
                BeforeContext: undefined, AfterContext: undefined,
                Details: details.map((d) => (paths.has(d.Target?.Path) ? { ...d, Target: { ...d.Target, BeforeValue: hide(d.Target?.BeforeValue), AfterValue: hide(d.Target?.AfterValue) } } : d)),
            },
        };
    });
}
/** CloudFormation's mask for a NoEcho parameter's value, in DescribeStacks and DescribeChangeSet alike. */
const NO_ECHO_MASK = '****';
/**
 * Parameters before (the stack's) → after (the change set's), changed ones only. A NoEcho value reads `****` on
 * both sides, so whether it changed cannot be told, and it is left out rather than shown as unchanged or changed.
 */
function parameterChanges(before, after) {
    const old = new Map(before.map((p) => [p.ParameterKey ?? '', p.ParameterValue]));
    const changed = [];
    for (const p of after) {
        const key = p.ParameterKey ?? '';
        const value = p.ParameterValue;
        const was = old.get(key);
        if (value === NO_ECHO_MASK || was === NO_ECHO_MASK || was === value)
            continue;
        changed.push({ key, before: was, after: value });
    }
    return changed;
}
async function waitForChangeSet(cfn, id, opts) {
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g3)({
        what: 'change set',
        deadline: opts.deadline,
        log: opts.log,
        expected: _util_poll__WEBPACK_IMPORTED_MODULE_2__/* .EXPECTED */ .dS.changeSet,
        justStarted: true,
        check: async () => {
            const cs = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeChangeSetCommand({ ChangeSetName: id })));
            const status = cs.Status ?? 'UNKNOWN';
            if (status === 'CREATE_COMPLETE' || status === 'FAILED')
                return { done: true, value: cs };
            return { done: false, status };
        },
    });
}
/**
 * A ClientRequestToken (1–128 of [a-zA-Z0-9][-a-zA-Z0-9]*, CloudFormation API reference) unique to one operation of
 * one run: a retried DeleteStack with an old token would be taken for the old request and do nothing.
 */
function operationToken(kind) {
    return `ecs-amp-action-${kind}-${Date.now()}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.randomBytes)(4).toString('hex')}`;
}
/**
 * Waits for the stack to leave *_IN_PROGRESS, printing each new event of the operation as it happens. With a token
 * one DescribeStackEvents a poll is the whole wait: the stack's own events carry its status, and DescribeStacks is
 * asked only once one of them says the operation ended (and for the outputs). Without one (an earlier run's
 * operation), DescribeStacks is polled.
 */
async function waitForStack(cfn, stackId, scope, opts, { quietEvents = false } = {}) {
    const seen = new Set();
    const name = stackName(stackId);
    const byToken = 'token' in scope && !quietEvents;
    let status = 'waiting for its first event';
    const describe = async () => (await call('DescribeStacks', 'cloudformation:DescribeStacks', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeStacksCommand({ StackName: stackId })))).Stacks[0];
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g3)({
        what: `stack ${name}`,
        deadline: opts.deadline,
        log: opts.log,
        expected: _util_poll__WEBPACK_IMPORTED_MODULE_2__/* .EXPECTED */ .dS.stack,
        // An operation this run started is in progress the moment it is accepted.
        justStarted: 'token' in scope,
        check: async () => {
            if (byToken) {
                const fresh = await newEvents(cfn, stackId, scope, seen);
                for (const e of fresh)
                    opts.log(formatEvent(e));
                const own = fresh.filter((e) => e.LogicalResourceId === name && e.ResourceType === 'AWS::CloudFormation::Stack');
                if (own.length > 0)
                    status = own.at(-1).ResourceStatus ?? status;
                if (own.some((e) => !isInProgress(e.ResourceStatus))) {
                    // A terminal event may be a step of a longer operation (a failed create that OnStackFailure deletes): the
                    // stack's status decides.
                    const stack = await describe();
                    if (!isInProgress(stack.StackStatus)) {
                        for (const e of await newEvents(cfn, stackId, scope, seen))
                            opts.log(formatEvent(e));
                        return { done: true, value: stack };
                    }
                    status = stack.StackStatus ?? status;
                }
                if (opts.onPoll)
                    await opts.onPoll();
                return { done: false, status };
            }
            if (!quietEvents)
                for (const e of await newEvents(cfn, stackId, scope, seen))
                    opts.log(formatEvent(e));
            const stack = await describe();
            if (opts.onPoll)
                await opts.onPoll();
            if (!isInProgress(stack.StackStatus)) {
                if (!quietEvents)
                    for (const e of await newEvents(cfn, stackId, scope, seen))
                        opts.log(formatEvent(e));
                return { done: true, value: stack };
            }
            return { done: false, status: stack.StackStatus ?? 'UNKNOWN' };
        },
    });
}
/**
 * The operation's events not yet seen, oldest first. Pages stop at the first event already seen or not of the
 * operation: a stack runs one operation at a time, so its events are the newest, one unbroken run of them.
 */
async function newEvents(cfn, stackId, scope, seen) {
    const fresh = [];
    const ours = (e) => ('token' in scope ? e.ClientRequestToken === scope.token : !e.Timestamp || e.Timestamp >= scope.since);
    let token;
    do {
        const page = await call('DescribeStackEvents', 'cloudformation:DescribeStackEvents', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeStackEventsCommand({ StackName: stackId, NextToken: token })));
        for (const e of page.StackEvents ?? []) {
            if (seen.has(e.EventId) || !ours(e))
                return finish();
            fresh.push(e);
        }
        token = page.NextToken;
    } while (token);
    return finish();
    function finish() {
        for (const e of fresh)
            seen.add(e.EventId);
        return fresh.reverse();
    }
}
/**
 * The first failure is the cause; what follows ("Resource creation cancelled", the rollback) is
 * its cascade and only buries it.
 */
async function rootCause(cfn, stackId, scope) {
    const events = await newEvents(cfn, stackId, scope, new Set());
    const failed = events.find((e) => e.ResourceStatus?.endsWith('_FAILED') && e.ResourceStatusReason && !/cancelled|canceled/i.test(e.ResourceStatusReason) &&
        e.LogicalResourceId !== stackName(stackId));
    return failed ? `${failed.LogicalResourceId} (${failed.ResourceType}) ${failed.ResourceStatus}: ${failed.ResourceStatusReason}` : undefined;
}
async function deleteStack(cfn, stackId, opts) {
    const scope = { token: operationToken('delete') };
    await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteStackCommand({ StackName: stackId, ClientRequestToken: scope.token })));
    const final = await waitForStack(cfn, stackId, scope, opts);
    if (final.StackStatus !== 'DELETE_COMPLETE') {
        const cause = await rootCause(cfn, stackId, scope);
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Deleting stack ${stackName(stackId)} ended in ${final.StackStatus}.${cause ? ` ${cause}` : ''}`);
    }
}
function isAccessDenied(err) {
    const name = err.awsName ?? (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err);
    return name === 'AccessDenied' || name === 'AccessDeniedException';
}
function formatEvent(e) {
    const time = e.Timestamp?.toISOString().slice(11, 19) ?? '';
    const reason = e.ResourceStatusReason ? ` — ${e.ResourceStatusReason}` : '';
    return `${time} ${e.ResourceStatus?.padEnd(20)} ${e.ResourceType} ${e.LogicalResourceId}${reason}`;
}
function stackName(stackIdOrName) {
    const m = /^arn:[^:]+:cloudformation:[^:]*:\d*:stack\/([^/]+)\//.exec(stackIdOrName);
    return m ? m[1] : stackIdOrName;
}
async function call(operation, permission, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ)
            throw err;
        throw Object.assign(new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)(`CloudFormation ${operation}`, err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .permissionFix */ .jj)(err, permission)), {
            cause: err,
            awsName: (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err),
        });
    }
}
/** Attempts at DeleteStack when resources fail to delete: most such failures are eventual (ENIs, dependencies). */
const DELETE_ATTEMPTS = 3;
/**
 * Deletes a stack the action owns, streaming its events. Refuses a stack whose tags do not name
 * this repository and environment, even when named explicitly. A stack still being deployed is
 * waited for first (a late deploy), and DELETE_FAILED is retried, each time naming the resources
 * that failed and why.
 */
async function destroyStack(cfn, name, owner, opts) {
    let stack = await describeStack(cfn, name);
    if (!stack)
        return { outcome: 'absent' };
    await assertOwned(cfn, stack, owner, 'delete', opts.ownershipFix ?? DEFAULT_OWNERSHIP_FIX);
    const stackId = stack.StackId;
    if (stack.StackStatus === 'REVIEW_IN_PROGRESS') {
        // Untagged until executed, so IAM's aws:ResourceTag condition on DeleteStack refuses it; it holds nothing.
        const scope = { token: operationToken('delete') };
        const denied = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteStackCommand({ StackName: stackId, ClientRequestToken: scope.token })).then(() => undefined, (err) => {
            if (isAccessDenied(err))
                return err.message;
            throw Object.assign(new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)('CloudFormation DeleteStack', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .permissionFix */ .jj)(err, 'cloudformation:DeleteStack')), { cause: err });
        });
        if (denied)
            return { outcome: 'kept', stackId, reason: 'an empty REVIEW_IN_PROGRESS stack a dry run left: no resources and no tags, so this role may not delete it; delete it by hand or let the next deploy create into it' };
        await waitForStack(cfn, stackId, scope, opts);
        return { outcome: 'deleted', stackId };
    }
    if (isInProgress(stack.StackStatus) && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
        opts.log(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting`);
        stack = await waitForStack(cfn, stackId, { since: new Date(0) }, opts, { quietEvents: true });
    }
    for (let attempt = 1;; attempt++) {
        // A deletion already under way is another run's, so it has no token of ours: only then the clock.
        const scope = stack.StackStatus === 'DELETE_IN_PROGRESS' ? { since: new Date() } : { token: operationToken('delete') };
        if ('token' in scope) {
            const token = scope.token;
            opts.log(`Deleting stack ${name} (${stack.StackStatus})${attempt > 1 ? `, attempt ${attempt} of ${DELETE_ATTEMPTS}` : ''}`);
            await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DeleteStackCommand({ StackName: stackId, ClientRequestToken: token })));
        }
        stack = await waitForStack(cfn, stackId, scope, opts);
        if (stack.StackStatus === 'DELETE_COMPLETE')
            return { outcome: 'deleted', stackId };
        const failed = await failedDeletes(cfn, stackId, scope);
        const detail = failed.length ? failed.join('; ') : (stack.StackStatusReason ?? 'no reason given');
        if (attempt >= DELETE_ATTEMPTS) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Deleting stack ${name} ended in ${stack.StackStatus} after ${attempt} attempts: ${detail}`, 'Remove what blocks the resources named above (or delete them by hand), then re-run destroy; the stack and its tags are kept so cleanup finds it again.');
        }
        opts.log(`Stack ${name} is ${stack.StackStatus}: ${detail}; retrying`);
    }
}
async function failedDeletes(cfn, stackId, scope) {
    return (await newEvents(cfn, stackId, scope, new Set()))
        .filter((e) => e.ResourceStatus === 'DELETE_FAILED' && e.ResourceType !== 'AWS::CloudFormation::Stack')
        .map((e) => `${e.LogicalResourceId} (${e.ResourceType}): ${e.ResourceStatusReason ?? 'no reason given'}`);
}
/** Every live stack the action created for an environment of this repository. */
async function listEnvironmentStacks(cfn, repository) {
    const found = [];
    let token;
    do {
        const page = await call('DescribeStacks', 'cloudformation:DescribeStacks', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_4__.DescribeStacksCommand({ NextToken: token })));
        for (const stack of page.Stacks ?? []) {
            const tags = (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .fromTagList */ .Bz)(stack.Tags);
            const environment = tags[_tags__WEBPACK_IMPORTED_MODULE_0__/* .TAG_ENVIRONMENT */ .JQ];
            // Every environment of the repository, whatever its PR: the sweep passes each one's own PR on.
            if (!environment || tags[_tags__WEBPACK_IMPORTED_MODULE_0__/* .TAG_MANAGED_BY */ .RJ] !== _tags__WEBPACK_IMPORTED_MODULE_0__/* .MANAGED_BY */ .Kf || tags[_tags__WEBPACK_IMPORTED_MODULE_0__/* .TAG_REPOSITORY */ .e2] !== repository || stack.StackStatus === 'DELETE_COMPLETE')
                continue;
            const pr = tags[_tags__WEBPACK_IMPORTED_MODULE_0__/* .TAG_PR */ .av];
            found.push({
                name: stack.StackName, stackId: stack.StackId, status: stack.StackStatus ?? 'UNKNOWN', environment,
                prNumber: pr && /^\d+$/.test(pr) ? Number(pr) : undefined, lastDeployedAt: stack.LastUpdatedTime ?? stack.CreationTime,
            });
        }
        token = page.NextToken;
    } while (token);
    return found;
}


/***/ }),

/***/ 885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ei: () => (/* binding */ GrafanaClient),
/* harmony export */   rP: () => (/* binding */ GrafanaApiError)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_ATTEMPTS */
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/** A Grafana HTTP API answer outside 2xx, with Grafana's own message. */
class GrafanaApiError extends _util_errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    method;
    path;
    status;
    grafanaMessage;
    body;
    constructor(method, path, status, grafanaMessage, 
    /** The answer's JSON body, when it had one: some answers (a failed /api/ds/query) say more than their message. */
    body) {
        super(`Grafana API ${method} ${path} failed: ${status} ${grafanaMessage}`, fixFor(status));
        this.method = method;
        this.path = path;
        this.status = status;
        this.grafanaMessage = grafanaMessage;
        this.body = body;
        this.name = 'GrafanaApiError';
    }
}
function fixFor(status) {
    if (status === 401)
        return 'The service account token was refused; re-run the step (it creates a fresh token). If it persists, check the workspace\'s service accounts in the AMG console.';
    if (status === 403)
        return 'The ecs-amp-action service account needs the Grafana Admin role in this workspace (data sources need Admin).';
    return undefined;
}
/**
 * Ten attempts, the same as the AWS clients (src/aws/clients.ts) and what the README promises: with
 * six, the sweep under 50 % throttling failed in 2 of 3 runs.
 */
const DEFAULT_MAX_ATTEMPTS = 10;
/** Every request ends within this (the runner's step timeout would otherwise be the only bound). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Statuses worth another try: throttling and a gateway or Grafana that is briefly unavailable. */
const RETRYABLE = new Set([429, 502, 503, 504]);
/**
 * A thin JSON client for one workspace's Grafana HTTP API. Retries what a busy or restarting
 * Grafana answers, so a flaky moment costs seconds rather than a failed preview.
 */
class GrafanaClient {
    opts;
    maxAttempts;
    baseDelayMs;
    stopped = new AbortController();
    constructor(opts) {
        this.opts = opts;
        this.maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
        this.baseDelayMs = opts.baseDelayMs ?? 100;
    }
    /**
     * Ends every request still in flight or waiting to retry, which then fails at once. For work
     * nobody awaits any more (the sibling of a call that failed): its token is about to be deleted,
     * and its retries would only keep the step's process alive.
     */
    stop() {
        this.stopped.abort();
    }
    get(path) {
        return this.request('GET', path);
    }
    /** GET that answers undefined for 404: "does it exist" without try/catch at every call site. */
    async find(path) {
        try {
            return await this.request('GET', path);
        }
        catch (err) {
            if (err instanceof GrafanaApiError && err.status === 404)
                return undefined;
            throw err;
        }
    }
    post(path, body) {
        return this.request('POST', path, body);
    }
    put(path, body) {
        return this.request('PUT', path, body);
    }
    delete(path) {
        return this.request('DELETE', path);
    }
    async request(method, path, body) {
        const url = `${this.opts.baseUrl}${path}`;
        for (let attempt = 1;; attempt++) {
            const left = this.opts.deadline === undefined ? Infinity : this.opts.deadline - Date.now();
            if (this.stopped.signal.aborted)
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Grafana API ${method} ${path} was abandoned: the step's Grafana work ended.`);
            if (left <= 0) {
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Grafana API ${method} ${path} was not ${attempt === 1 ? 'attempted' : 'retried'}: the step's Grafana work ran past the lifetime of its API token.`, 'Grafana answered too slowly or kept failing; re-run the step (each run gets a fresh token).');
            }
            let response;
            try {
                response = await fetch(url, {
                    method,
                    headers: {
                        authorization: `Bearer ${this.opts.token}`,
                        accept: 'application/json',
                        'user-agent': this.opts.userAgent,
                        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                    signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(Math.max(1, Math.min(REQUEST_TIMEOUT_MS, left)))]),
                });
            }
            catch (err) {
                if (attempt < this.maxAttempts) {
                    await this.backoff(attempt, method, path, err.message);
                    continue;
                }
                throw new _util_errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Grafana API ${method} ${path} failed: ${err.message} (${url.split('/api/')[0]} unreachable after ${attempt} attempts).`, 'Check that the workspace is ACTIVE and reachable from the runner (AMG workspaces with network access control need the runner\'s IP or VPC endpoint allowed).');
            }
            const text = await response.text();
            if (response.ok)
                return parseAnswer(method, path, this.opts.baseUrl, response, text);
            // Grafana also answers 500 for request errors it has no mapping for (a missing import input),
            // so a 500 is retried only where asking again cannot change anything.
            const retryable = RETRYABLE.has(response.status) || (response.status === 500 && method === 'GET');
            if (retryable && attempt < this.maxAttempts) {
                await this.backoff(attempt, method, path, `${response.status}`, response.headers.get('retry-after'));
                continue;
            }
            throw new GrafanaApiError(method, path, response.status, messageOf(text), jsonOf(text));
        }
    }
    /**
     * The AWS SDK's standard retry delays (@smithy/util-retry: full jitter, 100 ms base, 500 ms for
     * throttling, at most 20 s), so the two kinds of client back off alike: ten attempts wait at most
     * about 45 s (90 s throttled), about half that on average. A Retry-After from Grafana wins.
     */
    async backoff(attempt, method, path, why, retryAfter) {
        const hinted = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
        const base = why === '429' ? this.baseDelayMs * 5 : this.baseDelayMs;
        const delay = Math.min(20_000, Math.max(hinted, Math.random() * 2 ** (attempt - 1) * base));
        this.opts.log?.(`Grafana API ${method} ${path}: ${why}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${this.maxAttempts})`);
        await new Promise((resolve) => {
            const timer = setTimeout(done, delay);
            function done() {
                clearTimeout(timer);
                resolve();
            }
            this.stopped.signal.addEventListener('abort', done, { once: true });
        });
    }
}
/**
 * A 2xx body as JSON. Grafana's API always answers JSON; a 200 with an HTML page comes from
 * something in front of it (a proxy, an SSO or login page, a captive portal) or from a URL that is
 * not the workspace's API, and JSON.parse alone would say only "Unexpected token '<'".
 */
function parseAnswer(method, path, baseUrl, response, text) {
    if (!text)
        return {};
    try {
        return JSON.parse(text);
    }
    catch {
        const html = isHtml(response, text);
        const what = html ? `an HTML page${titleOf(text) ? ` ('${titleOf(text)}')` : ''}` : `a body that is not JSON (${response.headers.get('content-type') || 'no content type'})`;
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Grafana API ${method} ${path} answered ${response.status} with ${what} instead of JSON: ${baseUrl} does not look like the workspace's Grafana API.`, `Something answers in front of Grafana: a proxy, a login or SSO page, or network access control that redirects the runner. Check that ${baseUrl} is the workspace URL the AMG console shows and that the runner reaches it directly (no HTTP(S)_PROXY that intercepts it).`);
    }
}
function isHtml(response, text) {
    return /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
}
/** The page's <title>, one line and short: it names the proxy or login page without quoting the page. */
function titleOf(text) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
    return title ? title.slice(0, 80) : undefined;
}
function jsonOf(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function messageOf(text) {
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.message === 'string')
            return parsed.message;
    }
    catch {
        // Not JSON: a proxy's HTML error page, say. Its title, else its first line, is still better than nothing.
        if (/^\s*</.test(text))
            return `an HTML page${titleOf(text) ? ` ('${titleOf(text)}')` : ''} (a proxy or gateway in front of Grafana)`;
    }
    return text.split('\n')[0].slice(0, 200) || '(empty response)';
}


/***/ }),

/***/ 7258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ isOwnDashboard),
/* harmony export */   B1: () => (/* binding */ repositoryTag),
/* harmony export */   DH: () => (/* binding */ folderTitle),
/* harmony export */   Ep: () => (/* binding */ environmentFromFolderTitle),
/* harmony export */   IH: () => (/* binding */ environmentFromDatasourceName),
/* harmony export */   Jf: () => (/* binding */ dashboardTitle),
/* harmony export */   P5: () => (/* binding */ isActionTag),
/* harmony export */   PC: () => (/* binding */ datasourceName),
/* harmony export */   Wv: () => (/* binding */ datasourceUid),
/* harmony export */   ab: () => (/* binding */ environmentTag),
/* harmony export */   lh: () => (/* binding */ environmentFromTags),
/* harmony export */   qc: () => (/* binding */ DASHBOARD_TAG),
/* harmony export */   xT: () => (/* binding */ dashboardUid),
/* harmony export */   xe: () => (/* binding */ folderUid)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);


/**
 * Names and uids of what an environment owns inside a Grafana workspace. Grafana objects carry no
 * AWS tags, so ownership is by construction: every uid is derived from the repository AND the
 * environment, and dashboards carry tags that name both (cleanup reads them). A workspace may be
 * shared by several repositories (grafana-workspace-id), so names that Grafana keeps unique
 * (data-source names; folder titles, by slug, before Grafana 11) name the repository too: two
 * repositories' `pr-1` never collide, and neither ever adopts the other's object.
 */
/** Grafana uids: at most 40 characters of letters, digits, '-' and '_'. */
const UID_MAX = 40;
const DASHBOARD_TAG = 'ecs-amp-action';
const ENV_TAG_PREFIX = 'preview:';
/**
 * Grafana stores a dashboard tag in 50 characters at most (dashboard_tag.term), too short for
 * owner/name, so the repository tag carries the repository's hash (the one stack and token names use).
 */
const REPO_TAG_PREFIX = 'repo:';
const DATASOURCE_PREFIX = 'AMP ';
const FOLDER_PREFIX = 'Preview ';
function hash(...parts) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('|')).digest('hex');
}
function uid(readable, ...parts) {
    const suffix = hash(...parts).slice(0, 10);
    return `${readable.slice(0, UID_MAX - suffix.length - 1)}-${suffix}`;
}
function folderUid(repository, environment) {
    return uid(`preview-${environment}`, 'folder', repository, environment);
}
/** `Preview <env> (<owner/repo>)`: unique per repository and environment, so its slug is too. */
function folderTitle(environment, repository) {
    return `${FOLDER_PREFIX}${environment} (${repository})`;
}
/** `AMP <env> (<owner/repo>)`: Grafana data-source names are unique in the org. */
function datasourceName(environment, repository) {
    return `${DATASOURCE_PREFIX}${environment} (${repository})`;
}
function datasourceUid(repository, environment) {
    return uid(`amp-${environment}`, 'datasource', repository, environment);
}
/** `key` identifies the dashboard across runs: its own uid, or its file name when it has none. */
function dashboardUid(repository, environment, key) {
    return uid(environment, 'dashboard', repository, environment, key);
}
function dashboardTitle(title, environment) {
    return `${title} (${environment})`;
}
function environmentTag(environment) {
    return `${ENV_TAG_PREFIX}${environment}`;
}
function repositoryTag(repository) {
    return `${REPO_TAG_PREFIX}${(0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .repositoryHash */ .Hd)(repository)}`;
}
/** True for tags the action writes itself (an imported file's own copies of them are dropped). */
function isActionTag(tag) {
    return tag === DASHBOARD_TAG || tag.startsWith(ENV_TAG_PREFIX) || tag.startsWith(REPO_TAG_PREFIX);
}
/** The environment a dashboard belongs to, from its tags; undefined for dashboards the action did not import. */
function environmentFromTags(tags) {
    if (!tags?.includes(DASHBOARD_TAG))
        return undefined;
    return tags.find((t) => t.startsWith(ENV_TAG_PREFIX))?.slice(ENV_TAG_PREFIX.length);
}
/**
 * Whether a dashboard the search found is `repository`'s: its repository tag says so, or (imported
 * by a version of the action before repository tags) it has none and sits in the folder whose uid
 * is derived for this repository and its environment. Another repository's dashboard is never ours.
 */
function isOwnDashboard(hit, repository) {
    const env = environmentFromTags(hit.tags);
    if (env === undefined)
        return false;
    const repoTags = (hit.tags ?? []).filter((t) => t.startsWith(REPO_TAG_PREFIX));
    if (repoTags.length > 0)
        return repoTags.includes(repositoryTag(repository));
    return hit.folderUid === folderUid(repository, env);
}
/**
 * The environment a folder or data-source name stands for, when it has the action's shape: the
 * current `<prefix><env> (<repo>)` for this repository, or the `<prefix><env>` of earlier versions.
 * Only a candidate: the caller proves ownership by the uid derived for the repository and it.
 */
function environmentFromName(name, prefix, repository) {
    if (!name.startsWith(prefix))
        return undefined;
    const rest = name.slice(prefix.length);
    const suffix = ` (${repository})`;
    if (rest.endsWith(suffix))
        return rest.slice(0, -suffix.length) || undefined;
    return /^[^\s()]+$/.test(rest) ? rest : undefined;
}
function environmentFromFolderTitle(title, repository) {
    return environmentFromName(title, FOLDER_PREFIX, repository);
}
function environmentFromDatasourceName(name, repository) {
    return environmentFromName(name, DATASOURCE_PREFIX, repository);
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sr: () => (/* binding */ otherRepositoriesInGrafana),
/* harmony export */   c9: () => (/* binding */ environmentsInGrafana),
/* harmony export */   qj: () => (/* binding */ removeEnvironmentFromGrafana)
/* harmony export */ });
/* harmony import */ var _client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(885);
/* harmony import */ var _naming__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7258);


/**
 * Grafana's search answers at most 5000 hits a page (a larger limit is 422), so a workspace with
 * more of the action's dashboards is read page by page.
 */
const SEARCH_PAGE = 5000;
async function actionDashboards(api) {
    const all = [];
    for (let page = 1;; page++) {
        const hits = await api.get(`/api/search?type=dash-db&tag=${encodeURIComponent(_naming__WEBPACK_IMPORTED_MODULE_1__/* .DASHBOARD_TAG */ .qc)}&limit=${SEARCH_PAGE}&page=${page}`);
        all.push(...hits);
        if (hits.length < SEARCH_PAGE)
            return all;
    }
}
/**
 * Every environment of `repository` that has something in the workspace. Grafana objects have no
 * AWS tags, and a workspace may be shared by several repositories, so an object counts only when
 * it is provably this repository's: folders and data sources by the uid derived for the repository
 * and the environment their name gives, dashboards by their repository tag (src/grafana/naming.ts).
 * Another repository's `pr-1` is never found here, so a sweep never judges it.
 */
async function environmentsInGrafana(api, repository) {
    const [hits, folders, datasources] = await Promise.all([
        actionDashboards(api),
        api.get('/api/folders?limit=1000'),
        api.get('/api/datasources'),
    ]);
    const envs = new Map();
    const entry = (env) => envs.get(env) ?? envs.set(env, { dashboards: [] }).get(env);
    for (const f of folders) {
        const env = (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .environmentFromFolderTitle */ .Ep)(f.title, repository);
        if (env && f.uid === (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .folderUid */ .xe)(repository, env))
            entry(env).folder = f;
    }
    for (const hit of hits) {
        const env = (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .environmentFromTags */ .lh)(hit.tags);
        if (env && (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .isOwnDashboard */ .$H)(hit, repository))
            entry(env).dashboards.push(hit);
    }
    for (const ds of datasources) {
        const env = (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .environmentFromDatasourceName */ .IH)(ds.name, repository);
        if (env && ds.uid === (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .datasourceUid */ .Wv)(repository, env))
            entry(env).datasource = ds;
    }
    return envs;
}
/**
 * What other repositories sharing the workspace (grafana-workspace-id) have in it: the action's
 * dashboards that are not `repository`'s. A workspace with any is still in use, whoever created it.
 */
async function otherRepositoriesInGrafana(api, repository) {
    const hits = await actionDashboards(api);
    return hits.filter((h) => !(0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .isOwnDashboard */ .$H)(h, repository)).map((h) => h.title);
}
/**
 * Deletes the environment's dashboards, folder and data source; what is already gone is skipped.
 * Only what is provably this repository's (see environmentsInGrafana): another repository's
 * objects of the same environment name stay. Returns what was deleted.
 */
async function removeEnvironmentFromGrafana(api, repository, environment) {
    const removed = [];
    const hits = await actionDashboards(api);
    const dashboards = hits.filter((h) => (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .environmentFromTags */ .lh)(h.tags) === environment && (0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .isOwnDashboard */ .$H)(h, repository));
    await Promise.all(dashboards.map(async (d) => {
        if (await deleteIfPresent(api, `/api/dashboards/uid/${encodeURIComponent(d.uid)}`))
            removed.push(`Grafana dashboard '${d.title}'`);
    }));
    // Looked up first, so destroying what is already gone makes no write at all.
    const folder = await api.find(`/api/folders/${encodeURIComponent((0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .folderUid */ .xe)(repository, environment))}`);
    if (folder && await deleteIfPresent(api, `/api/folders/${encodeURIComponent(folder.uid)}`))
        removed.push(`Grafana folder '${folder.title}'`);
    const ds = await api.find(`/api/datasources/uid/${encodeURIComponent((0,_naming__WEBPACK_IMPORTED_MODULE_1__/* .datasourceUid */ .Wv)(repository, environment))}`);
    if (ds && await deleteIfPresent(api, `/api/datasources/uid/${encodeURIComponent(ds.uid)}`))
        removed.push(`Grafana data source '${ds.name}'`);
    return removed;
}
async function deleteIfPresent(api, path) {
    try {
        await api.delete(path);
        return true;
    }
    catch (err) {
        if (err instanceof _client__WEBPACK_IMPORTED_MODULE_0__/* .GrafanaApiError */ .rP && err.status === 404)
            return false;
        throw err;
    }
}


/***/ }),

/***/ 7382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vm: () => (/* binding */ withGrafanaObjects),
/* harmony export */   ky: () => (/* binding */ readEnvironmentInventory),
/* harmony export */   zw: () => (/* binding */ readInventory)
/* harmony export */ });
/* harmony import */ var _aws_amp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8947);
/* harmony import */ var _aws_grafana__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5778);
/* harmony import */ var _aws_stacks__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3596);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9506);
/* harmony import */ var _grafana_teardown__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6518);





/**
 * Reads the AWS side of the inventory, every listing at once (one round trip of wall time, not three). Grafana's own
 * objects need a token for the workspace found here, so they are read after, by withGrafanaObjects.
 */
async function readInventory(clients, req) {
    const [stacks, ampWorkspaces, grafanaWorkspace, roleStack] = await Promise.all([
        (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .listEnvironmentStacks */ .Hk)(clients.cloudformation, req.repository),
        (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .listRepositoryWorkspaces */ .Hm)(clients.amp, req.repository),
        req.grafanaWorkspace
            ? (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_1__/* .findGrafanaWorkspace */ .Pc)(clients.grafana, { name: req.grafanaWorkspace.name, owner: { repository: req.repository }, existingId: req.grafanaWorkspace.existingId })
            : Promise.resolve(undefined),
        req.roleStackName ? (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .describeStack */ .GO)(clients.cloudformation, req.roleStackName) : Promise.resolve(undefined),
    ]);
    return {
        repository: req.repository,
        environment: req.environment,
        stacks,
        ampWorkspaces,
        grafanaWorkspace: grafanaWorkspace,
        roleStack: roleStack && req.roleStackName
            ? { name: req.roleStackName, status: roleStack.StackStatus ?? 'UNKNOWN', roleArn: (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .outputsOf */ .Yz)(roleStack).RoleArn }
            : undefined,
    };
}
/** The inventory with what the Grafana workspace holds for the repository, read through its API. */
async function withGrafanaObjects(inv, api) {
    const [byEnvironment, otherRepositories] = await Promise.all([
        (0,_grafana_teardown__WEBPACK_IMPORTED_MODULE_4__/* .environmentsInGrafana */ .c9)(api, inv.repository),
        (0,_grafana_teardown__WEBPACK_IMPORTED_MODULE_4__/* .otherRepositoriesInGrafana */ .Sr)(api, inv.repository),
    ]);
    return { ...inv, grafana: { byEnvironment, otherRepositories } };
}
/**
 * What provision, deploy, dashboard and up need of the world, read at once: the environment's AMP workspace, its stack,
 * the repository's Grafana workspace and role stack. Only the names the run already knows are described, so each mode
 * needs no permission beyond what its steps use anyway.
 */
async function readEnvironmentInventory(clients, req) {
    const cfn = () => {
        if (!clients.cloudformation)
            throw new Error('readEnvironmentInventory: a stack was asked for without a CloudFormation client');
        return clients.cloudformation;
    };
    const [ampWorkspace, stack, grafanaWorkspace, roleStack] = await Promise.all([
        readAmpWorkspace(clients, req),
        req.stackName ? (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .describeStack */ .GO)(cfn(), req.stackName) : Promise.resolve(undefined),
        req.grafanaWorkspace && clients.grafana
            ? (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_1__/* .findGrafanaWorkspace */ .Pc)(clients.grafana, { name: req.grafanaWorkspace.name, owner: { repository: req.owner.repository }, existingId: req.grafanaWorkspace.existingId })
            : Promise.resolve(undefined),
        req.roleStackName ? (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .describeStack */ .GO)(cfn(), req.roleStackName) : Promise.resolve(undefined),
    ]);
    const tags = (0,_tags__WEBPACK_IMPORTED_MODULE_3__/* .fromTagList */ .Bz)(stack?.Tags);
    return {
        repository: req.owner.repository,
        environment: req.owner.environment,
        // Whose the stack is, ensureStack decides (its tags, or an empty REVIEW_IN_PROGRESS stack's change sets): listed here as found.
        stacks: stack ? [{
                name: stack.StackName, stackId: stack.StackId, status: stack.StackStatus ?? 'UNKNOWN', environment: tags[_tags__WEBPACK_IMPORTED_MODULE_3__/* .TAG_ENVIRONMENT */ .JQ] ?? req.owner.environment,
                prNumber: /^\d+$/.test(tags[_tags__WEBPACK_IMPORTED_MODULE_3__/* .TAG_PR */ .av] ?? '') ? Number(tags[_tags__WEBPACK_IMPORTED_MODULE_3__/* .TAG_PR */ .av]) : undefined, lastDeployedAt: stack.LastUpdatedTime ?? stack.CreationTime,
            }] : [],
        ampWorkspaces: [],
        ampWorkspace,
        grafanaWorkspace: grafanaWorkspace,
        roleStack: roleStack && req.roleStackName
            ? { name: req.roleStackName, status: roleStack.StackStatus ?? 'UNKNOWN', roleArn: (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_2__/* .outputsOf */ .Yz)(roleStack).RoleArn }
            : undefined,
    };
}
async function readAmpWorkspace(clients, req) {
    if (!clients.amp)
        return undefined;
    let id = req.amp.existingId;
    if (!id) {
        const { found } = await (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .findOwnedWorkspace */ .gd)(clients.amp, req.amp.alias, req.owner);
        if (!found)
            return undefined;
        id = found.workspaceId;
    }
    const ws = await (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .describeAmpWorkspace */ .Nf)(clients.amp, id, req.amp.existingId ? 'amp-workspace-id' : undefined);
    return { id, arn: ws.arn, prometheusEndpoint: (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .ampUrls */ .hF)(ws.prometheusEndpoint).endpoint, status: ws.status?.statusCode ?? 'UNKNOWN', origin: req.amp.existingId ? 'given' : 'reused' };
}


/***/ }),

/***/ 9619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gy: () => (/* binding */ checkPlan),
/* harmony export */   fq: () => (/* binding */ order)
/* harmony export */ });
/* unused harmony exports dependents, criticalPathMs */
/**
 * A plan is a DAG of uniquely named steps; a planner bug that breaks that would otherwise surface as a step that
 * never starts. Thrown as a plain Error: it is the action's fault, never the user's.
 */
function checkPlan(plan) {
    const ids = new Set();
    for (const step of plan.steps) {
        if (ids.has(step.id))
            throw new Error(`plan ${plan.mode}: step '${step.id}' appears twice`);
        ids.add(step.id);
    }
    for (const step of plan.steps) {
        for (const dep of step.dependsOn) {
            if (!ids.has(dep))
                throw new Error(`plan ${plan.mode}: step '${step.id}' depends on unknown step '${dep}'`);
        }
    }
    order(plan);
}
/** The steps in an order where each comes after what it depends on (plan order among equals), for the report. */
function order(plan) {
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const state = new Map();
    const out = [];
    const visit = (step, path) => {
        const seen = state.get(step.id);
        if (seen === 'done')
            return;
        if (seen === 'visiting')
            throw new Error(`plan: dependency cycle ${[...path, step.id].join(' → ')}`);
        state.set(step.id, 'visiting');
        for (const dep of step.dependsOn) {
            const d = byId.get(dep);
            if (d)
                visit(d, [...path, step.id]);
        }
        state.set(step.id, 'done');
        out.push(step);
    };
    for (const step of plan.steps)
        visit(step, []);
    return out;
}
/** Every step that depends, directly or not, on `id`. */
function dependents(plan, id) {
    const found = new Set();
    let grew = true;
    while (grew) {
        grew = false;
        for (const s of plan.steps) {
            if (!found.has(s.id) && s.dependsOn.some((d) => d === id || found.has(d))) {
                found.add(s.id);
                grew = true;
            }
        }
    }
    return found;
}
/**
 * The longest chain of durations through the plan: the least time any schedule of it can take. The bench compares a
 * run's wall time with it.
 */
function criticalPathMs(plan, durationMs) {
    const finish = new Map();
    for (const step of order(plan)) {
        const start = Math.max(0, ...step.dependsOn.map((d) => finish.get(d) ?? 0));
        finish.set(step.id, start + durationMs(step));
    }
    return Math.max(0, ...finish.values());
}


/***/ }),

/***/ 7589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ renderPlanTable),
/* harmony export */   V9: () => (/* binding */ stepRecords),
/* harmony export */   l6: () => (/* binding */ stepLine)
/* harmony export */ });
/* harmony import */ var _plan_graph__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9619);
/* harmony import */ var _markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);


const VERB = {
    create: 'create', reuse: 'reuse', apply: 'apply', wait: 'wait for', check: 'check', import: 'import',
    delete: 'delete', keep: 'keep', notify: 'notify',
};
const MARK = { done: '✅', kept: '📌', failed: '❌', skipped: '⏭️', planned: '📝' };
/** One line per step for the log: "✅ delete stack preview-… (PR #3 closed): deleted in 41.2 s". */
function stepLine(step, outcome) {
    const head = `${outcome ? `${MARK[outcome.status]} ` : ''}${VERB[step.action]} ${step.target}`;
    const why = step.reason ? ` (${step.reason})` : '';
    if (!outcome)
        return `${head}${why}`;
    const took = outcome.durationMs !== undefined && outcome.status !== 'kept' ? ` in ${(outcome.durationMs / 1000).toFixed(1)} s` : '';
    const detail = outcome.detail && outcome.detail !== step.reason ? `: ${outcome.detail}` : '';
    return `${head}${why}${detail ? `${detail}${took}` : took ? `: ${outcome.status}${took}` : ''}`;
}
/**
 * The plan as a markdown table, with each step's outcome once it has one (a dry run's are all "planned"). Targets,
 * reasons and details carry names from AWS and Grafana (a PR's dashboard titles among them): escaped.
 */
function renderPlanTable(plan, outcomes, opts = {}) {
    const steps = (0,_plan_graph__WEBPACK_IMPORTED_MODULE_1__/* .order */ .fq)(plan);
    if (steps.length === 0)
        return 'Nothing to do.';
    const env = opts.environmentColumn ?? steps.some((s) => s.environment !== undefined);
    const header = env ? '| Environment | Step | Why | Outcome |\n| --- | --- | --- | --- |' : '| Step | Why | Outcome |\n| --- | --- | --- |';
    const rows = steps.map((s) => {
        const o = outcomes?.get(s.id);
        const cells = [
            ...(env ? [s.environment === undefined ? '—' : (0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.environment)] : []),
            `${VERB[s.action]} ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.target)}`,
            (0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(s.reason),
            o ? `${MARK[o.status]} ${o.status}${o.detail && o.detail !== s.reason ? `: ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(o.detail)}` : ''}` : '—',
        ];
        return `| ${cells.join(' | ')} |`;
    });
    return [header, ...rows].join('\n');
}
function stepRecords(plan, outcomes, keep = () => true) {
    return (0,_plan_graph__WEBPACK_IMPORTED_MODULE_1__/* .order */ .fq)(plan).filter(keep).map((s) => {
        const o = outcomes?.get(s.id);
        return {
            ...(s.environment !== undefined ? { environment: s.environment } : {}),
            kind: s.kind, action: s.action,
            ...(s.resourceId !== undefined ? { id: s.resourceId } : {}),
            target: s.target, reason: s.reason, status: o?.status ?? 'not run',
            ...(o?.detail !== undefined && o.detail !== s.reason ? { detail: o.detail } : {}),
        };
    });
}


/***/ }),

/***/ 6451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ defaultSleep),
/* harmony export */   dS: () => (/* binding */ EXPECTED),
/* harmony export */   g3: () => (/* binding */ pollUntil)
/* harmony export */ });
/* unused harmony exports SCHEDULE, pollInterval, duration */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/**
 * The schedule every wait follows (issue 15): the detection lag (change → the check that sees it) at
 * most max(1 s, 5 % of the wait) on average, and at most one call per 2 s of wait per resource.
 * A change that lands uniformly within an interval d is seen d/2 later on average, so the interval
 * is 2 s while 5 % of the elapsed time is under 1 s (both bounds are met exactly there: one call
 * per 2 s means a 1 s average lag, no schedule does better on both), then 5 % of the elapsed time
 * (a 2.5 % lag: half the bound, so a mode's wall time stays within 5 % of its critical path with
 * the run's own requests and start-up on top — measured by `npm run bench`), capped by the
 * heartbeat so each heartbeat line reports a fresh status. A 60-minute wait costs about 145 calls.
 */
const SCHEDULE = { minMs: 2_000, fraction: 0.05 };
/** How long after a check that started `elapsedMs` into the wait the next one starts. */
function pollInterval(elapsedMs, maxMs = 45_000) {
    return Math.round(Math.min(maxMs, Math.max(SCHEDULE.minMs, SCHEDULE.fraction * elapsedMs)));
}
/**
 * What each wait usually takes, as AWS's own waiters budget it (the waiters-2.json of each service's
 * API model: delay × maxAttempts) or as the service documents it: the heartbeat quotes it so a
 * person can tell a slow wait from a stuck one.
 */
const EXPECTED = {
    // amp 2020-08-01 WorkspaceActive / WorkspaceDeleted: every 2 s, 60 attempts.
    ampActive: "AWS's own waiter allows 2 min",
    ampDeleted: "AWS's own waiter allows 2 min",
    // Amazon Managed Grafana has no waiter; creation can take over 10 minutes (Terraform's AWS provider allows 30).
    grafanaActive: 'creation can take over 10 min',
    // ecs 2014-11-13 ServicesStable: every 15 s, 40 attempts.
    ecsStable: "AWS's own services-stable waiter allows 10 min",
    // cloudformation 2010-05-15 ChangeSetCreateComplete and Stack*Complete: every 30 s, 120 attempts.
    changeSet: 'usually seconds; AWS\'s own waiter allows 60 min',
    stack: "the service's stabilisation is most of it; AWS's own waiter allows 60 min",
};
/** 75 → "1m 15s". */
function duration(seconds) {
    if (seconds < 60)
        return `${seconds}s`;
    const m = Math.floor(seconds / 60);
    return seconds % 60 ? `${m}m ${seconds % 60}s` : `${m}m`;
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Polls until `check` reports done, on the `pollInterval` schedule measured from each check's start
 * (a slow answer does not stretch the cadence; a check slower than the interval is followed at once,
 * so calls never come closer than the interval). It checks at once unless `justStarted`: most
 * resources the action touches are ready on a re-run.
 */
async function pollUntil(opts) {
    const sleep = opts.sleep ?? defaultSleep;
    const now = opts.now ?? Date.now;
    const heartbeat = opts.heartbeatMs ?? 45_000;
    const cap = Math.min(opts.maxDelayMs ?? heartbeat, heartbeat);
    const started = now();
    let lastStatus = '';
    let lastLine = started;
    let next = opts.justStarted ? started + pollInterval(0, cap) : started;
    for (;;) {
        const wake = Math.min(next, opts.deadline);
        if (wake > now())
            await sleep(wake - now());
        const checkedAt = now();
        const result = await opts.check();
        const elapsed = Math.round((now() - started) / 1000);
        if (result.done) {
            opts.log(`${opts.what}: ready after ${elapsed}s`);
            return result.value;
        }
        if (result.status !== lastStatus) {
            opts.log(`${opts.what}: ${result.status} (${elapsed}s)`);
            lastStatus = result.status;
            lastLine = now();
        }
        else if (now() - lastLine >= heartbeat - HEARTBEAT_SLACK_MS) {
            // The same status for a while: say so, so a silent log never looks like a hung step.
            opts.log(`${opts.what}: still ${result.status} after ${duration(elapsed)}${opts.expected ? ` (${opts.expected})` : ''}`);
            lastLine = now();
        }
        if (opts.deadline - now() <= 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Timed out waiting for ${opts.what}: still ${result.status} after ${elapsed}s.`, 'Raise wait-timeout-minutes, or check the resource in the AWS console; a re-run resumes waiting.');
        }
        // A check is brought forward to the heartbeat rather than added, so a line comes at least `heartbeat` apart
        // with a fresh status and no extra call.
        next = Math.min(checkedAt + pollInterval(checkedAt - started, cap), lastLine + heartbeat);
    }
}
/** A check's own latency must not push a heartbeat line a whole interval late. */
const HEARTBEAT_SLACK_MS = 1_000;


/***/ })

};
;