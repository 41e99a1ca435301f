"use strict";
exports.id = 411;
exports.ids = [411];
exports.modules = {

/***/ 2087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r2: () => (/* binding */ GRAFANA_WORK_SECONDS),
  ph: () => (/* binding */ buildExecution),
  xr: () => (/* binding */ tokenTtlSeconds)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: ./src/aws/amp.ts
var amp = __webpack_require__(8947);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/poll.ts
var poll = __webpack_require__(6451);
;// CONCATENATED MODULE: ./src/aws/ecs.ts



/**
 * Reports tasks as they stop, with the reason ECS gives (CannotPullContainerError, an essential
 * container exiting, a failed health check). When a deployment fails, these are the lines that
 * say why; by the time the stack has rolled back the tasks may no longer be listable.
 */
class StoppedTaskWatcher {
    ecs;
    cluster;
    log;
    seen = new Set();
    disabled = false;
    /** Each distinct cause once: a deployment's tasks usually fail alike, and one line says it. */
    causes = new Map();
    /** The distinct stop reasons, each with how many tasks stopped for it. */
    get reasons() {
        return [...this.causes.values()].map((c) => (c.tasks > 1 ? `${c.first} (${c.tasks} tasks stopped for this reason)` : c.first));
    }
    constructor(ecs, cluster, log) {
        this.ecs = ecs;
        this.cluster = cluster;
        this.log = log;
    }
    /** Never fails the deploy: without ECS read access the reasons are missing, nothing more. */
    async poll() {
        if (this.disabled)
            return;
        try {
            await this.collect();
        }
        catch (err) {
            if ((0,errors/* errorName */.Is)(err) === 'ClusterNotFoundException')
                return;
            this.disabled = true;
            this.log(`Cannot read stopped ECS tasks, so their stop reasons will be missing: ${(0,errors/* describeAwsError */.Pp)('ECS ListTasks/DescribeTasks', err)}. ${(0,errors/* permissionFix */.jj)(err, 'ecs:ListTasks and ecs:DescribeTasks') ?? ''}`.trim());
        }
    }
    async collect() {
        const arns = (await this.ecs.send(new dist_cjs.ListTasksCommand({ cluster: this.cluster, desiredStatus: 'STOPPED' }))).taskArns ?? [];
        const fresh = arns.filter((a) => !this.seen.has(a));
        for (let i = 0; i < fresh.length; i += 100) {
            const out = await this.ecs.send(new dist_cjs.DescribeTasksCommand({ cluster: this.cluster, tasks: fresh.slice(i, i + 100) }));
            for (const task of out.tasks ?? []) {
                this.seen.add(task.taskArn);
                const containers = (task.containers ?? []).filter((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0))
                    .map((c) => `${c.name}: ${c.reason ?? `exit code ${c.exitCode}`}`);
                if (task.stopCode === 'ServiceSchedulerInitiated')
                    continue;
                const cause = `(${task.stopCode ?? 'unknown'}): ${task.stoppedReason ?? ''}${containers.length ? ` — ${containers.join('; ')}` : ''}`;
                const known = this.causes.get(cause);
                if (known) {
                    known.tasks++;
                    continue;
                }
                const reason = `task ${task.taskArn.split('/').pop()} stopped ${cause}`;
                this.causes.set(cause, { first: reason, tasks: 1 });
                this.log(reason);
            }
        }
    }
}
/** Waits until the service runs its desired count on one completed deployment, as `ecs wait services-stable` does. */
async function waitServiceStable(ecs, cluster, service, watcher, opts) {
    return (0,poll/* pollUntil */.g3)({
        what: `ECS service ${service}`,
        deadline: opts.deadline,
        log: opts.log,
        expected: poll/* EXPECTED */.dS.ecsStable,
        maxDelayMs: 10_000,
        check: async () => {
            let svc;
            try {
                svc = (await ecs.send(new dist_cjs.DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
            }
            catch (err) {
                throw new errors/* ActionError */.lZ((0,errors/* describeAwsError */.Pp)('ECS DescribeServices', err), (0,errors/* permissionFix */.jj)(err, 'ecs:DescribeServices'));
            }
            if (!svc)
                throw new errors/* ActionError */.lZ(`ECS service ${service} was not found in cluster ${cluster}.`);
            const primary = svc.deployments?.find((d) => d.status === 'PRIMARY');
            if (primary?.rolloutState === 'FAILED') {
                await watcher.poll();
                throw new errors/* ActionError */.lZ(`ECS deployment of ${service} failed: ${primary.rolloutStateReason}${watcher.reasons.length ? `\n${watcher.reasons.join('\n')}` : ''}`, (0,errors/* imagePullFix */.En)(watcher.reasons.join('\n')) ?? 'Check the task stop reasons above and the container logs.');
            }
            if (svc.deployments?.length === 1 && primary?.rolloutState === 'COMPLETED' && svc.runningCount === svc.desiredCount)
                return { done: true, value: svc };
            await watcher.poll();
            return { done: false, status: `${svc.runningCount ?? 0} running, ${svc.pendingCount ?? 0} pending of ${svc.desiredCount ?? 0} desired; deployment ${primary?.rolloutState ?? 'unknown'}` };
        },
    });
}

// EXTERNAL MODULE: ./src/aws/grafana.ts
var aws_grafana = __webpack_require__(5778);
// EXTERNAL MODULE: ./src/aws/grafana-token.ts
var grafana_token = __webpack_require__(4985);
// EXTERNAL MODULE: ./src/aws/stacks.ts
var stacks = __webpack_require__(3596);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/assets.ts
var assets = __webpack_require__(5462);
;// CONCATENATED MODULE: ./src/aws/templates.ts



/** Templates are read from the checkout rather than bundled, so there is no second copy to drift. */
function readTemplate(name) {
    return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)((0,assets/* assetDir */.Y)('templates'), name), 'utf8');
}

;// CONCATENATED MODULE: ./src/aws/app-url.ts


/**
 * The public IPv4 of a running task of the service: ECS names the task's elastic network interface
 * in its `ElasticNetworkInterface` attachment (`networkInterfaceId`), and EC2 holds the address the
 * interface got (`Association.PublicIp`). ECS API reference (Attachment, KeyValuePair); EC2 API
 * reference (DescribeNetworkInterfaces, NetworkInterfaceAssociation).
 */
async function taskPublicIp(ecs, ec2, cluster, service) {
    let eni;
    try {
        const arns = (await ecs.send(new dist_cjs.ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'RUNNING' }))).taskArns ?? [];
        if (arns.length === 0)
            return undefined;
        const tasks = (await ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) }))).tasks ?? [];
        // The newest running task: after a deploy the old ones are on their way out.
        const newest = tasks.filter((t) => t.lastStatus === 'RUNNING').sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0))[0];
        eni = newest?.attachments?.find((a) => a.type === 'ElasticNetworkInterface')?.details?.find((d) => d.name === 'networkInterfaceId')?.value;
    }
    catch (err) {
        throw new errors/* ActionError */.lZ((0,errors/* describeAwsError */.Pp)('ECS ListTasks/DescribeTasks (the task\'s network interface)', err), (0,errors/* permissionFix */.jj)(err, 'ecs:ListTasks and ecs:DescribeTasks'));
    }
    if (!eni)
        return undefined;
    // Evaluated only in public-ip mode, like the client (src/aws/clients.ts).
    const { DescribeNetworkInterfacesCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    try {
        const out = await ec2().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }));
        return out.NetworkInterfaces?.[0]?.Association?.PublicIp;
    }
    catch (err) {
        throw new errors/* ActionError */.lZ((0,errors/* describeAwsError */.Pp)('EC2 DescribeNetworkInterfaces (the task\'s public IP)', err), (0,errors/* permissionFix */.jj)(err, 'ec2:DescribeNetworkInterfaces'));
    }
}

// EXTERNAL MODULE: ./src/inputs/expose.ts
var inputs_expose = __webpack_require__(7653);
;// CONCATENATED MODULE: ./src/expose/plan.ts
/** The app URL for the exposure, or undefined when there is nothing to open (expose none). */
function appEndpoint(expose, where) {
    let url;
    // The load balancer listens on HTTP 80 (templates/preview-stack.yaml), so its URL has no port.
    if (expose.mode === 'load-balancer' && where.loadBalancerDns)
        url = `http://${where.loadBalancerDns.toLowerCase()}/`;
    if (expose.mode === 'public-ip' && where.publicIp)
        url = `http://${where.publicIp}${where.appPort === 80 ? '' : `:${where.appPort}`}/`;
    if (!url)
        return undefined;
    return { url, probeUrl: new URL(expose.healthCheckPath, url).toString() };
}
/**
 * What the load balancer's health check counts as healthy (Matcher 200-399 in the template): the
 * check holds the URL to the same rule, so "answers" means the same thing to both.
 */
function isHealthyAnswer(attempt) {
    return 'status' in attempt && attempt.status >= 200 && attempt.status <= 399;
}
function describeAttempt(attempt) {
    return 'status' in attempt ? `HTTP ${attempt.status}` : attempt.error;
}
/** The answers seen while waiting, most frequent first: "HTTP 503 ×4, connection refused ×2". */
function summarizeAttempts(attempts) {
    if (attempts.length === 0)
        return 'no attempt was made';
    const counts = new Map();
    for (const a of attempts)
        counts.set(describeAttempt(a), (counts.get(describeAttempt(a)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join(', ');
}
/** The fix for a URL that never answered healthy, from what it did answer. */
function unansweredFix(expose, attempts) {
    const last = attempts.at(-1);
    if (last && 'status' in last && last.status === 503 && expose.mode === 'load-balancer') {
        return `The load balancer has no healthy target: the app must answer ${expose.healthCheckPath} with 200–399 on app-port. Set health-check-path to a path it serves, and check the app's log group.`;
    }
    if (last && 'status' in last) {
        return `The app answered ${expose.healthCheckPath} with HTTP ${last.status}: serve it with 200–399, or set health-check-path to a path that does.`;
    }
    return `Nothing answered: check that the app listens on app-port on all interfaces (0.0.0.0), that ingress-cidrs includes the runner's address, and the app's log group${expose.mode === 'public-ip' ? '; public-ip needs subnets with an internet gateway' : ''}.`;
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/expose/probe.ts





/**
 * Opens `url` until it answers healthy or the step's deadline passes. @actions/http-client honours
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY, as runners behind a proxy need (and the sandbox relies on).
 * Redirects are not followed: a 3xx already says the app is up.
 */
async function waitForUrl(url, opts) {
    const client = new lib/* HttpClient */.Qq(`${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`, [], { allowRedirects: false, socketTimeout: 5_000, keepAlive: false });
    const attempts = [];
    try {
        await (0,poll/* pollUntil */.g3)({
            what: `the app at ${url}`,
            deadline: opts.deadline,
            log: opts.log,
            maxDelayMs: 5_000,
            check: async () => {
                const attempt = await once(client, url);
                attempts.push(attempt);
                return isHealthyAnswer(attempt) ? { done: true, value: attempt } : { done: false, status: describeAttempt(attempt) };
            },
        });
        return attempts;
    }
    catch (err) {
        if (!(err instanceof errors/* ActionError */.lZ))
            throw err;
        throw new errors/* ActionError */.lZ(`The app did not answer at ${url} before the step's deadline: tried ${attempts.length} time(s), got ${summarizeAttempts(attempts)}.`, opts.fix(attempts));
    }
    finally {
        client.dispose();
    }
}
async function once(client, url) {
    try {
        const res = await client.get(url);
        // Drain the body so the socket closes; its content is the app's and is not shown.
        res.message.resume();
        return { status: res.message.statusCode ?? 0 };
    }
    catch (err) {
        const e = err;
        return { error: e.code ? `${e.code} (${e.message})` : e.message };
    }
}

;// CONCATENATED MODULE: ./src/expose/app-url.ts





/** The preview template's parameters for the exposure. */
function exposeParameters(expose) {
    const slots = Object.fromEntries(Array.from({ length: inputs_expose/* MAX_INGRESS_CIDRS */.V }, (_, i) => [`IngressCidr${i + 1}`, expose.ingressCidrs[i] ?? '']));
    return { Expose: expose.mode, ...slots, HealthCheckPath: expose.healthCheckPath };
}
/**
 * Finds the app's URL and waits until it answers healthy; undefined for expose none. A task's
 * public IP may take a moment to show on its interface, so the look-up is polled too.
 */
async function verifyAppUrl(t) {
    if (t.expose.mode === 'none')
        return undefined;
    const endpoint = t.expose.mode === 'load-balancer'
        ? appEndpoint(t.expose, { loadBalancerDns: t.stackOutputs.LoadBalancerDnsName, appPort: t.appPort })
        : await (0,poll/* pollUntil */.g3)({
            what: `the public IP of a task of ${t.service}`, deadline: t.deadline, log: t.log, maxDelayMs: 5_000,
            check: async () => {
                const ip = await taskPublicIp(t.clients.ecs, () => t.clients.ec2, t.cluster, t.service);
                return ip ? { done: true, value: appEndpoint(t.expose, { publicIp: ip, appPort: t.appPort }) } : { done: false, status: 'no running task with a public IP yet' };
            },
        });
    if (!endpoint)
        return undefined;
    t.log(`App URL ${endpoint.url}; checking ${endpoint.probeUrl}`);
    await waitForUrl(endpoint.probeUrl, { deadline: t.deadline, log: t.log, fix: (attempts) => unansweredFix(t.expose, attempts) });
    return endpoint.url;
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

// EXTERNAL MODULE: ./src/grafana/client.ts
var client = __webpack_require__(885);
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

// EXTERNAL MODULE: ./src/aws/template-names.ts
var template_names = __webpack_require__(7218);
// EXTERNAL MODULE: ./src/aws/stack-names.ts
var stack_names = __webpack_require__(1664);
// EXTERNAL MODULE: ./src/plan/build.ts
var build = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/render/adot-config.ts
var adot_config = __webpack_require__(6031);
// EXTERNAL MODULE: ./src/render/change-set.ts
var change_set = __webpack_require__(4439);
// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
// EXTERNAL MODULE: ./node_modules/@aws-crypto/sha256-js/build/main/index.js
var main = __webpack_require__(3156);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/@smithy/protocol-http/dist-cjs/index.js
var protocol_http_dist_cjs = __webpack_require__(2356);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/aws/amp-query.ts
/**
 * AMP's Prometheus-compatible query API, SigV4-signed with the action's credentials. The SDK has no
 * client for it (the `amp` client is the control plane), so this signs and sends the requests itself.
 *
 * Facts (AMP user guide, API reference "QueryMetrics" and "GetSeries"):
 * - `GET|POST /workspaces/<id>/api/v1/query` with `query` and an optional `time` (rfc3339 or unix
 *   seconds) and `timeout`; `GET|POST /workspaces/<id>/api/v1/series` with one or more `match[]` and
 *   optional `start` / `end`. Answers are Prometheus's `{status, data}` JSON. IAM: aps:QueryMetrics,
 *   aps:GetSeries on the workspace. The host is the workspace's prometheusEndpoint,
 *   `aps-workspaces.<region>.amazonaws.com`; the signing name is `aps`.
 * - POST with a form body, as Prometheus accepts it, keeps long selectors out of the URL.
 * Endpoint override: the SDK clients take AWS_ENDPOINT_URL_<SERVICE ID> (`AMP` for service id `amp`),
 * then AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true (@smithy/core endpoints,
 * getEndpointUrlConfig); the override replaces scheme, host and port, and the request keeps its path.
 * Retries follow the SDK's standard mode (@smithy/core retry: 429 and throttling codes back off from a
 * 500 ms base, 500/502/503/504 and ECONNRESET/ECONNREFUSED/EPIPE/ETIMEDOUT from 100 ms, full jitter,
 * at most 20 s).
 */





/** A refusal or failure of the query API, with what AMP or Prometheus said. */
class AmpQueryError extends Error {
    statusCode;
    errorType;
    constructor(message, statusCode, 
    /** Prometheus's errorType (bad_data, timeout, …) or AMP's x-amzn-ErrorType (AccessDeniedException, …). */
    errorType) {
        super(message);
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.name = 'AmpQueryError';
    }
}
const CONNECT_TIMEOUT_MS = 10_000;
const TOTAL_TIMEOUT_MS = 30_000;
const THROTTLING_STATUS = 429;
const THROTTLING_TYPES = /^(Throttling|ThrottlingException|TooManyRequestsException|ThrottledException|RequestLimitExceeded|SlowDown)$/;
const TRANSIENT_STATUS = [500, 502, 503, 504];
const TRANSIENT_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'];
/** Where the query API is reached: the workspace's endpoint, or the configured override with the endpoint's path. */
function queryBase(prometheusEndpoint, env = process.env) {
    const endpoint = new URL(prometheusEndpoint.endsWith('/') ? prometheusEndpoint : `${prometheusEndpoint}/`);
    if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true')
        return endpoint;
    const override = env.AWS_ENDPOINT_URL_AMP || env.AWS_ENDPOINT_URL;
    if (!override)
        return endpoint;
    const base = new URL(override);
    return new URL(`${base.pathname.replace(/\/+$/, '')}${endpoint.pathname}`, base.origin);
}
function createAmpQuery(o) {
    const base = queryBase(o.prometheusEndpoint, o.env);
    const signer = new signature_v4_dist_cjs.SignatureV4({ service: 'aps', region: o.region, credentials: o.credentials, sha256: main.Sha256 });
    const send = o.send ?? nodeSend();
    const sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const random = o.random ?? Math.random;
    const maxAttempts = o.maxAttempts ?? 3;
    async function call(api, form) {
        const url = new URL(api, base);
        const body = new URLSearchParams(form).toString();
        for (let attempt = 1;; attempt++) {
            const request = new protocol_http_dist_cjs/* HttpRequest */.Kd({
                method: 'POST',
                protocol: url.protocol,
                hostname: url.hostname,
                ...(url.port ? { port: Number(url.port) } : {}),
                path: url.pathname,
                query: {},
                headers: {
                    host: url.host,
                    'content-type': 'application/x-www-form-urlencoded',
                    'content-length': String(Buffer.byteLength(body)),
                    'user-agent': `${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`,
                },
                body,
            });
            const outcome = await exchange(api, await signer.sign(request));
            if ('data' in outcome)
                return outcome.data;
            if (!outcome.retry || attempt >= maxAttempts)
                throw outcome.error;
            const delayBase = outcome.throttled ? 500 : 100;
            await sleep(Math.floor(Math.min(20_000, random() * 2 ** attempt * delayBase)));
        }
    }
    /** One request and what to do about its answer: the data, or the error and whether the SDK would retry it. */
    async function exchange(api, request) {
        let res;
        try {
            res = await send(request, AbortSignal.timeout(TOTAL_TIMEOUT_MS));
        }
        catch (err) {
            const e = err;
            const error = new AmpQueryError(`AMP ${api} request failed: ${e.code ?? e.name ?? 'Error'}: ${e.message ?? String(err)}`, undefined, e.code ?? e.name);
            return { error, retry: TRANSIENT_CODES.includes(e.code ?? '') || e.name === 'TimeoutError', throttled: false };
        }
        const parsed = parse(res);
        if (parsed.ok)
            return { data: parsed.data };
        const throttled = res.statusCode === THROTTLING_STATUS || THROTTLING_TYPES.test(parsed.error.errorType ?? '');
        return { error: parsed.error, retry: throttled || TRANSIENT_STATUS.includes(res.statusCode), throttled };
    }
    return {
        async query(promql, timeSeconds) {
            const data = await call('query', [['query', promql], ...(timeSeconds === undefined ? [] : [['time', String(timeSeconds)]])]);
            return vectorOf(data);
        },
        async series(match, startSeconds, endSeconds) {
            const form = match.map((m) => ['match[]', m]);
            if (startSeconds !== undefined)
                form.push(['start', String(startSeconds)]);
            if (endSeconds !== undefined)
                form.push(['end', String(endSeconds)]);
            const data = await call('series', form);
            if (!Array.isArray(data))
                throw new AmpQueryError('AMP series answered without a list of series.', 200, 'bad_response');
            return data;
        },
    };
}
/**
 * Prometheus answers `{status: "success", data}` or `{status: "error", errorType, error}`; AMP's own
 * refusals (403, 429) are AWS-style `{message}` with the type in x-amzn-ErrorType (`Type:extra`).
 */
function parse(res) {
    let json;
    try {
        json = JSON.parse(res.body);
    }
    catch {
        json = undefined;
    }
    if (res.statusCode === 200 && json?.status === 'success')
        return { ok: true, data: json.data };
    const amznType = (res.headers['x-amzn-errortype'] ?? '').split(':')[0] || undefined;
    const type = json?.errorType ?? amznType;
    const said = json?.error ?? json?.message ?? json?.Message ?? res.body.slice(0, 500);
    return { ok: false, error: new AmpQueryError(`AMP answered ${res.statusCode}${type ? ` ${type}` : ''}: ${said}`.trim(), res.statusCode, type) };
}
function vectorOf(data) {
    const d = data;
    if (d?.resultType === 'vector' && Array.isArray(d.result))
        return d.result;
    if (d?.resultType === 'scalar' && Array.isArray(d.result))
        return [{ metric: {}, value: d.result }];
    throw new AmpQueryError(`AMP query answered a ${d?.resultType ?? 'malformed'} result where an instant vector was expected.`, 200, 'bad_response');
}
function nodeSend() {
    // Bounded like the SDK clients (src/aws/clients.ts); the abort signal caps the whole exchange.
    const handler = new node_http_handler_dist_cjs.NodeHttpHandler({ connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: TOTAL_TIMEOUT_MS });
    return async (request, signal) => {
        const { response } = await handler.handle(request, { abortSignal: signal });
        const chunks = [];
        for await (const chunk of response.body)
            chunks.push(Buffer.from(chunk));
        return { statusCode: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
    };
}

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/render/metrics.ts

const PIPELINES = [
    { key: 'app', label: "app (up and the app's series)" },
    { key: 'ecs', label: 'ECS task metrics (per-task labels)' },
];
const ICON = { ok: '✅', incomplete: '⚠️', down: '❌', missing: '❌' };
function age(p) {
    if (p.newestAgeSeconds === undefined)
        return 'none';
    return p.newestAgeSeconds < 120 ? `${p.newestAgeSeconds} s ago` : `${Math.round(p.newestAgeSeconds / 60)} min ago`;
}
/** One line per pipeline, then each problem and each collector finding with its fix and quoted line. */
function metricsLogLines(v, logGroup) {
    const lines = [`Metrics: ${v.verdict.live}`];
    for (const { key, label } of PIPELINES) {
        const p = v.verdict[key];
        lines.push(`  ${label}: ${p.status}, ${p.series} series, ${p.tasks} task(s), newest sample ${age(p)}`);
        for (const problem of p.problems)
            lines.push(`    - ${problem}`);
    }
    if (v.queryError)
        lines.push(`  Could not query AMP: ${v.queryError.message}`);
    if (v.collector?.unreadable)
        lines.push(`  Could not read the collector's log ${logGroup}: ${v.collector.unreadable}`);
    for (const f of v.collector?.findings ?? []) {
        lines.push(`  Collector log (${f.count} line(s)): ${f.meaning} Fix: ${f.fix}`, `    ${f.line}`);
    }
    if (v.collector && !v.collector.unreadable && v.collector.findings.length === 0) {
        lines.push(`  The collector's log ${logGroup} (${v.collector.lines} line(s) since the deploy began) explains nothing.`);
    }
    return lines;
}
function renderMetricsSection(v, logGroup) {
    const out = [`**${(0,markdown/* plain */.pj)(v.verdict.live)}**`, '', '| Pipeline | Status | Series | Tasks | Newest sample |', '| --- | --- | --- | --- | --- |'];
    for (const { key, label } of PIPELINES) {
        const p = v.verdict[key];
        out.push(`| ${(0,markdown/* plain */.pj)(label)} | ${ICON[p.status]} ${p.status} | ${p.series} | ${p.tasks} | ${age(p)} |`);
    }
    const problems = PIPELINES.flatMap(({ key }) => v.verdict[key].problems);
    if (v.queryError)
        problems.unshift(`could not query AMP: ${v.queryError.message}`);
    if (v.timedOut)
        problems.push(`still so after waiting ${Math.round(v.elapsedMs / 1000)} s (metrics-timeout-seconds).`);
    if (problems.length)
        out.push('', ...problems.map((p) => `- ${(0,markdown/* plain */.pj)(p)}`));
    const findings = v.collector?.findings ?? [];
    if (findings.length) {
        out.push('', `The collector's log ${(0,markdown/* code */.aY)(logGroup)} says why:`);
        for (const f of findings)
            out.push('', `- ${(0,markdown/* plain */.pj)(f.meaning)} **Fix:** ${(0,markdown/* plain */.pj)(f.fix)}${f.count > 1 ? ` (${f.count} lines)` : ''}`, '', (0,markdown/* fenced */.OF)(f.line));
    }
    else if (v.collector?.unreadable) {
        out.push('', `The collector's log ${(0,markdown/* code */.aY)(logGroup)} could not be read: ${(0,markdown/* plain */.pj)(v.collector.unreadable)}`);
    }
    return out.join('\n');
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(2684);
;// CONCATENATED MODULE: ./src/verify/collector-logs.ts
/**
 * Why a pipeline did not arrive, in the collector's own words: its log lines in CloudWatch Logs,
 * classified. The classifier is pure; readCollectorLog is the thin reader.
 *
 * Where the lines are (templates/preview-stack.yaml, the collector container's LogConfiguration):
 * the awslogs driver writes to the log group `/ecs/<stack>/aws-otel-collector` with the stream prefix
 * `collector`, and names each stream `<prefix>/<container name>/<task id>` (ECS developer guide,
 * "Using the awslogs log driver"), so `collector/aws-otel-collector/<task id>`.
 *
 * What the lines say (collector-contrib, as vendored by ADOT v0.47.0):
 * - prometheusremotewrite: a non-2xx answer is `remote write returned HTTP status <code> <text>; err = …: <body>`
 *   inside exporterhelper's "Exporting failed" error line; 4xx are permanent (the data is dropped);
 * - prometheus receiver: every scrape whose `up` is 0 logs the warning "Failed to scrape Prometheus
 *   endpoint" with the target's labels (internal/transaction.go);
 * - a configuration the collector cannot load ends the process with `Error: …` naming the component
 *   (`failed to get config`, `cannot unmarshal the configuration`, `unknown type`, `invalid configuration`).
 */


const COLLECTOR_CONTAINER = 'aws-otel-collector';
const COLLECTOR_STREAM_PREFIX = 'collector';
function collectorLogGroup(stackName) {
    return `/ecs/${stackName}/${COLLECTOR_CONTAINER}`;
}
const RULES = [
    {
        kind: 'remote-write-denied',
        test: /remote write returned HTTP status 403/i,
        meaning: 'AMP refused the collector\'s remote write (403): no series reach the workspace.',
        fix: 'The task role needs aps:RemoteWrite on the workspace (the preview stack\'s TaskRole grants it on AmpWorkspaceArn; a permissions boundary or an SCP may deny it).',
    },
    {
        kind: 'remote-write-rejected',
        test: /remote write returned HTTP status 4\d\d/i,
        meaning: 'AMP rejected the collector\'s remote write; the rejected samples are dropped.',
        fix: 'Check the status and message: 404 means the workspace or remote-write URL is wrong (re-run provision, then deploy); 400 names the bad sample or label.',
    },
    {
        kind: 'remote-write-unreachable',
        // Inside the JSON fields of a zap line the URL's quotes are escaped.
        test: /Post \\?"https:\/\/aps-workspaces[^"\\]*\\?":.*(i\/o timeout|no such host|connection refused|context deadline exceeded|TLS handshake timeout)/i,
        meaning: 'The collector cannot reach AMP\'s remote-write endpoint.',
        fix: 'The task\'s subnets must reach aps-workspaces.<region>.amazonaws.com: a public subnet with a public IP, a NAT gateway, or an interface VPC endpoint for aps-workspaces.',
    },
    {
        kind: 'configuration',
        test: /(failed to get config|cannot unmarshal the configuration|invalid configuration|unknown type: "|collector server run finished with error|application run finished with error|failed to build pipelines|error decoding '[^']*')/i,
        meaning: 'The collector refused its configuration and did not start its pipelines.',
        fix: 'Fix the component the line names in the ADOT configuration (AOT_CONFIG_CONTENT); adot-image must be a release that has every component and option the configuration uses.',
    },
    {
        kind: 'scrape',
        test: /Failed to scrape Prometheus endpoint/i,
        meaning: 'The collector scraped the app and got no metrics (up is 0).',
        fix: 'Check app-port and app-metrics-path: the app must serve Prometheus text on http://localhost:<app-port><app-metrics-path> inside the task.',
    },
];
/** Longest quote of one line: enough for the exporter's 256-byte body excerpt and its prefix. */
const QUOTE_ROOM = 600;
/** The finding a collector log line explains, if any (the first matching rule: 403 before other 4xx). */
function classifyLine(message) {
    const rule = RULES.find((r) => r.test.test(message));
    if (!rule)
        return undefined;
    const line = message.trim();
    return { kind: rule.kind, meaning: rule.meaning, fix: rule.fix, line: line.length > QUOTE_ROOM ? `${line.slice(0, QUOTE_ROOM)}…` : line };
}
/** One finding per kind, quoting its latest line, in the order of the rules (the most telling first). */
function explainCollectorLog(messages) {
    const byKind = new Map();
    for (const message of messages) {
        const f = classifyLine(message);
        if (!f)
            continue;
        const seen = byKind.get(f.kind);
        byKind.set(f.kind, { ...f, count: (seen?.count ?? 0) + 1 });
    }
    return RULES.map((r) => byKind.get(r.kind)).filter((f) => f !== undefined);
}
/** Pages of FilterLogEvents read at most: the collector logs little at its default level. */
const MAX_PAGES = 10;
/**
 * The collector's lines since `since` from every task's stream (an earlier deploy's task may still be
 * logging; its lines are as telling). Never throws: a log that cannot be read only loses the explanation.
 */
async function readCollectorLog(logs, stackName, since) {
    const messages = [];
    let nextToken;
    try {
        for (let page = 0; page < MAX_PAGES; page++) {
            const out = await logs.send(new client_cloudwatch_logs_dist_cjs.FilterLogEventsCommand({
                logGroupName: collectorLogGroup(stackName),
                logStreamNamePrefix: `${COLLECTOR_STREAM_PREFIX}/${COLLECTOR_CONTAINER}/`,
                startTime: since,
                nextToken,
            }));
            for (const e of out.events ?? [])
                if (e.message)
                    messages.push(e.message);
            nextToken = out.nextToken;
            if (!nextToken)
                break;
        }
    }
    catch (err) {
        const fix = (0,errors/* permissionFix */.jj)(err, `logs:FilterLogEvents on the log group ${collectorLogGroup(stackName)}`) ?? '';
        return { findings: explainCollectorLog(messages), lines: messages.length, unreadable: `${(0,errors/* describeAwsError */.Pp)('CloudWatch Logs FilterLogEvents', err)} ${fix}`.trim() };
    }
    return { findings: explainCollectorLog(messages), lines: messages.length };
}

;// CONCATENATED MODULE: ./src/verify/metrics.ts
/**
 * Whether this environment's metrics reached AMP, judged from Prometheus query answers. Pure: the
 * queries come from here, the answers from src/aws/amp-query.ts, the verdict goes to the report.
 *
 * Names and labels are the ones the collector configuration produces (src/render/adot-config.ts)
 * and the dashboards in dashboards/ group by: the app's series carry the static `environment` label
 * and, from the resourcedetection `ecs` detector, `aws_ecs_task_id`; the ECS series carry the task's
 * resource attributes as labels (`aws_ecs_task_family` is the stack name, `aws_ecs_task_id`) only with
 * resource_to_telemetry_conversion on, and keep their plain names only with add_metric_suffixes off.
 */

const TASK_LABELS = ['aws_ecs_task_family', 'aws_ecs_task_id'];
const TASK_ID = 'aws_ecs_task_id';
const TASK_FAMILY = 'aws_ecs_task_family';
const SAMPLE_APP_IMAGE = 'public.ecr.aws/aws-otel-test/prometheus-sample-app';
/**
 * Every ECS series the receiver could export under any naming: the plain names, and the same names
 * with the unit and type suffixes add_metric_suffixes appends (`ecs_task_memory_usage_Bytes`).
 */
const ECS_SERIES = '{__name__=~"ecs_task_.+|container_network_rate_.+"}';
/** PromQL string literal: Prometheus accepts Go-style double-quoted strings. */
function promString(text) {
    return JSON.stringify(text);
}
/**
 * The instant queries one verification round asks. `timestamp()` returns each series' newest sample
 * time (the only way an instant query says how old a sample is); `count by` lists names and the
 * per-task labels without fetching every sample.
 */
function metricsQueries(t, windowSeconds = 60) {
    const env = `environment=${promString(t.environment)}`;
    const window = `${Math.max(1, Math.ceil(windowSeconds))}s`;
    const family = `${TASK_FAMILY}=${promString(t.stackName)}`;
    return {
        /** The app pipeline's scrape health, one series per task (per target, without the task label). */
        appUp: `up{${env}}`,
        appUpTime: `timestamp(up{${env}})`,
        /**
         * Every scrape since the service was stable (the window): no success among two or more is the app's
         * answer, not its start-up, whatever the scrape interval.
         */
        appUpMax: `max_over_time(up{${env}}[${window}])`,
        appUpCount: `count_over_time(up{${env}}[${window}])`,
        /**
         * Every series the app pipeline delivered for this environment since the service was stable, with the
         * task label or without it. last_over_time keeps the metric name (the other range functions drop it).
         */
        appNames: `count by (__name__, ${TASK_ID}) (last_over_time({${env}}[${window}]))`,
        /** Every ECS series in the workspace that has samples since the service was stable: missing labels show as empty ones. */
        ecsNames: `count by (__name__, ${TASK_FAMILY}, ${TASK_ID}) (last_over_time(${ECS_SERIES}[${window}]))`,
        /**
         * The newest ECS sample per task, for its age. timestamp() drops the metric name, so over several names
         * Prometheus refuses the duplicate label sets ("vector cannot contain metrics with the same labelset"):
         * one metric, plain or suffixed, is asked instead.
         */
        ecsTime: `max by (${TASK_FAMILY}, ${TASK_ID}) (timestamp(ecs_task_memory_reserved) or timestamp({__name__=~"ecs_task_memory_reserved_.+"}))`,
        /** What the dashboards' utilisation panels divide (used / reserved), per task of this stack. */
        ecsUsage: `{__name__=~"ecs_task_(cpu|memory)_(utilized|reserved)", ${family}}`,
    };
}
/**
 * Failed scrapes in a row, with none succeeding since the service was stable, after which `up` 0 is
 * the app's answer: the service is stable once its containers run, not once the app listens.
 */
const FAILED_SCRAPES_TO_SETTLE = 2;
const num = (s) => Number(s.value[1]);
const labelsKey = (m) => JSON.stringify(Object.entries(m).filter(([k]) => k !== '__name__').sort(([a], [b]) => a.localeCompare(b)));
function judgeMetrics(t, a, o) {
    const ecs = judgeEcs(t, a, o);
    const app = judgeApp(t, a, o, ecs);
    return {
        app: app.verdict,
        ecs: ecs.verdict,
        live: liveLine(t, a, ecs.freshTasks, app.up),
        ok: app.verdict.status === 'ok' && ecs.verdict.status === 'ok',
        settled: app.verdict.settled && ecs.verdict.settled,
    };
}
function judgeEcs(t, a, o) {
    const mine = (m) => m[TASK_FAMILY] === t.stackName;
    // No family label at all: resource_to_telemetry_conversion is off, and the series cannot say whose they are.
    const unlabelled = (m) => !m[TASK_FAMILY];
    const times = a.ecsTime.filter((s) => mine(s.metric) || unlabelled(s.metric));
    const newest = Math.max(...times.map((s) => num(s) * 1000), Number.NEGATIVE_INFINITY);
    // Series with samples since the service was stable only: an earlier deploy's stay queryable for five minutes.
    const names = a.ecsNames.filter((s) => mine(s.metric) || unlabelled(s.metric));
    const freshTasks = new Set(names.filter((s) => mine(s.metric) && s.metric[TASK_ID]).map((s) => s.metric[TASK_ID]));
    const freshUnlabelled = names.some((s) => unlabelled(s.metric));
    const found = new Set(names.map((s) => s.metric.__name__));
    const missing = [];
    const problems = [];
    const labelless = TASK_LABELS.filter((l) => names.some((s) => !s.metric[l]));
    for (const label of labelless) {
        missing.push(label);
        problems.push(`no ${label} label on the ECS series: resource_to_telemetry_conversion is off in the collector's prometheusremotewrite exporter (the labels exist only on target_info); turn it on.`);
    }
    if (found.size > 0) {
        for (const expected of adot_config/* ECS_EXPORTED_METRICS */.mf) {
            if (found.has(expected))
                continue;
            missing.push(expected);
            const suffixed = [...found].filter((n) => suffixedFrom(n, adot_config/* ECS_EXPORTED_METRICS */.mf) === expected);
            problems.push(suffixed.length
                ? `found ${suffixed.join(', ')} but the dashboards query ${expected}: add_metric_suffixes is on; set it to false on an ADOT release that has it (v0.35–v0.49).`
                : `no ${expected}: the awsecscontainermetrics receiver or the filter/ecs-task-metrics processor does not deliver it.`);
        }
    }
    const arrived = freshTasks.size > 0 || freshUnlabelled;
    if (!arrived) {
        problems.push(newest > Number.NEGATIVE_INFINITY
            ? `no ECS series of ${t.stackName} newer than this deploy (the newest is ${ageText(o.now - newest)} old).`
            : `no ECS series of ${t.stackName} in the workspace.`);
    }
    else if (freshTasks.size < t.desiredCount && labelless.length === 0) {
        problems.push(`ECS series from ${freshTasks.size} of ${t.desiredCount} tasks so far.`);
    }
    const complete = arrived && (labelless.length > 0 || freshTasks.size >= t.desiredCount);
    const status = !arrived ? 'missing' : missing.length > 0 ? 'incomplete' : freshTasks.size < t.desiredCount ? 'incomplete' : 'ok';
    return {
        freshTasks,
        labelless: labelless.length > 0,
        verdict: {
            status, series: names.length, tasks: freshTasks.size, missing, problems,
            ...(newest > Number.NEGATIVE_INFINITY ? { newestAgeSeconds: Math.max(0, Math.round((o.now - newest) / 1000)) } : {}),
            settled: complete,
        },
    };
}
function judgeApp(t, a, o, ecs) {
    const times = new Map(a.appUpTime.map((s) => [labelsKey(s.metric), num(s) * 1000]));
    const maxes = new Map(a.appUpMax.map((s) => [labelsKey(s.metric), num(s)]));
    const counts = new Map(a.appUpCount.map((s) => [labelsKey(s.metric), num(s)]));
    const ups = a.appUp.map((s) => {
        const key = labelsKey(s.metric);
        return { metric: s.metric, value: num(s), at: times.get(key), failedThroughout: maxes.get(key) === 0 && (counts.get(key) ?? 0) >= FAILED_SCRAPES_TO_SETTLE };
    });
    const newest = Math.max(...ups.map((u) => u.at ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
    const fresh = ups.filter((u) => u.at !== undefined && u.at >= o.since);
    const up = fresh.filter((u) => u.value === 1).length;
    const freshTasks = new Set(fresh.map((u) => u.metric[TASK_ID]).filter(Boolean));
    const scrape = new Set(adot_config/* SCRAPE_METRICS */.Bz);
    // The app's own series, from this deploy's tasks (or unlabelled, which cannot be told apart).
    const own = a.appNames.filter((s) => !scrape.has(s.metric.__name__) && (!s.metric[TASK_ID] || freshTasks.has(s.metric[TASK_ID])));
    const names = new Set(own.map((s) => s.metric.__name__));
    const missing = [];
    const problems = [];
    if (fresh.length === 0) {
        problems.push(newest > Number.NEGATIVE_INFINITY
            ? `no scrape of the app newer than this deploy (the newest up sample is ${ageText(o.now - newest)} old).`
            : `no up series with environment="${t.environment}" in the workspace: the collector's app pipeline delivered nothing.`);
    }
    const unlabelled = fresh.some((u) => !u.metric[TASK_ID]) || own.some((s) => !s.metric[TASK_ID]);
    if (unlabelled) {
        missing.push(TASK_ID);
        problems.push(ecs.labelless
            ? `no ${TASK_ID} label on the app's series: resource_to_telemetry_conversion is off, so the detected task attributes stay resource attributes.`
            : `no ${TASK_ID} label on the app's series: the resourcedetection processor with the ecs detector is not in the app pipeline; two tasks' series collide.`);
    }
    const down = fresh.length - up;
    if (down > 0) {
        problems.push(`up is 0 on ${down} of ${fresh.length} scrape target(s): the collector cannot scrape the app; check app-port and app-metrics-path against what the app serves.`);
    }
    if (fresh.length > 0 && up > 0 && names.size === 0) {
        problems.push('the app answers the scrape but serves no series of its own.');
    }
    if (t.appImage.startsWith(`${SAMPLE_APP_IMAGE}:`) && up > 0) {
        for (const expected of adot_config/* SAMPLE_APP_METRICS */.rx) {
            if (names.has(expected))
                continue;
            missing.push(expected);
            const suffixed = [...names].filter((n) => suffixedFrom(n, adot_config/* SAMPLE_APP_METRICS */.rx) === expected);
            problems.push(suffixed.length
                ? `found ${suffixed.join(', ')} but the dashboards query ${expected}: add_metric_suffixes is on.`
                : `the sample app's ${expected} did not arrive.`);
        }
    }
    const counted = unlabelled ? fresh.length : freshTasks.size;
    const allTargets = counted >= t.desiredCount;
    const downSettled = fresh.filter((u) => u.value !== 1).every((u) => u.failedThroughout);
    const settled = fresh.length > 0 && (allTargets || unlabelled) && downSettled;
    const status = fresh.length === 0 ? 'missing' : up === 0 ? 'down' : down > 0 || missing.length > 0 || names.size === 0 || !allTargets ? 'incomplete' : 'ok';
    return {
        up: { up, of: fresh.length },
        verdict: {
            status, series: own.length + fresh.length, tasks: unlabelled ? 0 : freshTasks.size, missing, problems,
            ...(newest > Number.NEGATIVE_INFINITY ? { newestAgeSeconds: Math.max(0, Math.round((o.now - newest) / 1000)) } : {}),
            settled,
        },
    };
}
/** The line a reviewer reads instead of opening Grafana; utilisation as the dashboards compute it (utilized / reserved). */
function liveLine(t, a, tasks, up) {
    const parts = [`${tasks.size}/${t.desiredCount} tasks`];
    const perTask = (name) => {
        const values = new Map();
        for (const s of a.ecsUsage) {
            const id = s.metric[TASK_ID];
            if (s.metric.__name__ !== name || !tasks.has(id) || !Number.isFinite(num(s)))
                continue;
            values.set(id, Math.max(values.get(id) ?? Number.NEGATIVE_INFINITY, num(s)));
        }
        return values;
    };
    const ratio = (used, reserved) => {
        const u = perTask(used);
        const r = perTask(reserved);
        const shares = [...u].filter(([id]) => (r.get(id) ?? 0) > 0).map(([id, v]) => v / r.get(id));
        return shares.length ? (100 * shares.reduce((x, y) => x + y, 0)) / shares.length : undefined;
    };
    const mean = tasks.size > 1 ? ' (mean)' : '';
    const cpu = ratio('ecs_task_cpu_utilized', 'ecs_task_cpu_reserved');
    if (cpu !== undefined)
        parts.push(`CPU ${percent(cpu)}${mean}`);
    const memory = ratio('ecs_task_memory_utilized', 'ecs_task_memory_reserved');
    const reserved = [...perTask('ecs_task_memory_reserved').values()];
    if (memory !== undefined)
        parts.push(`memory ${percent(memory)}${mean}${reserved.length ? ` of ${mebibytes(Math.max(...reserved))}` : ''}`);
    parts.push(up.of === 0 ? 'app not scraped' : up.up === up.of ? 'app up' : up.up === 0 ? 'app down' : `app up on ${up.up}/${up.of}`);
    return parts.join(' · ');
}
/**
 * The plain name a suffixed one was made from: the longest expected name it extends by `_…`
 * (`ecs_task_memory_usage_max_Bytes` comes from `ecs_task_memory_usage_max`, not `ecs_task_memory_usage`).
 */
function suffixedFrom(name, expected) {
    return expected.filter((e) => name.startsWith(`${e}_`) && !expected.includes(name)).sort((x, y) => y.length - x.length)[0];
}
function percent(value) {
    if (value > 0 && value < 1)
        return '<1 %';
    return `${Math.round(value)} %`;
}
/** The reserved memory in the unit Fargate sizes are given in: whole GiB from 1024 MiB on. */
function mebibytes(mib) {
    return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024} GiB` : `${Math.round(mib)} MiB`;
}
function ageText(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}
/** The `metrics` output: per pipeline what arrived, how fresh, and what is missing. */
function metricsOutput(v) {
    const pipeline = (p) => ({
        status: p.status, series: p.series, tasks: p.tasks, newestAgeSeconds: p.newestAgeSeconds ?? null, missing: p.missing, problems: p.problems,
    });
    return JSON.stringify({ ok: v.ok, live: v.live, app: pipeline(v.app), ecs: pipeline(v.ecs) });
}

;// CONCATENATED MODULE: ./src/verify/run.ts




/**
 * The issue's bound: verification adds at most one scrape interval plus the batch timeout after the
 * service is stable, so a round is never more than 2 s behind the data.
 */
const POLL_MS = 2_000;
async function verifyMetrics(req, deps) {
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? poll/* defaultSleep */.JG;
    const started = now();
    const end = Math.min(req.deadline, started + req.timeoutMs);
    let verdict;
    let lastStatus = '';
    let rounds = 0;
    let timedOut = false;
    let transient;
    for (;;) {
        const at = now();
        rounds++;
        try {
            const answers = await ask(deps.query, metricsQueries(req.target, (at - req.since) / 1000), at);
            verdict = judgeMetrics(req.target, answers, { since: req.since, now: at });
            transient = undefined;
        }
        catch (err) {
            if (!(err instanceof AmpQueryError))
                throw err;
            // A refusal does not change by asking again (throttling and 5xx were retried inside the round).
            if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 && err.statusCode !== 429) {
                return { verdict: verdict ?? emptyVerdict(req.target), timedOut: false, elapsedMs: now() - started, rounds, queryError: err };
            }
            transient = err;
        }
        const status = verdict ? `app ${verdict.app.status}, ECS ${verdict.ecs.status} (${verdict.live})` : `query failed: ${transient?.message}`;
        if (status !== lastStatus) {
            deps.log(`Metrics in AMP: ${status} (${Math.round((now() - started) / 1000)}s)`);
            lastStatus = status;
        }
        if (verdict?.settled)
            break;
        const remaining = end - now();
        if (remaining <= 0) {
            timedOut = true;
            break;
        }
        await sleep(Math.min(POLL_MS, remaining));
    }
    const final = verdict ?? emptyVerdict(req.target);
    const result = { verdict: final, timedOut, elapsedMs: now() - started, rounds, ...(transient && !verdict ? { queryError: transient } : {}) };
    if (!final.ok)
        result.collector = await readCollectorLog(deps.logs, req.target.stackName, req.logsSince);
    return result;
}
async function ask(q, queries, at) {
    const names = Object.keys(queries);
    const results = await Promise.all(names.map((n) => q.query(queries[n], at / 1000)));
    return Object.fromEntries(names.map((n, i) => [n, results[i]]));
}
/** What nothing found looks like, for a verification that could not query at all. */
function emptyVerdict(t) {
    return judgeMetrics(t, { appUp: [], appUpTime: [], appUpMax: [], appUpCount: [], appNames: [], ecsNames: [], ecsTime: [], ecsUsage: [] }, { since: 0, now: 0 });
}

;// CONCATENATED MODULE: ./src/verify/deploy-check.ts







async function checkDeployMetrics(clients, req) {
    const d = req.deploy;
    const query = createAmpQuery({ prometheusEndpoint: req.prometheusEndpoint, region: req.region, credentials: clients.amp.config.credentials });
    const target = { environment: req.environment, stackName: d.stackName, desiredCount: d.desiredCount, appImage: d.appImage };
    const verification = await verifyMetrics({ target, since: req.since, logsSince: req.logsSince, timeoutMs: d.metricsTimeoutSeconds * 1000, deadline: req.deadline }, { query, logs: clients.logs, log: (line) => (0,util_log/* info */.p)(line) });
    const logGroup = collectorLogGroup(d.stackName);
    // Metric names and collector lines are untrusted text.
    (0,util_log/* info */.p)(metricsLogLines(verification, logGroup).join('\n'));
    return {
        verification,
        outputs: { metrics: metricsOutput(verification.verdict) },
        section: { title: 'metrics in AMP', markdown: renderMetricsSection(verification, logGroup) },
        problem: problemOf(verification),
    };
}
function problemOf(v) {
    if (v.queryError) {
        const denied = v.queryError.statusCode === 403;
        return new errors/* ActionError */.lZ(`The metrics in AMP could not be checked: ${v.queryError.message}`, denied ? "Grant the workflow's role aps:QueryMetrics on the environment's AMP workspace (re-deploy the bootstrap stack of this release), or set metrics-check: off."
            : 'Re-run the step; if it persists, set metrics-check: off and check the workspace in the AMP console.');
    }
    if (v.verdict.ok)
        return undefined;
    const missing = ['app', 'ecs'].filter((k) => v.verdict[k].status !== 'ok');
    const what = missing.map((k) => `${k === 'app' ? 'the app pipeline' : 'the ECS task pipeline'} is ${v.verdict[k].status}`).join(' and ');
    const problems = missing.flatMap((k) => v.verdict[k].problems);
    const findings = v.collector?.findings ?? [];
    const fix = findings.length ? findings.map((f) => f.fix).join(' ') : problems.length ? problems.join(' ') : 'See the metrics section of the report.';
    return new errors/* ActionError */.lZ(`Metrics did not all arrive in AMP within ${Math.round(v.elapsedMs / 1000)} s of the service being stable: ${what}.${findings.length ? ` The collector logged: ${findings.map((f) => f.line).join(' | ')}` : ''}`, fix);
}

;// CONCATENATED MODULE: ./src/apply/build.ts

























/**
 * The token's lifetime, as short as the run's Grafana work allows, since a killed step leaves it alive until then (the
 * post step deletes it, unless the whole job is gone). That work is a few sequential rounds (find and write the data
 * source and folder; the health check beside the imports, four at a time); each call gives up after about 90 s of
 * backoff (src/grafana/client.ts). Ten minutes covers several rounds under heavy throttling; the client starts no
 * request the token would not outlive (GRAFANA_WORK_MARGIN_MS), so a slower Grafana fails clearly instead of with
 * 401s. Never past the step's own deadline, and never under a minute.
 */
const GRAFANA_WORK_SECONDS = 600;
const GRAFANA_WORK_MARGIN_MS = 10_000;
function tokenTtlSeconds(deadline, now = Date.now()) {
    return Math.min(GRAFANA_WORK_SECONDS, Math.max(60, Math.ceil((deadline - now) / 1000)));
}
/** The steps whose work goes through the Grafana workspace's HTTP API, and so through the run's token. */
const GRAFANA_API_STEPS = new Set([build/* STEP */.RZ.datasource, build/* STEP */.RZ.folder, build/* STEP */.RZ.dashboards, build/* STEP */.RZ.health]);
/**
 * The executors of provision, deploy, dashboard and up: thin adapters from each step onto src/aws and src/grafana.
 * What a step needs from another (the workspace's ARN, the stack's outputs) comes through ctx.valueOf, so a step never
 * waits for more than its own dependencies.
 */
function buildExecution(mode, plan, inv, files = []) {
    const { inputs, clients, owner, deadline } = mode;
    const d = inputs.deploy;
    const repoOwner = { repository: owner.repository };
    const findings = { imported: [], notes: [] };
    // Made on first use: only the modes that deploy declare (and load) the ECS client.
    let watching;
    const watcher = () => watching ??= new StoppedTaskWatcher(clients.ecs, d.stackName, (line) => core/* warning */.$e(line));
    let stackStartedAt = Date.now();
    const session = new GrafanaSession(mode);
    const grafanaLeft = new Set(plan.steps.filter((s) => GRAFANA_API_STEPS.has(s.id)).map((s) => s.id));
    const execute = async (step, ctx) => {
        const workspace = () => ctx.valueOf(build/* STEP */.RZ.amp);
        const grafana = () => ctx.valueOf(build/* STEP */.RZ.grafanaWorkspace);
        switch (step.id) {
            case build/* STEP */.RZ.amp: {
                const found = inv.ampWorkspace;
                if (found) {
                    (0,util_log/* info */.p)(`[amp] Reusing AMP workspace ${found.id} (${found.origin === 'given' ? 'amp-workspace-id' : `alias '${inputs.ampWorkspaceAlias}'`}, status ${found.status})`);
                    return { value: { ...found, alias: inputs.ampWorkspaceAlias }, detail: `${found.origin}, ${found.status}` };
                }
                const ws = await (0,amp/* findOrCreateAmpWorkspace */.QZ)(clients.amp, {
                    alias: inputs.ampWorkspaceAlias, owner, tags: (0,tags/* ownershipTags */.dt)(owner, inputs.extraTags), existingId: inputs.ampWorkspaceId, log: (l) => (0,util_log/* info */.p)(`[amp] ${l}`),
                });
                return { value: ws, detail: `${ws.origin} ${ws.id}` };
            }
            case build/* STEP */.RZ.ampActive:
                await (0,amp/* waitAmpActive */.UF)(clients.amp, workspace(), { deadline, log: (l) => (0,util_log/* info */.p)(`[amp] ${l}`) });
                return { detail: 'ACTIVE' };
            case build/* STEP */.RZ.stack: {
                stackStartedAt = Date.now();
                const stack = await applyPreviewStack(mode, workspace(), watcher());
                return { value: stack, detail: `${stack.action}, ${stack.changes.length} change(s)` };
            }
            case build/* STEP */.RZ.serviceStable: {
                const stack = ctx.valueOf(build/* STEP */.RZ.stack);
                if (!stack.outputs.ClusterName || !stack.outputs.ServiceName)
                    return { detail: 'the stack has no service' };
                await waitServiceStable(clients.ecs, stack.outputs.ClusterName, stack.outputs.ServiceName, watcher(), { deadline, log: (l) => (0,util_log/* info */.p)(l) });
                return { detail: 'stable' };
            }
            case build/* STEP */.RZ.appUrl: {
                const stack = ctx.valueOf(build/* STEP */.RZ.stack);
                const url = await verifyAppUrl({
                    clients, expose: d.expose, appPort: d.appPort, cluster: stack.outputs.ClusterName, service: stack.outputs.ServiceName, stackOutputs: stack.outputs, deadline, log: (l) => (0,util_log/* info */.p)(l),
                });
                return { value: url, detail: url ? 'answers' : undefined };
            }
            case build/* STEP */.RZ.metrics: {
                const result = await checkDeployMetrics(clients, {
                    region: inputs.region, environment: inputs.environment, prometheusEndpoint: workspace().prometheusEndpoint, deploy: d,
                    since: Date.now(), logsSince: stackStartedAt, deadline,
                });
                return { value: result, detail: result.verification.verdict.live };
            }
            case build/* STEP */.RZ.roleStack: {
                const stack = await (0,stacks/* ensureStack */.DT)(clients.cloudformation, {
                    name: (0,stack_names/* grafanaRoleStackName */.mB)(owner.repository),
                    templateBody: readTemplate(template_names/* GRAFANA_ROLE_TEMPLATE */.Zd),
                    parameters: { PermissionsBoundaryName: inputs.permissionsBoundary },
                    tags: (0,tags/* ownershipTags */.dt)(repoOwner, inputs.extraTags),
                    owner: repoOwner,
                    ownershipFix: template_names/* GRAFANA_ROLE_OWNERSHIP_FIX */.Wj,
                    capabilities: ['CAPABILITY_IAM'],
                    // The role stack goes through the same service role as the preview stacks, when one is given.
                    roleArn: d.cloudformationRoleArn,
                }, { deadline, log: (line) => (0,util_log/* info */.p)(`[grafana-role] ${line}`) });
                return { value: stack.outputs.RoleArn, detail: stack.action };
            }
            case build/* STEP */.RZ.grafanaWorkspace: {
                // dashboard alone: the workspace as provision left it, already found ACTIVE by the inventory.
                if (step.action === 'reuse' && plan.mode === 'dashboard' && inv.grafanaWorkspace)
                    return { value: inv.grafanaWorkspace, detail: inv.grafanaWorkspace.origin };
                const role = step.dependsOn.includes(build/* STEP */.RZ.roleStack) ? () => ctx.valueOf(build/* STEP */.RZ.roleStack) : undefined;
                const ws = await (0,aws_grafana/* ensureGrafanaWorkspace */.kE)(clients.grafana, {
                    name: inputs.grafanaWorkspaceName,
                    owner: repoOwner,
                    tags: (0,tags/* ownershipTags */.dt)(repoOwner, inputs.extraTags),
                    existingId: inputs.grafanaWorkspaceId,
                    auth: inputs.grafanaAuth,
                    admins: inputs.grafanaAdmins,
                    grafanaVersion: inputs.grafanaVersion,
                    deadline,
                    log: (line) => (0,util_log/* info */.p)(`[grafana] ${line}`),
                    roleArn: async () => inputs.grafanaRoleArn ?? role?.() ?? missingRole(),
                    // A workspace whose role stack is gone (deleted while the workspace lived on) would fail every query with
                    // AccessDenied: the plan re-applied the role stack; point the workspace at it. Only for roles the action's
                    // templates made (under their path): a role the user chose is theirs.
                    reusedRoleArn: inputs.grafanaRoleArn || !role ? undefined : async (current) => ((0,build/* isTemplateRole */.tV)(current) ? role() : undefined),
                });
                return { value: ws, detail: `${ws.origin} ${ws.id}` };
            }
            case build/* STEP */.RZ.datasource: {
                const g = grafana();
                const api = await session.api(g);
                const pluginId = pluginFor(g.grafanaVersion);
                Object.assign(findings, { grafanaVersion: g.grafanaVersion, pluginId });
                const name = (0,naming/* datasourceName */.PC)(inputs.environment, owner.repository);
                const ds = await upsertDatasource(api, {
                    uid: (0,naming/* datasourceUid */.Wv)(owner.repository, inputs.environment), name, type: pluginId,
                    url: datasourceUrl(workspace().prometheusEndpoint), region: inputs.region,
                });
                (0,util_log/* info */.p)(`Data source '${name}' ${ds.action} (uid ${ds.uid}, plugin ${pluginId}) for AMP workspace ${workspace().id}`);
                return { value: { ...ds, name, pluginId }, detail: ds.action };
            }
            case build/* STEP */.RZ.folder: {
                const g = grafana();
                const api = await session.api(g);
                const folder = await ensureFolder(api, (0,naming/* folderUid */.xe)(owner.repository, inputs.environment), (0,naming/* folderTitle */.DH)(inputs.environment, owner.repository));
                (0,util_log/* info */.p)(`Folder '${folder.title}' ${folder.action}`);
                return { value: { uid: folder.uid, url: `${g.url}${folder.url}` }, detail: folder.action };
            }
            case build/* STEP */.RZ.dashboards: {
                const g = grafana();
                const api = await session.api(g);
                const ds = ctx.valueOf(build/* STEP */.RZ.datasource);
                const folder = ctx.valueOf(build/* STEP */.RZ.folder);
                await importDashboards(api, files, {
                    repository: owner.repository, environment: inputs.environment, folderUid: folder.uid,
                    datasourceUid: ds.uid, datasourceName: ds.name, pluginId: ds.pluginId, workspaceUrl: g.url,
                }, findings);
                return { value: findings.imported, detail: `${findings.imported.length} imported` };
            }
            case build/* STEP */.RZ.health: {
                const g = grafana();
                const api = await session.api(g);
                const ds = ctx.valueOf(build/* STEP */.RZ.datasource);
                const check = await checkDatasourceHealth(api, ds.uid, ds.name, ds.pluginId);
                if (check.method === 'query')
                    (0,util_log/* info */.p)(`Data source '${ds.name}' answered a query (Grafana ${g.grafanaVersion ?? '?'} has no health check for ${ds.pluginId})`);
                if (check.method === 'unchecked') {
                    core/* warning */.$e(`The data source '${ds.name}' could not be checked: Grafana ${g.grafanaVersion ?? '?'} has no health check for ${ds.pluginId}, and a test query gave no verdict (${check.detail ?? 'no detail'}). Open a dashboard to see whether it shows data.`);
                    findings.unchecked = check.detail ?? 'no verdict';
                }
                return { detail: check.method };
            }
            default:
                throw new Error(`plan ${plan.mode}: no executor for step '${step.id}'`);
        }
    };
    const onEnd = (step) => {
        if (!grafanaLeft.delete(step.id) || grafanaLeft.size > 0)
            return;
        void session.close();
    };
    return { execute, onEnd, close: () => session.close(), findings };
}
function missingRole() {
    throw new Error('plan: a Grafana workspace to create has neither grafana-role-arn nor a role stack step');
}
/** Deploy's stack: the change set shown before it runs, stopped tasks' reasons added to a failure. */
async function applyPreviewStack(mode, workspace, watcher) {
    const { inputs, clients, owner, deadline } = mode;
    const d = inputs.deploy;
    const log = (line) => (0,util_log/* info */.p)(line);
    const remoteWriteUrl = (0,amp/* ampUrls */.hF)(workspace.prometheusEndpoint).remoteWrite;
    log(`AMP workspace ${workspace.id}: remote write to ${remoteWriteUrl}`);
    const adotConfig = (0,adot_config/* renderAdotConfig */.KU)({
        region: inputs.region, remoteWriteUrl, appPort: d.appPort, metricsPath: d.appMetricsPath, environment: inputs.environment,
    });
    try {
        const stack = await (0,stacks/* ensureStack */.DT)(clients.cloudformation, {
            name: d.stackName,
            templateBody: readTemplate(template_names/* PREVIEW_TEMPLATE */.Of),
            parameters: {
                EnvironmentName: inputs.environment,
                AmpWorkspaceArn: workspace.arn,
                AdotConfig: adotConfig,
                AppImage: d.appImage,
                AppPort: String(d.appPort),
                TaskCpu: d.cpu,
                TaskMemory: d.memory,
                DesiredCount: String(d.desiredCount),
                VpcId: d.vpcId ?? '',
                SubnetIds: d.subnetIds.join(','),
                AdotImage: d.adotImage,
                PermissionsBoundaryName: inputs.permissionsBoundary,
                ...exposeParameters(d.expose),
            },
            tags: (0,tags/* ownershipTags */.dt)(owner, inputs.extraTags),
            owner,
            capabilities: ['CAPABILITY_IAM'],
            roleArn: d.cloudformationRoleArn,
        }, {
            deadline,
            log,
            alwaysChangeSet: true,
            dryRun: d.dryRun,
            // Tasks that stop while the service resource is being created say why a deploy hangs or fails.
            onPoll: async () => watcher.poll(),
            // What will change, before it does: a person reading the log sees the plan while the stack runs.
            onChangeSet: (changeSet) => {
                const lines = (0,change_set/* formatChangeSetLines */.XT)(changeSet);
                log(lines.length ? `Changes:\n  ${lines.join('\n  ')}` : 'No changes.');
            },
        });
        if (stack.action === 'unchanged')
            log('No changes.');
        return stack;
    }
    catch (err) {
        // The tasks that stopped after the last poll say why too.
        await watcher.poll();
        const reasons = watcher.reasons.length ? `\nStopped tasks:\n${watcher.reasons.join('\n')}` : '';
        throw reasons && err instanceof errors/* ActionError */.lZ ? new errors/* ActionError */.lZ(`${err.message}${reasons}`, (0,errors/* imagePullFix */.En)(reasons, d.appImage) ?? err.fix) : err;
    }
}
/** Imports every file, four at a time; what was imported is kept even when another file fails. */
async function importDashboards(api, files, target, findings) {
    const log = (line) => (0,util_log/* info */.p)(line);
    const results = await (0,concurrency/* mapSettled */.A)(files, 4, async (file) => {
        const plan = planImport(file, target);
        if (plan.dropped.length || plan.rebound.length) {
            findings.notes.push({ file: file.file, dropped: plan.dropped, rebound: plan.rebound });
            for (const dropped of plan.dropped)
                log(`${file.file}: dropped ${dropped}`);
            if (plan.rebound.length)
                log(`${file.file}: bound data source reference(s) ${plan.rebound.map((r) => `'${r}'`).join(', ')} to '${target.datasourceName}'`);
        }
        const answer = await api.post('/api/dashboards/import', plan.request);
        const imported = { file: file.file, title: answer.title, url: `${target.workspaceUrl}${answer.importedUrl}`, primary: file.primary };
        findings.imported.push(imported);
        log(`Imported ${file.file} as '${imported.title}': ${imported.url}`);
        return imported;
    });
    // In file order, whatever order the imports finished in.
    const order = new Map(files.map((f, i) => [f.file, i]));
    findings.imported.sort((a, b) => order.get(a.file) - order.get(b.file));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`Import failed: ${files[i].file}: ${r.reason.message}`] : []));
    if (failed.length > 0)
        throw new errors/* ActionError */.lZ(failed.join('\n'));
}
/**
 * The run's Grafana API token: created when the first step that needs it starts, deleted as soon as the last one has
 * settled, so it lives only around the Grafana steps (not while the stack or the service stabilise).
 */
class GrafanaSession {
    mode;
    opened;
    release;
    done;
    constructor(mode) {
        this.mode = mode;
    }
    api(workspace) {
        this.opened ??= new Promise((resolve, reject) => {
            const { inputs, owner, run, clients } = this.mode;
            const ttlSeconds = tokenTtlSeconds(this.mode.deadline);
            const tokenOwner = { repository: owner.repository, runId: run.runId, runAttempt: process.env.GITHUB_RUN_ATTEMPT };
            const runCompleted = (runId, attempt) => runAttemptCompleted({ token: inputs.githubToken, repository: owner.repository, runId, attempt });
            const released = new Promise((r) => { this.release = r; });
            this.done = (0,grafana_token/* withGrafanaToken */.MP)(clients.grafana, workspace.id, { owner: tokenOwner, ttlSeconds, log: (l) => (0,util_log/* info */.p)(l), runCompleted }, async (token) => {
                const api = new client/* GrafanaClient */.ei({
                    baseUrl: workspace.url, token: token.key, userAgent: `${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`, log: (l) => (0,util_log/* info */.p)(l),
                    deadline: Date.now() + ttlSeconds * 1000 - GRAFANA_WORK_MARGIN_MS,
                });
                resolve(api);
                try {
                    await released;
                }
                finally {
                    // What still runs here lost its purpose: stop it before the token goes.
                    api.stop();
                }
            }).catch((err) => {
                // Before the token existed: every Grafana step fails with why. After: deleting it is withGrafanaToken's to log.
                reject(err);
            });
        });
        return this.opened;
    }
    /** Deletes the token (when one was made); a failure to delete is withGrafanaToken's to log, never the run's. */
    async close() {
        this.release?.();
        await this.done?.catch(() => undefined);
    }
}


/***/ }),

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

/***/ 5792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildRequest: () => (/* binding */ buildRequest),
/* harmony export */   runBuild: () => (/* binding */ runBuild)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3340);
/* harmony import */ var _apply_apply_plan__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(718);
/* harmony import */ var _apply_build__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2087);
/* harmony import */ var _aws_stack_names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1664);
/* harmony import */ var _grafana_naming__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7258);
/* harmony import */ var _inventory_read__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7382);
/* harmony import */ var _plan_build__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6595);
/* harmony import */ var _render_build__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5984);
/* harmony import */ var _render_plan__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7589);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9906);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4313);











/** What the planners take from the inputs; deploy alone never looks at Grafana. */
function buildRequest(mode, inputs, repository, dashboardFiles) {
    const d = inputs.deploy;
    return {
        repository,
        environment: inputs.environment,
        amp: { alias: inputs.ampWorkspaceAlias, givenId: inputs.ampWorkspaceId },
        stack: { name: d.stackName, metricsCheck: d.metricsCheck, desiredCount: d.desiredCount, expose: d.expose.mode },
        grafana: inputs.grafana && mode !== 'deploy'
            ? { name: inputs.grafanaWorkspaceName, givenId: inputs.grafanaWorkspaceId, roleArnGiven: inputs.grafanaRoleArn !== undefined, roleStackName: (0,_aws_stack_names__WEBPACK_IMPORTED_MODULE_2__/* .grafanaRoleStackName */ .mB)(repository) }
            : false,
        dashboardFiles,
    };
}
/**
 * provision, deploy, dashboard and up: read what exists (once), plan, log the plan before anything changes, apply it
 * (each step as soon as its own dependencies are done; in a dry run only the lookups and the change-set preview),
 * then report from the plan and its outcomes.
 */
async function runBuild(mode, ctx) {
    const { inputs, clients, owner } = ctx;
    const files = ctx.prepared ?? [];
    const req = buildRequest(mode, inputs, owner.repository, files.length);
    const deploys = mode === 'deploy' || mode === 'up';
    const inv = await (0,_inventory_read__WEBPACK_IMPORTED_MODULE_4__/* .readEnvironmentInventory */ .ky)(clients, {
        owner: { ...owner, environment: inputs.environment },
        amp: { alias: inputs.ampWorkspaceAlias, existingId: inputs.ampWorkspaceId },
        stackName: deploys ? inputs.deploy.stackName : undefined,
        grafanaWorkspace: req.grafana ? { name: req.grafana.name, existingId: req.grafana.givenId } : undefined,
        roleStackName: req.grafana && (mode === 'provision' || mode === 'up') && !req.grafana.roleArnGiven ? req.grafana.roleStackName : undefined,
    });
    const plan = (0,_plan_build__WEBPACK_IMPORTED_MODULE_5__/* .planFor */ .u6)(mode, req, inv);
    const dryRun = inputs.deploy.dryRun;
    (0,_util_log__WEBPACK_IMPORTED_MODULE_8__/* .startGroup */ .O)(`Plan of ${mode}${dryRun ? ' (dry run: only lookups and the change-set preview run)' : ''}: ${plan.steps.length} step(s)`);
    for (const step of plan.steps)
        (0,_util_log__WEBPACK_IMPORTED_MODULE_8__/* .info */ .p)((0,_render_plan__WEBPACK_IMPORTED_MODULE_7__/* .stepLine */ .l6)(step));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    const exec = (0,_apply_build__WEBPACK_IMPORTED_MODULE_1__/* .buildExecution */ .ph)(ctx, plan, inv, files);
    let outcomes;
    try {
        outcomes = await (0,_apply_apply_plan__WEBPACK_IMPORTED_MODULE_10__/* .applyPlan */ .g)(plan, exec.execute, {
            dryRun,
            onStart: (step) => (0,_util_log__WEBPACK_IMPORTED_MODULE_8__/* .info */ .p)(`▶ ${(0,_render_plan__WEBPACK_IMPORTED_MODULE_7__/* .stepLine */ .l6)(step)}`),
            onEnd: (step, outcome) => {
                (0,_util_log__WEBPACK_IMPORTED_MODULE_8__/* .info */ .p)((0,_render_plan__WEBPACK_IMPORTED_MODULE_7__/* .stepLine */ .l6)(step, outcome));
                exec.onEnd(step, outcome);
            },
        });
    }
    finally {
        await exec.close();
    }
    const result = (0,_render_build__WEBPACK_IMPORTED_MODULE_6__/* .buildResult */ .C)({
        mode, plan, outcomes, findings: exec.findings, region: inputs.region, stackName: inputs.deploy.stackName, dryRun,
        datasourceName: (0,_grafana_naming__WEBPACK_IMPORTED_MODULE_3__/* .datasourceName */ .PC)(inputs.environment, owner.repository),
    });
    const errors = (0,_apply_apply_plan__WEBPACK_IMPORTED_MODULE_10__/* .failures */ .e)(plan, outcomes).map((f) => f.error);
    const metrics = outcomes.get('metrics')?.value;
    if (metrics?.problem) {
        if (inputs.deploy.metricsCheck === 'fail')
            errors.push(metrics.problem);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(metrics.problem.describe());
    }
    if (errors.length > 0) {
        const cause = errors.length === 1 ? errors[0] : new AggregateError(errors, errors.map((e) => e.message).join('\n'));
        throw new _types__WEBPACK_IMPORTED_MODULE_9__/* .ModeFailure */ .s(cause, result);
    }
    return result;
}


/***/ }),

/***/ 6595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RZ: () => (/* binding */ STEP),
/* harmony export */   tV: () => (/* binding */ isTemplateRole),
/* harmony export */   u6: () => (/* binding */ planFor)
/* harmony export */ });
/* unused harmony exports planProvision, planDeploy, planDashboard, planUp */
/* harmony import */ var _grafana_naming__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7258);
/* harmony import */ var _permissions_scopes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6267);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);



/** The step ids other code refers to (the executors, the reports). */
const STEP = {
    amp: 'amp',
    ampActive: 'amp-active',
    stack: 'stack',
    serviceStable: 'service-stable',
    appUrl: 'app-url',
    metrics: 'metrics',
    roleStack: 'grafana-role-stack',
    grafanaWorkspace: 'grafana-workspace',
    datasource: 'datasource',
    folder: 'folder',
    dashboards: 'dashboards',
    health: 'datasource-health',
};
function planProvision(req, inv) {
    return { mode: 'provision', steps: [...ampSteps(req, inv, true), ...grafanaWorkspaceSteps(req, inv, true)] };
}
function planDeploy(req, inv) {
    return { mode: 'deploy', steps: [...ampSteps(req, inv, false), ...stackSteps(req, inv)] };
}
function planDashboard(req, inv) {
    if (!req.grafana) {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ("Input 'grafana': mode dashboard needs Grafana, but grafana is false.", 'Set grafana: true (and run provision with it), or skip the dashboard step.');
    }
    return { mode: 'dashboard', steps: [...ampSteps(req, inv, false), ...grafanaWorkspaceSteps(req, inv, false), ...dashboardSteps(req)] };
}
/** provision + deploy + dashboard; with grafana off, provision + deploy. */
function planUp(req, inv) {
    return {
        mode: 'up',
        steps: [
            ...ampSteps(req, inv, true),
            ...stackSteps(req, inv),
            ...grafanaWorkspaceSteps(req, inv, true),
            ...(req.grafana ? dashboardSteps(req) : []),
        ],
    };
}
function planFor(mode, req, inv) {
    return { provision: planProvision, deploy: planDeploy, dashboard: planDashboard, up: planUp }[mode](req, inv);
}
/**
 * The environment's AMP workspace: reused when the inventory found it (or amp-workspace-id names it), else created
 * when the mode may create it. deploy and dashboard alone never create one: a missing workspace means provision has
 * not run, the same error as before plans.
 */
function ampSteps(req, inv, mayCreate) {
    const found = inv.ampWorkspace;
    let amp;
    if (found) {
        amp = {
            id: STEP.amp, action: 'reuse', kind: 'amp-workspace', target: `AMP workspace ${found.id}`, dependsOn: [], resourceId: found.id, safeInDryRun: true,
            reason: found.origin === 'given' ? 'amp-workspace-id names it' : `the environment's workspace (alias '${req.amp.alias}', ${found.status})`,
        };
    }
    else if (mayCreate) {
        amp = {
            id: STEP.amp, action: 'create', kind: 'amp-workspace', target: `AMP workspace '${req.amp.alias}'`, dependsOn: [],
            reason: `environment '${req.environment}' has no workspace yet`,
        };
    }
    else {
        throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`No AMP workspace of environment '${req.environment}' was found (alias '${req.amp.alias}').`, 'Run the action with mode: provision first (same environment; mode: up does both), or pass amp-workspace-id.');
    }
    const active = {
        id: STEP.ampActive, action: 'wait', kind: 'amp-workspace', target: `AMP workspace ${found?.id ?? `'${req.amp.alias}'`} ACTIVE`, dependsOn: [STEP.amp],
        reason: found?.status === 'ACTIVE' ? 'AMP reports it ACTIVE' : 'queries and remote write need an ACTIVE workspace',
        // Describes only; after a planned create it is planned too.
        safeInDryRun: true,
        ...(found ? { resourceId: found.id } : {}),
    };
    return [amp, active];
}
/** The preview stack and what proves it works: the service stable, the app's URL answering, metrics arriving. */
function stackSteps(req, inv) {
    const s = req.stack;
    const existing = inv.stacks.find((x) => x.name === s.name);
    const steps = [
        {
            id: STEP.stack, action: 'apply', kind: 'stack', target: `stack ${s.name}`, dependsOn: [STEP.amp],
            reason: existing ? `update through a change set (now ${existing.status})` : 'no stack yet: create it through a change set',
            // The change set is the dry run's preview, deleted again; after a planned AMP workspace there is no ARN to preview with.
            safeInDryRun: true,
            ...(existing ? { resourceId: existing.stackId } : {}),
        },
        { id: STEP.serviceStable, action: 'wait', kind: 'ecs-service', target: `ECS service of ${s.name} stable`, dependsOn: [STEP.stack], reason: 'the deploy is done when its tasks run' },
    ];
    if (s.expose !== 'none') {
        steps.push({ id: STEP.appUrl, action: 'check', kind: 'app-url', target: `app URL (expose: ${s.expose})`, dependsOn: [STEP.serviceStable], reason: 'shown only once it answers' });
    }
    if (s.metricsCheck !== 'off' && s.desiredCount > 0) {
        steps.push({
            id: STEP.metrics, action: 'check', kind: 'metrics', target: 'metrics in AMP', dependsOn: [STEP.serviceStable, STEP.ampActive],
            reason: `metrics-check: ${s.metricsCheck}`,
        });
    }
    return steps;
}
/** Roles the templates create live under ROLE_PATH (their names are generated, the path is not). */
function isTemplateRole(arn) {
    return arn !== undefined && arn.includes(`:role${_permissions_scopes__WEBPACK_IMPORTED_MODULE_1__/* .ROLE_PATH */ .XZ}`);
}
/**
 * The repository's Grafana workspace and, when the action provides its role, the role stack before it. A reused
 * workspace whose role the templates made gets the stack applied again (a deleted role stack is re-created and the
 * workspace pointed at it); a role the user chose (grafana-role-arn, or any other role) is theirs.
 */
function grafanaWorkspaceSteps(req, inv, mayCreate) {
    const g = req.grafana;
    if (!g)
        return [];
    const found = inv.grafanaWorkspace;
    if (!mayCreate) {
        if (!found) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`No Grafana workspace named '${g.name}' of ${req.repository} was found.`, 'Run the action with mode: provision first (with grafana: true; mode: up does both), or pass grafana-workspace-id.');
        }
        if (found.status !== 'ACTIVE') {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Grafana workspace ${found.id} is ${found.status}, not ACTIVE.`, 'Run mode: provision (or up), which waits for the workspace, before this step.');
        }
        return [{
                id: STEP.grafanaWorkspace, action: 'reuse', kind: 'grafana-workspace', target: `Grafana workspace ${found.id}`, dependsOn: [], resourceId: found.id,
                reason: found.origin === 'given' ? 'grafana-workspace-id names it' : `the repository's workspace '${g.name}'`, safeInDryRun: true,
            }];
    }
    const steps = [];
    const needsRole = !g.roleArnGiven && (!found || (found.origin === 'reused' && isTemplateRole(found.roleArn)));
    if (needsRole) {
        steps.push({
            id: STEP.roleStack, action: 'apply', kind: 'grafana-role-stack', target: `stack ${g.roleStackName}`, dependsOn: [],
            reason: found
                ? `the role the workspace queries AMP with (${inv.roleStack ? `now ${inv.roleStack.status}` : 'missing: re-created, the workspace pointed at it'})`
                : 'the new workspace needs a role to query AMP with',
        });
    }
    steps.push({
        id: STEP.grafanaWorkspace, action: found ? 'reuse' : 'create', kind: 'grafana-workspace',
        target: found ? `Grafana workspace ${found.id}` : `Grafana workspace '${g.name}'`,
        dependsOn: needsRole ? [STEP.roleStack] : [],
        reason: found ? (found.origin === 'given' ? 'grafana-workspace-id names it' : `the repository's workspace (${found.status})`) : 'the repository has none yet; one serves every preview',
        ...(found ? { resourceId: found.id } : {}),
    });
    return steps;
}
/** The environment's data source, folder and dashboards, and the check that the workspace's role can query AMP. */
function dashboardSteps(req) {
    const ds = (0,_grafana_naming__WEBPACK_IMPORTED_MODULE_0__/* .datasourceName */ .PC)(req.environment, req.repository);
    return [
        { id: STEP.datasource, action: 'apply', kind: 'grafana-datasource', target: `data source '${ds}'`, dependsOn: [STEP.grafanaWorkspace, STEP.amp], reason: "the dashboards' queries go to the environment's AMP workspace" },
        { id: STEP.folder, action: 'apply', kind: 'grafana-folder', target: `folder '${(0,_grafana_naming__WEBPACK_IMPORTED_MODULE_0__/* .folderTitle */ .DH)(req.environment, req.repository)}'`, dependsOn: [STEP.grafanaWorkspace], reason: 'one folder per preview' },
        { id: STEP.dashboards, action: 'import', kind: 'grafana-dashboards', target: `${req.dashboardFiles} dashboard(s)`, dependsOn: [STEP.datasource, STEP.folder], reason: 'bound to the data source, in the folder' },
        { id: STEP.health, action: 'check', kind: 'grafana-datasource', target: `data source '${ds}' answers`, dependsOn: [STEP.datasource, STEP.ampActive], reason: 'the workspace role can query AMP' },
    ];
}


/***/ }),

/***/ 5984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ buildResult),
  e: () => (/* binding */ trustSection)
});

// EXTERNAL MODULE: ./src/aws/amp.ts
var aws_amp = __webpack_require__(8947);
// EXTERNAL MODULE: ./src/plan/build.ts
var build = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/render/change-set.ts
var change_set = __webpack_require__(4439);
// EXTERNAL MODULE: ./src/render/links.ts
var links = __webpack_require__(4869);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
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

// EXTERNAL MODULE: ./src/render/plan.ts
var plan = __webpack_require__(7589);
;// CONCATENATED MODULE: ./src/render/build.ts






/** The timing label of each step, as the reports have named these phases. */
const TIMING = {
    [build/* STEP */.RZ.amp]: 'AMP workspace', [build/* STEP */.RZ.ampActive]: 'AMP workspace ACTIVE', [build/* STEP */.RZ.stack]: 'CloudFormation', [build/* STEP */.RZ.serviceStable]: 'ECS service stable',
    [build/* STEP */.RZ.appUrl]: 'app URL answering', [build/* STEP */.RZ.metrics]: 'metrics in AMP', [build/* STEP */.RZ.roleStack]: 'Grafana workspace role', [build/* STEP */.RZ.grafanaWorkspace]: 'Grafana workspace',
    [build/* STEP */.RZ.datasource]: 'data source', [build/* STEP */.RZ.folder]: 'folder', [build/* STEP */.RZ.dashboards]: 'dashboard import', [build/* STEP */.RZ.health]: 'data source health',
};
/**
 * The mode's result from its plan and outcomes: the outputs, links, sections and headline of each part that ran
 * (provision's workspaces, deploy's stack, dashboard's imports), so `up` reports exactly what the three would.
 * Built from whatever succeeded, so a failed run still reports what it made.
 */
function buildResult(r) {
    const value = (id) => {
        const o = r.outcomes.get(id);
        return o && (o.status === 'done' || o.status === 'kept') ? o.value : undefined;
    };
    const has = (id) => r.plan.steps.some((s) => s.id === id);
    const outputs = {};
    const links = [];
    const sections = [];
    const headline = [];
    const amp = value(build/* STEP */.RZ.amp);
    const grafana = value(build/* STEP */.RZ.grafanaWorkspace);
    if (r.mode === 'provision' || r.mode === 'up') {
        if (amp) {
            const urls = (0,aws_amp/* ampUrls */.hF)(amp.prometheusEndpoint);
            Object.assign(outputs, {
                'amp-workspace-id': amp.id, 'amp-workspace-arn': amp.arn, 'amp-endpoint': urls.endpoint, 'amp-remote-write-url': urls.remoteWrite, 'amp-query-url': urls.query,
            });
            links.push({ label: 'AMP workspace', value: `${amp.id} (${amp.origin})` }, { label: 'AMP remote write URL', value: urls.remoteWrite }, { label: 'AMP query URL', value: urls.query });
            headline.push(`AMP ${amp.id} ${amp.origin}`);
        }
        else if (r.dryRun && has(build/* STEP */.RZ.amp)) {
            headline.push('AMP workspace to create');
        }
        if (grafana) {
            Object.assign(outputs, { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url });
            links.push({ label: 'Grafana', value: `${grafana.id} (${grafana.origin})`, href: grafana.url });
            if (r.mode === 'provision')
                headline.push(`Grafana ${grafana.id} ${grafana.origin}`);
        }
        if (r.mode === 'provision' && headline.length === 0)
            headline.push(r.dryRun ? 'nothing to provision' : 'nothing provisioned');
    }
    if (has(build/* STEP */.RZ.stack)) {
        outputs['stack-name'] = r.stackName;
        const stack = value(build/* STEP */.RZ.stack);
        const metrics = value(build/* STEP */.RZ.metrics);
        if (stack) {
            Object.assign(outputs, { 'stack-id': stack.stackId, 'change-count': String(stack.changes.length) });
            if (stack.outputs.ClusterName)
                outputs['cluster-name'] = stack.outputs.ClusterName;
            if (stack.outputs.ServiceName)
                outputs['service-name'] = stack.outputs.ServiceName;
            links.push({
                label: 'Stack', value: r.stackName,
                href: `https://${r.region}.console.aws.amazon.com/cloudformation/home?region=${r.region}#/stacks/stackinfo?stackId=${encodeURIComponent(stack.stackId)}`,
            });
            if (outputs['service-name'])
                links.push({ label: 'ECS service', value: `${outputs['cluster-name']}/${outputs['service-name']}` });
            const verb = { created: 'created', updated: 'updated', unchanged: 'unchanged (no changes)', planned: 'planned (dry run)' }[stack.action];
            headline.push(`stack ${r.stackName} ${verb}, ${stack.changes.length} change(s)${metrics ? `; metrics: ${metrics.verification.verdict.live}` : ''}`);
            sections.push({ title: r.dryRun ? 'planned changes (dry run)' : 'changes', markdown: (0,change_set/* renderChangeSet */.Fp)(stack) });
        }
        else if (r.outcomes.get(build/* STEP */.RZ.stack)?.status === 'planned') {
            headline.push(`stack ${r.stackName} planned (its change set needs the AMP workspace's ARN)`);
        }
        else if (r.outcomes.get(build/* STEP */.RZ.stack)?.status === 'failed') {
            headline.push('deploy failed');
        }
        const appUrl = value(build/* STEP */.RZ.appUrl);
        if (appUrl) {
            outputs['app-url'] = appUrl;
            links.push({ label: 'App', value: appUrl, href: appUrl });
        }
        else if (r.outcomes.get(build/* STEP */.RZ.appUrl)?.status === 'failed') {
            headline.push('the app did not answer');
        }
        if (metrics) {
            Object.assign(outputs, metrics.outputs);
            sections.push(metrics.section);
        }
    }
    if (has(build/* STEP */.RZ.dashboards)) {
        const f = r.findings;
        if (grafana)
            Object.assign(outputs, { 'grafana-workspace-id': grafana.id, 'grafana-url': grafana.url });
        const ds = value(build/* STEP */.RZ.datasource);
        const folder = value(build/* STEP */.RZ.folder);
        if (ds)
            outputs['grafana-datasource-uid'] = ds.uid;
        if (folder)
            outputs['grafana-folder-url'] = folder.url;
        if (grafana && r.outcomes.get(build/* STEP */.RZ.dashboards)?.status !== 'planned') {
            const primary = f.imported.find((d) => d.primary) ?? f.imported[0];
            outputs['dashboard-urls'] = JSON.stringify(Object.fromEntries(f.imported.map((d) => [d.title, d.url])));
            if (primary) {
                outputs['dashboard-url'] = primary.url;
                links.push({ label: 'Dashboard', value: primary.title, href: primary.url });
            }
            if (folder)
                links.push({ label: 'Grafana folder', value: 'all dashboards of this preview', href: folder.url });
            sections.push({ title: 'dashboards', markdown: renderDashboardTable(f.imported, grafana.url) });
            headline.push(`${f.imported.length} dashboard(s) imported`);
        }
        else {
            headline.push(r.dryRun ? `${r.plan.steps.find((s) => s.id === build/* STEP */.RZ.dashboards).target} planned` : 'dashboard failed');
        }
        const trust = trustSection(f.notes, r.datasourceName);
        if (trust)
            sections.push(trust);
        if (f.unchecked !== undefined) {
            sections.push({
                title: 'data source not checked',
                markdown: `Grafana ${(0,markdown/* plain */.pj)(f.grafanaVersion ?? '?')} has no health check for ${(0,markdown/* code */.aY)(f.pluginId ?? '?')} and a test query gave no verdict (${(0,markdown/* plain */.pj)(f.unchecked)}): whether the workspace role can query AMP was not checked.`,
            });
        }
    }
    // What each step did and why: the dry run's whole answer, and a run's record of what it decided.
    sections.push({ title: r.dryRun ? 'plan (dry run)' : 'steps', markdown: (0,plan/* renderPlanTable */.Qi)(r.plan, r.outcomes) });
    // The same steps as JSON a later step can parse, as destroy and cleanup give theirs.
    outputs.plan = JSON.stringify((0,plan/* stepRecords */.V9)(r.plan, r.outcomes));
    const timings = {};
    for (const step of r.plan.steps) {
        const o = r.outcomes.get(step.id);
        if (o?.durationMs !== undefined && (o.status === 'done' || o.status === 'failed'))
            timings[TIMING[step.id] ?? step.id] = o.durationMs;
    }
    return { headline: headline.join('; '), outputs, links, sections, timings };
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


/***/ }),

/***/ 4439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ renderChangeSet),
/* harmony export */   XT: () => (/* binding */ formatChangeSetLines)
/* harmony export */ });
/* unused harmony exports resourceLines, countChanges, countLine, propertyChanges, readablePath, shorten, beforeAfter */
/* harmony import */ var _markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);

/** Values longer than this are shortened in the middle, where an image tag or ARN differs least. */
const MAX_VALUE = 60;
/** Resources to add shown inline; more (a first deploy) are folded. */
const MAX_INLINE_ADDS = 3;
const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}';
/** "Large values can be truncated" (ResourceTargetDefinition.BeforeValue): CloudFormation then sends a hash. */
const TRUNCATED = /^\(Truncated-Signature\):/;
function resourceLines(changes) {
    return changes.filter((c) => c.ResourceChange).map((c) => {
        const r = c.ResourceChange;
        const replace = r.Action === 'Modify' && (r.Replacement === 'True' || r.Replacement === 'Conditional');
        const properties = propertyChanges(r);
        const named = (r.Details ?? []).filter((d) => !d.Target?.Path).map((d) => d.Target?.Name ?? d.Target?.Attribute ?? '').filter(Boolean);
        return {
            action: replace ? 'Replace' : r.Action ?? '?',
            logicalId: r.LogicalResourceId ?? '?',
            type: r.ResourceType ?? '?',
            conditional: r.Replacement === 'Conditional',
            properties,
            names: [...new Set(named)].filter((n) => !properties.some((p) => p.path.split(/[.[]/)[0] === n)),
        };
    });
}
function countChanges(lines) {
    const n = (a) => lines.filter((l) => l.action === a).length;
    return { add: n('Add'), modify: n('Modify'), replace: n('Replace'), remove: n('Remove') };
}
function countLine(c) {
    return `${c.add} to add, ${c.modify} to modify, ${c.replace} to replace, ${c.remove} to remove`;
}
/**
 * One entry per changed path. A property fed by a changed parameter comes twice (a Dynamic DirectModification and a
 * Static ParameterReference with the same target, CloudFormation User Guide "Example change sets"): the Static one
 * is kept, as that guide advises.
 */
function propertyChanges(r) {
    const before = parseContext(r.BeforeContext);
    const after = parseContext(r.AfterContext);
    const byPath = new Map();
    for (const d of r.Details ?? []) {
        const path = d.Target?.Path;
        if (!path)
            continue;
        const seen = byPath.get(path);
        if (!seen || (seen.Evaluation !== 'Static' && d.Evaluation === 'Static'))
            byPath.set(path, d);
    }
    return [...byPath.entries()].map(([path, d]) => ({
        path: readablePath(path, d.Target?.AttributeChangeType === 'Add' ? after ?? before : before ?? after),
        kind: d.Target?.AttributeChangeType ?? 'Modify',
        before: d.Target?.BeforeValue,
        after: d.Target?.AfterValue,
    }));
}
function parseContext(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * `/Properties/ContainerDefinitions/0/Environment/2/Value` → `ContainerDefinitions[app].Environment[PORT].Value`:
 * a list element is named by its `Name` or `Key` where the resource's context has one, else by its index.
 */
function readablePath(pointer, context) {
    const parts = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts[0] === 'Properties')
        parts.shift();
    let node = context?.Properties;
    let out = '';
    for (const part of parts) {
        const child = node && typeof node === 'object' ? node[part] : undefined;
        if (/^\d+$/.test(part) && (Array.isArray(node) || node === undefined)) {
            const el = child;
            const name = el && typeof el === 'object' ? (typeof el.Name === 'string' ? el.Name : typeof el.Key === 'string' ? el.Key : undefined) : undefined;
            out += `[${name ?? part}]`;
        }
        else {
            out += out ? `.${part}` : part;
        }
        node = child;
    }
    return out || pointer;
}
/** Shortened in the middle, keeping both ends (a registry and a tag, an ARN's service and its id). */
function shorten(text, max = MAX_VALUE) {
    const flat = text.replace(/\s*\r?\n\s*/g, ' ');
    if (flat.length <= max)
        return flat;
    const head = Math.ceil((max - 1) / 2);
    return `${flat.slice(0, head)}…${flat.slice(flat.length - (max - 1 - head))}`;
}
/**
 * Before and after with their shared beginning elided up to a `:`, `/` or `@`, so an image change reads
 * `…:v1` → `…:4f1c2e9` rather than two long repository names that differ at the end.
 */
function beforeAfter(before, after) {
    let i = 0;
    while (i < before.length && i < after.length && before[i] === after[i])
        i++;
    const cut = Math.max(before.lastIndexOf(':', i - 1), before.lastIndexOf('/', i - 1), before.lastIndexOf('@', i - 1));
    if (cut < 12 || i >= before.length && i >= after.length)
        return [before, after];
    return [`…${before.slice(cut)}`, `…${after.slice(cut)}`];
}
function valueText(v) {
    if (v === undefined)
        return undefined;
    if (v === KNOWN_AFTER_APPLY)
        return '(known after deploy)';
    if (TRUNCATED.test(v))
        return '(too long to show)';
    return shorten(v);
}
function change(before, after, fmt) {
    const b = valueText(before);
    const a = valueText(after);
    if (b === undefined && a === undefined)
        return '';
    if (b === undefined)
        return `added ${fmt(a)}`;
    if (a === undefined)
        return `removed (was ${fmt(b)})`;
    const special = (s) => s.startsWith('(') && s.endsWith(')');
    const [eb, ea] = special(b) || special(a) || (before ?? '').length > MAX_VALUE || (after ?? '').length > MAX_VALUE ? [b, a] : beforeAfter(b, a);
    return `${special(eb) ? eb : fmt(eb)} → ${special(ea) ? ea : fmt(ea)}`;
}
const SYMBOL = { Add: '➕', Modify: '✏️', Replace: '⚠️', Remove: '➖' };
function resourceHeading(l) {
    const what = l.action === 'Replace' ? (l.conditional ? '**may be replaced**' : '**replaced**') : l.action === 'Remove' ? '**removed**' : '';
    return `${Object.hasOwn(SYMBOL, l.action) ? SYMBOL[l.action] : (0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(l.action)} ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(l.logicalId)} (${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(l.type)})${what ? ` ${what}` : ''}`;
}
/** The change set as markdown for the comment and summary: every value escaped, none of it trusted. */
function renderChangeSet(view) {
    const lines = resourceLines(view.changes);
    if (lines.length === 0 && view.parameters.length === 0)
        return '_No changes._';
    const out = [`**${countLine(countChanges(lines))}**`];
    if (view.parameters.length) {
        out.push('', 'Parameters:');
        for (const p of view.parameters)
            out.push(`- ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(p.key)}: ${change(p.before, p.after, _markdown__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)}`);
    }
    const adds = lines.filter((l) => l.action === 'Add');
    const others = lines.filter((l) => l.action !== 'Add');
    if (others.length) {
        out.push('');
        for (const l of others) {
            out.push(`- ${resourceHeading(l)}`);
            for (const p of l.properties)
                out.push(`  - ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(p.path)}: ${change(p.before, p.after, _markdown__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)}`);
            if (l.names.length)
                out.push(`  - ${l.names.map(_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj).join(', ')}`);
        }
    }
    if (adds.length) {
        const list = adds.map((l) => `- ${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(l.logicalId)} (${(0,_markdown__WEBPACK_IMPORTED_MODULE_0__/* .plain */ .pj)(l.type)})`);
        if (adds.length <= MAX_INLINE_ADDS && others.length)
            out.push(...list);
        else
            out.push('', `<details><summary>${adds.length} resource(s) to add</summary>`, '', ...list, '', '</details>');
    }
    return out.join('\n');
}
/** The same for the log: plain text, one change a line, values shortened. */
function formatChangeSetLines(view) {
    const lines = resourceLines(view.changes);
    if (lines.length === 0 && view.parameters.length === 0)
        return [];
    const quote = (s) => s;
    const out = [countLine(countChanges(lines))];
    for (const p of view.parameters)
        out.push(`parameter ${p.key}: ${change(p.before, p.after, quote)}`);
    for (const l of lines) {
        const replaced = l.action === 'Replace' ? (l.conditional ? ' [may be replaced]' : ' [replacement]') : '';
        out.push(`${(l.action === 'Replace' ? 'Modify' : l.action).padEnd(6)} ${l.logicalId} (${l.type})${replaced}${l.names.length ? `: ${l.names.join(', ')}` : ''}`);
        for (const p of l.properties)
            out.push(`         ${p.path}: ${change(p.before, p.after, quote)}`);
    }
    return out;
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