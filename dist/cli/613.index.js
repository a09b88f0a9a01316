export const id = 613;
export const ids = [613];
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

/***/ 9613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   printDiff: () => (/* binding */ printDiff)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _engine_build_image_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1963);
/* harmony import */ var _engine_build_labels_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5882);
/* harmony import */ var _engine_content_tag_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1517);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2148);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7915);
/* harmony import */ var _heap_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2753);
// `image-mirror tag --diff REF`: the local inputs against those an image records.







/** Compares the local inputs with those recorded on the image at `input`: registry only, no pull. */
async function printDiff(ctx, result, input) {
    // Set here, not in main: plain `tag` talks to no registry and should not load node:v8.
    (0,_heap_js__WEBPACK_IMPORTED_MODULE_5__/* .delayWasmTierUp */ .F)();
    const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(input);
    const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_4__/* .registryClient */ .R)(ctx);
    const head = await client.headManifest(ref);
    if (head === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(ref)} not found`);
    const labels = await (0,_engine_build_image_config_js__WEBPACK_IMPORTED_MODULE_1__/* .readImageLabels */ .l)(client, { registry: ref.registry, repository: ref.repository, digest: head.digest });
    const summary = labels[_engine_build_labels_js__WEBPACK_IMPORTED_MODULE_6__/* .LABEL_INPUTS */ .Ft];
    if (summary === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(ref)} has no ${_engine_build_labels_js__WEBPACK_IMPORTED_MODULE_6__/* .LABEL_INPUTS */ .Ft} label: it was not built by image-mirror build`);
    }
    const remoteTag = labels[_engine_build_labels_js__WEBPACK_IMPORTED_MODULE_6__/* .LABEL_CONTENT_TAG */ .YP];
    const differences = (0,_engine_content_tag_index_js__WEBPACK_IMPORTED_MODULE_2__/* .diffInputs */ .bo)(result.inputs, summary);
    if (ctx.global.json) {
        ctx.out(JSON.stringify({ tag: result.tag, remoteTag, same: differences.length === 0, differences }));
    }
    else if (differences.length === 0) {
        ctx.out(`same inputs: ${result.tag} matches ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(ref)}`);
    }
    else {
        ctx.out(`${result.tag} differs from ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(ref)}${remoteTag ? ` (${remoteTag})` : ''}:`);
        for (const line of differences)
            ctx.out(`  ${line}`);
    }
    return 0;
}


/***/ }),

/***/ 1963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ readImageLabels)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9217);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2148);



// Image configs are a few kilobytes; anything far larger is not a config.
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/**
 * Reads the labels of the image at `ref` (by tag or digest): manifest GET,
 * then the config blob. For an index, the first child stands for the image:
 * image-mirror puts the same labels on every platform of a build.
 */
async function readImageLabels(registry, ref) {
    let manifest = await registry.getManifest(ref);
    if (isIndex(manifest)) {
        const first = JSON.parse(manifest.bytes.toString('utf8')).manifests[0];
        if (first === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)} is an empty index`);
        manifest = await registry.getManifest({ registry: ref.registry, repository: ref.repository, digest: first.digest });
    }
    const config = JSON.parse(manifest.bytes.toString('utf8')).config;
    if (config === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)} has no image config`);
    if (config.size > MAX_CONFIG_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)}: config of ${config.size} bytes is not an image config`);
    const stream = await registry.getBlob(ref.registry, ref.repository, config);
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed.config?.Labels ?? {};
}
function isIndex(manifest) {
    if (_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .INDEX_MEDIATYPES */ .zx.has(manifest.mediaType))
        return true;
    // An OCI index may omit mediaType in the body; the Content-Type said so already, but be lenient.
    const body = JSON.parse(manifest.bytes.toString('utf8'));
    return Array.isArray(body.manifests);
}


/***/ }),

/***/ 5882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ft: () => (/* binding */ LABEL_INPUTS),
/* harmony export */   S6: () => (/* binding */ buildLabels),
/* harmony export */   Sc: () => (/* binding */ LABEL_BUILD_SECONDS),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   YP: () => (/* binding */ LABEL_CONTENT_TAG),
/* harmony export */   pM: () => (/* binding */ parseBuildSeconds)
/* harmony export */ });
/* unused harmony exports LABEL_REVISION, LABEL_SOURCE, LABEL_CREATED */
// Labels image-mirror puts on every image it builds. The OCI ones follow
// image-spec annotations.md (pre-defined annotation keys).
/** The content tag the image was built for. */
const LABEL_CONTENT_TAG = 'io.image-mirror.content-tag';
/** The tag inputs (summarizeInputs JSON): what `tag --diff` compares against, from the registry alone. */
const LABEL_INPUTS = 'io.image-mirror.inputs';
/** Seconds the builder took: what a later cache hit reports as time saved (docs/build.md). */
const LABEL_BUILD_SECONDS = 'io.image-mirror.build-seconds';
const LABEL_REVISION = 'org.opencontainers.image.revision';
const LABEL_SOURCE = 'org.opencontainers.image.source';
const LABEL_CREATED = 'org.opencontainers.image.created';
/**
 * The labels of a build, in the order the builder applies them. The build
 * time is not among them: it is known only once the build has run, and is
 * appended last for the final, cached build step (see buildah.ts, docker.ts).
 */
function buildLabels(inputs) {
    const oci = {};
    if (inputs.revision)
        oci[LABEL_REVISION] = inputs.revision;
    if (inputs.source)
        oci[LABEL_SOURCE] = inputs.source;
    oci[LABEL_CREATED] = inputs.created.toISOString();
    // `tag --diff` and time saved read these back: a user label must not replace them.
    const ours = { [LABEL_CONTENT_TAG]: inputs.tag, [LABEL_INPUTS]: inputs.inputsSummary };
    const user = Object.entries(inputs.user ?? {}).filter(([key]) => !key.startsWith('io.image-mirror.'));
    return { ...oci, ...Object.fromEntries(user), ...ours };
}
/** Formats a build duration for the build-seconds label: tenths of a second. */
function formatSeconds(seconds) {
    return (Math.round(seconds * 10) / 10).toFixed(1);
}
/** Reads the build-seconds label; undefined when absent or not a number. */
function parseBuildSeconds(labels) {
    const value = labels?.[LABEL_BUILD_SECONDS];
    if (value === undefined || !/^\d+(\.\d+)?$/.test(value))
        return undefined;
    return Number(value);
}


/***/ })

};

//# sourceMappingURL=613.index.js.map