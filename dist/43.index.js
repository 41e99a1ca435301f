"use strict";
exports.id = 43;
exports.ids = [43];
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

/***/ 8947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ listRepositoryWorkspaces),
/* harmony export */   MQ: () => (/* binding */ requireEnvironmentWorkspace),
/* harmony export */   Mv: () => (/* binding */ ensureAmpWorkspace),
/* harmony export */   hF: () => (/* binding */ ampUrls),
/* harmony export */   zv: () => (/* binding */ deleteEnvironmentWorkspaces)
/* harmony export */ });
/* unused harmony exports ampClientToken, findOwnedWorkspace, pickPreferred */
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
/** Finds this environment's workspace, or creates it; waits until it is ACTIVE. */
async function ensureAmpWorkspace(amp, req) {
    if (req.existingId) {
        const ws = await describe(amp, req.existingId, 'amp-workspace-id');
        return toWorkspace(await waitActive(amp, ws, req), 'given');
    }
    const { found, failedIds } = await findOwnedWorkspace(amp, req.alias, req.owner);
    if (found) {
        req.log(`Reusing AMP workspace ${found.workspaceId} (alias '${req.alias}', status ${found.status?.statusCode})`);
        const ws = await describe(amp, found.workspaceId);
        return toWorkspace(await waitActive(amp, ws, req), 'reused');
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
            return toWorkspace(await waitActive(amp, ws, req), 'created');
        if (attempt >= 10) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AMP CreateWorkspace kept answering with deleted workspaces (${[...skipped, id].join(', ')}).`, 'Re-run in a few minutes.');
        }
        req.log(`AMP answered with workspace ${id}, which was deleted (an earlier environment of the same name); creating a new one`);
        skipped.push(id);
    }
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
/**
 * The environment's ACTIVE workspace as provision left it (or the one amp-workspace-id names), for
 * the modes that build on it. Never creates: a missing workspace means provision has not run.
 */
async function requireEnvironmentWorkspace(amp, req) {
    let id = req.existingId;
    if (!id) {
        const { found } = await findOwnedWorkspace(amp, req.alias, req.owner);
        if (!found) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`No AMP workspace of environment '${req.owner.environment}' was found (alias '${req.alias}').`, 'Run the action with mode: provision first (same environment), or pass amp-workspace-id.');
        }
        id = found.workspaceId;
    }
    const ws = await describe(amp, id, req.existingId ? 'amp-workspace-id' : undefined);
    if (ws.status?.statusCode !== 'ACTIVE') {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AMP workspace ${id} is ${ws.status?.statusCode}, not ACTIVE.`, 'Run mode: provision, which waits for the workspace, before this step.');
    }
    return { id, arn: ws.arn, prometheusEndpoint: ampUrls(ws.prometheusEndpoint).endpoint };
}
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
async function waitActive(amp, first, req) {
    let current = first;
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g3)({
        what: `AMP workspace ${first.workspaceId}`,
        deadline: req.deadline,
        log: req.log,
        expected: _util_poll__WEBPACK_IMPORTED_MODULE_3__/* .EXPECTED */ .dS.ampActive,
        check: async () => {
            const ws = current ?? (await describe(amp, first.workspaceId));
            current = undefined;
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
            check: async () => {
                const current = await describeIfExists(amp, ws.id);
                return current ? { done: false, status: current.status?.statusCode ?? 'UNKNOWN' } : { done: true, value: undefined };
            },
        });
    }));
    return mine.map((w) => w.id);
}


/***/ }),

/***/ 6043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GRAFANA_WORK_SECONDS: () => (/* binding */ GRAFANA_WORK_SECONDS),
  dashboard: () => (/* binding */ dashboard),
  tokenTtlSeconds: () => (/* binding */ tokenTtlSeconds),
  trustSection: () => (/* binding */ trustSection)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: ./src/aws/amp.ts
var aws_amp = __webpack_require__(8947);
// EXTERNAL MODULE: ./src/aws/grafana.ts
var aws_grafana = __webpack_require__(5778);
// EXTERNAL MODULE: ./src/aws/grafana-token.ts
var grafana_token = __webpack_require__(4985);
// EXTERNAL MODULE: ./src/assets.ts
var assets = __webpack_require__(5462);
// EXTERNAL MODULE: ./src/grafana/client.ts
var client = __webpack_require__(885);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(6828);
;// CONCATENATED MODULE: ./src/grafana/promql.ts

// Grafana's own macros and variables are not PromQL; they are replaced before the query runs.
const GRAFANA_VARIABLES = /\$__(rate_interval|interval|range)|\$\{?[A-Za-z_]\w*\}?/g;
/** Parses an expression with the official PromQL grammar and lists the metrics and labels it relies on. */
function analysePromql(expr) {
    const text = expr.replace(GRAFANA_VARIABLES, (m) => (m.startsWith('$__') ? '5m' : 'x'.repeat(m.length)));
    const tree = index_es/* parser */.K3D.parse(text);
    const metrics = new Set();
    const labels = new Set();
    let errorAt;
    tree.iterate({
        enter: (node) => {
            if (node.type.isError && errorAt === undefined)
                errorAt = node.from;
            if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
                metrics.add(text.slice(node.from, node.to));
            if (node.name === 'LabelName') {
                const name = text.slice(node.from, node.to);
                if (name === '__name__')
                    return;
                labels.add(name);
            }
        },
    });
    return { metrics: [...metrics], labels: [...labels], errorAt };
}

;// CONCATENATED MODULE: ./src/grafana/dashboard-check.ts

/**
 * What is wrong with a dashboard, each problem naming the panel: no title, an expression that does
 * not parse, or a metric or label the collector never produces. The last is the bug that left the
 * original workshop's dashboard empty: queries for names the pipeline no longer emitted.
 */
function checkDashboard(file, dashboard, vocabulary) {
    const problems = [];
    const d = dashboard;
    if (!d || typeof d !== 'object' || typeof d.title !== 'string' || !d.title.trim())
        problems.push(`${file}: the dashboard has no title`);
    for (const panel of flatten(d?.panels ?? [])) {
        const where = `${file}: panel ${panel.id ?? '?'} '${panel.title ?? ''}'`;
        for (const target of panel.targets ?? []) {
            if (!target.expr)
                continue;
            const use = analysePromql(target.expr);
            if (use.errorAt !== undefined) {
                problems.push(`${where}, query ${target.refId ?? '?'}: PromQL does not parse at character ${use.errorAt + 1}: ${target.expr}`);
                continue;
            }
            if (!vocabulary)
                continue;
            for (const m of use.metrics)
                if (!vocabulary.metrics.includes(m))
                    problems.push(`${where}: metric '${m}' is not produced by the collector configuration`);
            for (const l of use.labels)
                if (!vocabulary.labels.includes(l))
                    problems.push(`${where}: label '${l}' is not produced by the collector configuration`);
        }
    }
    return problems;
}
function flatten(panels) {
    return panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
}

;// CONCATENATED MODULE: ./src/grafana/json-position.ts
/**
 * Where JSON text stops being valid, as line:column and what was expected, never quoting the text:
 * V8's JSON.parse messages quote the input around the error ("Unexpected token 'x', "…" is not
 * valid JSON"), and a file under dashboards-path may be anything the checkout links to. Used only
 * after JSON.parse failed, so it favours being simple over being fast.
 */
function jsonProblem(text) {
    const found = locate(text);
    if (!found)
        return 'not valid JSON';
    const { line, column } = lineColumn(text, found.offset);
    return `not valid JSON at line ${line}, column ${column}: ${found.expected}`;
}
/** The first offset at which `text` is not JSON (RFC 8259), with what should have been there; undefined when it is JSON. */
function locate(text) {
    let i = 0;
    const fail = (expected) => {
        throw new Located(i, expected);
    };
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const literal = (word) => {
        for (const c of word) {
            if (text[i] !== c)
                fail(`'${word}'`);
            i++;
        }
    };
    const string = () => {
        i++; // opening quote
        for (;;) {
            if (i >= text.length)
                fail('a closing quote (the string is not terminated)');
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                i++;
                return;
            }
            if (c < 0x20)
                fail('no control character inside a string (escape it)');
            if (c === 0x5c) {
                i++;
                const e = text[i];
                if (e === 'u') {
                    for (let k = 1; k <= 4; k++)
                        if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
                            i += k;
                            fail('four hex digits after \\u');
                        }
                    i += 5;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i++;
                else
                    fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
            }
            else
                i++;
        }
    };
    const number = () => {
        if (text[i] === '-')
            i++;
        if (text[i] === '0')
            i++;
        else if (/[1-9]/.test(text[i] ?? ''))
            while (/[0-9]/.test(text[i] ?? ''))
                i++;
        else
            fail('a digit');
        if (text[i] === '.') {
            i++;
            if (!/[0-9]/.test(text[i] ?? ''))
                fail('a digit after the decimal point');
            while (/[0-9]/.test(text[i] ?? ''))
                i++;
        }
        if (text[i] === 'e' || text[i] === 'E') {
            i++;
            if (text[i] === '+' || text[i] === '-')
                i++;
            if (!/[0-9]/.test(text[i] ?? ''))
                fail('a digit in the exponent');
            while (/[0-9]/.test(text[i] ?? ''))
                i++;
        }
    };
    const value = (depth) => {
        // Deeper than any dashboard; keeps the recursion far from the stack limit.
        if (depth > 512)
            fail('less nesting (over 512 levels)');
        ws();
        const c = text[i];
        if (c === undefined)
            fail('a value (the file ends early)');
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}') {
                i++;
                return;
            }
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail(text[i] === undefined ? "a property name or '}' (the file ends early)" : 'a property name in double quotes');
                string();
                ws();
                if (text[i] !== ':')
                    fail("':' after the property name");
                i++;
                value(depth + 1);
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === '}') {
                    i++;
                    return;
                }
                fail(text[i] === undefined ? "',' or '}' (the file ends early)" : "',' or '}'");
            }
        }
        if (c === '[') {
            i++;
            ws();
            if (text[i] === ']') {
                i++;
                return;
            }
            for (;;) {
                value(depth + 1);
                ws();
                if (text[i] === ',') {
                    i++;
                    continue;
                }
                if (text[i] === ']') {
                    i++;
                    return;
                }
                fail(text[i] === undefined ? "',' or ']' (the file ends early)" : "',' or ']'");
            }
        }
        if (c === '"')
            return string();
        if (c === 't')
            return literal('true');
        if (c === 'f')
            return literal('false');
        if (c === 'n')
            return literal('null');
        if (c === '-' || /[0-9]/.test(c))
            return number();
        fail('a value (object, array, string, number, true, false or null)');
    };
    try {
        value(0);
        ws();
        if (i < text.length)
            fail('the end of the file after the top-level value');
        return undefined;
    }
    catch (err) {
        if (err instanceof Located)
            return { offset: err.offset, expected: err.expected };
        throw err;
    }
}
class Located {
    offset;
    expected;
    constructor(offset, expected) {
        this.offset = offset;
        this.expected = expected;
    }
}
/** 1-based line and column (in UTF-16 code units, as editors count for the BMP). */
function lineColumn(text, offset) {
    let line = 1;
    let start = 0;
    for (let k = 0; k < offset && k < text.length; k++) {
        if (text[k] === '\n') {
            line++;
            start = k + 1;
        }
    }
    return { line, column: offset - start + 1 };
}

;// CONCATENATED MODULE: ./src/grafana/dashboard-files.ts





/**
 * The largest dashboard file read: 16 MiB, the most Grafana can store of one dashboard. Its
 * `dashboard.data` column is MEDIUMTEXT on MySQL (pkg/services/sqlstore/migrations/dashboard_mig.go),
 * 16,777,215 bytes, and a larger dashboard is silently truncated (grafana/grafana#101094).
 */
const MAX_DASHBOARD_FILE_BYTES = 16 * 1024 * 1024;
/**
 * The most read in all: every dashboard is held in memory, parsed, and sent within one step. Two
 * dashboards of Grafana's maximum size is far beyond any real set, and keeps a runaway folder from
 * costing the runner's memory or the step's time before anything is written.
 */
const MAX_DASHBOARDS_TOTAL_BYTES = 32 * 1024 * 1024;
/** Plugin ids a dashboard input may ask for and still be bound to the environment's AMP data source. */
const PROMETHEUS_PLUGINS = new Set(['prometheus', 'grafana-amazonprometheus-datasource']);
/**
 * Reads the bundled dashboards and the user's, and checks all of them before anything is written
 * to Grafana: unreadable JSON, a missing title, PromQL that does not parse, or an input the action
 * cannot bind are reported together, each naming its file (and panel).
 */
function loadDashboards(bundledDir, workspace, userPath) {
    const problems = [];
    const files = [];
    let total = 0;
    const read = (path, shown, primary) => {
        const text = readCapped(path, shown, problems, () => total, (n) => (total += n));
        if (text === undefined)
            return;
        let dashboard;
        try {
            dashboard = JSON.parse(text);
        }
        catch {
            // By position only: V8's message quotes the text, and the text need not be the user's to show.
            problems.push(`${shown}: ${jsonProblem(text)}`);
            return;
        }
        if (!dashboard || typeof dashboard !== 'object' || Array.isArray(dashboard)) {
            problems.push(`${shown}: not a dashboard (the file must hold one JSON object, as Grafana's "Export for sharing externally" writes it)`);
            return;
        }
        // Exports from the Grafana API wrap the model: {"dashboard": {...}, "meta": {...}}.
        const model = (('dashboard' in dashboard) && typeof dashboard.dashboard === 'object'
            ? dashboard.dashboard : dashboard);
        const before = problems.length;
        problems.push(...checkDashboard(shown, model), ...inputProblems(shown, model));
        if (problems.length > before)
            return;
        const key = typeof model.uid === 'string' && model.uid ? model.uid : (0,external_node_path_.basename)(path, '.json');
        files.push({ file: shown, key, primary, dashboard: model });
    };
    for (const name of jsonFiles(bundledDir))
        read((0,external_node_path_.join)(bundledDir, name), `dashboards/${name}`, name === 'ecs-task-monitoring.json');
    if (userPath) {
        for (const { path, shown, outside } of userFiles(workspace, userPath, problems)) {
            if (outside)
                problems.push(`${shown}: a symbolic link to a file outside the workspace; refused (only files of the checkout are imported)`);
            else
                read(path, shown, false);
        }
    }
    // One folder holds them all, and Grafana refuses (or silently merges) two dashboards of one title there.
    const uids = new Map();
    const titles = new Map();
    for (const f of files) {
        const title = String(f.dashboard.title).trim().toLowerCase();
        if (uids.has(f.key))
            problems.push(`${f.file}: same uid '${f.key}' as ${uids.get(f.key)}; give each dashboard its own uid`);
        else if (titles.has(title))
            problems.push(`${f.file}: same title '${String(f.dashboard.title)}' as ${titles.get(title)}; give each dashboard its own title`);
        uids.set(f.key, f.file);
        titles.set(title, f.file);
    }
    if (problems.length > 0) {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': ${problems.length} problem(s) in the dashboards; nothing was written to Grafana:\n${problems.map((p) => `  ${p}`).join('\n')}`, 'Fix the files named above (export dashboards with "Export for sharing externally" so their data sources become __inputs).');
    }
    return files;
}
const inside = (root, path) => path === root || path.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`);
/**
 * The .json files `userPath` names, contained by their real paths: a path, a folder or a file that
 * resolves (through symbolic links or '..') outside the workspace is refused; links that stay
 * inside are followed. Files are returned by real path, so what is read is what was checked.
 */
function userFiles(workspace, userPath, problems) {
    let root;
    let real;
    try {
        root = (0,external_node_fs_.realpathSync)(workspace);
        real = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(workspace, userPath));
    }
    catch {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': '${userPath}' does not exist in the workspace (${workspace}).`, 'Check out the repository first (actions/checkout) and give a path relative to it, e.g. dashboards/.');
    }
    if (!inside(root, real)) {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': '${userPath}' leads outside the workspace (through a symbolic link or '..'); nothing was read.`, 'Give a folder or file of the checkout itself; dashboards must come from the repository, not from elsewhere on the runner.');
    }
    let isDir;
    try {
        isDir = fstatOf(real).isDirectory();
    }
    catch {
        throw new errors/* ActionError */.lZ(`Input 'dashboards-path': '${userPath}' cannot be read.`, 'Check the path and its permissions in the checkout.');
    }
    if (!isDir)
        return [{ path: real, shown: (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(workspace, userPath)), outside: false }];
    const names = jsonFiles(real);
    if (names.length === 0)
        problems.push(`${userPath}: no .json files in this folder`);
    return names.map((name) => {
        const shown = (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(workspace, userPath, name));
        try {
            const file = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(real, name));
            return { path: file, shown, outside: !inside(root, file) };
        }
        catch {
            // A dangling link: reported by the read.
            return { path: (0,external_node_path_.join)(real, name), shown, outside: false };
        }
    });
}
function fstatOf(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        return (0,external_node_fs_.fstatSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * The file's text, or undefined with a problem recorded: sizes are checked on the open file before
 * anything is read, against the per-file and the total cap, and no more than the checked size is read.
 */
function readCapped(path, shown, problems, total, add) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch (err) {
        problems.push(`${shown}: cannot be read (${err.code ?? 'error'})`);
        return undefined;
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile()) {
            problems.push(`${shown}: not a regular file`);
            return undefined;
        }
        if (stat.size > MAX_DASHBOARD_FILE_BYTES) {
            problems.push(`${shown}: ${mib(stat.size)} is over the ${mib(MAX_DASHBOARD_FILE_BYTES)} a Grafana dashboard can hold; not read`);
            return undefined;
        }
        if (total() + stat.size > MAX_DASHBOARDS_TOTAL_BYTES) {
            problems.push(`${shown}: with it the dashboards would exceed ${mib(MAX_DASHBOARDS_TOTAL_BYTES)} in all; not read`);
            return undefined;
        }
        add(stat.size);
        const buffer = Buffer.alloc(stat.size);
        let filled = 0;
        while (filled < stat.size) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, filled, stat.size - filled, filled);
            if (n === 0)
                break;
            filled += n;
        }
        const text = buffer.subarray(0, filled).toString('utf8');
        // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    catch (err) {
        problems.push(`${shown}: cannot be read (${err.code ?? 'error'})`);
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function mib(bytes) {
    return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}
function jsonFiles(dir) {
    return (0,external_node_fs_.readdirSync)(dir).filter((n) => n.endsWith('.json')).sort();
}
/** Every __inputs entry must be something the import can fill: a Prometheus data source or a constant. */
function inputProblems(file, model) {
    const inputs = model.__inputs;
    if (inputs === undefined)
        return [];
    if (!Array.isArray(inputs))
        return [`${file}: __inputs is not a list`];
    return inputs.flatMap((input) => {
        if (!input || typeof input.name !== 'string')
            return [`${file}: an __inputs entry has no name`];
        if (input.type === 'constant')
            return [];
        if (input.type === 'datasource' && PROMETHEUS_PLUGINS.has(input.pluginId ?? ''))
            return [];
        return [`${file}: input '${input.name}' needs a ${input.pluginId ?? input.type} ${input.type}; the action can only bind Prometheus data sources (the environment's AMP workspace) and constants`];
    });
}

;// CONCATENATED MODULE: ./src/grafana/datasource.ts


const AMP_PLUGIN = 'grafana-amazonprometheus-datasource';
const PROMETHEUS_PLUGIN = 'prometheus';
/**
 * AMG's Grafana 12 removed SigV4 from the core Prometheus plugin; AMP then needs its own plugin
 * (Grafana 13 migrates SigV4 Prometheus sources to it on start: Grafana docs v13.1,
 * datasources/prometheus/configure/aws-authentication).
 */
function pluginFor(grafanaVersion) {
    const major = Number.parseInt(grafanaVersion ?? '', 10);
    return Number.isFinite(major) && major >= 12 ? AMP_PLUGIN : PROMETHEUS_PLUGIN;
}
function datasourceBody(spec) {
    return {
        uid: spec.uid,
        name: spec.name,
        type: spec.type,
        access: 'proxy',
        url: spec.url,
        isDefault: false,
        // ec2_iam_role signs with the workspace's IAM role, which provision gave AMP query access.
        jsonData: { httpMethod: 'POST', sigV4Auth: true, sigV4AuthType: 'ec2_iam_role', sigV4Region: spec.region },
    };
}
/** The AMP query base for a data source: AMP returns …/api/v1/, the data source wants the workspace URL. */
function datasourceUrl(prometheusEndpoint) {
    return prometheusEndpoint.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}
/**
 * Creates the environment's data source, or brings it up to date. It is found by its uid, which is
 * derived from the repository and the environment: a data source found only by name (another
 * repository's in a shared workspace, or one made by hand) is never adopted, and never pointed at
 * this environment's AMP workspace. Two runs of one environment may race: the loser's create
 * answers 409, and it then updates what the winner created.
 */
async function upsertDatasource(api, spec) {
    const path = `/api/datasources/uid/${encodeURIComponent(spec.uid)}`;
    if (!(await api.find(path))) {
        try {
            await api.post('/api/datasources', datasourceBody(spec));
            return { uid: spec.uid, action: 'created' };
        }
        catch (err) {
            if (!(err instanceof client/* GrafanaApiError */.rP && err.status === 409))
                throw err;
            // 409 is "same uid" (a racing run of this environment won) or "same name" (someone else's).
            if (!(await api.find(path))) {
                const other = await api.find(`/api/datasources/name/${encodeURIComponent(spec.name)}`);
                throw new errors/* ActionError */.lZ(`A Grafana data source named '${spec.name}'${other ? ` (uid ${other.uid})` : ''} already exists and is not the one this action manages for the environment (uid ${spec.uid}); it was left as it is.`, 'Rename or delete that data source in Grafana (Connections → Data sources), then re-run the step.');
            }
        }
    }
    await api.put(path, datasourceBody(spec));
    return { uid: spec.uid, action: 'updated' };
}
/**
 * Proves the workspace role can query AMP before anyone opens an empty dashboard. Grafana's
 * "Save & test" (GET …/health) needs a backend health check in the plugin, which the core
 * Prometheus plugin has only from Grafana 10: before that it answers 404 (pkg/api/plugins.go maps
 * the plugin's "method not implemented" to 404 "Not found"). There the action runs the query a
 * health check would (1+1, instant) through POST /api/ds/query, which the Prometheus backend
 * serves on Grafana 9. If neither can tell, the caller says so instead of failing or passing.
 */
async function checkDatasourceHealth(api, uid, name, type) {
    try {
        await api.get(`/api/datasources/uid/${encodeURIComponent(uid)}/health`);
        return { method: 'health' };
    }
    catch (err) {
        if (!(err instanceof client/* GrafanaApiError */.rP))
            throw err;
        if (err.status === 404 && !/plugin not found/i.test(err.grafanaMessage))
            return queryCheck(api, uid, name, type);
        if (err.status < 500)
            throw cannotQuery(name, err.grafanaMessage);
        throw err;
    }
}
async function queryCheck(api, uid, name, type) {
    const body = {
        from: 'now-5m', to: 'now',
        queries: [{ refId: 'A', datasource: { uid, type }, expr: '1+1', instant: true, range: false, intervalMs: 15_000, maxDataPoints: 1 }],
    };
    let answer;
    try {
        answer = await api.post('/api/ds/query', body);
    }
    catch (err) {
        if (!(err instanceof client/* GrafanaApiError */.rP))
            throw err;
        // Grafana answers a query that failed with 400 (or the query's own status) and its error in the body.
        const error = queryError(err.body);
        if (error !== undefined)
            throw cannotQuery(name, error);
        if (err.status === 401 || err.status === 403)
            throw err;
        return { method: 'unchecked', detail: `POST /api/ds/query answered ${err.status} ${err.grafanaMessage}` };
    }
    const error = queryError(answer);
    if (error !== undefined)
        throw cannotQuery(name, error);
    return { method: 'query' };
}
/** The error of query A in a /api/ds/query answer ({results: {A: {error}}}), if it has one. */
function queryError(body) {
    const result = body?.results?.A;
    return typeof result?.error === 'string' && result.error ? result.error : undefined;
}
function cannotQuery(name, message) {
    return new errors/* ActionError */.lZ(`The Grafana data source '${name}' cannot query AMP: ${message}`, fixForQueryError(message));
}
/**
 * The fix for what AMP or Grafana said, by its cause: a missing workspace role and a role without
 * AMP query permissions need different things done.
 */
function fixForQueryError(message) {
    if (/plugin not found/i.test(message)) {
        return `The workspace has no plugin for this data source: on Grafana 12 and later install "Amazon Managed Service for Prometheus" (${AMP_PLUGIN}) from the workspace's plugin catalog (Administration → Plugins), then re-run the step.`;
    }
    // Not /assume/ alone: a QueryMetrics denial names the assumed-role session too.
    if (/failed to assume|sts:AssumeRole|role does not exist|NoSuchEntity/i.test(message)) {
        return 'Grafana cannot assume the workspace IAM role: it is missing or does not trust grafana.amazonaws.com. Re-run mode: provision (it re-creates the role stack the action manages and points the workspace at it), or, if you passed grafana-role-arn, check that role exists and trusts grafana.amazonaws.com.';
    }
    if (/not authorized to perform: aps:|aps:QueryMetrics|AccessDenied|403 Forbidden: User/i.test(message)) {
        return 'The Grafana workspace role needs aps:QueryMetrics, aps:GetSeries, aps:GetLabels and aps:GetMetricMetadata on the AMP workspace (provision creates such a role; check grafana-role-arn if you passed your own).';
    }
    if (/workspace .* (not found|is [A-Z_]+, not ACTIVE)/i.test(message)) {
        return 'The AMP workspace the data source points at is gone or not ACTIVE: run mode: provision for this environment before dashboard.';
    }
    if (/scoped to a valid region/i.test(message)) {
        return 'The data source signs for another region than the AMP workspace is in: check aws-region.';
    }
    return 'Check the workspace IAM role (it needs aps:QueryMetrics on the AMP workspace and must trust grafana.amazonaws.com) and that the AMP workspace is ACTIVE; the message above is what AMP or Grafana answered.';
}

;// CONCATENATED MODULE: ./src/grafana/folders.ts


/**
 * The environment's folder, created on the first run. Only the folder with the uid derived for the
 * repository and environment is ever used: a folder of the same title is someone else's.
 *
 * A create that fails because the folder exists says so differently by version: a duplicate uid is
 * 409 on Grafana 9.3–10.x and 412 `version-mismatch` from 11; on 9.x/10.x a title whose slug
 * equals another folder's is 409 as well (pkg/services/folder, pkg/api/apierrors/folder.go). So
 * after a 409/412 the uid is looked up again: there, a racing run of this environment created it;
 * absent, the title belongs to another folder, which is named in the error and left alone.
 */
async function ensureFolder(api, uid, title) {
    const path = `/api/folders/${encodeURIComponent(uid)}`;
    const existing = await api.find(path);
    if (existing) {
        if (existing.title === title)
            return { ...existing, action: 'reused' };
        // A title from an earlier version of the action (without the repository): renamed in place.
        try {
            const renamed = await api.put(path, { title, overwrite: true });
            return { ...existing, ...renamed, title, action: 'reused' };
        }
        catch (err) {
            if (err instanceof client/* GrafanaApiError */.rP && (err.status === 409 || err.status === 412))
                throw await titleTaken(api, title, uid);
            throw err;
        }
    }
    try {
        return { ...(await api.post('/api/folders', { uid, title })), action: 'created' };
    }
    catch (err) {
        if (err instanceof client/* GrafanaApiError */.rP && (err.status === 409 || err.status === 412)) {
            const raced = await api.find(path);
            if (raced)
                return { ...raced, action: 'reused' };
            throw await titleTaken(api, title, uid);
        }
        throw err;
    }
}
async function titleTaken(api, title, uid) {
    const slug = slugOf(title);
    const folders = await api.get('/api/folders?limit=1000').catch(() => []);
    const other = folders.find((f) => f.uid !== uid && (f.title === title || slugOf(f.title) === slug));
    return new errors/* ActionError */.lZ(`Grafana refused the folder '${title}': ${other ? `folder '${other.title}' (uid ${other.uid})` : 'another folder'} has the same name, and it is not the one this action manages (uid ${uid}), so it was left as it is.`, 'Rename or delete that folder in Grafana (Grafana before 11 allows one folder per title), then re-run the step.');
}
/** Grafana's slug of a title (lower case, runs of other characters one dash), for naming the clash. */
function slugOf(title) {
    return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

;// CONCATENATED MODULE: ./src/grafana/dashboard-trust.ts
/**
 * A dashboard from a PR's checkout is untrusted: it may query another environment's data source, or
 * carry HTML and links that put someone else's page inside this workspace. Before import, every
 * data-source reference is bound to this environment's data source, and HTML text panels, library
 * panels and links off the workspace are dropped; what was dropped and rebound is reported.
 *
 * Where a data source can sit in a dashboard (Grafana's own exporter, which turns each of them into
 * a `${DS_…}` input: public/app/features/dashboard/components/DashExportModal/DashboardExporter.ts,
 * and the dashboard JSON model, grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model):
 * - `panels[].datasource` and `panels[].targets[].datasource` (a target without one uses its panel's),
 *   also for panels inside rows (`panels[].panels[]`, collapsed rows) and in the pre-5.0 `rows[].panels[]`;
 * - `templating.list[].datasource` of query and ad hoc variables; variables of type `datasource`
 *   choose a data source themselves (`query` = plugin id, `regex` on the names), and `$var`/`${var}`
 *   references to them may sit in any of the slots above;
 * - `annotations.list[].datasource`;
 * - library panels (`libraryPanel` references, `__elements` models): shared workspace objects.
 * Each slot holds a name or uid (string, before Grafana 8.3), an object `{type, uid}`, a `${DS_…}`
 * input, a variable reference, or nothing (then Grafana uses the org's default data source, which
 * need not be this environment's). Grafana's pseudo data sources are kept: `-- Grafana --` (built-in
 * annotations and the Grafana data source), `-- Mixed --` (each query names its own, and those are
 * bound), `-- Dashboard --` (reuses another panel's queries of this dashboard) and `__expr__`
 * (server-side expressions over this panel's queries).
 * Besides the slots Grafana documents, any other member named `datasource` (plugin options, say) is
 * bound too: a reference the walk does not know is still a reference.
 */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Grafana's pseudo data sources; none of them can reach another environment's data. */
const BUILT_IN_UIDS = {
    '-- Grafana --': ['grafana', 'datasource'],
    grafana: ['grafana', 'datasource'],
    '-- Mixed --': ['datasource'],
    '-- Dashboard --': ['datasource'],
    __expr__: ['__expr__'],
};
function builtIn(ref) {
    if (typeof ref === 'string')
        return ref.startsWith('-- ') || ref === '__expr__' ? (ref in BUILT_IN_UIDS ? ref : undefined) : undefined;
    if (!isObject(ref) || typeof ref.uid !== 'string')
        return undefined;
    const types = BUILT_IN_UIDS[ref.uid];
    if (!types)
        return undefined;
    return ref.type === undefined || types.includes(String(ref.type)) ? ref.uid : undefined;
}
/** Binds every data-source reference of `dashboard` (mutated) to `ds`; returns the foreign ones it replaced. */
function bindDatasources(dashboard, ds) {
    const rebound = new Set();
    const ref = () => ({ type: ds.pluginId, uid: ds.uid });
    const bind = (holder, bindMissing) => {
        const current = holder.datasource;
        if (builtIn(current))
            return;
        if (current === undefined || current === null) {
            if (bindMissing)
                holder.datasource = ref();
            return;
        }
        const named = typeof current === 'string' ? current : isObject(current) ? String(current.uid ?? current.name ?? '') : JSON.stringify(current);
        if (named !== ds.uid && named !== ds.name && !/^\$\{DS_[^}]*\}$/.test(named))
            rebound.add(named || '(empty reference)');
        holder.datasource = ref();
    };
    // The documented slots first, where a missing reference means "the default data source".
    for (const panel of allPanels(dashboard)) {
        const targets = Array.isArray(panel.targets) ? panel.targets.filter(isObject) : [];
        bind(panel, targets.length > 0 && panel.type !== 'row');
        // A query without its own reference uses the panel's; under Mixed that is the default data source.
        const inherits = builtIn(panel.datasource);
        const bindTargets = !inherits || inherits === '-- Mixed --';
        for (const target of targets)
            bind(target, bindTargets);
    }
    for (const variable of listOf(dashboard.templating)) {
        if (variable.type === 'datasource')
            pinDatasourceVariable(variable, ds);
        else
            bind(variable, variable.type === 'query' || variable.type === 'adhoc');
    }
    for (const annotation of listOf(dashboard.annotations))
        bind(annotation, annotation.builtIn !== 1);
    // Then every other member named `datasource`, wherever it sits.
    const walk = (node) => {
        if (Array.isArray(node))
            return node.forEach(walk);
        if (!isObject(node))
            return;
        if ('datasource' in node)
            bind(node, false);
        for (const [key, value] of Object.entries(node))
            if (key !== 'datasource')
                walk(value);
    };
    walk(dashboard);
    return [...rebound].sort();
}
/** A `datasource` variable may offer only this environment's data source. */
function pinDatasourceVariable(variable, ds) {
    variable.query = ds.pluginId;
    variable.regex = `/^${ds.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
    variable.multi = false;
    variable.includeAll = false;
    // Grafana's exporter clears the selection too: on load Grafana selects the first (here the only) match.
    variable.current = {};
    variable.options = [];
}
/**
 * Drops from `dashboard` (mutated) what would show content that is not this workspace's: HTML text
 * panels, markdown text panels with raw HTML, library panels, and links off `workspaceUrl`.
 *
 * Text panels (grafana.com/docs/grafana/latest/panels-visualizations/visualizations/text/): `options.mode`
 * is markdown (the default), html or code, `options.content` the text (`mode` and `content` on the
 * panel itself before Grafana 7). Grafana sanitizes HTML unless the workspace disables it, but even
 * sanitized HTML can frame or imitate a login page, and markdown passes raw HTML through.
 * Links: dashboard `links` of type `link` (type `dashboards` lists this workspace's dashboards by
 * tag), panel `links`, data links in `fieldConfig.defaults.links` and field overrides (`{id: "links"}`),
 * `options.dataLinks` of the old graph panel, and `styles[].linkUrl` of the old table panel.
 */
function dropUntrusted(dashboard, workspaceUrl) {
    const dropped = [];
    const origin = new URL(workspaceUrl).origin;
    const offsite = (url) => typeof url !== 'string' || !onWorkspace(url, origin);
    const keepPanels = (panels) => panels.filter((p) => {
        if (!isObject(p))
            return true;
        const where = panelName(p);
        if (isObject(p.libraryPanel)) {
            dropped.push(`${where}: library panel '${String(p.libraryPanel.name ?? p.libraryPanel.uid ?? '')}' (a shared workspace object, not bound to this environment)`);
            return false;
        }
        const html = htmlText(p);
        if (html) {
            dropped.push(`${where}: ${html}`);
            return false;
        }
        dropLinks(p, where);
        if (Array.isArray(p.panels))
            p.panels = keepPanels(p.panels);
        return true;
    });
    const dropLinks = (panel, where) => {
        const filter = (links, what) => links.filter((l) => {
            if (!isObject(l) || !offsite(l.url))
                return true;
            dropped.push(`${where}: ${what} '${String(l.title ?? '')}' to ${hostOf(l.url)}`);
            return false;
        });
        if (Array.isArray(panel.links))
            panel.links = filter(panel.links, 'panel link');
        const fieldConfig = isObject(panel.fieldConfig) ? panel.fieldConfig : {};
        if (isObject(fieldConfig.defaults) && Array.isArray(fieldConfig.defaults.links))
            fieldConfig.defaults.links = filter(fieldConfig.defaults.links, 'data link');
        for (const override of Array.isArray(fieldConfig.overrides) ? fieldConfig.overrides.filter(isObject) : []) {
            for (const property of Array.isArray(override.properties) ? override.properties.filter(isObject) : []) {
                if (property.id === 'links' && Array.isArray(property.value))
                    property.value = filter(property.value, 'data link');
            }
        }
        if (isObject(panel.options) && Array.isArray(panel.options.dataLinks))
            panel.options.dataLinks = filter(panel.options.dataLinks, 'data link');
        for (const style of Array.isArray(panel.styles) ? panel.styles.filter(isObject) : []) {
            if (style.linkUrl !== undefined && offsite(style.linkUrl)) {
                dropped.push(`${where}: table column link '${String(style.linkTooltip ?? style.pattern ?? '')}' to ${hostOf(style.linkUrl)}`);
                delete style.linkUrl;
                style.link = false;
            }
        }
    };
    if (Array.isArray(dashboard.panels))
        dashboard.panels = keepPanels(dashboard.panels);
    for (const row of Array.isArray(dashboard.rows) ? dashboard.rows.filter(isObject) : []) {
        if (Array.isArray(row.panels))
            row.panels = keepPanels(row.panels);
    }
    if (Array.isArray(dashboard.links)) {
        dashboard.links = dashboard.links.filter((l) => {
            if (!isObject(l) || l.type === 'dashboards' || !offsite(l.url))
                return true;
            dropped.push(`dashboard link '${String(l.title ?? '')}' to ${hostOf(l.url)}`);
            return false;
        });
    }
    // Library panels' models: imported as shared workspace objects, and no panel uses them any more.
    if (isObject(dashboard.__elements) && Object.keys(dashboard.__elements).length > 0) {
        dropped.push(`${Object.keys(dashboard.__elements).length} library panel definition(s) (__elements)`);
    }
    delete dashboard.__elements;
    return dropped;
}
/** Why a text panel is dropped, or undefined for one that shows only markdown or code. */
function htmlText(panel) {
    if (panel.type !== 'text')
        return undefined;
    const options = isObject(panel.options) ? panel.options : {};
    const mode = String(options.mode ?? panel.mode ?? 'markdown');
    const content = String(options.content ?? panel.content ?? '');
    if (mode === 'html')
        return 'text panel in HTML mode';
    // A tag, comment or processing instruction: what CommonMark passes through as raw HTML.
    if (mode !== 'code' && /<[A-Za-z!/?]/.test(content))
        return 'text panel with raw HTML in its markdown';
    return undefined;
}
/**
 * A link that stays on the workspace: a path (`/d/…`, not `//host` or `/\host`, which browsers
 * read as another host), a query or fragment, or an absolute URL of the workspace's origin. A
 * variable before the path (`${url}/…`) could expand to any host, so it counts as off the workspace.
 */
function onWorkspace(url, origin) {
    const u = url.trim();
    if (/^\/(?![/\\])/.test(u) || /^[?#]/.test(u))
        return true;
    if (!u.toLowerCase().startsWith(origin.toLowerCase()))
        return false;
    const rest = u.slice(origin.length);
    return rest === '' || (/^[/?#]/.test(rest) && !/^\/[/\\]/.test(rest));
}
function hostOf(url) {
    if (typeof url !== 'string')
        return 'an unknown place';
    try {
        return new URL(url).host || url.slice(0, 60);
    }
    catch {
        return url.slice(0, 60) || '(empty)';
    }
}
function panelName(p) {
    return `panel ${typeof p.id === 'number' || typeof p.id === 'string' ? p.id : '?'} '${typeof p.title === 'string' ? p.title : ''}'`;
}
function listOf(holder) {
    return isObject(holder) && Array.isArray(holder.list) ? holder.list.filter(isObject) : [];
}
/** Every panel: top level, inside rows (collapsed rows hold theirs in `panels`), and pre-5.0 `rows[].panels`. */
function allPanels(dashboard) {
    const out = [];
    const visit = (panels) => {
        for (const p of Array.isArray(panels) ? panels.filter(isObject) : []) {
            out.push(p);
            visit(p.panels);
        }
    };
    visit(dashboard.panels);
    for (const row of Array.isArray(dashboard.rows) ? dashboard.rows.filter(isObject) : [])
        visit(row.panels);
    return out;
}

// EXTERNAL MODULE: ./src/grafana/naming.ts
var naming = __webpack_require__(7258);
;// CONCATENATED MODULE: ./src/grafana/import-plan.ts


/**
 * The body for POST /api/dashboards/import: the dashboard made this environment's (its own uid,
 * title and tags, so previews never overwrite each other), every data-source reference bound to
 * the environment's data source (a PR's dashboard must not query another environment's), what
 * could show another site's content dropped (src/grafana/dashboard-trust.ts), and every input bound.
 */
function planImport(file, target) {
    const source = file.dashboard;
    const declared = source.__inputs ?? [];
    const dashboard = structuredClone(source);
    const dropped = dropUntrusted(dashboard, target.workspaceUrl);
    const rebound = bindDatasources(dashboard, { uid: target.datasourceUid, name: target.datasourceName, pluginId: target.pluginId });
    const ownTags = Array.isArray(source.tags) ? source.tags.filter((t) => typeof t === 'string' && !(0,naming/* isActionTag */.P5)(t)) : [];
    Object.assign(dashboard, {
        id: null,
        uid: (0,naming/* dashboardUid */.xT)(target.repository, target.environment, file.key),
        title: (0,naming/* dashboardTitle */.Jf)(String(source.title), target.environment),
        // The repository tag keeps two repositories' previews of one name apart in a shared workspace.
        tags: [...ownTags, naming/* DASHBOARD_TAG */.qc, (0,naming/* environmentTag */.ab)(target.environment), (0,naming/* repositoryTag */.B1)(target.repository)],
        // A Prometheus-typed input would not match the data source on Grafana 12, where AMP needs its own plugin.
        __inputs: declared.map((i) => (i.type === 'datasource' ? { ...i, pluginId: target.pluginId } : i)),
    });
    const request = {
        dashboard,
        overwrite: true,
        folderUid: target.folderUid,
        // `${DS_…}` may still sit outside the data-source slots (a panel title, say): Grafana fills them from these.
        inputs: declared.map((i) => (i.type === 'datasource'
            ? { name: i.name, type: 'datasource', pluginId: target.pluginId, value: target.datasourceUid }
            : { name: i.name, type: i.type, value: i.value ?? '' })),
    };
    return { request, dropped, rebound };
}
function buildImportRequest(file, target) {
    return planImport(file, target).request;
}

// EXTERNAL MODULE: ./src/github/octokit.ts + 23 modules
var github_octokit = __webpack_require__(9229);
;// CONCATENATED MODULE: ./src/github/run-state.ts

/**
 * Whether one attempt of a workflow run of `repository` has finished, from GitHub's REST API
 * ("Get a workflow run attempt", GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number};
 * `status` is one of requested, queued, pending, waiting, in_progress, completed). The installation
 * token of a job needs `actions: read` for it.
 *
 * Best effort: true only when GitHub says completed; undefined for anything else (no token, no
 * permission, not found, an outage, a GitHub that does not answer within the timeout), which the
 * caller must read as "leave it alone". Never throws.
 */
async function runAttemptCompleted(opts) {
    if (!opts.token || !/^\d+$/.test(opts.runId) || !/^\d+$/.test(opts.attempt) || !/^[\w.-]+\/[\w.-]+$/.test(opts.repository))
        return undefined;
    const [owner, repo] = opts.repository.split('/');
    try {
        // A sweep must never hold the step: a GitHub that accepts and never answers costs the timeout.
        const octokit = (0,github_octokit/* githubClient */.$f)(opts.token, { timeoutMs: opts.timeoutMs ?? 5_000, baseUrl: opts.apiUrl });
        const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
            owner, repo, run_id: Number(opts.runId), attempt_number: Number(opts.attempt), exclude_pull_requests: true,
        });
        return typeof data.status === 'string' ? data.status === 'completed' : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/render/links.ts
var links = __webpack_require__(4869);
;// CONCATENATED MODULE: ./src/render/dashboards.ts


/**
 * The dashboards table of the dashboard mode's report. Titles and file names come from the PR's
 * checkout, so both are escaped; a title links only to a dashboard in the workspace the action
 * resolved (its AMG host, whatever path Grafana answered with), never elsewhere.
 */
function renderDashboardTable(dashboards, grafanaUrl) {
    const region = (0,links/* grafanaRegion */.B)(grafanaUrl);
    const origin = region ? new URL(grafanaUrl).origin : undefined;
    const rows = dashboards.map((d) => {
        const target = origin && sameOrigin(d.url, origin) ? (0,links/* trustedHref */.z)(d.url, { region: region, repository: '' }) : undefined;
        // Without a trusted target the title and the URL show as code: readable, not clickable.
        return `| ${target ? (0,markdown/* link */.nf)(d.title, d.url) : `${(0,markdown/* code */.aY)(d.title)} ${(0,markdown/* code */.aY)(d.url)}`} | ${(0,markdown/* code */.aY)(d.file)} |`;
    });
    return ['| Dashboard | Source |', '| --- | --- |', ...rows].join('\n');
}
function sameOrigin(url, origin) {
    try {
        return new URL(url).origin === origin;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/util/timing.ts
var timing = __webpack_require__(620);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/modes/types.ts
var types = __webpack_require__(4313);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/modes/dashboard.ts




















/**
 * The token's lifetime, as short as the step's Grafana work allows, since a killed step leaves it
 * alive until then (the post step deletes it, unless the whole job is gone). That work is a few
 * sequential rounds (find and write the data source and folder; the health check beside the
 * imports, four at a time); each call gives up after about 90 s of backoff (src/grafana/client.ts).
 * Ten minutes covers several rounds under heavy throttling; the client starts no request the token
 * would not outlive (GRAFANA_WORK_MARGIN_MS), so a slower Grafana fails clearly instead of with 401s.
 * Never past the step's own deadline, and never under a minute.
 */
const GRAFANA_WORK_SECONDS = 600;
const GRAFANA_WORK_MARGIN_MS = 10_000;
function tokenTtlSeconds(deadline, now = Date.now()) {
    return Math.min(GRAFANA_WORK_SECONDS, Math.max(60, Math.ceil((deadline - now) / 1000)));
}
function prepare(inputs, run) {
    if (!inputs.grafana) {
        throw new errors/* ActionError */.lZ("Input 'grafana': mode dashboard needs Grafana, but grafana is false.", 'Set grafana: true (and run provision with it), or skip the dashboard step.');
    }
    return loadDashboards((0,assets/* assetDir */.Y)('dashboards'), run.workspace, inputs.dashboardsPath);
}
/**
 * Gives the environment its data source, folder and dashboards in the repository's Grafana
 * workspace, through the workspace's own HTTP API with a token that lives only for this step.
 */
async function run(ctx) {
    const { inputs, clients, owner } = ctx;
    const files = ctx.prepared;
    const timings = {};
    const log = (line) => (0,util_log/* info */.p)(line);
    const [amp, grafana] = await (0,timing/* timed */.a)(timings, 'workspace lookup', () => Promise.all([
        (0,aws_amp/* requireEnvironmentWorkspace */.MQ)(clients.amp, { alias: inputs.ampWorkspaceAlias, owner, existingId: inputs.ampWorkspaceId }),
        (0,aws_grafana/* requireGrafanaWorkspace */.vH)(clients.grafana, { name: inputs.grafanaWorkspaceName, owner: { repository: owner.repository }, existingId: inputs.grafanaWorkspaceId }),
    ]));
    const pluginId = pluginFor(grafana.grafanaVersion);
    log(`Grafana workspace ${grafana.id} (Grafana ${grafana.grafanaVersion ?? '?'}) at ${grafana.url}; AMP workspace ${amp.id}; data source plugin ${pluginId}`);
    const partial = { headline: 'dashboard failed', outputs: { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url }, links: [], timings };
    try {
        const ttlSeconds = tokenTtlSeconds(ctx.deadline);
        const tokenOwner = { repository: ctx.owner.repository, runId: ctx.run.runId, runAttempt: process.env.GITHUB_RUN_ATTEMPT };
        const runCompleted = (runId, attempt) => runAttemptCompleted({
            token: inputs.githubToken, repository: ctx.owner.repository, runId, attempt,
        });
        const notes = [];
        let unchecked;
        const useGrafana = async (api) => {
            const dsName = (0,naming/* datasourceName */.PC)(inputs.environment, owner.repository);
            const [datasource, folder] = await (0,timing/* timed */.a)(timings, 'data source and folder', () => Promise.all([
                upsertDatasource(api, {
                    uid: (0,naming/* datasourceUid */.Wv)(owner.repository, inputs.environment), name: dsName, type: pluginId,
                    url: datasourceUrl(amp.prometheusEndpoint), region: inputs.region,
                }),
                ensureFolder(api, (0,naming/* folderUid */.xe)(owner.repository, inputs.environment), (0,naming/* folderTitle */.DH)(inputs.environment, owner.repository)),
            ]));
            log(`Data source '${dsName}' ${datasource.action} (uid ${datasource.uid}); folder '${folder.title}' ${folder.action}`);
            // The health check and the imports are independent: run them side by side, report both.
            const [health, imports] = await Promise.all([
                (0,timing/* timed */.a)(timings, 'data source health', () => checkDatasourceHealth(api, datasource.uid, dsName, pluginId)).then((check) => {
                    if (check.method === 'query')
                        log(`Data source '${dsName}' answered a query (Grafana ${grafana.grafanaVersion ?? '?'} has no health check for ${pluginId})`);
                    if (check.method === 'unchecked') {
                        core/* warning */.$e(`The data source '${dsName}' could not be checked: Grafana ${grafana.grafanaVersion ?? '?'} has no health check for ${pluginId}, and a test query gave no verdict (${check.detail ?? 'no detail'}). Open a dashboard to see whether it shows data.`);
                    }
                    unchecked = check.method === 'unchecked' ? check.detail ?? 'no verdict' : undefined;
                    return undefined;
                }, (err) => err),
                (0,timing/* timed */.a)(timings, 'dashboard import', () => (0,concurrency/* mapSettled */.A)(files, 4, async (file) => {
                    const plan = planImport(file, {
                        repository: ctx.owner.repository, environment: inputs.environment, folderUid: folder.uid,
                        datasourceUid: datasource.uid, datasourceName: dsName, pluginId, workspaceUrl: grafana.url,
                    });
                    if (plan.dropped.length || plan.rebound.length) {
                        notes.push({ file: file.file, dropped: plan.dropped, rebound: plan.rebound });
                        for (const d of plan.dropped)
                            log(`${file.file}: dropped ${d}`);
                        if (plan.rebound.length)
                            log(`${file.file}: bound data source reference(s) ${plan.rebound.map((r) => `'${r}'`).join(', ')} to '${dsName}'`);
                    }
                    const answer = await api.post('/api/dashboards/import', plan.request);
                    const imported = { file: file.file, title: answer.title, url: `${grafana.url}${answer.importedUrl}`, primary: file.primary };
                    log(`Imported ${file.file} as '${imported.title}': ${imported.url}`);
                    return imported;
                })),
            ]);
            return { datasourceUid: datasource.uid, folderUrl: `${grafana.url}${folder.url}`, health, imports };
        };
        const outcome = await (0,grafana_token/* withGrafanaToken */.MP)(clients.grafana, grafana.id, { owner: tokenOwner, ttlSeconds, log, runCompleted }, async (token) => {
            const api = new client/* GrafanaClient */.ei({
                baseUrl: grafana.url, token: token.key, userAgent: `${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`, log: (l) => (0,util_log/* info */.p)(l),
                deadline: Date.now() + ttlSeconds * 1000 - GRAFANA_WORK_MARGIN_MS,
            });
            try {
                return await useGrafana(api);
            }
            finally {
                // What still runs here lost its purpose when a sibling failed: stop it before the token goes.
                api.stop();
            }
        });
        const dashboards = outcome.imports.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const failures = outcome.imports.flatMap((r, i) => (r.status === 'rejected' ? [`${files[i].file}: ${r.reason.message}`] : []));
        const result = withTrustSection(resultOf(grafana.id, grafana.url, outcome.folderUrl, outcome.datasourceUid, dashboards, timings), notes, (0,naming/* datasourceName */.PC)(inputs.environment, owner.repository));
        if (unchecked !== undefined) {
            result.sections = [...(result.sections ?? []), {
                    title: 'data source not checked',
                    markdown: `Grafana ${(0,markdown/* plain */.pj)(grafana.grafanaVersion ?? '?')} has no health check for ${(0,markdown/* code */.aY)(pluginId)} and a test query gave no verdict (${(0,markdown/* plain */.pj)(unchecked)}): whether the workspace role can query AMP was not checked.`,
                }];
        }
        if (failures.length > 0 || outcome.health) {
            const messages = [...(outcome.health ? [outcome.health.message] : []), ...failures.map((f) => `Import failed: ${f}`)];
            throw new types/* ModeFailure */.s(new errors/* ActionError */.lZ(messages.join('\n'), outcome.health?.fix), result);
        }
        return result;
    }
    catch (err) {
        if (err instanceof types/* ModeFailure */.s)
            throw err;
        throw new types/* ModeFailure */.s(err, partial);
    }
}
/**
 * The report's section on what the imports changed in the PR's dashboards. Every piece of it comes
 * from the checkout (file names, panel titles, link hosts), so each is escaped for its context.
 */
function trustSection(notes, datasource) {
    const sorted = [...notes].sort((a, b) => a.file.localeCompare(b.file));
    if (sorted.length === 0)
        return undefined;
    const lines = [];
    for (const n of sorted) {
        lines.push(`- ${(0,markdown/* code */.aY)(n.file)}`);
        for (const d of n.dropped)
            lines.push(`  - dropped: ${(0,markdown/* plain */.pj)(d)}`);
        if (n.rebound.length)
            lines.push(`  - data source references bound to ${(0,markdown/* code */.aY)(datasource)}: ${n.rebound.map((r) => (0,markdown/* code */.aY)(r)).join(', ')}`);
    }
    return { title: 'dropped from the dashboards', markdown: lines.join('\n') };
}
function withTrustSection(result, notes, datasource) {
    const section = trustSection(notes, datasource);
    return section ? { ...result, sections: [...(result.sections ?? []), section] } : result;
}
function resultOf(workspaceId, grafanaUrl, folderUrl, datasourceUid, dashboards, timings) {
    const primary = dashboards.find((d) => d.primary) ?? dashboards[0];
    const outputs = {
        'grafana-workspace-id': workspaceId,
        'grafana-url': grafanaUrl,
        'grafana-folder-url': folderUrl,
        'grafana-datasource-uid': datasourceUid,
        'dashboard-urls': JSON.stringify(Object.fromEntries(dashboards.map((d) => [d.title, d.url]))),
    };
    if (primary)
        outputs['dashboard-url'] = primary.url;
    const links = [
        ...(primary ? [{ label: 'Dashboard', value: primary.title, href: primary.url }] : []),
        { label: 'Grafana folder', value: 'all dashboards of this preview', href: folderUrl },
    ];
    return {
        headline: `${dashboards.length} dashboard(s) imported`,
        outputs,
        links,
        sections: [{
                title: 'dashboards',
                markdown: renderDashboardTable(dashboards, grafanaUrl),
            }],
        timings,
    };
}
const dashboard = { prepare, run };


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


/***/ }),

/***/ 6451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ defaultSleep),
/* harmony export */   dS: () => (/* binding */ EXPECTED),
/* harmony export */   g3: () => (/* binding */ pollUntil)
/* harmony export */ });
/* unused harmony export duration */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

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
 * Polls until `check` reports done. The delay starts short (most resources the action touches are
 * ready within seconds on a re-run) and backs off to a cap, so a 10-minute Grafana creation costs
 * tens of calls rather than hundreds, and nobody waits a fixed 30 s for a ready resource.
 */
async function pollUntil(opts) {
    const sleep = opts.sleep ?? defaultSleep;
    const now = opts.now ?? Date.now;
    const factor = opts.factor ?? 1.6;
    const maxDelay = opts.maxDelayMs ?? 15_000;
    let delay = opts.initialDelayMs ?? 1_000;
    const heartbeat = opts.heartbeatMs ?? 45_000;
    const started = now();
    let lastStatus = '';
    let lastLine = started;
    for (;;) {
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
        else if (now() - lastLine >= heartbeat) {
            // The same status for a while: say so, so a silent log never looks like a hung step.
            opts.log(`${opts.what}: still ${result.status} after ${duration(elapsed)}${opts.expected ? ` (${opts.expected})` : ''}`);
            lastLine = now();
        }
        const remaining = opts.deadline - now();
        if (remaining <= 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Timed out waiting for ${opts.what}: still ${result.status} after ${elapsed}s.`, 'Raise wait-timeout-minutes, or check the resource in the AWS console; a re-run resumes waiting.');
        }
        // Wake for the heartbeat too, so lines come at most `heartbeat` apart whatever the delay cap.
        await sleep(Math.max(1, Math.min(delay, remaining, lastLine + heartbeat - now())));
        delay = Math.min(Math.round(delay * factor), maxDelay);
    }
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