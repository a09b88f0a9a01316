export const id = 587;
export const ids = [587];
export const modules = {

/***/ 7915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ registryClient)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(615);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2639);
/* harmony import */ var _oci_transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5780);





/** Builds the registry client a command uses, from the global options. */
function registryClient(ctx) {
    const transport = new _oci_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .Transport */ .o({
        credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultCredentialSource */ .U)({ env: ctx.env, logger: ctx.logger }),
        insecure: ctx.global.insecure,
        ca: ctx.global.caFile === undefined ? undefined : readCa(ctx.global.caFile),
        logger: ctx.logger,
        onRequest: requestTrace(ctx.env.IMAGE_MIRROR_TRACE)
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

/***/ 2587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command),
  revisionAndSource: () => (/* binding */ revisionAndSource)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(8630);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/engine/content-tag/index.ts + 15 modules
var content_tag = __webpack_require__(579);
// EXTERNAL MODULE: ./src/engine/build/image-config.ts
var image_config = __webpack_require__(1963);
// EXTERNAL MODULE: ./src/engine/build/labels.ts
var build_labels = __webpack_require__(5882);
// EXTERNAL MODULE: ./src/engine/build/resolve-inputs.ts
var resolve_inputs = __webpack_require__(3963);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/engine/build/auth-files.ts



function authEntry(credential) {
    const entry = {};
    if (credential.username !== undefined && credential.password !== undefined) {
        entry.auth = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
    }
    if (credential.identityToken)
        entry.identitytoken = credential.identityToken;
    if (credential.registryToken)
        entry.registrytoken = credential.registryToken;
    return entry;
}
/**
 * Writes a containers-auth.json (buildah, podman `--authfile`) holding the
 * mirror registry's credential. Other registries still resolve through the
 * user's docker config, which containers/image reads after the auth file.
 */
function writeAuthFile(workDir, registry, credential, logger) {
    if (credential.registryToken && !credential.username) {
        logger.warning(`buildah and podman cannot use a registry token for ${registry}; the push uses their own login`);
    }
    const path = (0,external_node_path_.join)(workDir, 'auth.json');
    (0,external_node_fs_.writeFileSync)(path, JSON.stringify({ auths: { [registry]: authEntry(credential) } }), { mode: 0o600 });
    return path;
}
/**
 * Makes a DOCKER_CONFIG directory for docker buildx: the user's config.json
 * with the mirror registry's credential added, and links to everything else
 * in the user's config dir (buildx builders, contexts, CLI plugins), so the
 * selected builder instance stays the same.
 */
function writeDockerConfig(workDir, registry, credential, env) {
    const original = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    const dir = (0,external_node_path_.join)(workDir, 'docker-config');
    (0,external_node_fs_.mkdirSync)(dir, { mode: 0o700 });
    let config = {};
    if ((0,external_node_fs_.existsSync)(original)) {
        for (const name of (0,external_node_fs_.readdirSync)(original)) {
            if (name !== 'config.json')
                (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(original, name), (0,external_node_path_.join)(dir, name));
        }
        const file = (0,external_node_path_.join)(original, 'config.json');
        if ((0,external_node_fs_.existsSync)(file))
            config = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
    config.auths = { ...config.auths, [key]: authEntry(credential) };
    if (config.credHelpers)
        delete config.credHelpers[key];
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
    return dir;
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./src/engine/build/run-process.ts



// Builders print Go struct dumps after their errors; the user needs the sentence before them.
const GO_DUMP = / &[a-z]+\.[A-Z]\w*\{.*$/;
/**
 * Runs a builder with an argument array (never a shell), streaming its output
 * line by line to the logger. A non-zero exit becomes one UserError line with
 * the builder's last error line, which is where buildah, podman and docker
 * put the cause.
 */
async function runBuilderProcess(spec, logger) {
    logger.debug(`run: ${spec.command} ${spec.args.join(' ')}`);
    const child = (0,external_node_child_process_.spawn)(spec.command, spec.args, { env: spec.env, cwd: spec.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const errors = [];
    const stdout = (0,external_node_readline_.createInterface)({ input: child.stdout });
    const stderr = (0,external_node_readline_.createInterface)({ input: child.stderr });
    stdout.on('line', (line) => logger.info(line));
    stderr.on('line', (line) => {
        logger.info(line);
        if (line.trim() !== '')
            errors.push(line.trim());
        if (errors.length > 50)
            errors.shift();
    });
    const outcome = await new Promise((resolve) => {
        child.once('error', (error) => resolve({ code: null, signal: null, error }));
        child.once('close', (code, signal) => resolve({ code, signal }));
    });
    if (outcome.error?.code === 'ENOENT')
        throw new src_errors/* UserError */.y(`build failed: ${spec.name} not found (${spec.command} is not on PATH)`);
    if (outcome.error)
        throw new src_errors/* UserError */.y(`build failed: cannot start ${spec.name}: ${outcome.error.message}`);
    if (outcome.code === 0)
        return;
    const status = outcome.code === null ? `signal ${outcome.signal}` : String(outcome.code);
    const cause = lastErrorLine(errors);
    throw new src_errors/* UserError */.y(`build failed: ${spec.name} exited with ${status}${cause ? `: ${cause}` : ''}`);
}
/** The line that names the cause: the last `Error:`/`ERROR:` line, else the last line. */
function lastErrorLine(lines) {
    const found = [...lines].reverse().find((l) => /^(error|ERROR)\b:?/i.test(l)) ?? lines.at(-1);
    if (found === undefined)
        return undefined;
    const trimmed = found.replace(GO_DUMP, '').replace(/^(Error|ERROR):\s*/, '');
    return trimmed.length > 400 ? `${trimmed.slice(0, 400)}…` : trimmed;
}
/** True when `command args` exits 0 within `timeoutMs`: how `auto` probes builders. */
async function answers(command, args, env, timeoutMs) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { env, stdio: 'ignore', timeout: timeoutMs });
        child.once('error', () => resolve(false));
        child.once('close', (code) => resolve(code === 0));
    });
}

;// CONCATENATED MODULE: ./src/engine/build/builders/containers.ts





/**
 * buildah or podman: both build with the same flags (podman build is
 * buildah's bud) and push from local storage with `--digestfile`.
 *
 * Storage is the user's default; IMAGE_MIRROR_BUILDAH_ROOT=DIR moves it to
 * DIR/storage and DIR/run, and STORAGE_DRIVER picks the driver (passed as
 * --storage-driver: buildah 1.28 does not read the variable itself). Isolation
 * is chroot, which needs no daemon and no privileges (CI containers), unless
 * BUILDAH_ISOLATION says otherwise.
 */
function containersBuilder(name, env, logger) {
    const root = env.IMAGE_MIRROR_BUILDAH_ROOT;
    const globals = root ? ['--root', (0,external_node_path_.join)(root, 'storage'), '--runroot', (0,external_node_path_.join)(root, 'run')] : [];
    if (env.STORAGE_DRIVER)
        globals.push('--storage-driver', env.STORAGE_DRIVER);
    const builderEnv = withoutEmptyDockerConfig(env);
    const run = (args, spec) => runBuilderProcess({ name, command: name, args: [...globals, ...args], env: builderEnv, cwd: spec.context }, logger);
    // Auth and cert files are written once per build, into its private work dir.
    const access = new Map();
    const registryFlags = (spec) => {
        if (!access.has(spec.workDir))
            access.set(spec.workDir, registryAccess(spec, logger));
        return access.get(spec.workDir);
    };
    const buildFlags = (spec) => [...buildArgs(name, spec, env), ...registryFlags(spec)];
    return {
        name,
        async build(spec) {
            await run([...buildFlags(spec), spec.context], spec);
        },
        async push(spec) {
            const digestFile = (0,external_node_path_.join)(spec.workDir, 'digest');
            const flags = registryFlags(spec);
            if (spec.platforms.length > 1) {
                // A local manifest list private to this run, removed after the push.
                const list = `localhost/image-mirror-build-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}:latest`;
                await run([...buildFlags(spec), '--manifest', list, spec.context], spec);
                try {
                    await run(['manifest', 'push', '--all', ...flags, '--digestfile', digestFile, list, `docker://${spec.ref}`], spec);
                }
                finally {
                    await run(['manifest', 'rm', list], spec).catch((error) => logger.debug(`manifest rm: ${String(error)}`));
                }
            }
            else {
                await run([...buildFlags(spec), '-t', spec.ref, spec.context], spec);
                await run(['push', ...flags, '--digestfile', digestFile, spec.ref, `docker://${spec.ref}`], spec);
            }
            return (0,external_node_fs_.readFileSync)(digestFile, 'utf8').trim();
        }
    };
}
/**
 * buildah and podman take $DOCKER_CONFIG/config.json as their default auth
 * file and refuse to push when it does not exist ("checking authfile: stat
 * …"). A DOCKER_CONFIG without a config.json holds no credentials, so the
 * builder runs without it.
 */
function withoutEmptyDockerConfig(env) {
    if (!env.DOCKER_CONFIG || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(env.DOCKER_CONFIG, 'config.json')))
        return env;
    const rest = { ...env };
    delete rest.DOCKER_CONFIG;
    return rest;
}
/** The build flags shared by both steps; the context directory is appended by the caller. */
function buildArgs(name, spec, env) {
    const args = [name === 'buildah' ? 'bud' : 'build', '--layers', '-f', spec.dockerfile];
    if (!env.BUILDAH_ISOLATION)
        args.push('--isolation', 'chroot');
    return [...args, ...specFlags(spec)];
}
/** Build args, target, platforms, secrets and labels: the flags buildah, podman and docker buildx share. */
function specFlags(spec) {
    const args = [];
    for (const [key, value] of Object.entries(spec.buildArgs))
        args.push('--build-arg', `${key}=${value}`);
    if (spec.target)
        args.push('--target', spec.target);
    if (spec.platforms.length > 0)
        args.push('--platform', spec.platforms.join(','));
    for (const secret of spec.secrets)
        args.push('--secret', secretFlag(secret));
    for (const [key, value] of Object.entries(spec.labels))
        args.push('--label', `${key}=${value}`);
    return args;
}
/** `id=X,src=F` or `id=X,env=V`: the value itself never reaches the command line. */
function secretFlag(secret) {
    return secret.src !== undefined ? `id=${secret.id},src=${secret.src}` : `id=${secret.id},env=${secret.env}`;
}
/**
 * TLS and auth flags for the mirror registry, used when building (base
 * images may live there) and pushing.
 */
function registryAccess(spec, logger) {
    const args = [];
    if (spec.insecure)
        args.push('--tls-verify=false');
    if (spec.caFile) {
        // --cert-dir trusts every *.crt in the directory (containers-certs.d(5)).
        const certDir = (0,external_node_path_.join)(spec.workDir, 'certs');
        (0,external_node_fs_.mkdirSync)(certDir, { recursive: true });
        (0,external_node_fs_.copyFileSync)(spec.caFile, (0,external_node_path_.join)(certDir, 'ca.crt'));
        args.push('--cert-dir', certDir);
    }
    if (spec.credential) {
        args.push('--authfile', writeAuthFile(spec.workDir, spec.registry, spec.credential, logger));
    }
    return args;
}

;// CONCATENATED MODULE: ./src/engine/build/builders/docker.ts






/**
 * docker buildx (GitHub-hosted runners): pushes straight from BuildKit and
 * reports the pushed digest in `--metadata-file` (containerimage.digest).
 * Credentials reach it through a temporary DOCKER_CONFIG.
 */
function dockerBuilder(env, logger) {
    const configs = new Map();
    const envFor = (spec) => {
        if (!spec.credential)
            return env;
        if (!configs.has(spec.workDir)) {
            configs.set(spec.workDir, { ...env, DOCKER_CONFIG: writeDockerConfig(spec.workDir, spec.registry, spec.credential, env) });
        }
        return configs.get(spec.workDir);
    };
    const run = (args, spec) => runBuilderProcess({ name: 'docker', command: 'docker', args, env: envFor(spec), cwd: spec.context }, logger);
    return {
        name: 'docker',
        async build(spec) {
            if (spec.caFile) {
                logger.warning('docker buildx takes registry CAs from its BuildKit configuration, not from --ca-file');
            }
            await run([...docker_buildArgs(spec), spec.context], spec);
        },
        async push(spec) {
            const metadataFile = (0,external_node_path_.join)(spec.workDir, 'metadata.json');
            // registry.insecure lets BuildKit push over plain HTTP or unverified TLS.
            const output = spec.insecure ? ['--output', `type=image,name=${spec.ref},push=true,registry.insecure=true`] : ['--push'];
            await run([...docker_buildArgs(spec), '-t', spec.ref, ...output, '--metadata-file', metadataFile, spec.context], spec);
            const metadata = JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'));
            const digest = metadata['containerimage.digest'];
            if (typeof digest !== 'string')
                throw new src_errors/* UserError */.y('build failed: docker reported no containerimage.digest for the pushed image');
            return digest;
        }
    };
}
function docker_buildArgs(spec) {
    return ['buildx', 'build', '-f', spec.dockerfile, ...specFlags(spec)];
}

;// CONCATENATED MODULE: ./src/engine/build/select-builder.ts




const PROBE_TIMEOUT_MS = 3000;
/**
 * Picks the builder. `auto`: docker buildx when a Docker daemon answers
 * (GitHub-hosted runners), else buildah, else podman (GitLab runners and
 * other places without a daemon). Called only on a cache miss, so a hit never
 * pays for the probes.
 */
async function selectBuilder(name, env, logger) {
    if (name === 'docker')
        return dockerBuilder(env, logger);
    if (name === 'buildah' || name === 'podman')
        return containersBuilder(name, env, logger);
    if (await answers('docker', ['info'], env, PROBE_TIMEOUT_MS))
        return dockerBuilder(env, logger);
    for (const candidate of ['buildah', 'podman']) {
        if (await answers(candidate, ['--version'], env, PROBE_TIMEOUT_MS))
            return containersBuilder(candidate, env, logger);
    }
    throw new src_errors/* UserError */.y('no builder found: install docker (with a running daemon), buildah or podman, or set --builder');
}
/** Validates a builder name given by a user. */
function parseBuilderName(value) {
    if (value === 'auto' || value === 'buildah' || value === 'podman' || value === 'docker')
        return value;
    throw new src_errors/* UserError */.y(`invalid builder "${value}": expected auto, buildah, podman or docker`);
}

;// CONCATENATED MODULE: ./src/engine/build/index.ts











/**
 * Builds an image only when the mirror registry does not have it yet: the
 * content tag names the inputs, one manifest HEAD answers whether the image
 * exists (an error is an error, never a miss), and only a miss runs the
 * builder. Extra tags are added by pushing the manifest under them.
 */
async function runBuild(opts, deps) {
    const { registry, repository } = (0,reference/* parseRepository */.SU)(opts.image);
    const inputs = (0,resolve_inputs/* resolveInputs */.e)(opts, deps.env);
    const content = await (0,content_tag/* computeContentTag */.DH)({
        context: inputs.context,
        dockerfile: inputs.dockerfile,
        buildArgs: inputs.buildArgs,
        target: opts.target,
        platforms: inputs.platforms,
        extraFiles: opts.extraFiles,
        extraValues: opts.extraValues,
        includeCommit: opts.includeCommit,
        prefix: opts.tagPrefix
    });
    const ref = { registry, repository, tag: content.tag };
    const image = (0,reference/* formatReference */.FH)(ref);
    deps.logger.info(`content tag ${content.tag} (from ${content.source})`);
    for (const warning of content.warnings)
        deps.logger.warning(warning);
    const head = await headOrRefused(deps, ref, image);
    if (head !== undefined) {
        deps.logger.info(`${image} exists (${head.digest}): nothing to build`);
        const extraTags = await addTags(deps, ref, head.digest, inputs.tags);
        const buildSeconds = opts.reportTimeSaved ? await recordedBuildSeconds(deps, ref, head.digest) : undefined;
        return { image, digest: head.digest, tag: content.tag, cacheHit: true, buildSeconds, extraTags };
    }
    deps.logger.info(`${image} not in the registry: building`);
    const builder = await selectBuilder(opts.builder ?? 'auto', deps.env, deps.logger);
    const workDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'image-mirror-build-'));
    const started = performance.now();
    try {
        const spec = {
            context: inputs.context,
            dockerfile: inputs.dockerfile,
            buildArgs: inputs.buildArgs,
            target: opts.target,
            platforms: inputs.platforms,
            secrets: inputs.secrets,
            labels: (0,build_labels/* buildLabels */.S6)({
                tag: content.tag,
                inputsSummary: (0,content_tag/* summarizeInputs */.rg)(content.inputs),
                created: deps.now(),
                revision: opts.revision,
                source: opts.source,
                user: opts.labels
            }),
            ref: image,
            registry,
            insecure: opts.insecure ?? false,
            caFile: opts.caFile,
            credential: await deps.credentials.get(registry),
            workDir
        };
        await deps.logger.group(`${builder.name}: build ${image}`, () => builder.build(spec));
        // The image records how long its build took; the second pass is served
        // from the builder's layer cache and only adds this label (docs/build.md).
        const seconds = (performance.now() - started) / 1000;
        const labels = { ...spec.labels, [build_labels/* LABEL_BUILD_SECONDS */.Sc]: (0,build_labels/* formatSeconds */.Xo)(seconds) };
        const reported = await deps.logger.group(`${builder.name}: push ${image}`, () => builder.push({ ...spec, labels }));
        const digest = await verifyPushed(deps, ref, image, builder.name, reported);
        const extraTags = await addTags(deps, ref, digest, inputs.tags);
        const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
        return { image, digest, tag: content.tag, cacheHit: false, buildSeconds, extraTags, builder: builder.name };
    }
    finally {
        (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    }
}
/** The existence check: one HEAD. Refused credentials get a message that says so. */
async function headOrRefused(deps, ref, image) {
    try {
        return await deps.client.headManifest(ref);
    }
    catch (error) {
        if (error instanceof errors/* RegistryError */.gl && (error.status === 401 || error.status === 403)) {
            throw new src_errors/* UserError */.y(`cannot check ${image}: ${ref.registry} refused access (${error.status}): check the credentials for ${ref.registry}`, { cause: error });
        }
        throw error;
    }
}
/** Compares the builder's digest with what the registry serves under the tag now. */
async function verifyPushed(deps, ref, image, builder, reported) {
    const head = await deps.client.headManifest(ref);
    if (head === undefined)
        throw new src_errors/* UserError */.y(`build failed: ${builder} reported a push but ${image} is not in the registry`);
    if (head.digest !== reported) {
        throw new src_errors/* UserError */.y(`build failed: ${builder} pushed ${reported} but ${image} resolves to ${head.digest}`);
    }
    return head.digest;
}
/** Pushes the manifest under each extra tag: one GET, one PUT per tag, no blob traffic. */
async function addTags(deps, ref, digest, tags) {
    const extra = tags.filter((t) => t !== ref.tag);
    if (extra.length === 0)
        return [];
    const manifest = await deps.client.getManifest({ registry: ref.registry, repository: ref.repository, digest });
    for (const tag of extra) {
        await deps.client.putManifest(ref.registry, ref.repository, tag, manifest);
        deps.logger.info(`tagged ${(0,reference/* formatReference */.FH)({ ...ref, tag })}`);
    }
    return extra;
}
/** The build time recorded on the reused image: the time this hit saved. Unknown is not an error. */
async function recordedBuildSeconds(deps, ref, digest) {
    try {
        const labels = await (0,image_config/* readImageLabels */.l)(deps.client, { registry: ref.registry, repository: ref.repository, digest });
        return (0,build_labels/* parseBuildSeconds */.pM)(labels);
    }
    catch (error) {
        deps.logger.warning(`cannot read the build time of ${(0,reference/* formatReference */.FH)(ref)}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/engine/build/key-values.ts
var key_values = __webpack_require__(2193);
// EXTERNAL MODULE: ./src/oci/credentials.ts + 2 modules
var credentials = __webpack_require__(2639);
// EXTERNAL MODULE: ./src/cli/client.ts
var client = __webpack_require__(7915);
// EXTERNAL MODULE: ./src/engine/config/load.ts + 7 modules
var load = __webpack_require__(5452);
// EXTERNAL MODULE: ./src/engine/promote/index.ts + 5 modules
var promote = __webpack_require__(6886);
// EXTERNAL MODULE: ./src/cli/config-client.ts
var config_client = __webpack_require__(4200);
// EXTERNAL MODULE: ./src/cli/promotions.ts
var promotions = __webpack_require__(6550);
// EXTERNAL MODULE: ./src/cli/commands/tag.ts
var tag = __webpack_require__(2049);
;// CONCATENATED MODULE: ./src/cli/commands/build.ts















const command = {
    usage: 'build --image REPO --context DIR [--dockerfile PATH] [--build-arg K=V]... [--target T] [--platform P]... ' +
        '[--tag T]... [--builder auto|buildah|podman|docker] [--secret id=X,src=F|env=V]... [--label K=V]... ' +
        '[--prefix P] [--include-commit] [--dotenv FILE] [--time-saved] [--config FILE] [--json]',
    description: [
        'Builds and pushes REPO:<content tag> unless the registry already has it. The content tag is',
        'computed as `image-mirror tag` does; one manifest HEAD tells whether the image exists. On a hit',
        'nothing is built; --tag adds tags to the existing image by pushing its manifest under them.',
        'On a miss the builder (auto: docker buildx with a running daemon, else buildah, else podman)',
        'builds and pushes, and the pushed digest is checked against the registry.',
        '',
        'Results: image, digest, tag, cache-hit (--json: one object). --dotenv FILE writes IMAGE, DIGEST,',
        'TAG and CACHE_HIT for later CI jobs. --time-saved reads the reused image\'s recorded build time',
        'on a hit (two more requests). Secrets reach the builder only; they never enter the tag or logs.',
        'Revision and source labels come from GITHUB_SHA/GITHUB_REPOSITORY, CI_COMMIT_SHA/CI_PROJECT_URL',
        'or the git checkout of the context.',
        '',
        '--config FILE applies the promotion policies of that image-mirror config to the image after the',
        'push or the hit, as `image-mirror promote` does; a refused or failed promotion exits 1.'
    ].join('\n'),
    options: {
        ...tag.CONTENT_OPTIONS,
        image: { type: 'string' },
        tag: { type: 'string', multiple: true },
        builder: { type: 'string' },
        secret: { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        dotenv: { type: 'string' },
        'time-saved': { type: 'boolean' },
        config: { type: 'string' }
    },
    positionals: [0, 0],
    async run(ctx, values) {
        const image = values.image;
        if (!image)
            throw new src_errors/* UserError */.y('--image is required (the repository to push to, e.g. registry.example.com/team/app)');
        const context = values.context ?? '.';
        const options = {
            image,
            context,
            dockerfile: values.dockerfile,
            buildArgs: (0,key_values/* parseKeyValues */.H)('--build-arg', values['build-arg']),
            target: values.target,
            platforms: (0,tag.splitPlatforms)(values.platform),
            tags: values.tag,
            builder: parseBuilderName(values.builder ?? 'auto'),
            secrets: (values.secret ?? []).map(key_values/* parseSecret */.o),
            labels: (0,key_values/* parseKeyValues */.H)('--label', values.label),
            tagPrefix: values.prefix,
            extraFiles: values['extra-file'],
            extraValues: (0,key_values/* parseKeyValues */.H)('--extra-value', values['extra-value']),
            includeCommit: values['include-commit'] === true,
            ...revisionAndSource(ctx.env, (0,external_node_path_.resolve)(ctx.cwd, context)),
            insecure: ctx.global.insecure,
            caFile: ctx.global.caFile,
            reportTimeSaved: values['time-saved'] === true
        };
        const result = await runBuild(options, {
            client: (0,client/* registryClient */.R)(ctx),
            credentials: (0,credentials/* defaultCredentialSource */.U)({ env: ctx.env, logger: ctx.logger }),
            logger: ctx.logger,
            env: ctx.env,
            now: () => new Date()
        });
        if (values.dotenv !== undefined)
            writeDotenv(values.dotenv, result);
        if (ctx.global.json)
            ctx.out(JSON.stringify(result));
        else
            for (const line of describe(result))
                ctx.out(line);
        if (values.config !== undefined)
            return promoteBuilt(ctx, values, result);
    }
};
/** Applies the config's promotion policies to the image just pushed or reused. */
async function promoteBuilt(ctx, values, result) {
    const config = await (0,load/* loadConfig */.Z9)((0,external_node_path_.resolve)(ctx.cwd, values.config), ctx.env);
    const built = { ...(0,reference/* parseReference */.F2)(result.image), digest: result.digest };
    const results = await (0,promote/* promoteAfterBuild */.JC)(config, built, {
        client: (0,config_client/* configRegistryClient */.X)(ctx, config),
        now: new Date(),
        vars: await (0,promotions/* gitVars */.l4)(ctx, config, values),
        logger: ctx.logger
    });
    if (ctx.global.json && results.length > 0)
        ctx.out(JSON.stringify({ promotions: results.map(promotions/* toJson */.aB) }));
    return (0,promotions/* reportResults */.zO)(ctx, results);
}
/**
 * org.opencontainers.image.revision and .source: from the CI's variables
 * (GitHub Actions, GitLab CI), else the commit checked out in the context.
 */
function revisionAndSource(env, context) {
    if (env.GITHUB_SHA) {
        const source = env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}` : undefined;
        return { revision: env.GITHUB_SHA, source };
    }
    if (env.CI_COMMIT_SHA)
        return { revision: env.CI_COMMIT_SHA, source: env.CI_PROJECT_URL || undefined };
    try {
        const revision = (0,external_node_child_process_.execFileSync)('git', ['-C', context, 'rev-parse', '--verify', '-q', 'HEAD'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 5000
        }).trim();
        return /^[0-9a-f]{40,64}$/.test(revision) ? { revision } : {};
    }
    catch {
        return {};
    }
}
function describe(r) {
    const lines = [`image: ${r.image}`, `digest: ${r.digest}`, `tag: ${r.tag}`, `cache-hit: ${r.cacheHit}`];
    if (r.buildSeconds !== undefined)
        lines.push(`${r.cacheHit ? 'build-seconds-saved' : 'build-seconds'}: ${r.buildSeconds}`);
    if (r.extraTags.length > 0)
        lines.push(`extra-tags: ${r.extraTags.join(' ')}`);
    return lines;
}
/** The dotenv report later GitLab jobs read (artifacts:reports:dotenv). */
function writeDotenv(path, r) {
    const body = `IMAGE=${r.image}\nDIGEST=${r.digest}\nTAG=${r.tag}\nCACHE_HIT=${r.cacheHit}\n`;
    try {
        (0,external_node_fs_.writeFileSync)(path, body);
    }
    catch (error) {
        throw new src_errors/* UserError */.y(`cannot write --dotenv ${path}: ${(0,src_errors/* errorMessage */.g)(error)}`);
    }
}


/***/ }),

/***/ 6550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aB: () => (/* binding */ toJson),
/* harmony export */   l4: () => (/* binding */ gitVars),
/* harmony export */   zO: () => (/* binding */ reportResults)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engine_promote_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6886);
// Promotion output and template variables, shared by `promote` and `build --config`.


/** Prints promotion results (unless --json printed them) and their one-line problems; returns the exit code. */
function reportResults(ctx, results) {
    if (!ctx.global.json)
        for (const result of results)
            printResult(ctx, result);
    for (const r of results) {
        if (r.message !== undefined)
            process.stderr.write(`image-mirror promote: ${r.message}\n`);
    }
    return (0,_engine_promote_index_js__WEBPACK_IMPORTED_MODULE_1__/* .hasFailures */ .QP)(results) ? 1 : 0;
}
function printResult(ctx, r) {
    const referrers = r.referrersCopied.length === 0 ? '' : ` (+${r.referrersCopied.length} referrer(s))`;
    ctx.out(`${r.policy}: ${r.source} → ${r.destination}: ${r.status}${referrers}`);
    if (r.status === 'not-matched')
        for (const reason of r.reasons)
            ctx.out(`  ${reason}`);
}
/** Commit and branch for the tag templates, looked up only when a policy uses them. */
async function gitVars(ctx, config, values) {
    const used = new Set(config.promotions.flatMap((p) => p.to.flatMap((d) => d.placeholders)));
    const env = ctx.env;
    const sha = values.sha ??
        (used.has('sha') || used.has('short_sha')
            ? nonEmpty(env.GITHUB_SHA) ??
                nonEmpty(env.CI_COMMIT_SHA) ??
                (await git(ctx.cwd, ['rev-parse', 'HEAD']))
            : undefined);
    const branch = values.branch ??
        (used.has('branch')
            ? nonEmpty(env.GITHUB_HEAD_REF) ??
                nonEmpty(env.GITHUB_REF_NAME) ??
                nonEmpty(env.CI_COMMIT_REF_NAME) ??
                (await git(ctx.cwd, ['symbolic-ref', '--short', '-q', 'HEAD']))
            : undefined);
    return { ...(sha === undefined ? {} : { sha }), ...(branch === undefined ? {} : { branch }) };
}
function nonEmpty(value) {
    return value === undefined || value === '' ? undefined : value;
}
/** One line of git output, or undefined outside a repository; the template then says what is missing. */
function git(cwd, args) {
    return new Promise((done) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, { cwd, timeout: 10_000 }, (error, stdout) => {
            done(error === null ? nonEmpty(stdout.trim()) : undefined);
        });
    });
}
/** The plan or result as printed by --json: everything but the parsed references. */
function toJson(p) {
    const { from: _from, to: _to, ...rest } = p;
    return rest;
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


/***/ }),

/***/ 6886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zy: () => (/* reexport */ applyPromotions),
  QP: () => (/* reexport */ hasFailures),
  Ar: () => (/* reexport */ planPromotions),
  Ov: () => (/* reexport */ policiesFor),
  JC: () => (/* reexport */ promoteAfterBuild)
});

// UNUSED EXPORTS: readImageLabels

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/oci/copy.ts
var oci_copy = __webpack_require__(3748);
// EXTERNAL MODULE: ./src/oci/client.ts + 17 modules
var oci_client = __webpack_require__(615);
// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(8825);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/oci/referrers-copy.ts
// Copies an image's referrers (signatures, SBOMs, attestations: manifests whose
// `subject` is the image) along with it, registry-protocol §1.9 / R-REF-1.





/** Statuses with which a registry without the referrers API answers its route. */
const NO_REFERRERS_API = new Set([400, 404, 405]);
/**
 * Copies every referrer of `digest` from `source` to `target` by digest, and
 * their referrers in turn. The source is asked through the referrers API or
 * its fallback tag (the client does both). When the target has no referrers
 * API (distribution 2.8 has none), the fallback tag index `sha256-<hex>` is
 * maintained there so that verifiers (cosign, notation, oras) find them.
 */
async function copyReferrers(client, source, target, digest, opts = {}) {
    const result = { copied: [], present: [], fallbackTags: [] };
    const state = { targetHasApi: undefined, seen: new Set() };
    // Only the repositories: a tag left on a reference would make copies write under it.
    const from = { registry: source.registry, repository: source.repository };
    const to = { registry: target.registry, repository: target.repository };
    await copyLevel(client, from, to, digest, opts.maxDepth ?? 3, opts.logger ?? logger/* nullLogger */.G, result, state);
    return result;
}
async function copyLevel(client, source, target, subject, depth, logger, result, state) {
    if (depth <= 0 || state.seen.has(subject))
        return;
    state.seen.add(subject);
    const referrers = await client.getReferrers(source.registry, source.repository, subject);
    if (referrers.length === 0)
        return;
    for (const referrer of referrers) {
        const copy = await (0,oci_copy/* copyImage */.L)(client, { ...source, digest: referrer.digest }, { ...target, digest: referrer.digest }, { logger });
        if (copy.status === 'copied')
            result.copied.push(referrer.digest);
        else
            result.present.push(referrer.digest);
    }
    state.targetHasApi ??= await hasReferrersApi(client, target, subject);
    if (!state.targetHasApi) {
        const tag = await updateFallbackTag(client, source, target, subject, referrers, logger);
        if (tag !== undefined)
            result.fallbackTags.push(tag);
    }
    for (const referrer of referrers) {
        await copyLevel(client, source, target, referrer.digest, depth - 1, logger, result, state);
    }
}
/**
 * Whether the target indexes `subject` on its own. A registry with the API
 * answers 200 (an empty index at worst) and never 404 (§1.9).
 */
async function hasReferrersApi(client, where, subject) {
    const res = await client.transport.request({
        method: 'GET',
        registry: where.registry,
        path: `/v2/${where.repository}/referrers/${subject}`,
        headers: { accept: media_types/* MEDIATYPE_OCI_INDEX */._B },
        scopes: [(0,oci_client/* scopeFor */.aN)(where.repository, 'pull')],
        expect: [200, ...NO_REFERRERS_API]
    });
    await res.dump();
    return res.status === 200;
}
/**
 * Adds the referrers to the target's fallback index for `subject`, keeping
 * what is already listed there; writes nothing when every one is listed.
 * Returns the tag when it was written.
 */
async function updateFallbackTag(client, source, target, subject, referrers, logger) {
    const tag = (0,digest/* referrersTagFor */.gp)(subject);
    const ref = { ...target, tag };
    const head = await client.headManifest(ref);
    let existing = { schemaVersion: 2, mediaType: media_types/* MEDIATYPE_OCI_INDEX */._B, manifests: [] };
    if (head !== undefined) {
        const raw = await client.getManifest({ ...target, digest: head.digest });
        existing = JSON.parse(raw.bytes.toString('utf8'));
    }
    const listed = new Set((existing.manifests ?? []).map((m) => m.digest));
    const missing = referrers.filter((r) => !listed.has(r.digest));
    if (missing.length === 0)
        return undefined;
    const added = await Promise.all(missing.map((r) => fallbackDescriptor(client, source, r)));
    const index = { ...existing, manifests: [...(existing.manifests ?? []), ...added] };
    const bytes = Buffer.from(JSON.stringify(index));
    const manifest = { bytes, mediaType: media_types/* MEDIATYPE_OCI_INDEX */._B, digest: (0,digest/* digestOf */.ol)(bytes) };
    await client.putManifest(target.registry, target.repository, tag, manifest);
    const where = `${target.registry}/${target.repository}:${tag}`;
    logger.info(`${where} lists ${index.manifests.length} referrer(s) of ${subject}`);
    return tag;
}
/**
 * The descriptor the fallback index lists: mediaType, digest, size,
 * artifactType (the manifest's, else its config's media type) and
 * annotations, as the spec asks of clients that maintain the tag.
 */
async function fallbackDescriptor(client, source, r) {
    let artifactType = r.artifactType;
    let annotations = r.annotations;
    if (artifactType === undefined) {
        const raw = await client.getManifest({ ...source, digest: r.digest });
        const body = JSON.parse(raw.bytes.toString('utf8'));
        artifactType = body.artifactType ?? body.config?.mediaType;
        annotations ??= body.annotations;
    }
    return {
        mediaType: r.mediaType,
        digest: r.digest,
        size: r.size,
        ...(artifactType === undefined ? {} : { artifactType }),
        ...(annotations === undefined ? {} : { annotations })
    };
}

;// CONCATENATED MODULE: ./src/engine/promote/apply.ts




/**
 * Carries out promotion plans in order. Every copy is by digest: the source
 * is the digest resolved when planning, never its tag again. A destination
 * whose tag points at another image is refused unless its policy allows
 * overwriting, and that refusal does not stop the other destinations: each
 * one is an environment of its own, and holding back the rest would only
 * spread the problem. The same goes for a destination that fails (an
 * unreachable registry, refused credentials). Refusals and failures are not
 * logged here: their results carry a one-line `message` the caller reports,
 * and the caller exits non-zero (see hasFailures).
 */
async function applyPromotions(plans, ctx) {
    const results = [];
    for (const plan of plans)
        results.push(await applyOne(plan, ctx.client, ctx.logger ?? logger/* nullLogger */.G));
    return results;
}
/** True when a destination was refused or failed: the run did not do everything its policies ask. */
function hasFailures(results) {
    return results.some((r) => r.status === 'refused' || r.status === 'failed');
}
async function applyOne(plan, client, logger) {
    const result = { ...plan, status: 'not-matched', referrersCopied: [] };
    if (plan.action === 'skip-no-match')
        return result;
    if (plan.action === 'refuse-moved-tag')
        return refuse(result, plan.existingDigest);
    try {
        if (plan.action === 'skip-same-digest') {
            result.status = 'up-to-date';
        }
        else {
            // Look again right before writing: another run may have taken the tag since planning.
            const now = await client.headManifest(plan.to);
            if (now !== undefined && now.digest !== plan.digest && plan.action !== 'overwrite') {
                return refuse(result, now.digest);
            }
            const copy = await (0,oci_copy/* copyImage */.L)(client, plan.from, plan.to, { logger });
            if (copy.status === 'skipped')
                result.status = 'up-to-date';
            else
                result.status = plan.action === 'overwrite' ? 'overwritten' : 'copied';
        }
        if (plan.referrers) {
            // Also when the image was already there: signatures and SBOMs are often added after the push.
            const refs = await copyReferrers(client, plan.from, plan.to, plan.digest, { logger });
            result.referrersCopied = refs.copied;
        }
        return result;
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.y))
            throw error;
        result.status = 'failed';
        result.message = `promotion "${plan.policy}" → ${plan.destination}: ${(0,errors/* errorMessage */.g)(error)}`;
        return result;
    }
}
function refuse(result, existing) {
    result.status = 'refused';
    result.existingDigest = existing;
    result.message =
        `promotion "${result.policy}": ${result.destination} points at ${existing}, not ${result.digest}; ` +
            'left as it is (set overwrite: true on the policy to move it)';
    return result;
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/engine/conditions.ts
var conditions = __webpack_require__(3678);
// EXTERNAL MODULE: ./src/engine/mirror-names.ts
var mirror_names = __webpack_require__(9054);
// EXTERNAL MODULE: ./src/engine/tag-template.ts
var tag_template = __webpack_require__(3629);
;// CONCATENATED MODULE: ./src/engine/promote/labels.ts



/** Largest image config read to look at its labels. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/**
 * The labels of the image at `ref` (which carries the digest): the
 * `config.Labels` of its image config. For a multi-platform index the labels
 * of linux/amd64 (else the first platform that is not an attestation) count,
 * since builders stamp the same labels on every platform.
 */
async function readImageLabels(client, ref) {
    const label = (0,reference/* formatReference */.FH)(ref);
    let raw = await client.getManifest(ref);
    if (media_types/* INDEX_MEDIATYPES */.zx.has(raw.mediaType)) {
        const child = pickPlatform(parse(label, raw.bytes).manifests ?? []);
        if (child === undefined)
            throw new errors/* UserError */.y(`${label}: the index lists no image to read labels from`);
        raw = await client.getManifest({ ...ref, tag: undefined, digest: child.digest });
    }
    const config = parse(label, raw.bytes).config;
    if (config === undefined)
        return {};
    if (config.size > MAX_CONFIG_BYTES) {
        throw new errors/* UserError */.y(`${label}: image config is ${config.size} bytes, too large to read labels from`);
    }
    const stream = await client.getBlob(ref.registry, ref.repository, config);
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    const body = parse(label, Buffer.concat(chunks));
    return body.config?.Labels ?? {};
}
function pickPlatform(children) {
    const images = children.filter((c) => c.platform?.os !== 'unknown');
    return images.find((c) => c.platform?.os === 'linux' && c.platform.architecture === 'amd64') ?? images[0];
}
function parse(label, bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.y(`${label}: manifest or config is not valid JSON`);
    }
}

;// CONCATENATED MODULE: ./src/engine/promote/plan.ts






/** The policies whose `from` is the repository of `ref` (same registry, same path). */
function policiesFor(config, ref) {
    const registry = (0,mirror_names/* canonicalRegistry */.i7)(ref.registry);
    return config.promotions.filter((p) => (0,mirror_names/* canonicalRegistry */.i7)(p.from.registry) === registry && p.from.repository === ref.repository);
}
/**
 * Decides what every policy watching REF's repository would do, without
 * writing anything: the image digest is resolved once (so a tag that moves
 * during the run cannot be promoted), `when:` is checked against the tag and,
 * only when a policy looks at labels, against the image config labels (read
 * once), and each destination tag is rendered and looked up. A template that
 * cannot give a valid tag throws before any destination is touched.
 */
async function planPromotions(config, ref, ctx) {
    const policies = policiesFor(config, ref);
    if (policies.length === 0)
        return [];
    const tag = ref.tag;
    if (tag === undefined) {
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: give the image's tag (conditions and tag templates use it), e.g. repo:tag@digest`);
    }
    const head = await ctx.client.headManifest(ref);
    if (head === undefined)
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: image not found`);
    const from = { registry: ref.registry, repository: ref.repository, tag, digest: head.digest };
    const source = (0,reference/* formatReference */.FH)(from);
    let labels;
    const labelsOnce = () => (labels ??= readImageLabels(ctx.client, from));
    // First decide and render everything, so template errors stop the run before any lookup.
    const decided = [];
    for (const policy of policies) {
        const decision = await decide(policy, tag, labelsOnce);
        const tags = policy.to.map((dest) => decision.matched ? render(policy, dest, tag, head.digest, ctx) : undefined);
        decided.push({ policy, decision, tags });
    }
    const plans = [];
    for (const { policy, decision, tags } of decided) {
        for (const [n, dest] of policy.to.entries()) {
            const base = { policy: policy.name, source, digest: head.digest, referrers: policy.referrers, from };
            const to = { registry: dest.repository.registry, repository: dest.repository.repository };
            const renderedTag = tags[n];
            if (renderedTag === undefined) {
                const destination = `${to.registry}/${to.repository}:${dest.tag}`;
                plans.push({ ...base, destination, to, action: 'skip-no-match', reasons: decision.reasons });
                continue;
            }
            to.tag = renderedTag;
            const found = await destinationAction(ctx, policy, to, head.digest);
            const reasons = [...decision.reasons, describeDestination(policy, found)];
            plans.push({ ...base, destination: (0,reference/* formatReference */.FH)(to), to, ...found, reasons });
        }
    }
    return plans;
}
async function decide(policy, tag, labels) {
    if (policy.when === undefined)
        return { matched: true, reasons: ['no conditions: every tag is promoted'] };
    const image = (0,conditions/* needsLabels */.Ri)(policy.when) ? { tag, labels: await labels() } : { tag };
    return (0,conditions/* evaluateWhen */.sE)(policy.when, image);
}
function render(policy, dest, tag, digest, ctx) {
    const { sha, branch } = ctx.vars;
    try {
        return (0,tag_template/* renderTagTemplate */.te)(dest.tag, { tag, digest, sha, branch, now: ctx.now });
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.y))
            throw error;
        const where = `${dest.repository.registry}/${dest.repository.repository}`;
        throw new errors/* UserError */.y(`promotion "${policy.name}" → ${where}: ${(0,errors/* errorMessage */.g)(error)}; nothing was promoted`);
    }
}
async function destinationAction(ctx, policy, to, digest) {
    const existing = await ctx.client.headManifest(to);
    if (existing === undefined)
        return { action: 'copy' };
    if (existing.digest === digest)
        return { action: 'skip-same-digest', existingDigest: existing.digest };
    return { action: policy.overwrite ? 'overwrite' : 'refuse-moved-tag', existingDigest: existing.digest };
}
function describeDestination(policy, found) {
    switch (found.action) {
        case 'copy':
            return 'destination tag does not exist yet';
        case 'skip-same-digest':
            return 'destination tag already points at this image';
        case 'overwrite':
            return `destination tag points at ${found.existingDigest}; overwrite: true moves it`;
        default:
            return (`destination tag points at ${found.existingDigest}; ` +
                `promotion "${policy.name}" does not set overwrite: true`);
    }
}

;// CONCATENATED MODULE: ./src/engine/promote/after-build.ts


/**
 * Applies the promotion policies to an image `build` just pushed or reused
 * (a cache hit). `builtRef` carries the tag and, when known, the digest, so
 * the image promoted is exactly the one built. Costs nothing when no policy
 * watches the image's repository. Refusals and failures are in the results
 * (see hasFailures); a template that cannot give a valid tag throws before
 * anything is written.
 */
async function promoteAfterBuild(config, builtRef, ctx) {
    if (policiesFor(config, builtRef).length === 0)
        return [];
    const plans = await planPromotions(config, builtRef, ctx);
    return applyPromotions(plans, ctx);
}

;// CONCATENATED MODULE: ./src/engine/promote/index.ts
// Promotion policies: copy an image by digest to other repositories when its
// tag and labels meet a policy's conditions (docs/promote-and-mirror.md).






/***/ })

};

//# sourceMappingURL=587.index.js.map