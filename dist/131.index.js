"use strict";
exports.id = 131;
exports.ids = [131];
exports.modules = {

/***/ 5462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ assetDir)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Folders that ship beside dist/ in the action's checkout (templates/, dashboards/). This file sits
 * directly under src/, and ncc bundles it into dist/index.js one level below the root too, so the
 * same relative path works from the sources (tests) and from the bundle.
 */
function assetDir(name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(__dirname, '..', name);
}


/***/ }),

/***/ 5778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LJ: () => (/* binding */ workspacesUsingRole),
/* harmony export */   Pc: () => (/* binding */ findGrafanaWorkspace),
/* harmony export */   fq: () => (/* binding */ deleteGrafanaWorkspace),
/* harmony export */   kE: () => (/* binding */ ensureGrafanaWorkspace),
/* harmony export */   vH: () => (/* binding */ requireGrafanaWorkspace)
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
    return { id, name: ws.name, url: workspaceUrl(ws.endpoint), grafanaVersion: ws.grafanaVersion, origin, status: ws.status ?? 'UNKNOWN', tags: ws.tags ?? {} };
}
/**
 * The repository's Grafana workspace as provision left it (or the one grafana-workspace-id names).
 * Never creates one: that takes minutes and belongs to provision.
 */
async function requireGrafanaWorkspace(grafana, req) {
    const ws = await findGrafanaWorkspace(grafana, req);
    if (!ws) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`No Grafana workspace named '${req.name}' of ${req.owner.repository} was found.`, 'Run the action with mode: provision first (with grafana: true), or pass grafana-workspace-id.');
    }
    if (ws.status !== 'ACTIVE') {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Grafana workspace ${ws.id} is ${ws.status}, not ACTIVE.`, 'Run mode: provision, which waits for the workspace, before this step.');
    }
    return ws;
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


/***/ }),

/***/ 5382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ readTemplate)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _assets__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5462);



/** Templates are read from the checkout rather than bundled, so there is no second copy to drift. */
function readTemplate(name) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_assets__WEBPACK_IMPORTED_MODULE_2__/* .assetDir */ .Y)('templates'), name), 'utf8');
}


/***/ }),

/***/ 6131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GRAFANA_ROLE_OWNERSHIP_FIX: () => (/* binding */ GRAFANA_ROLE_OWNERSHIP_FIX),
/* harmony export */   GRAFANA_ROLE_TEMPLATE: () => (/* binding */ GRAFANA_ROLE_TEMPLATE),
/* harmony export */   grafanaRoleStackName: () => (/* reexport safe */ _aws_stack_names__WEBPACK_IMPORTED_MODULE_5__.mB),
/* harmony export */   provision: () => (/* binding */ provision)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3340);
/* harmony import */ var _aws_amp__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8947);
/* harmony import */ var _aws_grafana__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5778);
/* harmony import */ var _aws_stacks__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3596);
/* harmony import */ var _aws_templates__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5382);
/* harmony import */ var _aws_stack_names__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1664);
/* harmony import */ var _permissions_scopes__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6267);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9506);
/* harmony import */ var _util_timing__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(620);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4313);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9906);











const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';

const GRAFANA_ROLE_OWNERSHIP_FIX = 'The role stack is named after the repository; one of that name exists and is not this repository\'s. Pass grafana-role-arn to use a role of your own, or delete that stack if it is unused.';
/** Roles the templates create live under ROLE_PATH (their names are generated, the path is not). */
function isTemplateRole(arn) {
    return arn.includes(`:role${_permissions_scopes__WEBPACK_IMPORTED_MODULE_6__/* .ROLE_PATH */ .XZ}`);
}
/**
 * Creates or reuses the environment's AMP workspace and the repository's Grafana workspace. The two
 * are independent, so they run side by side; both are awaited even when one fails, so the log and
 * the report say what happened to each and nothing is left mid-flight.
 */
async function provision(ctx) {
    const { inputs, clients, owner, deadline } = ctx;
    const timings = {};
    const repoOwner = { repository: owner.repository };
    let role;
    const roleStack = () => role ??= (0,_util_timing__WEBPACK_IMPORTED_MODULE_10__/* .timed */ .a)(timings, 'Grafana workspace role', async () => {
        const stack = await (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_3__/* .ensureStack */ .DT)(clients.cloudformation, {
            name: (0,_aws_stack_names__WEBPACK_IMPORTED_MODULE_5__/* .grafanaRoleStackName */ .mB)(owner.repository),
            templateBody: (0,_aws_templates__WEBPACK_IMPORTED_MODULE_4__/* .readTemplate */ .x)(GRAFANA_ROLE_TEMPLATE),
            parameters: { PermissionsBoundaryName: inputs.permissionsBoundary },
            tags: (0,_tags__WEBPACK_IMPORTED_MODULE_7__/* .ownershipTags */ .dt)(repoOwner, inputs.extraTags),
            owner: repoOwner,
            ownershipFix: GRAFANA_ROLE_OWNERSHIP_FIX,
            capabilities: ['CAPABILITY_IAM'],
            // The role stack goes through the same service role as the preview stacks, when one is given.
            roleArn: inputs.deploy.cloudformationRoleArn,
        }, { deadline, log: (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_9__/* .info */ .p)(`[grafana-role] ${line}`) });
        return stack.outputs.RoleArn;
    });
    (0,_util_log__WEBPACK_IMPORTED_MODULE_9__/* .startGroup */ .O)(`Provisioning the AMP workspace${inputs.grafana ? ' and the Grafana workspace (concurrently)' : ''}`);
    const [ampResult, grafanaResult] = await Promise.allSettled([
        (0,_util_timing__WEBPACK_IMPORTED_MODULE_10__/* .timed */ .a)(timings, 'AMP workspace', () => (0,_aws_amp__WEBPACK_IMPORTED_MODULE_1__/* .ensureAmpWorkspace */ .Mv)(clients.amp, {
            alias: inputs.ampWorkspaceAlias,
            owner,
            tags: (0,_tags__WEBPACK_IMPORTED_MODULE_7__/* .ownershipTags */ .dt)(owner, inputs.extraTags),
            existingId: inputs.ampWorkspaceId,
            deadline,
            log: (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_9__/* .info */ .p)(`[amp] ${line}`),
        })),
        inputs.grafana
            ? (0,_util_timing__WEBPACK_IMPORTED_MODULE_10__/* .timed */ .a)(timings, 'Grafana workspace', () => (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_2__/* .ensureGrafanaWorkspace */ .kE)(clients.grafana, {
                name: inputs.grafanaWorkspaceName,
                owner: repoOwner,
                tags: (0,_tags__WEBPACK_IMPORTED_MODULE_7__/* .ownershipTags */ .dt)(repoOwner, inputs.extraTags),
                existingId: inputs.grafanaWorkspaceId,
                auth: inputs.grafanaAuth,
                admins: inputs.grafanaAdmins,
                grafanaVersion: inputs.grafanaVersion,
                deadline,
                log: (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_9__/* .info */ .p)(`[grafana] ${line}`),
                roleArn: async () => inputs.grafanaRoleArn ?? roleStack(),
                // A workspace whose role stack is gone (deleted while the workspace lived on) would fail every
                // query with AccessDenied: re-create the role and point the workspace at it. Only for roles
                // the action's templates made (under their path): a role the user chose is theirs.
                reusedRoleArn: inputs.grafanaRoleArn ? undefined : async (current) => (current && isTemplateRole(current) ? roleStack() : undefined),
            }))
            : Promise.resolve(undefined),
    ]);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    const amp = ampResult.status === 'fulfilled' ? ampResult.value : undefined;
    const grafana = grafanaResult.status === 'fulfilled' ? grafanaResult.value : undefined;
    const result = {
        headline: headline(amp, grafana),
        outputs: { ...ampOutputs(amp), ...grafanaOutputs(grafana) },
        links: [...ampLinks(amp), ...grafanaLinks(grafana)],
        timings,
    };
    const failures = [ampResult, grafanaResult].filter((r) => r.status === 'rejected');
    if (failures.length > 0) {
        const cause = failures.length === 1 ? failures[0].reason : new AggregateError(failures.map((f) => f.reason), failures.map((f) => f.reason.message).join('\n'));
        throw new _types__WEBPACK_IMPORTED_MODULE_8__/* .ModeFailure */ .s(cause, result);
    }
    return result;
}
function ampOutputs(amp) {
    if (!amp)
        return {};
    const urls = (0,_aws_amp__WEBPACK_IMPORTED_MODULE_1__/* .ampUrls */ .hF)(amp.prometheusEndpoint);
    return {
        'amp-workspace-id': amp.id,
        'amp-workspace-arn': amp.arn,
        'amp-endpoint': urls.endpoint,
        'amp-remote-write-url': urls.remoteWrite,
        'amp-query-url': urls.query,
    };
}
function grafanaOutputs(grafana) {
    return grafana ? { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url } : {};
}
function ampLinks(amp) {
    if (!amp)
        return [];
    const urls = (0,_aws_amp__WEBPACK_IMPORTED_MODULE_1__/* .ampUrls */ .hF)(amp.prometheusEndpoint);
    return [
        { label: 'AMP workspace', value: `${amp.id} (${amp.origin})` },
        { label: 'AMP remote write URL', value: urls.remoteWrite },
        { label: 'AMP query URL', value: urls.query },
    ];
}
function grafanaLinks(grafana) {
    return grafana ? [{ label: 'Grafana', value: `${grafana.id} (${grafana.origin})`, href: grafana.url }] : [];
}
function headline(amp, grafana) {
    const parts = [];
    if (amp)
        parts.push(`AMP ${amp.id} ${amp.origin}`);
    if (grafana)
        parts.push(`Grafana ${grafana.id} ${grafana.origin}`);
    return parts.join(', ') || 'nothing provisioned';
}


/***/ })

};
;