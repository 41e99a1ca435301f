"use strict";
exports.id = 570;
exports.ids = [570];
exports.modules = {

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
    await (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g)({
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
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g)({
        what: `Grafana workspace ${first.id}`,
        deadline: req.deadline,
        log: req.log,
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


/***/ })

};
;