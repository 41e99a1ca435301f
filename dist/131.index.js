"use strict";
exports.id = 131;
exports.ids = [131];
exports.modules = {

/***/ 7218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ PREVIEW_TEMPLATE),
/* harmony export */   Wj: () => (/* binding */ GRAFANA_ROLE_OWNERSHIP_FIX),
/* harmony export */   Zd: () => (/* binding */ GRAFANA_ROLE_TEMPLATE)
/* harmony export */ });
/** The templates under templates/ the build modes deploy (readTemplate reads them from the bundle's assets). */
const PREVIEW_TEMPLATE = 'preview-stack.yaml';
const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';
/** destroy refuses the role stack with the same words: it lives here, where neither mode's module has to be loaded for it. */
const GRAFANA_ROLE_OWNERSHIP_FIX = 'The role stack is named after the repository; one of that name exists and is not this repository\'s. Pass grafana-role-arn to use a role of your own, or delete that stack if it is unused.';


/***/ }),

/***/ 6131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GRAFANA_ROLE_OWNERSHIP_FIX: () => (/* reexport safe */ _aws_template_names__WEBPACK_IMPORTED_MODULE_1__.Wj),
/* harmony export */   GRAFANA_ROLE_TEMPLATE: () => (/* reexport safe */ _aws_template_names__WEBPACK_IMPORTED_MODULE_1__.Zd),
/* harmony export */   grafanaRoleStackName: () => (/* reexport safe */ _aws_stack_names__WEBPACK_IMPORTED_MODULE_0__.mB),
/* harmony export */   provision: () => (/* binding */ provision)
/* harmony export */ });
/* harmony import */ var _aws_stack_names__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
/* harmony import */ var _aws_template_names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7218);



/**
 * Creates or reuses the environment's AMP workspace and the repository's Grafana workspace (with its role stack). The
 * two are independent steps of one plan, so they run side by side, and a failure of one still lets the other finish.
 * The runner is loaded here, not at the top: destroy imports this module for its constants only.
 */
async function provision(ctx) {
    return (await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(241), __webpack_require__.e(212), __webpack_require__.e(303), __webpack_require__.e(153), __webpack_require__.e(647), __webpack_require__.e(411)]).then(__webpack_require__.bind(__webpack_require__, 5792))).runBuild('provision', ctx);
}


/***/ })

};
;