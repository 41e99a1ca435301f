"use strict";
exports.id = 362;
exports.ids = [362];
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

/***/ 5362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   destroy: () => (/* binding */ destroy)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3340);
/* harmony import */ var _aws_amp__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8947);
/* harmony import */ var _aws_grafana__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5778);
/* harmony import */ var _aws_grafana_token__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4985);
/* harmony import */ var _aws_stacks__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3596);
/* harmony import */ var _grafana_client__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(885);
/* harmony import */ var _grafana_teardown__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6518);
/* harmony import */ var _teardown_environment__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5825);
/* harmony import */ var _util_timing__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(620);
/* harmony import */ var _render_teardown__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3502);
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(311);
/* harmony import */ var _provision__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6131);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4313);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9906);














const TOKEN_TTL_SECONDS = 1800;
/**
 * Tears one environment down: stack, Grafana objects and AMP workspace, in parallel. Safe to run
 * again and on a half-gone environment; refuses anything whose tags are not this repository's.
 */
async function destroy(ctx) {
    const { inputs, clients, owner, deadline } = ctx;
    const env = { ...owner, environment: inputs.environment };
    const timings = {};
    const log = (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_11__/* .info */ .p)(line);
    const repoOwner = { repository: owner.repository };
    const grafana = inputs.grafana
        ? await (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_2__/* .findGrafanaWorkspace */ .Pc)(clients.grafana, { name: inputs.grafanaWorkspaceName, owner: repoOwner, existingId: inputs.grafanaWorkspaceId })
        : undefined;
    if (grafana && grafana.status !== 'ACTIVE')
        log(`Grafana workspace ${grafana.id} is ${grafana.status}; its dashboards cannot be removed now`);
    let result;
    let workspaceUnused = false;
    const teardown = (api) => (0,_teardown_environment__WEBPACK_IMPORTED_MODULE_7__/* .destroyEnvironment */ .W)(clients, {
        owner: env, stackName: inputs.deploy.stackName, givenAmpWorkspaceId: inputs.ampWorkspaceId, grafana: api, deadline, log,
    });
    (0,_util_log__WEBPACK_IMPORTED_MODULE_11__/* .startGroup */ .O)(`Destroying environment '${inputs.environment}'`);
    try {
        if (grafana?.status === 'ACTIVE') {
            result = await (0,_aws_grafana_token__WEBPACK_IMPORTED_MODULE_3__/* .withGrafanaToken */ .MP)(clients.grafana, grafana.id, { runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS, log }, async (token) => {
                const api = new _grafana_client__WEBPACK_IMPORTED_MODULE_5__/* .GrafanaClient */ .ei({ baseUrl: grafana.url, token: token.key, userAgent: `${_version__WEBPACK_IMPORTED_MODULE_12__/* .ACTION_NAME */ .p}/${_version__WEBPACK_IMPORTED_MODULE_12__/* .ACTION_VERSION */ .Y}`, log });
                const done = await (0,_util_timing__WEBPACK_IMPORTED_MODULE_13__/* .timed */ .a)(timings, 'environment', () => teardown(api));
                if (inputs.teardown.deleteGrafanaWorkspace)
                    workspaceUnused = await unused(ctx, api);
                return done;
            });
        }
        else {
            result = await (0,_util_timing__WEBPACK_IMPORTED_MODULE_13__/* .timed */ .a)(timings, 'environment', () => teardown());
            // Said out loud: otherwise a half-created workspace would silently keep this environment's dashboards.
            if (grafana)
                result.kept.push(`Grafana dashboards, folder and data source, if any (workspace ${grafana.id} is ${grafana.status}; re-run destroy once it is ACTIVE)`);
        }
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
        const partial = err instanceof _teardown_environment__WEBPACK_IMPORTED_MODULE_7__/* .TeardownError */ .N ? err.result : { environment: inputs.environment, removed: [], kept: [] };
        throw new _types__WEBPACK_IMPORTED_MODULE_10__/* .ModeFailure */ .s(err, resultOf(partial, timings));
    }
    if (inputs.teardown.deleteGrafanaWorkspace && grafana) {
        if (!workspaceUnused) {
            result.kept.push(`Grafana workspace ${grafana.id} (${grafana.status === 'ACTIVE' ? 'other environments still use it' : `it is ${grafana.status}, so its use could not be checked`})`);
        }
        else {
            await (0,_util_timing__WEBPACK_IMPORTED_MODULE_13__/* .timed */ .a)(timings, 'Grafana workspace', () => (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_2__/* .deleteGrafanaWorkspace */ .fq)(clients.grafana, grafana, repoOwner, { deadline, log }));
            result.removed.push(`Grafana workspace ${grafana.id}`);
            if (!inputs.grafanaRoleArn)
                await (0,_util_timing__WEBPACK_IMPORTED_MODULE_13__/* .timed */ .a)(timings, 'Grafana workspace role', () => destroyRoleStack(ctx, grafana.id, result));
        }
    }
    else if (grafana?.status === 'ACTIVE') {
        result.kept.push(`Grafana workspace ${grafana.id} (shared; set delete-grafana-workspace: true to remove it with the last environment)`);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    for (const line of result.removed)
        log(`Removed ${line}`);
    for (const line of result.kept)
        log(`Kept ${line}`);
    return resultOf(result, timings);
}
/**
 * The repository's role stack goes with its last workspace only: another workspace (a second
 * grafana-workspace-name, or one created by hand with this role) whose role it is would lose every
 * data source query to AccessDenied. Each workspace's role is in DescribeWorkspace.
 */
async function destroyRoleStack(ctx, deletedWorkspace, result) {
    const { clients, owner, deadline } = ctx;
    const name = (0,_provision__WEBPACK_IMPORTED_MODULE_9__.grafanaRoleStackName)(owner.repository);
    const repoOwner = { repository: owner.repository };
    const stack = await (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_4__/* .describeStack */ .GO)(clients.cloudformation, name);
    if (!stack)
        return;
    const roleArn = (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_4__/* .outputsOf */ .Yz)(stack).RoleArn;
    const users = roleArn ? await (0,_aws_grafana__WEBPACK_IMPORTED_MODULE_2__/* .workspacesUsingRole */ .LJ)(clients.grafana, roleArn, [deletedWorkspace]) : [];
    if (users.length > 0) {
        (0,_util_log__WEBPACK_IMPORTED_MODULE_11__/* .info */ .p)(`Stack ${name} kept: its role ${roleArn} is the role of Grafana workspace(s) ${users.join(', ')}`);
        result.kept.push(`stack ${name} (its role is still used by Grafana workspace ${users.join(', ')})`);
        return;
    }
    const done = await (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_4__/* .destroyStack */ .PE)(clients.cloudformation, name, repoOwner, { deadline, log: (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_11__/* .info */ .p)(line), ownershipFix: _provision__WEBPACK_IMPORTED_MODULE_9__.GRAFANA_ROLE_OWNERSHIP_FIX });
    if (done.outcome === 'deleted')
        result.removed.push(`stack ${name}`);
    else if (done.outcome === 'kept')
        result.kept.push(`stack ${name} (${done.reason})`);
}
/** No other environment of the repository has a stack, an AMP workspace or Grafana objects. */
async function unused(ctx, api) {
    const { clients, owner, inputs } = ctx;
    const [stacks, workspaces, inGrafana, foreign] = await Promise.all([
        (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_4__/* .listEnvironmentStacks */ .Hk)(clients.cloudformation, owner.repository),
        (0,_aws_amp__WEBPACK_IMPORTED_MODULE_1__/* .listRepositoryWorkspaces */ .Hm)(clients.amp, owner.repository),
        (0,_grafana_teardown__WEBPACK_IMPORTED_MODULE_6__/* .environmentsInGrafana */ .c9)(api, owner.repository),
        (0,_grafana_teardown__WEBPACK_IMPORTED_MODULE_6__/* .otherRepositoriesInGrafana */ .Sr)(api, owner.repository),
    ]);
    const others = new Set([...stacks.map((s) => s.environment), ...workspaces.filter((w) => w.status !== 'DELETING').map((w) => w.environment), ...inGrafana.keys()]);
    others.delete(inputs.environment);
    // A workspace shared with other repositories (grafana-workspace-id) is theirs too while they have dashboards in it.
    if (foreign.length > 0)
        others.add(`${foreign.length} dashboard(s) of other repositories`);
    if (others.size > 0)
        (0,_util_log__WEBPACK_IMPORTED_MODULE_11__/* .info */ .p)(`Grafana workspace kept: still used by ${[...others].sort().join(', ')}`);
    return others.size === 0;
}
function resultOf(result, timings) {
    const removed = result.removed.length;
    return {
        headline: removed > 0 ? `removed ${removed} resource(s)` : 'nothing to remove: the environment was already gone',
        outputs: { removed: JSON.stringify([result]) },
        links: [],
        sections: [{ title: 'removed', markdown: (0,_render_teardown__WEBPACK_IMPORTED_MODULE_8__/* .renderTeardown */ .R)(result) }],
        timings,
    };
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


/***/ }),

/***/ 3502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ renderTeardown)
/* harmony export */ });
/* harmony import */ var _markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);

/**
 * What destroy (or the sweep) removed and kept, as a markdown list for the summary and the PR
 * comment. Items name Grafana objects by title, which come from a PR's dashboards: escaped.
 */
function renderTeardown(result) {
    const lines = [...result.removed.map((r) => `- 🗑️ ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(r)}`), ...result.kept.map((k) => `- 📌 kept: ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(k)}`)];
    return lines.length ? lines.join('\n') : '- nothing was left to remove';
}


/***/ }),

/***/ 5825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ TeardownError),
/* harmony export */   W: () => (/* binding */ destroyEnvironment)
/* harmony export */ });
/* harmony import */ var _aws_amp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8947);
/* harmony import */ var _aws_stacks__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3596);
/* harmony import */ var _grafana_teardown__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);




/** A teardown that failed part-way still says what it removed. */
class TeardownError extends _util_errors__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ {
    result;
    constructor(message, fix, result) {
        super(message, fix);
        this.result = result;
    }
}
/**
 * Removes one environment: its stack, its Grafana folder, dashboards and data source, and the AMP
 * workspaces its tags name. The three are independent, so they run side by side and each is
 * finished (or failed) before this returns; what is already gone is skipped, so it can be re-run.
 */
async function destroyEnvironment(clients, req) {
    const { owner, log } = req;
    const result = { environment: owner.environment, removed: [], kept: [] };
    const stackName = req.stackName;
    const tasks = [
        stackName === undefined ? Promise.resolve() : (0,_aws_stacks__WEBPACK_IMPORTED_MODULE_1__/* .destroyStack */ .PE)(clients.cloudformation, stackName, owner, { deadline: req.deadline, log: (l) => log(`[stack] ${l}`) }).then((r) => {
            if (r.outcome === 'deleted')
                result.removed.push(`stack ${stackName}`);
            else if (r.outcome === 'kept')
                result.kept.push(`stack ${stackName} (${r.reason})`);
            else
                log(`[stack] No stack ${stackName}: already gone or never deployed`);
        }),
        req.givenAmpWorkspaceId
            ? Promise.resolve().then(() => { result.kept.push(`AMP workspace ${req.givenAmpWorkspaceId} (given by amp-workspace-id)`); })
            : (0,_aws_amp__WEBPACK_IMPORTED_MODULE_0__/* .deleteEnvironmentWorkspaces */ .zv)(clients.amp, { owner, known: req.ampWorkspaceIds, deadline: req.deadline, log: (l) => log(`[amp] ${l}`) }).then((ids) => {
                if (ids.length === 0)
                    log('[amp] No AMP workspace of this environment: already gone');
                result.removed.push(...ids.map((id) => `AMP workspace ${id}`));
            }),
    ];
    if (req.grafana) {
        const api = req.grafana;
        tasks.push((0,_grafana_teardown__WEBPACK_IMPORTED_MODULE_2__/* .removeEnvironmentFromGrafana */ .qj)(api, owner.repository, owner.environment).then((removed) => {
            for (const r of removed)
                log(`[grafana] Deleted ${r}`);
            if (removed.length === 0)
                log('[grafana] No dashboards, folder or data source of this environment: already gone');
            result.removed.push(...removed);
        }));
    }
    const failures = (await Promise.allSettled(tasks)).filter((r) => r.status === 'rejected').map((r) => r.reason);
    if (failures.length > 0) {
        const fix = failures.map((f) => (f instanceof _util_errors__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ ? f.fix : undefined)).filter(Boolean).join(' ');
        throw new TeardownError(failures.map((f) => f.message).join('\n'), fix || undefined, result);
    }
    return result;
}


/***/ })

};
;