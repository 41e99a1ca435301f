"use strict";
exports.id = 274;
exports.ids = [274];
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

/***/ 6274:
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
    reasons = [];
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
                const reason = `task ${task.taskArn.split('/').pop()} stopped (${task.stopCode ?? 'unknown'}): ${task.stoppedReason ?? ''}${containers.length ? ` — ${containers.join('; ')}` : ''}`;
                if (task.stopCode === 'ServiceSchedulerInitiated')
                    continue;
                this.reasons.push(reason);
                this.log(reason);
            }
        }
    }
}
/** Waits until the service runs its desired count on one completed deployment, as `ecs wait services-stable` does. */
async function waitServiceStable(ecs, cluster, service, watcher, opts) {
    return (0,poll/* pollUntil */.g)({
        what: `ECS service ${service}`,
        deadline: opts.deadline,
        log: opts.log,
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
                throw new errors/* ActionError */.lZ(`ECS deployment of ${service} failed: ${primary.rolloutStateReason}${watcher.reasons.length ? `\n${watcher.reasons.join('\n')}` : ''}`, 'Check the task stop reasons above and the container logs.');
            }
            if (svc.deployments?.length === 1 && primary?.rolloutState === 'COMPLETED' && svc.runningCount === svc.desiredCount)
                return { done: true, value: svc };
            await watcher.poll();
            return { done: false, status: `${svc.runningCount}/${svc.desiredCount} running, deployment ${primary?.rolloutState ?? 'unknown'}` };
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
        await (0,poll/* pollUntil */.g)({
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
        : await (0,poll/* pollUntil */.g)({
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
;// CONCATENATED MODULE: ./src/render/changes.ts

function changeRows(changes) {
    return changes.filter((c) => c.ResourceChange).map((c) => {
        const r = c.ResourceChange;
        const names = (r.Details ?? []).map((d) => d.Target?.Name ?? d.Target?.Attribute).filter(Boolean);
        return {
            action: r.Action ?? '?',
            logicalId: r.LogicalResourceId ?? '?',
            type: r.ResourceType ?? '?',
            replacement: r.Action === 'Modify' ? r.Replacement ?? 'False' : '',
            details: [...new Set(names)].join(', '),
        };
    });
}
const SYMBOL = { Add: '➕ Add', Modify: '✏️ Modify', Remove: '➖ Remove' };
/**
 * A change set as `cdk diff` shows one: what is added, modified (and which properties) or removed,
 * with replacements called out, because a replaced resource loses its data and its identity.
 * Every cell is escaped: the names come from CloudFormation's answer, not from the action.
 */
function renderChangeTable(changes) {
    const rows = changeRows(changes);
    if (rows.length === 0)
        return '_No changes._';
    const lines = ['| Action | Resource | Type | Replacement | Properties |', '| --- | --- | --- | --- | --- |'];
    for (const r of rows) {
        const replacement = r.replacement === 'True' ? '⚠️ **replaced**' : r.replacement === 'Conditional' ? '⚠️ may be replaced' : '';
        lines.push(`| ${Object.hasOwn(SYMBOL, r.action) ? SYMBOL[r.action] : (0,markdown/* plain */.pj)(r.action)} | ${(0,markdown/* plain */.pj)(r.logicalId)} | ${(0,markdown/* plain */.pj)(r.type)} | ${replacement} | ${(0,markdown/* plain */.pj)(r.details)} |`);
    }
    return lines.join('\n');
}
/** One line per change, for the log. */
function formatChangeLines(changes) {
    return changeRows(changes).map((r) => `${r.action.padEnd(6)} ${r.logicalId} (${r.type})${r.replacement === 'True' ? ' [replacement]' : ''}${r.details ? `: ${r.details}` : ''}`);
}

// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/util/timing.ts
var timing = __webpack_require__(620);
// EXTERNAL MODULE: ./src/modes/types.ts
var types = __webpack_require__(4313);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
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
        }));
    }
    catch (err) {
        core/* endGroup */.N4();
        const reasons = watcher.reasons.length ? `\nStopped tasks:\n${watcher.reasons.join('\n')}` : '';
        throw new types/* ModeFailure */.s(reasons && err instanceof errors/* ActionError */.lZ ? new errors/* ActionError */.lZ(`${err.message}${reasons}`, err.fix) : err, {
            headline: 'deploy failed', outputs: { 'stack-name': d.stackName }, links: [], timings,
        });
    }
    core/* endGroup */.N4();
    const changeLines = formatChangeLines(stack.changes);
    log(changeLines.length ? `Changes:\n  ${changeLines.join('\n  ')}` : 'No changes.');
    const outputs = {
        'stack-name': d.stackName,
        'stack-id': stack.stackId,
        'change-count': String(stack.changes.length),
    };
    if (stack.outputs.ClusterName)
        outputs['cluster-name'] = stack.outputs.ClusterName;
    if (stack.outputs.ServiceName)
        outputs['service-name'] = stack.outputs.ServiceName;
    if (!d.dryRun && stack.outputs.ClusterName && stack.outputs.ServiceName) {
        await (0,timing/* timed */.a)(timings, 'ECS service stable', () => waitServiceStable(clients.ecs, stack.outputs.ClusterName, stack.outputs.ServiceName, watcher, { deadline, log }));
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
    return {
        headline: `stack ${d.stackName} ${verb}, ${stack.changes.length} change(s)`,
        outputs,
        links: [
            { label: 'Stack', value: d.stackName, href: `https://${inputs.region}.console.aws.amazon.com/cloudformation/home?region=${inputs.region}#/stacks/stackinfo?stackId=${encodeURIComponent(stack.stackId)}` },
            ...(outputs['service-name'] ? [{ label: 'ECS service', value: `${outputs['cluster-name']}/${outputs['service-name']}` }] : []),
            ...appLinks,
        ],
        sections: [{ title: d.dryRun ? 'planned changes (dry run)' : 'changes', markdown: renderChangeTable(stack.changes) }],
        timings,
    };
}


/***/ })

};
;