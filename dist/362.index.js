"use strict";
exports.id = 362;
exports.ids = [362];
exports.modules = {

/***/ 5362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   destroy: () => (/* binding */ destroy)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3340);
/* harmony import */ var _apply_teardown__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1874);
/* harmony import */ var _inventory_read__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7382);
/* harmony import */ var _plan_teardown__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4116);
/* harmony import */ var _render_plan__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7589);
/* harmony import */ var _render_teardown__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3502);
/* harmony import */ var _plan_graph__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9619);
/* harmony import */ var _teardown_run__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3841);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9906);
/* harmony import */ var _util_timing__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(620);
/* harmony import */ var _provision__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6131);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4313);












const TOKEN_TTL_SECONDS = 1800;
/**
 * Tears one environment down: the inventory read once, the plan (stack, AMP workspaces and Grafana objects side by
 * side, then the shared workspace and its role stack when asked for and unused) logged, then applied. Safe to run
 * again and on a half-gone environment; refuses anything whose tags are not this repository's. A dry run reports the
 * plan and deletes nothing.
 */
async function destroy(ctx) {
    const { inputs, clients, owner } = ctx;
    const dryRun = inputs.teardown.dryRun;
    const timings = {};
    const inventory = await (0,_util_timing__WEBPACK_IMPORTED_MODULE_9__/* .timed */ .a)(timings, 'inventory', () => (0,_inventory_read__WEBPACK_IMPORTED_MODULE_2__/* .readInventory */ .zw)(clients, {
        repository: owner.repository, environment: inputs.environment,
        grafanaWorkspace: inputs.grafana ? { name: inputs.grafanaWorkspaceName, existingId: inputs.grafanaWorkspaceId } : undefined,
        roleStackName: inputs.grafana && inputs.teardown.deleteGrafanaWorkspace && !inputs.grafanaRoleArn ? (0,_provision__WEBPACK_IMPORTED_MODULE_7__.grafanaRoleStackName)(owner.repository) : undefined,
    }));
    (0,_util_log__WEBPACK_IMPORTED_MODULE_6__/* .startGroup */ .O)(`Destroying environment '${inputs.environment}'${dryRun ? ' (dry run)' : ''}`);
    let plan;
    let outcomes;
    try {
        ({ plan, outcomes } = await (0,_teardown_run__WEBPACK_IMPORTED_MODULE_5__/* .withGrafanaContents */ .$f)(clients.grafana, inventory, { runId: ctx.run.runId, ttlSeconds: TOKEN_TTL_SECONDS }, async (scope) => {
            const p = (0,_plan_teardown__WEBPACK_IMPORTED_MODULE_10__/* .planDestroy */ .U)({
                environment: inputs.environment, prNumber: owner.prNumber, stackName: inputs.deploy.stackName, ampWorkspaceId: inputs.ampWorkspaceId,
                grafana: inputs.grafana, grafanaWorkspaceId: inputs.grafanaWorkspaceId, deleteGrafanaWorkspace: inputs.teardown.deleteGrafanaWorkspace,
                grafanaRoleArn: inputs.grafanaRoleArn, grafanaUnreadReason: scope.unreadReason,
            }, scope.inventory);
            const execute = (0,_apply_teardown__WEBPACK_IMPORTED_MODULE_1__/* .teardownExecutor */ .W)({
                clients, inventory: scope.inventory, grafana: scope.api, roleStackOwnershipFix: _provision__WEBPACK_IMPORTED_MODULE_7__.GRAFANA_ROLE_OWNERSHIP_FIX,
                ownerOf: () => ({ ...owner, environment: inputs.environment }), deadline: ctx.deadline, log: (line) => (0,_util_log__WEBPACK_IMPORTED_MODULE_6__/* .info */ .p)(line),
            });
            return { plan: p, outcomes: await (0,_util_timing__WEBPACK_IMPORTED_MODULE_9__/* .timed */ .a)(timings, 'teardown', () => (0,_teardown_run__WEBPACK_IMPORTED_MODULE_5__/* .applyTeardown */ .PQ)(p, execute, { dryRun })) };
        }));
    }
    finally {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    }
    const result = resultOf(plan, outcomes, dryRun, timings);
    const failure = (0,_teardown_run__WEBPACK_IMPORTED_MODULE_5__/* .failureOf */ .g5)(plan, outcomes);
    if (failure)
        throw new _types__WEBPACK_IMPORTED_MODULE_8__/* .ModeFailure */ .s(failure, result);
    return result;
}
function resultOf(plan, outcomes, dryRun, timings) {
    const removed = (0,_teardown_run__WEBPACK_IMPORTED_MODULE_5__/* .removedItems */ .RY)(plan, outcomes).length;
    const deletes = plan.steps.filter((s) => s.action === 'delete').length;
    const headline = dryRun
        ? `dry run: ${deletes} delete step(s) planned, nothing removed`
        : removed > 0 ? `removed ${removed} resource(s)` : 'nothing to remove: the environment was already gone';
    return {
        headline,
        outputs: (0,_teardown_run__WEBPACK_IMPORTED_MODULE_5__/* .teardownOutputs */ .fv)(plan, outcomes),
        links: [],
        sections: [dryRun
                ? { title: 'plan', markdown: (0,_render_plan__WEBPACK_IMPORTED_MODULE_3__/* .renderPlanTable */ .Qi)(plan, outcomes) }
                : { title: 'removed', markdown: (0,_render_teardown__WEBPACK_IMPORTED_MODULE_4__/* .renderTeardown */ .R)((0,_plan_graph__WEBPACK_IMPORTED_MODULE_11__/* .order */ .fq)(plan), outcomes) }],
        timings,
    };
}


/***/ })

};
;