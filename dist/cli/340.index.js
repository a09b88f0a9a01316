export const id = 340;
export const ids = [340];
export const modules = {

/***/ 6340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/logger.ts
var src_logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/oci/copy.ts
var copy = __webpack_require__(3748);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/util/limit.ts
var util_limit = __webpack_require__(415);
// EXTERNAL MODULE: ./src/engine/mirror-names.ts
var mirror_names = __webpack_require__(9054);
;// CONCATENATED MODULE: ./src/engine/mirror/mutable-tags.ts

/** Tags upstreams re-point as a matter of course: named in the warning, since they move most. */
const MOVING_TAGS = new Set([
    'latest',
    'stable',
    'main',
    'master',
    'edge',
    'nightly',
    'dev',
    'develop',
    'beta',
    'alpha',
    'rc',
    'lts',
    'current',
    'mainline',
    'next',
    'canary',
    'testing',
    'unstable'
]);
/**
 * The warning for a source that is not pinned by digest, or undefined when it
 * is. Every tag can move upstream (Docker Hub re-points `1.27` on each patch
 * release), so every unpinned source gets it; the well-known moving tags are
 * called out by name. `digest` is what the tag points at now, for a
 * copy-paste pin.
 */
function mutableTagWarning(source, digest) {
    if (source.digest !== undefined)
        return undefined;
    const tag = source.tag ?? 'latest';
    const pinned = digest === undefined ? '' : ` as ${(0,reference/* formatReference */.FH)({ ...source, tag, digest })}`;
    const lead = MOVING_TAGS.has(tag)
        ? `"${tag}" is a moving tag that upstream re-points regularly`
        : `tag "${tag}" is not pinned by digest and can move upstream`;
    return `${(0,reference/* formatReference */.FH)({ ...source, tag })}: ${lead}; pin it by digest${pinned} so every run mirrors the same image`;
}

;// CONCATENATED MODULE: ./src/engine/mirror/mirror.ts







/**
 * Mirrors every `images:` entry into the mirror registry under the name its
 * mode gives (docs/promote-and-mirror.md). Digest-aware: the source and the
 * mirror tag are HEADed once each, and only a difference costs a copy, so an
 * upstream tag that moved is mirrored again and an unchanged one costs two
 * requests. A source pinned by digest copies exactly that digest. One image
 * failing does not stop the others; its result says why.
 */
async function mirrorImages(config, ctx) {
    if (config.images.length === 0)
        return [];
    const settings = config.mirror;
    if (settings === undefined) {
        throw new errors/* UserError */.y(`${config.file}: images: needs a mirror: section naming the mirror registry`);
    }
    const limit = (0,util_limit/* limiter */.T)(ctx.concurrency ?? 4);
    const logger = ctx.logger ?? src_logger/* nullLogger */.G;
    return Promise.all(config.images.map((image) => limit(() => mirrorOne(image, settings, ctx, logger))));
}
async function mirrorOne(image, settings, ctx, logger) {
    const base = { source: image.text, ...(image.service === undefined ? {} : { service: image.service }) };
    let mirror = (0,reference/* formatReference */.FH)(image.source);
    try {
        if ((0,mirror_names/* isOnMirrorRegistry */.eu)(image.source, settings.registry)) {
            const head = await ctx.client.headManifest(image.source);
            if (head === undefined)
                throw new errors/* UserError */.y('not found on the mirror registry');
            logger.info(`${image.text} already lives on the mirror registry; not copied`);
            return { ...base, mirror, digest: head.digest, status: 'skipped-on-mirror' };
        }
        const target = (0,mirror_names/* mirrorTarget */.hZ)(image.source, {
            mirrorRegistry: settings.registry,
            mode: settings.mode,
            service: image.service,
            prefix: settings.repository
        });
        const to = { registry: target.registry, repository: target.repository, tag: target.tag };
        mirror = (0,reference/* formatReference */.FH)(to);
        const upstream = await ctx.client.headManifest(image.source);
        if (upstream === undefined)
            throw new errors/* UserError */.y('source image not found');
        const warning = mutableTagWarning(image.source, upstream.digest);
        if (warning !== undefined)
            logger.warning(warning);
        const result = { ...base, mirror, digest: upstream.digest, status: 'up-to-date' };
        if (warning !== undefined)
            result.warning = warning;
        const current = await ctx.client.headManifest(to);
        if (current?.digest === upstream.digest) {
            logger.debug(`${image.text} \u2192 ${mirror} is up to date (${upstream.digest})`);
            return result;
        }
        if (current !== undefined) {
            result.previousDigest = current.digest;
            logger.info(`${image.text} moved upstream from ${current.digest} to ${upstream.digest}; mirroring it again`);
        }
        if (ctx.dryRun)
            return { ...result, status: 'would-copy' };
        // Pinned to the digest just seen: a tag moving during the copy cannot mix two images.
        await (0,copy/* copyImage */.L)(ctx.client, { ...image.source, digest: upstream.digest }, to, { logger });
        return { ...result, status: 'copied' };
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.y))
            throw error;
        return { ...base, mirror, status: 'failed', error: `mirror of ${image.text}: ${(0,errors/* errorMessage */.g)(error)}` };
    }
}

;// CONCATENATED MODULE: ./src/engine/mirror/output.ts
/**
 * The `--output` JSON: an object keyed by each source exactly as written in
 * the config, so a deploy step looks up the image it already names. Failed
 * images are left out (the run exits non-zero anyway).
 */
function mirrorMap(results) {
    const map = {};
    for (const r of results) {
        if (r.digest === undefined || r.status === 'failed')
            continue;
        map[r.source] = {
            mirror: r.mirror,
            digest: r.digest,
            reference: pinned(r.mirror, r.digest),
            ...(r.service === undefined ? {} : { service: r.service })
        };
    }
    return map;
}
/**
 * The `--dotenv` file: one `NAME=<mirror>@<digest>` line per image, for GitLab
 * `artifacts:reports:dotenv` and `source`-ing in shell steps. NAME is
 * `MIRROR_<SERVICE>_<IMAGE>` in service mode and `MIRROR_<IMAGE>` in cluster
 * mode, where IMAGE is the last path component of the source repository;
 * upper case, every run of other characters as `_`. Images that would share a
 * name get `_<TAG>` (or the first 12 hex of the digest) appended, and if that
 * still collides, `_<position in images:>` (1-based).
 */
function mirrorDotenv(results) {
    const names = dotenvNames(results);
    return results
        .flatMap((r, n) => (r.digest === undefined || r.status === 'failed' ? [] : [`${names[n]}=${pinned(r.mirror, r.digest)}\n`]))
        .join('');
}
/** Variable names for each result, in order; see mirrorDotenv. */
function dotenvNames(results) {
    const base = results.map((r) => envName(['MIRROR', r.service ?? '', lastComponent(r.source)]));
    const withVersion = base.map((name, n) => count(base, name) > 1 ? envName([name, versionOf(results[n].source)]) : name);
    return withVersion.map((name, n) => (count(withVersion, name) > 1 ? `${name}_${n + 1}` : name));
}
function count(list, value) {
    return list.filter((x) => x === value).length;
}
function envName(parts) {
    return parts
        .filter((p) => p !== '')
        .join('_')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
}
/** `docker.io/library/nginx:1.27@sha256:\u2026` \u2192 `nginx`. */
function lastComponent(source) {
    const path = source.split('@')[0];
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(0, colon);
}
/** The tag of a source as written, else the start of its digest, else `latest`. */
function versionOf(source) {
    const [path, digest] = source.split('@');
    const name = path.slice(path.lastIndexOf('/') + 1);
    const colon = name.indexOf(':');
    if (colon >= 0)
        return name.slice(colon + 1);
    if (digest !== undefined)
        return digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 13);
    return 'latest';
}
function pinned(mirror, digest) {
    return `${mirror.split('@')[0]}@${digest}`;
}

;// CONCATENATED MODULE: ./src/engine/mirror/index.ts
// Third-party mirroring: copy the images services use into the mirror
// registry, digest-aware (docs/promote-and-mirror.md).




// EXTERNAL MODULE: ./src/cli/config-client.ts
var config_client = __webpack_require__(4200);
// EXTERNAL MODULE: ./src/cli/config-overrides.ts
var config_overrides = __webpack_require__(7250);
;// CONCATENATED MODULE: ./src/cli/commands/mirror.ts






const command = {
    usage: 'mirror [--config FILE] [--mirror-registry HOST] [--mode service|cluster] [--dry-run] [--output FILE] [--dotenv FILE] [--json]',
    description: [
        'Copies every `images:` entry of the config into the mirror registry: service mode puts each',
        'in <repository>/<service>, cluster mode in <repository>/cluster; the tag is derived from the',
        'source (path and tag, plus a hash of the full reference). A source already on the mirror',
        'registry is left where it is. An unchanged image costs one HEAD on each side; an upstream tag',
        'that moved is mirrored again. Sources not pinned by digest get a warning.',
        '',
        'Prints each source with its mirror reference, digest and status (copied, up-to-date,',
        'skipped-on-mirror, would-copy with --dry-run, failed); --json prints them as a JSON array.',
        '--output FILE writes {"<source as written>": {mirror, digest, reference, service}} for deploy',
        'steps; --dotenv FILE writes MIRROR_<SERVICE>_<IMAGE>=<mirror>@<digest> lines (GitLab dotenv',
        'reports). Exits 1 when an image failed; the others are still mirrored.'
    ].join('\n'),
    options: {
        config: { type: 'string', short: 'c' },
        ...config_overrides/* MIRROR_OVERRIDE_OPTIONS */.ON,
        'dry-run': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        dotenv: { type: 'string' }
    },
    positionals: [0, 0],
    async run(ctx, values) {
        const config = await (0,config_overrides/* mirrorConfig */.GE)(ctx, values);
        if (config.images.length === 0) {
            ctx.logger.info(`${config.file} lists no images: to mirror`);
        }
        const client = (0,config_client/* configRegistryClient */.X)(ctx, config);
        const dryRun = values['dry-run'] === true;
        const results = await mirrorImages(config, { client, logger: ctx.logger, dryRun });
        if (ctx.global.json)
            ctx.out(JSON.stringify(results));
        else
            for (const r of results)
                ctx.out(describe(r));
        if (typeof values.output === 'string') {
            const json = JSON.stringify(mirrorMap(results), null, 2) + '\n';
            await write((0,external_node_path_.resolve)(ctx.cwd, values.output), json, '--output');
        }
        if (typeof values.dotenv === 'string') {
            await write((0,external_node_path_.resolve)(ctx.cwd, values.dotenv), mirrorDotenv(results), '--dotenv');
        }
        const failed = results.filter((r) => r.status === 'failed');
        for (const r of failed)
            process.stderr.write(`image-mirror mirror: ${r.error}\n`);
        return failed.length > 0 ? 1 : 0;
    }
};
function describe(r) {
    if (r.status === 'failed')
        return `${r.source} \u2192 ${r.mirror}: failed`;
    return `${r.source} \u2192 ${r.mirror} ${r.digest}: ${r.status}`;
}
async function write(path, text, flag) {
    try {
        await (0,promises_.writeFile)(path, text);
    }
    catch (error) {
        throw new errors/* UserError */.y(`${flag} ${path}: cannot write it (${(0,errors/* errorMessage */.g)(error)})`);
    }
}


/***/ }),

/***/ 7250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ mirrorConfig),
/* harmony export */   ON: () => (/* binding */ MIRROR_OVERRIDE_OPTIONS),
/* harmony export */   kZ: () => (/* binding */ syncConfig),
/* harmony export */   u: () => (/* binding */ SYNC_ENTRY_OPTIONS)
/* harmony export */ });
/* unused harmony export loadConfigFile */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _engine_config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5452);
// Command-line flags that stand in for, or override, parts of the config file
// for one-off runs. Flag values go through the same validation as the file.




/** Options of `sync` that describe one entry without a config file. */
const SYNC_ENTRY_OPTIONS = {
    source: { type: 'string' },
    target: { type: 'string' },
    tags: { type: 'string', multiple: true },
    platform: { type: 'string', multiple: true },
    'delete-unmatched': { type: 'boolean' }
};
/** Options of `mirror` that override its `mirror:` section. */
const MIRROR_OVERRIDE_OPTIONS = {
    'mirror-registry': { type: 'string' },
    mode: { type: 'string' }
};
/** The config file named by --config (default .image-mirror.yml). */
function loadConfigFile(ctx, values) {
    const file = values.config ?? _engine_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_CONFIG_FILE */ .Cu;
    return (0,_engine_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(ctx.cwd, file), ctx.env);
}
/**
 * `sync --source REPO --target REPO [--tags P]\u2026` syncs that one entry and reads
 * no config file; without --source the config file's entries are synced.
 */
function syncConfig(ctx, values) {
    const source = values.source;
    if (source === undefined) {
        for (const flag of ['target', 'tags', 'platform', 'delete-unmatched']) {
            if (values[flag] !== undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`--${flag} describes a one-off entry and needs --source`);
        }
        return loadConfigFile(ctx, values);
    }
    if (values.config !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('--source syncs one entry without a config file: drop --config');
    const target = values.target;
    if (target === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('--source needs --target (the repository to sync into)');
    const entry = { source, target, tags: values.tags ?? ['*'] };
    if (values.platform !== undefined)
        entry.platforms = values.platform;
    if (values['delete-unmatched'] === true)
        entry['delete-unmatched'] = true;
    return Promise.resolve((0,_engine_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .parseConfig */ .o4)((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)({ version: 1, sync: [entry] }), 'command line', {}));
}
/** `mirror --mirror-registry HOST --mode service|cluster` override the file's `mirror:` section. */
async function mirrorConfig(ctx, values) {
    const config = await loadConfigFile(ctx, values);
    const registry = values['mirror-registry'];
    const mode = values.mode;
    if (registry === undefined && mode === undefined)
        return config;
    const mirror = { registry: registry ?? config.mirror?.registry, mode: mode ?? config.mirror?.mode ?? 'service', repository: config.mirror?.repository ?? 'mirror' };
    // Re-validated as a file would be: host syntax, mode, and the images' service rules for that mode.
    const check = { version: 1, mirror, images: config.images.map((i) => (i.service === undefined || mirror.mode === 'cluster' ? { source: i.text } : { source: i.text, service: i.service })) };
    const checked = (0,_engine_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .parseConfig */ .o4)((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(check), 'command line (--mirror-registry/--mode)', {});
    return { ...config, mirror: checked.mirror, images: checked.images };
}


/***/ })

};

//# sourceMappingURL=340.index.js.map