export const id = 113;
export const ids = [113];
export const modules = {

/***/ 7915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ registryClient)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9825);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2571);
/* harmony import */ var _ecr_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(531);
/* harmony import */ var _oci_transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5107);






/** Builds the registry client a command uses, from the global options. */
function registryClient(ctx) {
    const transport = new _oci_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .Transport */ .o({
        credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultCredentialSource */ .U)({ env: ctx.env, logger: ctx.logger }),
        ecr: (0,_ecr_env_js__WEBPACK_IMPORTED_MODULE_4__/* .ecrAuthFromEnv */ .sY)(ctx.env),
        insecure: ctx.global.insecure,
        ca: ctx.global.caFile === undefined ? undefined : readCa(ctx.global.caFile),
        logger: ctx.logger,
        onRequest: requestTrace(ctx.env.IMAGE_MIRROR_TRACE),
        schemeProbes: ctx.schemeProbes
    });
    return new _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryClient */ .bP(transport, {
        logger: ctx.logger,
        unauthorizedIsAbsent: ctx.global.unauthorizedIsAbsent
    });
}
function readCa(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`cannot read --ca-file ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error)}`);
    }
}
/**
 * IMAGE_MIRROR_TRACE=FILE appends one JSON line per HTTP request (method,
 * URL without query, status): how benchmarks and users count requests.
 */
function requestTrace(file) {
    if (!file)
        return undefined;
    return (info) => {
        const url = info.url.split('?')[0];
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, JSON.stringify({ method: info.method, url, status: info.status }) + '\n');
    };
}


/***/ }),

/***/ 1113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2148);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7915);



const command = {
    usage: 'digest REF [--json]',
    description: 'Prints the manifest digest REF resolves to, with one HEAD request (no pull is counted on Docker Hub).',
    options: {},
    positionals: [1, 1],
    async run(ctx, _values, [input]) {
        const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(input);
        const head = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .registryClient */ .R)(ctx).headManifest(ref);
        if (head === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref)} not found`);
        ctx.out(ctx.global.json ? JSON.stringify({ reference: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref), ...head }) : head.digest);
    }
};


/***/ })

};

//# sourceMappingURL=113.index.js.map