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
// EXTERNAL MODULE: ./src/engine/content-tag/index.ts + 17 modules
var content_tag = __webpack_require__(1517);
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
    return trimmed.length > 400 ? `${trimmed.slice(0, 400)}\u2026` : trimmed;
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
 * \u2026"). A DOCKER_CONFIG without a config.json holds no credentials, so the
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
            credential: await deps.client.transport.credential(registry),
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

//# sourceMappingURL=587.index.js.map