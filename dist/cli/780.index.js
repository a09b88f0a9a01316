export const id = 780;
export const ids = [780,890];
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

/***/ 3780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _oci_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3748);
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1890);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2148);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7915);





const command = {
    usage: 'copy SRC DST [--platform OS/ARCH[/VARIANT]]... [--concurrency N] [--json]',
    description: [
        'Copies an image, a multi-platform index or an artifact from SRC to DST by digest.',
        'When DST already holds the same digest nothing is transferred. Blobs already in DST are',
        'not uploaded again, and blobs on the same registry are mounted instead of copied.',
        'DST without a tag takes the tag of SRC.',
        '',
        '--platform selects platforms of an index (repeatable). This writes a new index that lists',
        'only those platforms, so the copied index has a different digest than the source.'
    ].join('\n'),
    options: {
        platform: { type: 'string', multiple: true },
        concurrency: { type: 'string' }
    },
    positionals: [2, 2],
    async run(ctx, values, [src, dst]) {
        const platforms = values.platform?.map(_oci_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL);
        const concurrency = values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency);
        const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_4__/* .registryClient */ .R)(ctx);
        const result = await (0,_oci_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .copyImage */ .L)(client, (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(src), (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(dst), {
            platforms,
            concurrency,
            logger: ctx.logger
        });
        ctx.out(ctx.global.json ? JSON.stringify(result) : describe(result));
    }
};
function parseConcurrency(value) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`--concurrency must be a whole number from 1 to 64 (got "${value}")`);
    return n;
}
function describe(r) {
    if (r.status === 'skipped')
        return `${r.target} already at ${r.digest}`;
    const mb = (r.blobs.bytes / 1e6).toFixed(1);
    const foreign = r.foreignLayers?.length ?? 0;
    const parts = [`${r.blobs.uploaded} blobs uploaded (${mb} MB)`, `${r.blobs.mounted} mounted`, `${r.blobs.skipped - foreign} present`];
    if (foreign > 0)
        parts.push(`${foreign} foreign layer(s) not copied`);
    return `copied ${r.source} \u2192 ${r.target} ${r.digest}: ${parts.join(', ')}`;
}


/***/ }),

/***/ 3748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ copyImage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6999);
/* harmony import */ var _util_limit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(415);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6794);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9217);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1890);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2148);







/**
 * Copies the image at `src` to `dst` by digest: HEAD both sides and stop when
 * they already match; otherwise blobs first, then child manifests by digest,
 * then the top manifest under the tag, so a tag never points at an
 * incomplete image (registry-protocol \u00a71.7).
 */
async function copyImage(registry, src, dst, opts = {}) {
    const target = dst.tag === undefined && dst.digest === undefined && src.tag !== undefined ? { ...dst, tag: src.tag } : dst;
    // Both sides at once: on an up-to-date target the two round trips (and, for
    // insecure registries, the two TLS probes) are most of a repeat copy.
    const early = opts.platforms === undefined ? registry.headManifest(target) : undefined;
    // Awaited below, unless the source's HEAD fails first: then its own failure
    // must not surface as an unhandled rejection.
    early?.catch(() => { });
    const srcHead = await registry.headManifest(src);
    if (srcHead === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`source image ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .formatReference */ .FH)(src)} not found`);
    const job = {
        registry,
        src,
        dst: target,
        logger: opts.logger ?? _logger_js__WEBPACK_IMPORTED_MODULE_1__/* .nullLogger */ .G,
        blobLimit: (0,_util_limit_js__WEBPACK_IMPORTED_MODULE_6__/* .limiter */ .T)(opts.concurrency ?? 4),
        blobs: new Map(),
        result: {
            source: (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .formatReference */ .FH)(src),
            target: (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .formatReference */ .FH)(target),
            digest: srcHead.digest,
            mediaType: srcHead.mediaType,
            status: 'copied',
            manifests: { copied: 0, skipped: 0 },
            blobs: { uploaded: 0, mounted: 0, skipped: 0, bytes: 0 }
        }
    };
    if (opts.platforms === undefined || !_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .INDEX_MEDIATYPES */ .zx.has(srcHead.mediaType)) {
        const dstHead = await (early ?? registry.headManifest(target));
        if (dstHead?.digest === srcHead.digest) {
            job.logger.info(`${job.result.target} is up to date (${srcHead.digest})`);
            job.result.status = 'skipped';
            job.result.manifests.skipped = 1;
            return job.result;
        }
    }
    const top = await registry.getManifest({ ...src, digest: srcHead.digest });
    const manifest = opts.platforms && _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .INDEX_MEDIATYPES */ .zx.has(top.mediaType) ? filterIndex(job, top, opts.platforms) : top;
    if (manifest !== top && (await registry.headManifest(target))?.digest === manifest.digest) {
        job.result.status = 'skipped';
        job.result.manifests.skipped = 1;
        return job.result;
    }
    await copyChildren(job, manifest);
    const reference = target.tag ?? target.digest ?? manifest.digest;
    await putVerified(job, reference, manifest, (subject) => (job.result.ociSubject = subject));
    job.result.digest = manifest.digest;
    job.logger.info(`copied ${job.result.source} \u2192 ${job.result.target} (${manifest.digest})`);
    return job.result;
}
/** Copies everything a manifest references (blobs, or child manifests of an index). */
async function copyChildren(job, manifest) {
    const body = parseManifest(job, manifest);
    if (isIndex(manifest.mediaType, body)) {
        const children = body.manifests;
        await Promise.all(children.map((child) => copyChildManifest(job, child)));
        return;
    }
    const image = body;
    const descriptors = [image.config, ...(image.layers ?? [])].filter((d) => d !== undefined);
    // Largest first: the largest blob ends a copy last, and registries answer
    // the upload POSTs one after another (each syncs a file to disk), so the
    // blob whose POST goes first starts first.
    descriptors.sort((a, b) => b.size - a.size);
    await Promise.all(descriptors.map((d) => copyBlobOnce(job, d)));
}
async function copyChildManifest(job, child) {
    const existing = await job.registry.headManifest({ ...job.dst, tag: undefined, digest: child.digest });
    if (existing !== undefined) {
        job.result.manifests.skipped++;
        return;
    }
    const raw = await job.registry.getManifest({ ...job.src, tag: undefined, digest: child.digest });
    await copyChildren(job, raw);
    await putVerified(job, child.digest, raw);
}
async function putVerified(job, reference, manifest, onSubject) {
    const { registry, repository } = job.dst;
    const digest = await job.registry.putManifest(registry, repository, reference, manifest, { onSubject });
    if (digest !== manifest.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${job.result.target}: registry stored ${digest} for manifest ${manifest.digest}`);
    }
    job.result.manifests.copied++;
}
/** Blobs shared by several platforms are transferred once per copy. */
function copyBlobOnce(job, descriptor) {
    let pending = job.blobs.get(descriptor.digest);
    if (pending === undefined) {
        pending = job.blobLimit(() => copyBlob(job, descriptor));
        job.blobs.set(descriptor.digest, pending);
    }
    return pending;
}
async function copyBlob(job, descriptor) {
    if (descriptor.urls !== undefined && descriptor.urls.length > 0) {
        // Non-distributable layers live at foreign URLs; fetching them would send
        // requests (and possibly credentials) elsewhere (R-PUT-4, CVE-2020-15157).
        job.logger.info(`not copying foreign layer ${descriptor.digest} (it has urls; the copy still names it)`);
        job.result.blobs.skipped++;
        job.result.foreignLayers = [...(job.result.foreignLayers ?? []), descriptor.digest];
        return;
    }
    const { src, dst, registry } = job;
    const sameRegistry = src.registry === dst.registry && src.repository !== dst.repository;
    const outcome = await registry.uploadBlob(dst.registry, dst.repository, descriptor, { open: () => registry.getBlob(src.registry, src.repository, descriptor) }, sameRegistry ? { mountFrom: src.repository } : {});
    if (outcome === 'exists')
        job.result.blobs.skipped++;
    else if (outcome === 'mounted')
        job.result.blobs.mounted++;
    else {
        job.result.blobs.uploaded++;
        job.result.blobs.bytes += descriptor.size;
    }
}
/** Writes a new index holding only the selected platforms (its digest differs from the source's). */
function filterIndex(job, index, platforms) {
    const body = parseManifest(job, index);
    const kept = body.manifests.filter((m) => platforms.some((p) => (0,_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .platformMatches */ .J5)(p, m.platform)));
    if (kept.length === 0) {
        const available = body.manifests.map((m) => (m.platform ? (0,_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .formatPlatform */ .Bq)(m.platform) : m.digest)).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${job.result.source} has none of the requested platforms (it has ${available})`);
    }
    job.result.platforms = kept.map((m) => (0,_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .formatPlatform */ .Bq)(m.platform));
    const bytes = Buffer.from(JSON.stringify({ ...body, manifests: kept }));
    return { bytes, mediaType: index.mediaType, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestOf */ .ol)(bytes) };
}
function parseManifest(job, manifest) {
    try {
        return JSON.parse(manifest.bytes.toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${job.result.source}: manifest ${manifest.digest} is not valid JSON`);
    }
}
/** Unknown manifest media types are treated by shape, so artifacts copy byte for byte (R-PUT-3). */
function isIndex(mediaType, body) {
    if (_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .INDEX_MEDIATYPES */ .zx.has(mediaType))
        return true;
    if (_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .IMAGE_MEDIATYPES */ .yZ.has(mediaType))
        return false;
    return Array.isArray(body.manifests);
}


/***/ }),

/***/ 1890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   J5: () => (/* binding */ platformMatches)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Parses `os/arch[/variant]`; the error names the bad value. */
function parsePlatform(value) {
    const parts = value.split('/');
    const valid = parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^[a-z0-9._-]+$/.test(p));
    if (!valid)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`);
    const [os, architecture, variant] = parts;
    return variant === undefined ? { os, architecture } : { os, architecture, variant };
}
/** Formats a manifest's platform as os/arch[/variant]. */
function formatPlatform(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/** A filter without a variant matches every variant of its os/arch, as docker does. */
function platformMatches(filter, p) {
    if (p === undefined)
        return false;
    if (filter.os !== p.os || filter.architecture !== p.architecture)
        return false;
    return filter.variant === undefined || filter.variant === p.variant;
}


/***/ })

};

//# sourceMappingURL=780.index.js.map