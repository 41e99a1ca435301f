"use strict";
exports.id = 795;
exports.ids = [795];
exports.modules = {

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

/***/ 3596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ ensureStack),
/* harmony export */   GO: () => (/* binding */ describeStack),
/* harmony export */   Hk: () => (/* binding */ listEnvironmentStacks),
/* harmony export */   PE: () => (/* binding */ destroyStack),
/* harmony export */   Yz: () => (/* binding */ outputsOf)
/* harmony export */ });
/* unused harmony exports isInProgress, maskNoEchoValues, NO_ECHO_MASK, parameterChanges, waitForStack, rootCause, deleteStack, formatEvent */
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3805);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9506);
/* harmony import */ var _util_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_poll__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6451);




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
            stack = await waitForStack(cfn, stack.StackId, new Date(0), opts, { quietEvents: true });
            // What finished may have been someone else's change set executed into an empty stack.
            await assertOwned(cfn, stack, spec.owner, 'update', fix);
        }
        if (stack?.StackStatus === 'UPDATE_ROLLBACK_FAILED') {
            opts.log(`Stack ${spec.name} is UPDATE_ROLLBACK_FAILED; continuing the rollback before updating`);
            await call('ContinueUpdateRollback', 'cloudformation:ContinueUpdateRollback', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.ContinueUpdateRollbackCommand({ StackName: stack.StackId, RoleARN: spec.roleArn })));
            stack = await waitForStack(cfn, stack.StackId, new Date(), opts);
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
    const changeSetName = `ecs-amp-action-${Date.now()}`;
    opts.log(`Creating ${changeSetType} change set for stack ${spec.name}`);
    const created = await call('CreateChangeSet', 'cloudformation:CreateChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.CreateChangeSetCommand({
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
            await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteChangeSetCommand({ ChangeSetName: created.Id })).catch(() => undefined);
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
            const deleted = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteStackCommand({ StackName: created.StackId })).then(() => true, (err) => {
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
            await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteChangeSetCommand({ ChangeSetName: created.Id })).catch(() => undefined);
            opts.log(`Dry run: change set deleted, stack ${spec.name} left as it was`);
        }
        return { stackId: created.StackId, outputs: stack ? outputsOf(stack) : {}, action: 'planned', changes, parameters };
    }
    const since = new Date();
    opts.log(`Executing change set (${changes.length} change(s))`);
    await call('ExecuteChangeSet', 'cloudformation:ExecuteChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.ExecuteChangeSetCommand({
        ChangeSetName: created.Id,
        ClientRequestToken: changeSetName,
    })));
    const final = await waitForStack(cfn, created.StackId, since, opts);
    const ok = final.StackStatus === 'CREATE_COMPLETE' || final.StackStatus === 'UPDATE_COMPLETE';
    if (!ok) {
        const cause = await rootCause(cfn, created.StackId, since);
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
        const page = await call('ListChangeSets', 'cloudformation:ListChangeSets', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.ListChangeSetsCommand({ StackName: stackId, NextToken: token })));
        ids.push(...(page.Summaries ?? []).map((c) => c.ChangeSetId).filter(Boolean));
        token = page.NextToken;
    } while (token && ids.length < MAX_CHANGE_SETS_READ);
    const described = await Promise.all(ids.slice(0, MAX_CHANGE_SETS_READ).map((id) => call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeChangeSetCommand({ ChangeSetName: id })))));
    return described.map((cs) => (0,_tags__WEBPACK_IMPORTED_MODULE_0__/* .fromTagList */ .Bz)(cs.Tags));
}
/** An empty stack keeps one change set of ours: the newest dry run's. */
async function deleteOtherChangeSets(cfn, stackId, keep) {
    const page = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.ListChangeSetsCommand({ StackName: stackId })).catch(() => undefined);
    for (const c of page?.Summaries ?? []) {
        if (c.ChangeSetId && c.ChangeSetId !== keep)
            await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteChangeSetCommand({ ChangeSetName: c.ChangeSetId })).catch(() => undefined);
    }
}
async function describeStack(cfn, name) {
    try {
        const out = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeStacksCommand({ StackName: name }));
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
    const template = await call('GetTemplate', 'cloudformation:GetTemplate', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.GetTemplateCommand({ StackName: stack.StackId, TemplateStage: 'Original' })));
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
        const out = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeChangeSetCommand({ ChangeSetName: id, IncludePropertyValues: true, NextToken: token })));
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
        initialDelayMs: 500,
        maxDelayMs: 5_000,
        check: async () => {
            const cs = await call('DescribeChangeSet', 'cloudformation:DescribeChangeSet', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeChangeSetCommand({ ChangeSetName: id })));
            const status = cs.Status ?? 'UNKNOWN';
            if (status === 'CREATE_COMPLETE' || status === 'FAILED')
                return { done: true, value: cs };
            return { done: false, status };
        },
    });
}
/** Waits for the stack to leave *_IN_PROGRESS, printing each new stack event as it happens. */
async function waitForStack(cfn, stackId, since, opts, { quietEvents = false } = {}) {
    const seen = new Set();
    return (0,_util_poll__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g3)({
        what: `stack ${stackName(stackId)}`,
        deadline: opts.deadline,
        log: opts.log,
        expected: _util_poll__WEBPACK_IMPORTED_MODULE_2__/* .EXPECTED */ .dS.stack,
        initialDelayMs: 1_000,
        maxDelayMs: 10_000,
        check: async () => {
            if (!quietEvents) {
                for (const e of await newEvents(cfn, stackId, since, seen))
                    opts.log(formatEvent(e));
            }
            const out = await call('DescribeStacks', 'cloudformation:DescribeStacks', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeStacksCommand({ StackName: stackId })));
            const stack = out.Stacks[0];
            if (opts.onPoll)
                await opts.onPoll(stack);
            if (!isInProgress(stack.StackStatus)) {
                if (!quietEvents)
                    for (const e of await newEvents(cfn, stackId, since, seen))
                        opts.log(formatEvent(e));
                return { done: true, value: stack };
            }
            return { done: false, status: stack.StackStatus ?? 'UNKNOWN' };
        },
    });
}
/** Events after `since` not yet seen, oldest first. Pages stop at the first event already seen. */
async function newEvents(cfn, stackId, since, seen) {
    const fresh = [];
    let token;
    do {
        const page = await call('DescribeStackEvents', 'cloudformation:DescribeStackEvents', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeStackEventsCommand({ StackName: stackId, NextToken: token })));
        for (const e of page.StackEvents ?? []) {
            if (seen.has(e.EventId) || (e.Timestamp && e.Timestamp < since))
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
async function rootCause(cfn, stackId, since) {
    const events = await newEvents(cfn, stackId, since, new Set());
    const failed = events.find((e) => e.ResourceStatus?.endsWith('_FAILED') && e.ResourceStatusReason && !/cancelled|canceled/i.test(e.ResourceStatusReason) &&
        e.LogicalResourceId !== stackName(stackId));
    return failed ? `${failed.LogicalResourceId} (${failed.ResourceType}) ${failed.ResourceStatus}: ${failed.ResourceStatusReason}` : undefined;
}
async function deleteStack(cfn, stackId, opts) {
    const since = new Date();
    await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteStackCommand({ StackName: stackId })));
    const final = await waitForStack(cfn, stackId, since, opts);
    if (final.StackStatus !== 'DELETE_COMPLETE') {
        const cause = await rootCause(cfn, stackId, since);
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
        const denied = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteStackCommand({ StackName: stackId })).then(() => undefined, (err) => {
            if (isAccessDenied(err))
                return err.message;
            throw Object.assign(new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ((0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)('CloudFormation DeleteStack', err), (0,_util_errors__WEBPACK_IMPORTED_MODULE_1__/* .permissionFix */ .jj)(err, 'cloudformation:DeleteStack')), { cause: err });
        });
        if (denied)
            return { outcome: 'kept', stackId, reason: 'an empty REVIEW_IN_PROGRESS stack a dry run left: no resources and no tags, so this role may not delete it; delete it by hand or let the next deploy create into it' };
        await waitForStack(cfn, stackId, new Date(), opts);
        return { outcome: 'deleted', stackId };
    }
    if (isInProgress(stack.StackStatus) && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
        opts.log(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting`);
        stack = await waitForStack(cfn, stackId, new Date(0), opts, { quietEvents: true });
    }
    for (let attempt = 1;; attempt++) {
        const since = new Date();
        if (stack.StackStatus !== 'DELETE_IN_PROGRESS') {
            opts.log(`Deleting stack ${name} (${stack.StackStatus})${attempt > 1 ? `, attempt ${attempt} of ${DELETE_ATTEMPTS}` : ''}`);
            await call('DeleteStack', 'cloudformation:DeleteStack', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DeleteStackCommand({ StackName: stackId })));
        }
        stack = await waitForStack(cfn, stackId, since, opts);
        if (stack.StackStatus === 'DELETE_COMPLETE')
            return { outcome: 'deleted', stackId };
        const failed = await failedDeletes(cfn, stackId, since);
        const detail = failed.length ? failed.join('; ') : (stack.StackStatusReason ?? 'no reason given');
        if (attempt >= DELETE_ATTEMPTS) {
            throw new _util_errors__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Deleting stack ${name} ended in ${stack.StackStatus} after ${attempt} attempts: ${detail}`, 'Remove what blocks the resources named above (or delete them by hand), then re-run destroy; the stack and its tags are kept so cleanup finds it again.');
        }
        opts.log(`Stack ${name} is ${stack.StackStatus}: ${detail}; retrying`);
    }
}
async function failedDeletes(cfn, stackId, since) {
    const out = await call('DescribeStackEvents', 'cloudformation:DescribeStackEvents', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeStackEventsCommand({ StackName: stackId })));
    return (out.StackEvents ?? [])
        .filter((e) => e.ResourceStatus === 'DELETE_FAILED' && e.ResourceType !== 'AWS::CloudFormation::Stack' && (!e.Timestamp || e.Timestamp >= since))
        .map((e) => `${e.LogicalResourceId} (${e.ResourceType}): ${e.ResourceStatusReason ?? 'no reason given'}`);
}
/** Every live stack the action created for an environment of this repository. */
async function listEnvironmentStacks(cfn, repository) {
    const found = [];
    let token;
    do {
        const page = await call('DescribeStacks', 'cloudformation:DescribeStacks', () => cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__.DescribeStacksCommand({ NextToken: token })));
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