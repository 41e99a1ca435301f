"use strict";
exports.id = 598;
exports.ids = [598];
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

/***/ 591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   up: () => (/* binding */ up)
/* harmony export */ });
/* harmony import */ var _build_run__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5792);

/**
 * provision + deploy + dashboard as one plan: the stack starts as soon as the AMP workspace has an ARN, the Grafana
 * side runs beside it, the dashboards are imported while the service stabilises, and the step ends at the critical
 * path instead of the sum of three steps.
 */
async function up(ctx) {
    return (0,_build_run__WEBPACK_IMPORTED_MODULE_0__.runBuild)('up', ctx);
}


/***/ })

};
;