"use strict";
exports.id = 561;
exports.ids = [561];
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

/***/ 5561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PREVIEW_TEMPLATE: () => (/* binding */ PREVIEW_TEMPLATE),
  deploy: () => (/* binding */ deploy)
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

// EXTERNAL MODULE: ./src/aws/stacks.ts
var stacks = __webpack_require__(3596);
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
            initialDelayMs: 1_000,
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

// EXTERNAL MODULE: ./src/aws/templates.ts
var templates = __webpack_require__(5382);
// EXTERNAL MODULE: ./src/render/adot-config.ts
var adot_config = __webpack_require__(6031);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/render/change-set.ts

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
    return `${Object.hasOwn(SYMBOL, l.action) ? SYMBOL[l.action] : (0,markdown/* plain */.pj)(l.action)} ${(0,markdown/* code */.aY)(l.logicalId)} (${(0,markdown/* plain */.pj)(l.type)})${what ? ` ${what}` : ''}`;
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
            out.push(`- ${(0,markdown/* code */.aY)(p.key)}: ${change(p.before, p.after, markdown/* code */.aY)}`);
    }
    const adds = lines.filter((l) => l.action === 'Add');
    const others = lines.filter((l) => l.action !== 'Add');
    if (others.length) {
        out.push('');
        for (const l of others) {
            out.push(`- ${resourceHeading(l)}`);
            for (const p of l.properties)
                out.push(`  - ${(0,markdown/* plain */.pj)(p.path)}: ${change(p.before, p.after, markdown/* code */.aY)}`);
            if (l.names.length)
                out.push(`  - ${l.names.map(markdown/* plain */.pj).join(', ')}`);
        }
    }
    if (adds.length) {
        const list = adds.map((l) => `- ${(0,markdown/* code */.aY)(l.logicalId)} (${(0,markdown/* plain */.pj)(l.type)})`);
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

// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(9506);
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

// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
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

// EXTERNAL MODULE: ./src/util/timing.ts
var timing = __webpack_require__(620);
// EXTERNAL MODULE: ./src/modes/types.ts
var types = __webpack_require__(4313);
;// CONCATENATED MODULE: ./src/modes/deploy.ts














const PREVIEW_TEMPLATE = 'preview-stack.yaml';
/**
 * Deploys the environment's stack through a change set: shows the diff, executes it while
 * streaming stack events and stopped-task reasons, and waits for the ECS service to be stable.
 * The AMP workspace is found the way provision left it, so the two steps need no plumbing.
 */
async function deploy(ctx) {
    const { inputs, clients, owner, deadline } = ctx;
    const d = inputs.deploy;
    const timings = {};
    const log = (line) => (0,util_log/* info */.p)(line);
    const deployStartedAt = Date.now();
    const found = await (0,timing/* timed */.a)(timings, 'AMP workspace lookup', () => (0,amp/* requireEnvironmentWorkspace */.MQ)(clients.amp, {
        alias: inputs.ampWorkspaceAlias, owner, existingId: inputs.ampWorkspaceId,
    }));
    const workspace = { ...found, remoteWriteUrl: (0,amp/* ampUrls */.hF)(found.prometheusEndpoint).remoteWrite };
    log(`AMP workspace ${workspace.id}: remote write to ${workspace.remoteWriteUrl}`);
    const adotConfig = (0,adot_config/* renderAdotConfig */.KU)({
        region: inputs.region, remoteWriteUrl: workspace.remoteWriteUrl, appPort: d.appPort, metricsPath: d.appMetricsPath, environment: inputs.environment,
    });
    const watcher = new StoppedTaskWatcher(clients.ecs, d.stackName, (line) => core/* warning */.$e(line));
    (0,util_log/* startGroup */.O)(`${d.dryRun ? 'Planning' : 'Deploying'} stack ${d.stackName}`);
    let stack;
    try {
        stack = await (0,timing/* timed */.a)(timings, 'CloudFormation', () => (0,stacks/* ensureStack */.DT)(clients.cloudformation, {
            name: d.stackName,
            templateBody: (0,templates/* readTemplate */.x)(PREVIEW_TEMPLATE),
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
                const lines = formatChangeSetLines(changeSet);
                log(lines.length ? `Changes:\n  ${lines.join('\n  ')}` : 'No changes.');
            },
        }));
    }
    catch (err) {
        core/* endGroup */.N4();
        // The tasks that stopped after the last poll say why too.
        await watcher.poll();
        const reasons = watcher.reasons.length ? `\nStopped tasks:\n${watcher.reasons.join('\n')}` : '';
        throw new types/* ModeFailure */.s(reasons && err instanceof errors/* ActionError */.lZ ? new errors/* ActionError */.lZ(`${err.message}${reasons}`, (0,errors/* imagePullFix */.En)(reasons, d.appImage) ?? err.fix) : err, {
            headline: 'deploy failed', outputs: { 'stack-name': d.stackName }, links: [], timings,
        });
    }
    core/* endGroup */.N4();
    if (stack.action === 'unchanged')
        log('No changes.');
    const outputs = {
        'stack-name': d.stackName,
        'stack-id': stack.stackId,
        'change-count': String(stack.changes.length),
    };
    if (stack.outputs.ClusterName)
        outputs['cluster-name'] = stack.outputs.ClusterName;
    if (stack.outputs.ServiceName)
        outputs['service-name'] = stack.outputs.ServiceName;
    let metrics;
    if (!d.dryRun && stack.outputs.ClusterName && stack.outputs.ServiceName) {
        await (0,timing/* timed */.a)(timings, 'ECS service stable', () => waitServiceStable(clients.ecs, stack.outputs.ClusterName, stack.outputs.ServiceName, watcher, { deadline, log }));
        metrics = await metricsCheck(ctx, workspace.prometheusEndpoint, deployStartedAt, timings);
    }
    // expose: the app's URL, only once it answers.
    const appLinks = [];
    if (!d.dryRun && stack.outputs.ClusterName && stack.outputs.ServiceName) {
        let appUrl;
        try {
            appUrl = await (0,timing/* timed */.a)(timings, 'app URL answering', () => verifyAppUrl({
                clients, expose: d.expose, appPort: d.appPort, cluster: stack.outputs.ClusterName, service: stack.outputs.ServiceName, stackOutputs: stack.outputs, deadline, log,
            }));
        }
        catch (err) {
            throw new types/* ModeFailure */.s(err, { headline: 'deploy failed: the app did not answer', outputs, links: [], timings });
        }
        if (appUrl) {
            outputs['app-url'] = appUrl;
            appLinks.push({ label: 'App', value: appUrl, href: appUrl });
        }
    }
    const verb = { created: 'created', updated: 'updated', unchanged: 'unchanged (no changes)', planned: 'planned (dry run)' }[stack.action];
    const headline = `stack ${d.stackName} ${verb}, ${stack.changes.length} change(s)${metrics ? `; metrics: ${metrics.verification.verdict.live}` : ''}`;
    const sections = [{ title: d.dryRun ? 'planned changes (dry run)' : 'changes', markdown: renderChangeSet(stack) }, ...(metrics ? [metrics.section] : [])];
    Object.assign(outputs, metrics?.outputs);
    if (metrics?.problem) {
        if (d.metricsCheck === 'fail')
            throw new types/* ModeFailure */.s(metrics.problem, { headline, outputs, links: [], sections, timings });
        core/* warning */.$e(metrics.problem.describe());
    }
    return {
        headline,
        outputs,
        links: [
            { label: 'Stack', value: d.stackName, href: `https://${inputs.region}.console.aws.amazon.com/cloudformation/home?region=${inputs.region}#/stacks/stackinfo?stackId=${encodeURIComponent(stack.stackId)}` },
            ...(outputs['service-name'] ? [{ label: 'ECS service', value: `${outputs['cluster-name']}/${outputs['service-name']}` }] : []),
            ...appLinks,
        ],
        sections,
        timings,
    };
}
/** metrics-check after the service is stable; skipped when off or when no task runs to send metrics. */
async function metricsCheck(ctx, prometheusEndpoint, deployStartedAt, timings) {
    const d = ctx.inputs.deploy;
    if (d.metricsCheck === 'off')
        return undefined;
    if (d.desiredCount === 0) {
        (0,util_log/* info */.p)('metrics-check skipped: desired-count 0 runs no task to send metrics.');
        return undefined;
    }
    const since = Date.now();
    return (0,timing/* timed */.a)(timings, 'metrics in AMP', () => checkDeployMetrics(ctx.clients, {
        region: ctx.inputs.region, environment: ctx.inputs.environment, prometheusEndpoint, deploy: d, since, logsSince: deployStartedAt, deadline: ctx.deadline,
    }));
}


/***/ })

};
;