"use strict";
exports.id = 736;
exports.ids = [736];
exports.modules = {

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

/***/ 4736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanup: () => (/* binding */ cleanup)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: ./src/aws/amp.ts
var amp = __webpack_require__(8947);
// EXTERNAL MODULE: ./src/aws/grafana.ts
var aws_grafana = __webpack_require__(5778);
// EXTERNAL MODULE: ./src/aws/grafana-token.ts
var grafana_token = __webpack_require__(4985);
// EXTERNAL MODULE: ./src/aws/stacks.ts
var aws_stacks = __webpack_require__(3596);
// EXTERNAL MODULE: ./src/github/publish.ts + 4 modules
var publish = __webpack_require__(8032);
// EXTERNAL MODULE: ./src/render/teardown.ts
var teardown = __webpack_require__(3502);
// EXTERNAL MODULE: ./src/github/pull-state.ts
var pull_state = __webpack_require__(2264);
// EXTERNAL MODULE: ./src/grafana/client.ts
var client = __webpack_require__(885);
// EXTERNAL MODULE: ./src/grafana/teardown.ts
var grafana_teardown = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/teardown/environment.ts
var environment = __webpack_require__(5825);
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

// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/timing.ts
var timing = __webpack_require__(620);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/modes/types.ts
var types = __webpack_require__(4313);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(9906);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/render/sweep.ts

/** The sweep's headline: how many environments were stale and what became of them. */
function sweepHeadline(rows, dryRun) {
    const stale = rows.filter((r) => r.verdict.stale).length;
    const removed = rows.filter((r) => r.outcome && !r.outcome.error).length;
    return dryRun ? `${stale} of ${rows.length} environment(s) stale (dry run, nothing removed)` : `removed ${removed} of ${stale} stale environment(s); ${rows.length - stale} kept`;
}
/**
 * The sweep's table: every environment of the repository with its verdict and outcome. Names, parts and errors come
 * from AWS and Grafana (a PR's dashboard titles among them): escaped.
 */
function renderSweepTable(rows, dryRun) {
    if (rows.length === 0)
        return 'No environments of this repository were found.';
    return [
        '| Environment | Verdict | Found | Removed | Result |', '| --- | --- | --- | --- | --- |',
        ...rows.map((r) => `| ${(0,markdown/* code */.aY)(r.record.environment)} | ${r.verdict.stale ? 'stale' : 'kept'}: ${(0,markdown/* plain */.pj)(r.verdict.reason)} | ${(0,markdown/* plain */.pj)(r.record.parts.join('; '))} | ${(0,markdown/* plain */.pj)(r.outcome?.removed.join('; ') || '—')} | ${resultCell(r, dryRun)} |`),
    ].join('\n');
}
function resultCell(r, dryRun) {
    if (!r.verdict.stale)
        return 'kept';
    if (dryRun)
        return 'would remove (dry run)';
    return r.outcome?.error ? `❌ ${(0,markdown/* plain */.pj)(r.outcome.error)}` : '✅ removed';
}

;// CONCATENATED MODULE: ./src/modes/cleanup.ts



















const TOKEN_TTL_SECONDS = 3600;
/**
 * The scheduled sweep: finds every environment of this repository from the ownership tags (stacks,
 * AMP workspaces) and the Grafana objects the action names, decides which are stale, and destroys
 * those with bounded concurrency. Partial environments count: a workspace whose stack is gone is
 * still money.
 */
async function cleanup(ctx) {
    const { inputs, clients, owner } = ctx;
    const timings = {};
    const repoOwner = { repository: owner.repository };
    const grafana = inputs.grafana
        ? await (0,aws_grafana/* findGrafanaWorkspace */.Pc)(clients.grafana, { name: inputs.grafanaWorkspaceName, owner: repoOwner, existingId: inputs.grafanaWorkspaceId })
        : undefined;
    const sweep = async (api) => {
        const records = await (0,timing/* timed */.a)(timings, 'discovery', () => discover(ctx, api));
        const pulls = await (0,timing/* timed */.a)(timings, 'PR states', () => pullStates(inputs.githubToken, owner.repository, records));
        const now = Date.now();
        const rows = records.map((record) => ({ record, verdict: judge(record, record.prNumber === undefined ? undefined : pulls.get(record.prNumber), now, inputs.teardown.ttlMs) }));
        const stale = rows.filter((r) => r.verdict.stale);
        (0,log/* info */.p)(`Found ${rows.length} environment(s) of ${owner.repository}; ${stale.length} stale${inputs.teardown.dryRun ? ' (dry run: nothing is deleted)' : ''}`);
        for (const r of rows)
            (0,log/* info */.p)(`  ${r.record.environment}: ${r.verdict.stale ? 'stale' : 'kept'} (${r.verdict.reason}); has ${r.record.parts.join(', ')}`);
        if (inputs.teardown.dryRun || stale.length === 0)
            return rows;
        await (0,timing/* timed */.a)(timings, 'teardown', () => (0,concurrency/* mapSettled */.A)(stale, inputs.teardown.maxConcurrency, async (row) => {
            const env = row.record.environment;
            try {
                const started = Date.now();
                const result = await (0,environment/* destroyEnvironment */.W)(clients, {
                    owner: { repository: owner.repository, environment: env, prNumber: row.record.prNumber },
                    stackName: row.record.stackName,
                    ampWorkspaceIds: row.record.ampWorkspaceIds,
                    grafana: api, deadline: ctx.deadline, log: (line) => (0,log/* info */.p)(`[${env}] ${line}`),
                });
                row.outcome = { removed: result.removed };
                await markDestroyed(ctx, row, result.removed, Date.now() - started);
            }
            catch (err) {
                row.outcome = { removed: err instanceof environment/* TeardownError */.N ? err.result.removed : [], error: err.message };
            }
        }));
        return rows;
    };
    let rows;
    (0,log/* startGroup */.O)('Sweeping stale preview environments');
    try {
        let swept = false;
        try {
            rows = grafana?.status === 'ACTIVE'
                ? await (0,grafana_token/* withGrafanaToken */.MP)(clients.grafana, grafana.id, { runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS, log: (l) => (0,log/* info */.p)(l) }, (token) => {
                    swept = true;
                    return sweep(new client/* GrafanaClient */.ei({ baseUrl: grafana.url, token: token.key, userAgent: `${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`, log: (l) => (0,log/* info */.p)(l) }));
                })
                : await sweep();
        }
        catch (err) {
            // Without a Grafana token the AWS resources (what costs money) can still be swept.
            if (swept)
                throw err;
            core/* warning */.$e(`Sweeping without Grafana (its dashboards stay until the next sweep): ${err.message}`);
            rows = await sweep();
        }
    }
    finally {
        core/* endGroup */.N4();
    }
    const result = resultOf(rows, inputs.teardown.dryRun, timings);
    const failed = rows.filter((r) => r.outcome?.error);
    if (failed.length > 0) {
        throw new types/* ModeFailure */.s(new errors/* ActionError */.lZ(`${failed.length} stale environment(s) could not be fully removed:\n${failed.map((r) => `${r.record.environment}: ${r.outcome.error}`).join('\n')}`, 'The next scheduled run retries them; the table in the job summary says what was removed.'), result);
    }
    return result;
}
/**
 * Turns the environment's PR comment into "destroyed", as destroy would have: a preview that
 * vanished without a word is what the sweep exists to prevent. Only an existing comment is updated.
 */
async function markDestroyed(ctx, row, removed, durationMs) {
    const prNumber = row.record.prNumber;
    if (prNumber === undefined || !ctx.inputs.githubToken)
        return;
    await (0,publish/* postComment */.Gy)({
        environment: row.record.environment, repository: ctx.owner.repository, region: ctx.inputs.region, prNumber, links: [],
        modes: {
            destroy: {
                status: 'succeeded', finishedAt: new Date().toISOString(), durationMs,
                headline: `removed ${removed.length} resource(s) in the scheduled sweep: ${row.verdict.reason}`,
                sections: [{ title: 'removed', markdown: (0,teardown/* renderTeardown */.R)({ environment: row.record.environment, removed, kept: [] }) }],
            },
        },
    }, { comment: true, token: ctx.inputs.githubToken, prNumber, create: false, serverUrl: ctx.run.serverUrl });
}
/** Joins what the stacks, AMP workspaces and Grafana say into one record per environment. */
async function discover(ctx, api) {
    const { clients, owner } = ctx;
    const [stacks, workspaces, inGrafana] = await Promise.all([
        (0,aws_stacks/* listEnvironmentStacks */.Hk)(clients.cloudformation, owner.repository),
        (0,amp/* listRepositoryWorkspaces */.Hm)(clients.amp, owner.repository),
        api ? (0,grafana_teardown/* environmentsInGrafana */.c9)(api, owner.repository) : Promise.resolve(new Map()),
    ]);
    const records = new Map();
    const entry = (env) => records.get(env) ?? records.set(env, { environment: env, parts: [], ampWorkspaceIds: [] }).get(env);
    const touch = (r, at) => {
        if (at && (!r.lastActivityAt || at > r.lastActivityAt))
            r.lastActivityAt = at;
    };
    for (const s of stacks) {
        const r = entry(s.environment);
        r.stackName = s.name;
        r.prNumber ??= s.prNumber;
        r.parts.push(`stack ${s.name} (${s.status})`);
        touch(r, s.lastDeployedAt);
    }
    for (const w of workspaces) {
        if (w.status === 'DELETING')
            continue;
        const r = entry(w.environment);
        r.prNumber ??= w.prNumber;
        r.parts.push(`AMP workspace ${w.id}`);
        r.ampWorkspaceIds.push(w.id);
        touch(r, w.createdAt);
    }
    for (const [env, footprint] of inGrafana) {
        const r = entry(env);
        r.parts.push(`Grafana ${[footprint.folder ? 'folder' : '', footprint.dashboards.length ? `${footprint.dashboards.length} dashboard(s)` : '', footprint.datasource ? 'data source' : ''].filter(Boolean).join(', ')}`);
    }
    return [...records.values()].sort((a, b) => a.environment.localeCompare(b.environment));
}
/** One request per distinct PR, a few at a time: the GITHUB_TOKEN allows 1,000 requests an hour. */
async function pullStates(token, repository, records) {
    const numbers = [...new Set(records.flatMap((r) => (r.prNumber === undefined ? [] : [r.prNumber])))];
    const states = await (0,concurrency/* mapSettled */.A)(numbers, 4, (n) => (0,pull_state/* pullState */.p)(token, repository, n));
    return new Map(numbers.map((n, i) => [n, states[i].status === 'fulfilled' ? states[i].value : 'unknown']));
}
function resultOf(rows, dryRun, timings) {
    const removed = rows.filter((r) => r.outcome && !r.outcome.error).map((r) => ({ environment: r.record.environment, reason: r.verdict.reason, removed: r.outcome.removed }));
    return {
        headline: sweepHeadline(rows, dryRun),
        outputs: { removed: JSON.stringify(removed) },
        links: [],
        sections: [{ title: 'environments', markdown: renderSweepTable(rows, dryRun) }],
        timings,
    };
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