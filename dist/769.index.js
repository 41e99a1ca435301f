"use strict";
exports.id = 769;
exports.ids = [769];
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

/***/ 5769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PREVIEW_TEMPLATE: () => (/* reexport safe */ _aws_template_names__WEBPACK_IMPORTED_MODULE_1__.Of),
/* harmony export */   deploy: () => (/* binding */ deploy)
/* harmony export */ });
/* harmony import */ var _build_run__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5792);
/* harmony import */ var _aws_template_names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7218);


/**
 * Deploys the environment's stack through a change set (shown before it runs; a dry run shows it and deletes it),
 * waits for the ECS service, then checks the app's URL and the metrics side by side. The AMP workspace is the one
 * provision left (the inventory finds it), so the two steps need no plumbing.
 */
async function deploy(ctx) {
    return (0,_build_run__WEBPACK_IMPORTED_MODULE_0__.runBuild)('deploy', ctx);
}


/***/ })

};
;