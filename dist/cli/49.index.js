export const id = 49;
export const ids = [49];
export const modules = {

/***/ 2049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONTENT_OPTIONS: () => (/* binding */ CONTENT_OPTIONS),
/* harmony export */   command: () => (/* binding */ command),
/* harmony export */   contentTagOptions: () => (/* binding */ contentTagOptions),
/* harmony export */   splitPlatforms: () => (/* binding */ splitPlatforms)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _engine_build_key_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2193);
/* harmony import */ var _engine_build_resolve_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3963);
/* harmony import */ var _engine_content_tag_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1517);




/** Options that feed the content tag, shared by `tag` and `build`. */
const CONTENT_OPTIONS = {
    context: { type: 'string' },
    dockerfile: { type: 'string', short: 'f' },
    'build-arg': { type: 'string', multiple: true },
    target: { type: 'string' },
    platform: { type: 'string', multiple: true },
    prefix: { type: 'string' },
    'extra-file': { type: 'string', multiple: true },
    'extra-value': { type: 'string', multiple: true },
    'include-commit': { type: 'boolean' }
};
/** Reads the content-tag options from the command line; paths resolve against the working directory. */
function contentTagOptions(ctx, values) {
    const inputs = (0,_engine_build_resolve_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInputs */ .e)({
        context: values.context ?? '.',
        dockerfile: values.dockerfile,
        buildArgs: (0,_engine_build_key_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseKeyValues */ .H)('--build-arg', values['build-arg']),
        platforms: splitPlatforms(values.platform)
    }, ctx.env, ctx.cwd);
    return {
        context: inputs.context,
        dockerfile: inputs.dockerfile,
        buildArgs: inputs.buildArgs,
        target: values.target,
        platforms: inputs.platforms,
        prefix: values.prefix,
        extraFiles: values['extra-file'],
        extraValues: (0,_engine_build_key_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseKeyValues */ .H)('--extra-value', values['extra-value']),
        includeCommit: values['include-commit'] === true
    };
}
/** `--platform a,b` and `--platform a --platform b` mean the same, as in docker buildx. */
function splitPlatforms(values) {
    return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
const command = {
    usage: 'tag --context DIR [--dockerfile PATH] [--build-arg K=V]... [--target T] [--platform P]... [--prefix P] ' +
        '[--extra-file F]... [--extra-value K=V]... [--include-commit] [--no-git] [--explain | --diff REF] [--json]',
    description: [
        'Prints the content tag of an image: a function of the build context after .dockerignore, the',
        'Dockerfile, the build args the Dockerfile declares, the target, the platforms and extra inputs',
        '(docs/content-tag.md). Nothing is built and no registry is asked.',
        '',
        '--explain lists every input with its digest (--json: an object whose `files` is the sorted',
        'list of paths the builder receives). --json alone prints {tag, digest, source}.',
        '--diff REF says why the tag differs from the image at REF, from the inputs that',
        '`image-mirror build` records on every image (label io.image-mirror.inputs).',
        '--no-git reads every file instead of taking unmodified ones from the git index: same tag, slower.'
    ].join('\n'),
    options: {
        ...CONTENT_OPTIONS,
        'no-git': { type: 'boolean' },
        explain: { type: 'boolean' },
        diff: { type: 'string' }
    },
    positionals: [0, 0],
    async run(ctx, values) {
        if (values.explain && values.diff !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('--explain and --diff cannot be combined');
        const options = { ...contentTagOptions(ctx, values), useGit: values['no-git'] === true ? false : undefined };
        const result = await (0,_engine_content_tag_index_js__WEBPACK_IMPORTED_MODULE_3__/* .computeContentTag */ .DH)(options);
        if (!values.explain)
            for (const warning of result.warnings)
                ctx.logger.warning(warning);
        // The registry client loads only for --diff: plain `tag` runs in every CI step.
        if (values.diff !== undefined)
            return (await Promise.all(/* import() */[__webpack_require__.e(99), __webpack_require__.e(631), __webpack_require__.e(613)]).then(__webpack_require__.bind(__webpack_require__, 9613))).printDiff(ctx, result, values.diff);
        if (values.explain) {
            if (ctx.global.json)
                ctx.out(JSON.stringify((0,_engine_content_tag_index_js__WEBPACK_IMPORTED_MODULE_3__/* .explainJson */ .eP)(result)));
            else
                for (const line of (0,_engine_content_tag_index_js__WEBPACK_IMPORTED_MODULE_3__/* .explainLines */ .bg)(result))
                    ctx.out(line);
            return;
        }
        ctx.out(ctx.global.json ? JSON.stringify({ tag: result.tag, digest: result.digest, source: result.source }) : result.tag);
    }
};


/***/ }),

/***/ 2193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ parseKeyValues),
/* harmony export */   o: () => (/* binding */ parseSecret)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Parses repeated `KEY=VALUE` options (build args, labels, extra values); the error names the option. */
function parseKeyValues(option, values) {
    const out = {};
    for (const value of values ?? []) {
        const eq = value.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${option} "${value}" is not KEY=VALUE`);
        out[value.slice(0, eq)] = value.slice(eq + 1);
    }
    return out;
}
/**
 * Parses a build secret as docker and buildah write it: `id=X,src=FILE` or
 * `id=X,env=VAR` (`source=`, `type=file|env` accepted). Only names and paths
 * are parsed; the secret's value is read by the builder.
 */
function parseSecret(value) {
    const fields = {};
    for (const part of value.split(',')) {
        const eq = part.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`--secret "${value}" is not id=ID,src=FILE or id=ID,env=VARIABLE`);
        fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
    const { id, type } = fields;
    const src = fields.src ?? fields.source;
    const env = fields.env;
    if (!id)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`--secret "${value}" has no id=`);
    if (type !== undefined && type !== 'file' && type !== 'env')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`--secret ${id}: type must be file or env`);
    // type=env,src=VAR is docker's long form of env=VAR.
    if (type === 'env' && src !== undefined && env === undefined)
        return { id, env: src };
    if ((src === undefined) === (env === undefined))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`--secret ${id}: give exactly one of src=FILE or env=VARIABLE`);
    return src !== undefined ? { id, src } : { id, env };
}


/***/ }),

/***/ 3963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ resolveInputs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1890);




// distribution/reference: a tag is [\w][\w.-]{0,127}.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// An ARG name is anything up to the `=` without whitespace (BuildKit's parser).
const ARG_NAME = /^[^\s=]+$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/**
 * Resolves paths (relative ones against `cwd`, as `docker build -f` does)
 * and validates everything a user can get wrong, so that a typo fails in
 * milliseconds with a message naming it instead of deep inside the builder.
 */
function resolveInputs(opts, env, cwd = process.cwd()) {
    const context = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, opts.context);
    checkContext(opts.context, context);
    const dockerfile = opts.dockerfile ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, opts.dockerfile) : defaultDockerfile(context);
    checkDockerfile(opts.dockerfile ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(opts.context, 'Dockerfile'), dockerfile);
    for (const name of Object.keys(opts.buildArgs ?? {})) {
        if (!ARG_NAME.test(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`invalid build arg name "${name}"`);
    }
    const platforms = (opts.platforms ?? []).map((p) => p.trim()).filter((p) => p !== '');
    for (const platform of platforms)
        (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePlatform */ .FL)(platform);
    const secrets = (opts.secrets ?? []).map((s) => checkSecret(s, env, cwd));
    const tags = [...new Set(opts.tags ?? [])];
    for (const tag of tags) {
        if (!TAG.test(tag))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`invalid tag "${tag}": expected letters, digits, _ . - (at most 128, not starting with . or -)`);
    }
    return { context, dockerfile, buildArgs: { ...opts.buildArgs }, platforms, secrets, tags };
}
/** `<context>/Dockerfile`, or `<context>/dockerfile` when only that exists (as BuildKit does). */
function defaultDockerfile(context) {
    const upper = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context, 'Dockerfile');
    const lower = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context, 'dockerfile');
    return !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(upper) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(lower) ? lower : upper;
}
function checkContext(given, path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`build context ${given} is not a directory`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(path);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`cannot read build context ${given}: ${reason(error)}`);
    }
}
function checkDockerfile(given, path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Dockerfile ${given} is not a file`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y)
            throw error;
        const code = error.code;
        if (code === 'ENOENT')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Dockerfile ${given} not found`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`cannot read Dockerfile ${given}: ${reason(error)}`);
    }
}
function checkSecret(secret, env, cwd) {
    if (!SECRET_ID.test(secret.id))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`invalid secret id "${secret.id}"`);
    if ((secret.src === undefined) === (secret.env === undefined)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`secret ${secret.id}: give exactly one of a file (src) or an environment variable (env)`);
    }
    if (secret.env !== undefined) {
        if (env[secret.env] === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`secret ${secret.id}: environment variable ${secret.env} is not set`);
        return { id: secret.id, env: secret.env };
    }
    const src = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, secret.src);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(src, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`secret ${secret.id}: cannot read ${secret.src}: ${reason(error)}`);
    }
    return { id: secret.id, src };
}
function reason(error) {
    const code = error.code;
    if (code === 'ENOENT')
        return 'no such file or directory';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    if (code === 'ENOTDIR')
        return 'not a directory';
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error);
}


/***/ }),

/***/ 1517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DH: () => (/* reexport */ computeContentTag),
  bo: () => (/* reexport */ diffInputs),
  eP: () => (/* reexport */ explainJson),
  bg: () => (/* reexport */ explainLines),
  rg: () => (/* reexport */ summarizeInputs)
});

// UNUSED EXPORTS: DEFAULT_HEX_LENGTH, DEFAULT_PREFIX, checkTagFormat

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/engine/content-tag/blob-hash.ts
// Git blob ids of files on disk (spec \u00a73.2): SHA-1 over "blob <size>\0" and
// the content, read in fixed-size chunks so memory stays flat for any file
// size. Large batches run on worker threads so hashing uses every core.




const CHUNK = 1 << 20;
/**
 * Describes one path with synchronous I/O. Self-contained on purpose: worker
 * threads run its source text, so it may only use its parameters.
 */
function describePath(fsm, cryptom, path, buf) {
    let st;
    try {
        st = fsm.lstatSync(path);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return ['absent', 0, '', 0];
        return ['error', 0, '', 0, String(code ?? e)];
    }
    if (st.isDirectory())
        return ['directory', 0, '', 0];
    if (st.isSymbolicLink()) {
        let target;
        try {
            target = fsm.readlinkSync(path, { encoding: 'buffer' });
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT')
                return ['absent', 0, '', 0];
            return ['error', 0, '', 0, String(code ?? e)];
        }
        const h = cryptom.createHash('sha1');
        h.update(`blob ${target.length}\0`);
        h.update(target);
        return ['symlink', 0o120000, h.digest('hex'), target.length];
    }
    if (!st.isFile())
        return ['other', 0, '', 0];
    let fd;
    try {
        // O_NONBLOCK: if the file was swapped for a FIFO since lstat, open must not hang.
        fd = fsm.openSync(path, fsm.constants.O_RDONLY | fsm.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return ['absent', 0, '', 0];
        return ['error', 0, '', 0, String(code ?? e)];
    }
    try {
        const size = st.size;
        const h = cryptom.createHash('sha1');
        h.update(`blob ${size}\0`);
        let total = 0;
        while (total < size) {
            const n = fsm.readSync(fd, buf, 0, buf.length, null);
            if (n === 0)
                break;
            total += n;
            h.update(n === buf.length ? buf : buf.subarray(0, n));
        }
        if (total !== size)
            return ['error', 0, '', 0, 'file changed while it was being read'];
        const mode = st.mode & 0o100 ? 0o100755 : 0o100644;
        return ['file', mode, h.digest('hex'), size];
    }
    catch (e) {
        return ['error', 0, '', 0, String(e.code ?? e)];
    }
    finally {
        fsm.closeSync(fd);
    }
}
function toDescribed(raw, path) {
    switch (raw[0]) {
        case 'file':
            return {
                kind: 'file',
                mode: raw[1] === 0o100755 ? '100755' : '100644',
                digest: raw[2],
                size: raw[3]
            };
        case 'symlink':
            return { kind: 'symlink', mode: '120000', digest: raw[2], size: raw[3] };
        case 'absent':
            return { kind: 'absent' };
        case 'directory':
            return { kind: 'directory' };
        case 'other':
            return { kind: 'other' };
        default:
            throw new errors/* UserError */.y(`cannot read ${path}: ${raw[4]}`);
    }
}
// A worker gets the context root once, then batches of relative paths, and
// answers each batch with RawDescribed rows.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const describePath = ${describePath.toString()}
const buf = Buffer.allocUnsafe(${CHUNK})
parentPort.on('message', (m) => {
  parentPort.postMessage({ id: m.id, rows: m.rels.map((rel) => describePath(fs, crypto, workerData + '/' + rel, buf)) })
})
`;
/** Below this many paths, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 2000;
const BATCH = 128;
// Batches a worker may hold while the caller is still listing (the thread cannot
// hand out more until the listing yields), and once it is waiting for answers.
const WHILE_LISTING = 32;
const WHILE_WAITING = 2;
/**
 * Describes context paths (relative to `root`) in the order they are pushed.
 * Once enough paths arrive it starts worker threads and hands them batches
 * while the caller is still listing, so walking and hashing overlap.
 */
class Describer {
    /** The relative paths pushed so far, in order; results come back in the same order. */
    rels = [];
    root;
    threads;
    forced;
    workers = [];
    batches = [];
    rows = [];
    queued = 0;
    sent = 0;
    answered = 0;
    waiting = false;
    closing = false;
    failure;
    settle;
    constructor(root, opts = {}) {
        this.root = root;
        this.forced = opts.threads !== undefined;
        this.threads = opts.threads ?? Math.min((0,external_node_os_.availableParallelism)(), 8);
    }
    /** Adds one path; the walk calls this for every file it keeps. */
    push(rel) {
        this.rels.push(rel);
        if (this.workers.length === 0 &&
            this.threads > 0 &&
            (this.forced || this.rels.length >= WORKER_THRESHOLD))
            this.startWorkers();
        if (this.workers.length > 0 && this.rels.length - this.queued >= BATCH) {
            this.batches.push({ start: this.queued, end: this.rels.length });
            this.queued = this.rels.length;
            this.pump();
        }
    }
    /** Waits for every pushed path's description. */
    async finish() {
        const abs = (rel) => this.root + '/' + rel;
        if (this.workers.length === 0) {
            const buf = Buffer.allocUnsafe(CHUNK);
            return this.rels.map((rel) => toDescribed(describePath(external_node_fs_, external_node_crypto_, abs(rel), buf), abs(rel)));
        }
        for (let start = this.queued; start < this.rels.length; start += BATCH) {
            this.batches.push({ start, end: Math.min(start + BATCH, this.rels.length) });
        }
        this.queued = this.rels.length;
        this.waiting = true;
        try {
            await new Promise((resolve, reject) => {
                this.settle = { resolve, reject };
                if (this.failure !== undefined)
                    return reject(this.failure);
                this.pump();
                this.checkDone();
            });
            return this.rows.map((r, i) => toDescribed(r, abs(this.rels[i])));
        }
        finally {
            this.closing = true;
            await Promise.all(this.workers.map((w) => w.thread.terminate()));
        }
    }
    startWorkers() {
        // Loaded on demand: most tags (the git fast path) never start a thread.
        const { Worker } = process.getBuiltinModule('node:worker_threads');
        for (let i = 0; i < this.threads; i++) {
            const worker = {
                thread: new Worker(WORKER_SOURCE, { eval: true, workerData: this.root }),
                inFlight: 0
            };
            worker.thread.on('message', (m) => {
                const start = this.batches[m.id].start;
                m.rows.forEach((row, j) => (this.rows[start + j] = row));
                worker.inFlight--;
                this.answered++;
                this.pump();
                this.checkDone();
            });
            // A thread that dies would leave its batches unanswered: fail instead of waiting forever.
            const fail = (e) => {
                this.failure ??= e;
                this.settle?.reject(this.failure);
            };
            worker.thread.on('error', fail);
            worker.thread.on('exit', (code) => {
                if (!this.closing)
                    fail(new Error(`a hashing thread stopped (exit code ${code})`));
            });
            this.workers.push(worker);
        }
    }
    /** Hands queued batches to the least busy workers, up to the current limit. */
    pump() {
        const limit = this.waiting ? WHILE_WAITING : WHILE_LISTING;
        while (this.sent < this.batches.length) {
            const worker = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
            if (worker.inFlight >= limit)
                return;
            const id = this.sent++;
            const batch = this.batches[id];
            worker.inFlight++;
            worker.thread.postMessage({ id, rels: this.rels.slice(batch.start, batch.end) });
        }
    }
    checkDone() {
        if (this.waiting && this.answered === this.batches.length)
            this.settle?.resolve();
    }
}
/** Describes every path (relative to `root`), in order; worker threads for large sets. */
function describeAll(root, rels, opts = {}) {
    const describer = new Describer(root, opts);
    for (const rel of rels)
        describer.push(rel);
    return describer.finish();
}

;// CONCATENATED MODULE: ./src/engine/content-tag/go-text.ts
// Go standard-library string helpers that .dockerignore handling depends on.
// BuildKit is written in Go, so reading ignore files exactly as it does means
// trimming the same whitespace and cleaning paths the same way (spec \u00a74).
// unicode.IsSpace: Latin-1 spaces plus the White_Space property. It differs
// from String.prototype.trim: Go trims U+0085 and keeps U+FEFF.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const LEADING = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING = new RegExp(`[${GO_SPACE}]+$`);
/** strings.TrimSpace: strips leading and trailing Unicode white space as Go defines it. */
function goTrimSpace(s) {
    return s.replace(LEADING, '').replace(TRAILING, '');
}
/**
 * path/filepath.Clean on a Unix system: collapses repeated slashes, drops `.`
 * elements, resolves `..` against the preceding element, drops a trailing
 * slash, and returns `.` for an empty result.
 */
function goCleanPath(p) {
    if (p === '')
        return '.';
    const rooted = p.startsWith('/');
    const out = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
            continue;
        }
        out.push(part);
    }
    const joined = (rooted ? '/' : '') + out.join('/');
    return joined === '' ? '.' : joined;
}

;// CONCATENATED MODULE: ./src/engine/content-tag/pattern-matcher.ts
// The .dockerignore pattern language as moby/patternmatcher implements it,
// which is what BuildKit (through tonistiigi/fsutil) applies to the build
// context. Spec \u00a74.2\u2013\u00a74.3. Behaviour is ported from the Go source and its test
// table (test/unit/content-tag/pattern-matcher.test.ts); the code is our own.

/** A pattern the Go implementation rejects; the message names the pattern. */
class PatternError extends Error {
    name = 'PatternError';
}
/**
 * Compiles patterns as patternmatcher.New does: trim, skip empty, filepath.Clean,
 * split off `!`, check the syntax with filepath.Match's rules, and build the
 * matcher. Throws PatternError for a lone `!`, bad glob syntax, or a pattern
 * whose regular expression Go would refuse.
 */
function newPatternMatcher(lines) {
    const patterns = [];
    for (const line of lines) {
        let p = goTrimSpace(line);
        if (p === '')
            continue;
        p = goCleanPath(p);
        let exclusion = false;
        if (p.startsWith('!')) {
            if (p.length === 1)
                throw new PatternError('illegal exclusion pattern: "!"');
            exclusion = true;
            p = p.slice(1);
        }
        if (!globSyntaxValid(p))
            throw new PatternError(`syntax error in pattern "${p}"`);
        patterns.push(compilePattern(p, exclusion));
    }
    return { patterns, exclusions: patterns.some((p) => p.exclusion) };
}
/** MatchesExact: the patterns against `path` alone, without looking at parent directories. */
function matchesExact(pm, path) {
    let matched = false;
    for (const p of pm.patterns) {
        if (p.exclusion !== matched)
            continue;
        if (p.test(path))
            matched = !p.exclusion;
    }
    return matched;
}
/** MatchesOrParentMatches: a pattern matching a parent directory of `path` matches `path`. */
function matchesOrParentMatches(pm, path) {
    let matched = false;
    const parents = parentPrefixes(path);
    for (const p of pm.patterns) {
        if (p.exclusion !== matched)
            continue;
        let match = p.test(path);
        if (!match)
            match = parents.some((dir) => p.test(dir));
        if (match)
            matched = !p.exclusion;
    }
    return matched;
}
/**
 * MatchesUsingParentResults, the function fsutil's walker calls: the parent
 * directory's per-pattern results replace re-matching the parent path. Pass
 * `undefined` for entries at the top of the context.
 */
function matchesUsingParentResults(pm, path, parent) {
    const info = new Array(pm.patterns.length).fill(false);
    let matched = false;
    pm.patterns.forEach((p, i) => {
        let match = parent !== undefined && parent.length > 0 ? parent[i] : false;
        if (!match) {
            if (p.exclusion !== matched)
                return;
            match = p.test(path);
            if (!match && (parent === undefined || parent.length === 0)) {
                match = parentPrefixes(path).some((dir) => p.test(dir));
            }
        }
        info[i] = match;
        if (match)
            matched = !p.exclusion;
    });
    return { matched, info };
}
/** matchesUsingParentResults(\u2026).matched without the per-pattern list: for files (no children). */
function matchedUsingParentResults(pm, path, parent) {
    const withParent = parent !== undefined && parent.length > 0;
    let matched = false;
    const patterns = pm.patterns;
    for (let i = 0; i < patterns.length; i++) {
        const p = patterns[i];
        let match = withParent ? parent[i] : false;
        if (!match) {
            if (p.exclusion !== matched)
                continue;
            match = p.test(path) || (!withParent && parentPrefixes(path).some((dir) => p.test(dir)));
        }
        if (match)
            matched = !p.exclusion;
    }
    return matched;
}
/** "a/b/c" \u2192 ["a", "a/b"]: the parent directories, shortest first. */
function parentPrefixes(path) {
    const out = [];
    let i = path.indexOf('/');
    while (i > 0) {
        out.push(path.slice(0, i));
        i = path.indexOf('/', i + 1);
    }
    return out;
}
// Characters Go's compile escapes because they are regexp syntax but have no
// meaning in a glob (patternmatcher's shouldEscape).
const GO_ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
/** Builds the matcher for one cleaned pattern, as patternmatcher's compile with separator "/". */
function compilePattern(cleaned, exclusion = false) {
    let re = '^';
    let kind = 'exact';
    const chars = Array.from(cleaned);
    for (let idx = 0, i = 0; idx < chars.length; i++) {
        const ch = chars[idx++];
        if (ch === '*') {
            if (chars[idx] === '*') {
                idx++;
                if (chars[idx] === '/')
                    idx++;
                if (idx >= chars.length) {
                    // "**" at the end accepts everything below, as in .gitignore.
                    if (kind === 'exact')
                        kind = 'prefix';
                    else {
                        re += '.*';
                        kind = 'regexp';
                    }
                }
                else {
                    re += '(.*/)?';
                    kind = 'regexp';
                }
                if (i === 0)
                    kind = 'suffix';
            }
            else {
                re += '[^/]*';
                kind = 'regexp';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
            kind = 'regexp';
        }
        else if (GO_ESCAPED.has(ch)) {
            re += '\\' + ch;
        }
        else if (ch === '\\') {
            if (idx < chars.length) {
                re += '\\' + chars[idx++];
                kind = 'regexp';
            }
            else {
                re += '\\\\';
            }
        }
        else if (ch === '[' || ch === ']') {
            re += ch;
            kind = 'regexp';
        }
        else {
            re += ch;
        }
    }
    const pattern = { cleaned, exclusion, kind, goRegexp: '', test: () => false };
    switch (kind) {
        case 'exact':
            pattern.test = (path) => path === cleaned;
            break;
        case 'prefix': {
            const prefix = cleaned.slice(0, -2);
            pattern.test = (path) => path.startsWith(prefix);
            break;
        }
        case 'suffix': {
            const suffix = cleaned.slice(2);
            const bare = suffix.startsWith('/') ? suffix.slice(1) : undefined;
            pattern.test = (path) => path.endsWith(suffix) || path === bare;
            break;
        }
        case 'regexp': {
            pattern.goRegexp = re + '$';
            const js = goRegexpToJs(pattern.goRegexp, cleaned);
            // A match must end with the pattern's trailing literal text ("**/*.log" \u2192 ".log");
            // checking that first spares the expression for most paths.
            const tail = /[^*?[\]\\]*$/.exec(cleaned)[0];
            pattern.test =
                tail === '' ? (path) => js.test(path) : (path) => path.endsWith(tail) && js.test(path);
            break;
        }
    }
    return pattern;
}
/**
 * Go's filepath.Match syntax check (patternmatcher calls Match(pattern, ".")
 * only for its error). A pattern is bad when a `\` ends a chunk or a bracket
 * expression is empty, unterminated, starts a range with `-` or `]`, or has a
 * dangling `-`. `^` negates a class; `!` is an ordinary character in Go.
 */
function globSyntaxValid(pattern) {
    let rest = pattern;
    while (rest.length > 0) {
        let s = 0;
        while (s < rest.length && rest[s] === '*')
            s++;
        rest = rest.slice(s);
        let inRange = false;
        let j = 0;
        for (; j < rest.length; j++) {
            const c = rest[j];
            if (c === '\\') {
                if (j + 1 < rest.length)
                    j++;
            }
            else if (c === '[')
                inRange = true;
            else if (c === ']')
                inRange = false;
            else if (c === '*' && !inRange)
                break;
        }
        if (!chunkSyntaxValid(rest.slice(0, j)))
            return false;
        rest = rest.slice(j);
    }
    return true;
}
function chunkSyntaxValid(chunk) {
    let k = 0;
    while (k < chunk.length) {
        const c = chunk[k];
        if (c === '[') {
            k++;
            if (chunk[k] === '^')
                k++;
            let ranges = 0;
            for (;;) {
                if (k < chunk.length && chunk[k] === ']' && ranges > 0) {
                    k++;
                    break;
                }
                let next = classChar(chunk, k);
                if (next === undefined)
                    return false;
                k = next;
                if (chunk[k] === '-') {
                    next = classChar(chunk, k + 1);
                    if (next === undefined)
                        return false;
                    k = next;
                }
                ranges++;
            }
        }
        else if (c === '\\') {
            k++;
            if (k >= chunk.length)
                return false;
            k++;
        }
        else {
            k++;
        }
    }
    return true;
}
/** filepath's getEsc: one (possibly escaped) class character; undefined on a syntax error. */
function classChar(chunk, k) {
    if (k >= chunk.length || chunk[k] === '-' || chunk[k] === ']')
        return undefined;
    if (chunk[k] === '\\') {
        k++;
        if (k >= chunk.length)
            return undefined;
    }
    k += chunk.codePointAt(k) > 0xffff ? 2 : 1;
    return k >= chunk.length ? undefined : k;
}
/**
 * Translates the RE2 expression patternmatcher builds into a JavaScript RegExp
 * with the same meaning, reading it the way Go's regexp parser does. Escapes of
 * letters and digits (`\d`, `\w`, `\n`, \u2026) are refused: RE2 gives them meanings
 * no glob user intends, and refusing is safer than guessing (spec \u00a74.3).
 */
function goRegexpToJs(goRe, cleaned) {
    const cps = Array.from(goRe);
    let out = '';
    let inClass = false;
    let classStart = false;
    const lit = (c) => `\\u{${c.codePointAt(0).toString(16)}}`;
    for (let i = 0; i < cps.length; i++) {
        const c = cps[i];
        if (c === '\\') {
            const n = cps[++i];
            if (n === undefined)
                throw new PatternError(`pattern "${cleaned}" ends with a lone backslash`);
            if (/[A-Za-z0-9]/.test(n)) {
                throw new PatternError(`pattern "${cleaned}" uses the escape \\${n}, which BuildKit reads as a regular-expression escape; it is not supported`);
            }
            out += lit(n);
            classStart = false;
            continue;
        }
        if (inClass) {
            if (classStart && c === '^') {
                out += '^';
                continue;
            }
            if (c === ']' && !classStart) {
                out += ']';
                inClass = false;
                continue;
            }
            if (c === '[' && cps[i + 1] === ':') {
                throw new PatternError(`pattern "${cleaned}" uses a POSIX character class, which is not supported`);
            }
            out += c === '-' ? '-' : lit(c);
            classStart = false;
            continue;
        }
        switch (c) {
            case '[':
                out += '[';
                inClass = true;
                classStart = true;
                break;
            case '(':
                out += '(?:';
                break;
            case ')':
            case '?':
            case '*':
            case '^':
            case '$':
                out += c;
                break;
            case '.':
                // RE2's dot excludes only \n (JavaScript's also excludes \r, U+2028, U+2029).
                out += '[^\\n]';
                break;
            default:
                out += lit(c);
        }
    }
    try {
        return new RegExp(out, 'u');
    }
    catch {
        throw new PatternError(`pattern "${cleaned}" is not a valid expression (for example a reversed range like [z-a])`);
    }
}

;// CONCATENATED MODULE: ./src/engine/content-tag/context-filter.ts
// Which context paths the builder receives, decided exactly as fsutil's
// filtered walk does when BuildKit sends the context with the .dockerignore
// patterns as ExcludePatterns (spec \u00a74.4). Both the git listing and the
// directory walk ask this one object, so they agree by construction.

// What a pattern's own test can say for the files of one directory.
const NEVER = 0;
const ALWAYS = 1;
const BY_NAME = 2;
// fsutil treats an exception as a plain prefix only when, without a trailing
// "/**" or "/*", it has none of these characters.
const PATTERN_CHARS = /[*[\]?^\\]/;
/** Decides inclusion for context-relative POSIX paths; caches per directory. */
class ContextFilter {
    matcher;
    dirs = new Map();
    lastDirPath = '';
    lastDir;
    onlyPrefixExceptions;
    exceptionPrefixes;
    constructor(matcher) {
        this.matcher = matcher;
        const exceptions = matcher.patterns
            .filter((p) => p.exclusion)
            .map((p) => withoutTrailingGlob(p.cleaned));
        this.onlyPrefixExceptions = !exceptions.some((p) => PATTERN_CHARS.test(p));
        this.exceptionPrefixes = exceptions.map((p) => p + '/');
    }
    /** True when no pattern excludes anything: every path is sent. */
    get empty() {
        return this.matcher.patterns.length === 0;
    }
    /** True when a file or symlink at `path` is sent to the builder. */
    includesFile(path) {
        if (this.empty)
            return true;
        const slash = path.lastIndexOf('/');
        let parent;
        if (slash >= 0) {
            // Listings name many files of one directory in a row: reuse its state without slicing.
            let dir = this.lastDir;
            if (dir === undefined ||
                slash !== this.lastDirPath.length ||
                !path.startsWith(this.lastDirPath)) {
                this.lastDirPath = path.slice(0, slash);
                dir = this.lastDir = this.dir(this.lastDirPath);
            }
            if (dir.pruned)
                return false;
            if (dir.info !== undefined && dir.info.length > 0) {
                return !this.matchedInDir(dir, (dir.files ??= this.fileRule(dir)), path);
            }
            parent = dir.info;
        }
        return !matchedUsingParentResults(this.matcher, path, parent);
    }
    /** matchedUsingParentResults(matcher, path, dir.info) for a file directly in `dir`. */
    matchedInDir(dir, rule, path) {
        if (rule.constant !== undefined)
            return rule.constant;
        const patterns = this.matcher.patterns;
        const info = dir.info;
        const tests = rule.tests;
        let matched = false;
        for (let i = 0; i < patterns.length; i++) {
            const p = patterns[i];
            let match = info[i];
            if (!match) {
                if (p.exclusion !== matched)
                    continue;
                const t = tests[i];
                match = t === ALWAYS || (t === BY_NAME && p.test(path));
            }
            if (match)
                matched = !p.exclusion;
        }
        return matched;
    }
    fileRule(dir) {
        const patterns = this.matcher.patterns;
        const tests = new Uint8Array(patterns.length);
        const base = dir.path + '/';
        let byName = false;
        patterns.forEach((p, i) => {
            tests[i] = testForFilesIn(p.kind, p.cleaned, base);
            byName ||= tests[i] === BY_NAME;
        });
        const rule = { tests };
        // No name matters: decide for a file name nothing could match on its own.
        if (!byName)
            rule.constant = this.matchedInDir(dir, rule, base);
        return rule;
    }
    /** True when the walk may skip everything below the directory `path`. */
    prunes(path) {
        return !this.empty && this.dir(path).pruned;
    }
    dir(path) {
        const known = this.dirs.get(path);
        if (known)
            return known;
        const slash = path.lastIndexOf('/');
        let parentInfo;
        let state;
        const parent = slash >= 0 ? this.dir(path.slice(0, slash)) : undefined;
        if (parent?.pruned) {
            state = { path, info: parent.info, excluded: true, pruned: true };
        }
        else {
            parentInfo = parent?.info;
            const { matched, info } = matchesUsingParentResults(this.matcher, path, parentInfo);
            state = { path, info, excluded: matched, pruned: matched && this.skipsExcludedDir(path) };
        }
        this.dirs.set(path, state);
        return state;
    }
    /** fsutil walks into an excluded directory only when an exception could re-include below it. */
    skipsExcludedDir(path) {
        if (!this.onlyPrefixExceptions)
            return false;
        if (!this.matcher.exclusions)
            return true;
        const dirSlash = path + '/';
        return !this.exceptionPrefixes.some((p) => p.startsWith(dirSlash));
    }
}
/**
 * What a pattern's test (pattern-matcher.ts compilePattern) answers for paths
 * `base + name`, name without a slash: exact patterns match one path, prefix
 * patterns all or none of a directory's files unless the prefix ends inside
 * this directory; suffixes and expressions depend on the name.
 */
function testForFilesIn(kind, cleaned, base) {
    if (kind === 'exact') {
        return cleaned.startsWith(base) && !cleaned.includes('/', base.length) ? BY_NAME : NEVER;
    }
    if (kind === 'prefix') {
        const prefix = cleaned.slice(0, -2);
        if (base.startsWith(prefix))
            return ALWAYS;
        return prefix.startsWith(base) && !prefix.includes('/', base.length) ? BY_NAME : NEVER;
    }
    return BY_NAME;
}
function withoutTrailingGlob(p) {
    if (p.endsWith('/**'))
        p = p.slice(0, -3);
    if (p.endsWith('/*'))
        p = p.slice(0, -2);
    return p;
}

;// CONCATENATED MODULE: ./src/engine/content-tag/dockerignore.ts
// Reading .dockerignore files as BuildKit's dockerui frontend does (spec \u00a74.1).





/**
 * moby/patternmatcher's ignorefile.ReadAll: strip a UTF-8 byte order mark,
 * split lines (a trailing CR is dropped), skip lines that start with `#` in the
 * first column, trim white space, skip blank lines, clean the path (keeping a
 * leading `!`) and drop one leading `/`.
 */
function readIgnoreLines(text) {
    if (text.startsWith('\uFEFF'))
        text = text.slice(1);
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    const out = [];
    for (let line of lines) {
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        // The comment test comes before trimming: "  # x" is a pattern, not a comment.
        if (line.startsWith('#'))
            continue;
        let pattern = goTrimSpace(line);
        if (pattern === '')
            continue;
        const invert = pattern.startsWith('!');
        if (invert)
            pattern = goTrimSpace(pattern.slice(1));
        if (pattern.length > 0) {
            pattern = goCleanPath(pattern);
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        out.push(invert ? '!' + pattern : pattern);
    }
    return out;
}
/**
 * Finds the ignore file BuildKit uses: `<Dockerfile name>.dockerignore` next to
 * the Dockerfile when it exists, else `.dockerignore` at the context root.
 * `dockerfileAsNamed` is the Dockerfile path as the user named it (before the
 * lowercase `dockerfile` fallback), because BuildKit derives the name from it.
 */
async function loadIgnoreFile(context, dockerfileAsNamed) {
    const candidates = [
        (0,external_node_path_.join)((0,external_node_path_.dirname)(dockerfileAsNamed), (0,external_node_path_.basename)(dockerfileAsNamed) + '.dockerignore'),
        (0,external_node_path_.join)(context, '.dockerignore')
    ];
    for (const path of candidates) {
        let text;
        try {
            // Synchronous: one small file, and fs/promises costs start-up time the tag command avoids.
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                continue;
            throw new errors/* UserError */.y(`cannot read ignore file ${path}: ${code ?? String(error)}`);
        }
        const patterns = readIgnoreLines(text);
        return { path, patterns, matcher: compileIgnore(path, patterns) };
    }
    return { patterns: [], matcher: newPatternMatcher([]) };
}
/** Compiles patterns, turning a pattern error into a UserError that names the file. */
function compileIgnore(path, patterns) {
    try {
        return newPatternMatcher(patterns);
    }
    catch (error) {
        if (error instanceof PatternError)
            throw new errors/* UserError */.y(`invalid pattern in ${path}: ${error.message}`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/engine/content-tag/dockerfile.ts
// Just enough Dockerfile parsing to know which build args the build can see
// and which stages exist (spec \u00a73.4). Where this reading is unsure it errs
// towards counting an argument: a spurious rebuild is cheap, a stale image is not.
const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/g;
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);
/** Reads ARG declarations and stage names from Dockerfile text. */
function readDockerfile(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    let escape = '\\';
    let standardFrontend = true;
    let i = 0;
    // Parser directives: only at the very top, ended by the first other line.
    for (; i < lines.length; i++) {
        const m = DIRECTIVE.exec(lines[i]);
        if (!m)
            break;
        const name = m[1].toLowerCase();
        if (name === 'escape' && (m[2] === '`' || m[2] === '\\'))
            escape = m[2];
        if (name === 'syntax')
            standardFrontend = /^(docker\.io\/)?docker\/dockerfile(-upstream)?([:@].*)?$/.test(m[2]);
    }
    const facts = { args: new Set(), stages: [], standardFrontend };
    let logical = '';
    for (; i < lines.length; i++) {
        const raw = lines[i];
        const trimmed = raw.trimStart();
        if (trimmed.startsWith('#'))
            continue;
        if (logical !== '' && trimmed === '')
            continue;
        const body = raw.trimEnd();
        if (body.endsWith(escape)) {
            logical += body.slice(0, -1) + ' ';
            continue;
        }
        logical += raw;
        const line = logical.trim();
        logical = '';
        if (line === '')
            continue;
        const word = /^(\S+)\s*(.*)$/s.exec(line);
        const instruction = word[1].toUpperCase();
        const args = word[2];
        if (instruction === 'ARG')
            for (const name of argNames(args))
                facts.args.add(name);
        else if (instruction === 'FROM') {
            const stage = /\s[Aa][Ss]\s+(\S+)\s*$/.exec(' ' + args);
            if (stage)
                facts.stages.push(stage[1].toLowerCase());
        }
        else if (HEREDOC_INSTRUCTIONS.has(instruction)) {
            i = skipHeredocs(lines, i, args);
        }
    }
    return facts;
}
/** `ARG a=1 "b" c` \u2192 a, b, c: the names before any `=`, quotes removed. */
function argNames(args) {
    const names = [];
    for (const token of shellWords(args)) {
        const eq = token.indexOf('=');
        const name = (eq >= 0 ? token.slice(0, eq) : token).replace(/["']/g, '');
        if (name !== '')
            names.push(name);
    }
    return names;
}
/** Splits on white space outside single or double quotes. */
function shellWords(s) {
    const words = [];
    let current = '';
    let quote = '';
    for (const c of s) {
        if (quote !== '') {
            current += c;
            if (c === quote)
                quote = '';
        }
        else if (c === '"' || c === "'") {
            quote = c;
            current += c;
        }
        else if (/\s/.test(c)) {
            if (current !== '')
                words.push(current);
            current = '';
        }
        else
            current += c;
    }
    if (current !== '')
        words.push(current);
    return words;
}
/** Skips the bodies of `<<WORD` here-documents opened on line `at`; returns the last line read. */
function skipHeredocs(lines, at, args) {
    let i = at;
    for (const m of args.matchAll(HEREDOC)) {
        const stripTabs = m[1] === '-';
        const word = m[3];
        for (i++; i < lines.length; i++) {
            const line = stripTabs ? lines[i].replace(/^\t+/, '') : lines[i];
            if (line === word)
                break;
        }
    }
    return i;
}

;// CONCATENATED MODULE: ./src/engine/content-tag/encoding.ts
// The canonical v1 encoding (spec \u00a76): sequences of netstrings, so no value
// can be confused with another whatever bytes it holds. Changing anything here
// changes every tag: it needs a new scheme version, not an edit.

const ASCII = /^[\x00-\x7f]*$/;
/** Netstring: `<byte length in decimal>:<UTF-8 bytes>,`. */
function netstring(s) {
    const n = ASCII.test(s) ? s.length : Buffer.byteLength(s, 'utf8');
    return `${n}:${s},`;
}
/** Orders strings by their UTF-8 bytes (git's order), not by UTF-16 code units. */
function compareBytes(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        let x = a.charCodeAt(i);
        let y = b.charCodeAt(i);
        if (x === y)
            continue;
        // Surrogates (U+D800\u2013DFFF) encode code points above U+FFFF: in UTF-8 they sort after
        // U+E000\u2013FFFF.
        if (x >= 0xd800 && y >= 0xd800) {
            x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
            y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
        }
        return x - y;
    }
    return a.length - b.length;
}
const SURROGATE = /[\ud800-\udfff]/;
/**
 * Sorts file inputs by path in byte order (paths are unique). Without
 * characters above U+FFFF (surrogate pairs), JavaScript's native UTF-16
 * comparison is byte order and much cheaper than comparing by hand; one scan
 * of all paths joined tells which applies. git's listing usually arrives
 * sorted, which one pass of comparisons proves.
 */
function sortFiles(files) {
    const paths = new Array(files.length);
    for (let i = 0; i < files.length; i++)
        paths[i] = files[i].path;
    const compare = SURROGATE.test(paths.join('\0'))
        ? (x, y) => compareBytes(x.path, y.path)
        : (x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
    for (let i = 1; i < files.length; i++) {
        if (compare(files[i - 1], files[i]) > 0)
            return files.sort(compare);
    }
    return files;
}
// Entries per hashed chunk: large enough to amortise the hash call, small
// enough that a chunk's string stays cheap to build and to check.
const encoding_CHUNK = 1024;
/**
 * Builds a file list section (spec \u00a76.2) entry by entry as string chunks,
 * hashed in order: one multi-megabyte string for a large context costs more
 * than the hashing. A chunk is built with character counts as lengths, exact
 * when it is all ASCII (one native byte count proves it); a chunk holding
 * other characters is rebuilt with UTF-8 byte lengths from the entries it
 * keeps for that.
 */
class FilesSection {
    count = 0;
    label;
    chunks = [];
    chunk = '';
    kept = [];
    constructor(label) {
        this.label = label;
    }
    add(path, mode, digest) {
        this.chunk += path.length + ':' + path + ',' + mode.length + ':' + mode + ',';
        this.chunk += digest.length + ':' + digest + ',';
        this.kept.push(path, mode, digest);
        if (++this.count % encoding_CHUNK === 0)
            this.flush();
    }
    /** The section: its head (label and entry count), then the chunks. */
    parts() {
        this.flush();
        return [netstring(this.label) + netstring(String(this.count)), ...this.chunks];
    }
    flush() {
        if (this.chunk === '')
            return;
        let s = this.chunk;
        if (Buffer.byteLength(s, 'utf8') !== s.length)
            s = this.kept.map(netstring).join('');
        this.chunks.push(s);
        this.chunk = '';
        this.kept.length = 0;
    }
}
/** A file list section of `files` as string chunks (FilesSection). */
function encodeFiles(label, files) {
    const section = new FilesSection(label);
    for (const f of files)
        section.add(f.path, f.mode, f.digest);
    return section.parts();
}
/** The context digest: SHA-256 (hex) of the `files` section (spec \u00a76.2). */
function contextDigestOf(files) {
    return sha256Parts(encodeFiles('files', files));
}
function encodeMap(label, map) {
    const keys = Object.keys(map).sort(compareBytes);
    return (netstring(label) +
        netstring(String(keys.length)) +
        keys.map((k) => netstring(k) + netstring(map[k])).join(''));
}
function encodeOptional(label, value) {
    return (netstring(label) + (value === undefined ? netstring('0') : netstring('1') + netstring(value)));
}
/**
 * The canonical encoding of a v1 input set (spec \u00a76.1). The context's files
 * enter through their section's digest, so this record stays small whatever
 * the context holds; its SHA-256 is the tag's digest.
 */
function encodeInputs(inputs) {
    return (netstring('image-mirror content-tag') +
        netstring(inputs.version) +
        netstring('dockerfile') +
        netstring(inputs.dockerfile.path) +
        netstring(inputs.dockerfile.digest) +
        netstring('context') +
        netstring(inputs.contextDigest) +
        encodeMap('build-args', inputs.buildArgs) +
        encodeOptional('target', inputs.target) +
        netstring('platforms') +
        netstring(String(inputs.platforms.length)) +
        inputs.platforms.map(netstring).join('') +
        encodeFiles('extra-files', inputs.extra.files).join('') +
        encodeMap('extra-values', inputs.extra.values) +
        encodeOptional('commit', inputs.commit) +
        encodeOptional('repo-path', inputs.repoPath));
}
/** SHA-256 hex of the parts in order: strings as UTF-8, buffers as they are. */
function sha256Parts(parts) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (const part of parts)
        h.update(part);
    return h.digest('hex');
}
/** SHA-256 hex of a string's UTF-8 bytes. */
function sha256Hex(s) {
    return (0,external_node_crypto_.createHash)('sha256').update(s, 'utf8').digest('hex');
}
/** Git blob id of in-memory content. */
function blobId(content) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

;// CONCATENATED MODULE: ./src/engine/content-tag/index-entries.ts

const MODES = ['100644', '100755', '120000'];
// What follows the path in an encoded entry: the comma closing it and the mode's netstring.
const AFTER_PATH = MODES.map((m) => Buffer.from(`,${m.length}:${m},`, 'latin1'));
const COLON = 0x3a;
const COMMA = 0x2c;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Entries of one work tree's index, in index order (byte order of path). */
class IndexEntries {
    /** Context-relative directory of the work tree ('' or `sub/` for a submodule). */
    prefix;
    prefixBytes;
    /** Where each entry's path (without the prefix) and blob id lie in `encoded`. */
    pathStart;
    pathEnd;
    digestStart;
    digestEnd;
    /** Each entry's encoding is encoded[encStart, encEnd). */
    encStart;
    encEnd;
    encoded;
    encodedLength = 0;
    count = 0;
    /** `capacity` entries and `bytes` of encoding are reserved; both grow as needed. */
    constructor(prefix, capacity = 1024, bytes = 64 * capacity) {
        this.prefix = prefix;
        this.prefixBytes = Buffer.from(prefix, 'utf8');
        this.pathStart = new Int32Array(capacity);
        this.pathEnd = new Int32Array(capacity);
        this.digestStart = new Int32Array(capacity);
        this.digestEnd = new Int32Array(capacity);
        this.encStart = new Int32Array(capacity);
        this.encEnd = new Int32Array(capacity);
        this.encoded = Buffer.allocUnsafe(bytes);
    }
    get length() {
        return this.count;
    }
    /**
     * Adds an entry whose work-tree path is path[pathStart, pathEnd) (UTF-8)
     * and whose binary blob id is id[idStart, idStart + idLength), encoded as
     * netstrings of context path, mode and blob id in hex.
     */
    push(path, pathStart, pathEnd, id, idStart, idLength, mode) {
        if (this.count === this.pathStart.length)
            this.grow();
        const prefix = this.prefixBytes;
        const pathLength = prefix.length + pathEnd - pathStart;
        this.reserve(pathLength + 2 * idLength + 40);
        const out = this.encoded;
        const i = this.count++;
        let at = this.encodedLength;
        this.encStart[i] = at;
        at = writeDecimal(out, at, pathLength);
        out[at++] = COLON;
        for (let k = 0; k < prefix.length; k++)
            out[at++] = prefix[k];
        this.pathStart[i] = at;
        // Loops: the pieces are short, and a native copy per piece costs more than it saves.
        for (let k = pathStart; k < pathEnd; k++)
            out[at++] = path[k];
        this.pathEnd[i] = at;
        const after = AFTER_PATH[mode];
        for (let k = 0; k < after.length; k++)
            out[at++] = after[k];
        at = writeDecimal(out, at, 2 * idLength);
        out[at++] = COLON;
        this.digestStart[i] = at;
        for (let k = idStart; k < idStart + idLength; k++) {
            const b = id[k];
            out[at++] = HEX[b >> 4];
            out[at++] = HEX[b & 15];
        }
        this.digestEnd[i] = at;
        out[at++] = COMMA;
        this.encEnd[i] = at;
        this.encodedLength = at;
    }
    /** The path relative to the work tree. */
    localPath(i) {
        return this.encoded.toString('utf8', this.pathStart[i], this.pathEnd[i]);
    }
    /** The path relative to the context. */
    path(i) {
        return this.prefix + this.localPath(i);
    }
    /** The mode as git normalises it: 100644, 100755 or 120000. */
    mode(i) {
        // The mode's digits follow the path's closing comma and "6:".
        return this.encoded.toString('latin1', this.pathEnd[i] + 3, this.pathEnd[i] + 9);
    }
    digest(i) {
        return this.encoded.toString('latin1', this.digestStart[i], this.digestEnd[i]);
    }
    entry(i) {
        return { path: this.path(i), mode: this.mode(i), digest: this.digest(i) };
    }
    toFileInputs() {
        const out = new Array(this.count);
        for (let i = 0; i < this.count; i++)
            out[i] = this.entry(i);
        return out;
    }
    /** The first index in [0, length) whose path does not sort before `path` (byte order). */
    lowerBound(path) {
        return firstNotBefore(this.count, (i) => compareBytes(this.path(i), path) < 0);
    }
    /**
     * The encoded entries [from, to) as the fewest pieces: entries added one
     * after another are one piece. The pieces share memory with this object.
     */
    encodedPieces(from, to, into) {
        let start = -1;
        let end = -1;
        for (let i = from; i < to; i++) {
            if (this.encStart[i] !== end) {
                if (start >= 0)
                    into.push(this.encoded.subarray(start, end));
                start = this.encStart[i];
            }
            end = this.encEnd[i];
        }
        if (start >= 0)
            into.push(this.encoded.subarray(start, end));
    }
    /** Removes the entries `drop` selects by index, keeping the order of the rest. */
    removeWhere(drop) {
        let kept = 0;
        for (let i = 0; i < this.count; i++) {
            if (drop(i))
                continue;
            this.pathStart[kept] = this.pathStart[i];
            this.pathEnd[kept] = this.pathEnd[i];
            this.digestStart[kept] = this.digestStart[i];
            this.digestEnd[kept] = this.digestEnd[i];
            this.encStart[kept] = this.encStart[i];
            this.encEnd[kept] = this.encEnd[i];
            kept++;
        }
        this.count = kept;
    }
    reserve(bytes) {
        if (this.encodedLength + bytes <= this.encoded.length)
            return;
        const bigger = Buffer.allocUnsafe(Math.max(this.encoded.length * 2, this.encodedLength + bytes));
        this.encoded.copy(bigger, 0, 0, this.encodedLength);
        this.encoded = bigger;
    }
    grow() {
        const size = this.pathStart.length * 2;
        const widen = (a) => {
            const b = new Int32Array(size);
            b.set(a);
            return b;
        };
        this.pathStart = widen(this.pathStart);
        this.pathEnd = widen(this.pathEnd);
        this.digestStart = widen(this.digestStart);
        this.digestEnd = widen(this.digestEnd);
        this.encStart = widen(this.encStart);
        this.encEnd = widen(this.encEnd);
    }
}
/** Writes `n` (\u2265 0) in decimal at `at`; returns the offset after it. */
function writeDecimal(out, at, n) {
    if (n < 10) {
        out[at] = 0x30 + n;
        return at + 1;
    }
    const digits = n < 100 ? 2 : n < 1000 ? 3 : String(n).length;
    for (let k = at + digits - 1; k >= at; k--) {
        out[k] = 0x30 + (n % 10);
        n = Math.floor(n / 10);
    }
    return at + digits;
}
/** Binary search: the first index in [0, length) for which `before` is false (sorted input). */
function firstNotBefore(length, before) {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

;// CONCATENATED MODULE: ./src/engine/content-tag/file-list.ts
// The context's file list (spec \u00a76.2): the index entries of a git work tree
// merged with the files read from disk, in byte order, unique by path, without
// entries below a path that is itself a file. A 50,000-file context would
// spend more time collecting the garbage of one object per index entry than
// hashing, so index entries stay bytes in git's output, already encoded, and
// the section is hashed in long runs of them; file objects are built only
// when someone reads them (explain, build labels).


/**
 * The context files from the index `runs` (one per work tree) and the files
 * described from disk. `readFromDisk` names the paths read as files or
 * symlinks: what git's index lists below them is not sent to the builder.
 */
function contextFiles(runs, fromDisk, readFromDisk) {
    if (runs.length === 1)
        return mergedFiles(runs[0], fromDisk, readFromDisk);
    let files = runs.flatMap((run) => run.toFileInputs()).concat(fromDisk);
    files = uniquePaths(sortFiles(files));
    if (runs.length > 0 && readFromDisk.length > 0)
        files = dropShadowed(files, readFromDisk);
    const all = files;
    return { count: all.length, digest: contextDigestOf(all), toArray: () => all };
}
/**
 * One index run merged with the disk files: each disk file's place in the
 * run is found by binary search, and the run's entries between them go into
 * the hash as the bytes they were encoded to when listed.
 */
function mergedFiles(run, fromDisk, readFromDisk) {
    // Entries below a path read as a file can be read from disk too (git flags
    // them deleted or changed, and reading them follows a symlink).
    const disk = dropShadowed(uniquePaths(sortFiles([...fromDisk])), readFromDisk);
    const segments = mergeSegments(run, disk, shadowedRanges(run, readFromDisk));
    let count = 0;
    const pieces = [];
    for (const segment of segments) {
        if ('path' in segment) {
            count++;
            pieces.push(netstring(segment.path) + netstring(segment.mode) + netstring(segment.digest));
        }
        else {
            count += segment.to - segment.from;
            run.encodedPieces(segment.from, segment.to, pieces);
        }
    }
    pieces.unshift(netstring('files') + netstring(String(count)));
    let built;
    return {
        count,
        digest: sha256Parts(pieces),
        toArray: () => {
            if (built === undefined) {
                built = [];
                for (const segment of segments) {
                    if ('path' in segment)
                        built.push(segment);
                    else
                        for (let i = segment.from; i < segment.to; i++)
                            built.push(run.entry(i));
                }
            }
            return built;
        }
    };
}
/**
 * The merged list in order: the run's entries, except those in `skip`, and
 * the disk files between them. On an equal path the run's entry is kept (a
 * listing can reach a path two ways); `disk` is sorted by bytes.
 */
function mergeSegments(run, disk, skip) {
    const segments = [];
    let s = 0;
    // Run entries [from, to), less the skipped ranges (sorted, disjoint).
    const addRun = (from, to) => {
        while (from < to) {
            while (s < skip.length && skip[s][1] <= from)
                s++;
            const next = s < skip.length ? skip[s] : undefined;
            if (next !== undefined && next[0] <= from) {
                from = next[1];
                continue;
            }
            const end = next !== undefined && next[0] < to ? next[0] : to;
            segments.push({ from, to: end });
            from = end;
        }
    };
    let i = 0;
    for (const file of disk) {
        const at = run.lowerBound(file.path);
        addRun(i, at);
        i = Math.max(i, at);
        if (at < run.length && run.path(at) === file.path)
            continue;
        segments.push(file);
    }
    addRun(i, run.length);
    return segments;
}
/** Index ranges [from, to) of the run's entries below a path read from disk as a file. */
function shadowedRanges(run, readFromDisk) {
    const ranges = [];
    for (const path of readFromDisk) {
        const below = path + '/';
        const lo = run.lowerBound(below);
        let end = lo;
        while (end < run.length && run.path(end).startsWith(below))
            end++;
        if (end > lo)
            ranges.push([lo, end]);
    }
    // Nested paths give nested ranges, which mergeSegments passes over as one.
    return ranges.sort((a, b) => a[0] - b[0]);
}
/** Drops repeated paths from a sorted list; one listing can reach a path two ways. */
function uniquePaths(files) {
    let repeated = false;
    for (let i = 1; i < files.length && !repeated; i++)
        repeated = files[i].path === files[i - 1].path;
    return repeated ? files.filter((f, i) => i === 0 || f.path !== files[i - 1].path) : files;
}
/**
 * Drops entries below a path that is itself a file or symlink. The walk never
 * produces them, but git's index can still list `dir/x` after `dir` became a
 * symlink, and reading `dir/x` follows it; the builder gets only `dir`. Such a
 * `dir` is always one read from disk; `files` is sorted, so what lies below it
 * is one contiguous run.
 */
function dropShadowed(files, fromDisk) {
    const drop = new Set();
    for (const path of fromDisk) {
        const below = path + '/';
        const lo = firstNotBefore(files.length, (i) => compareBytes(files[i].path, below) < 0);
        for (let i = lo; i < files.length && files[i].path.startsWith(below); i++)
            drop.add(i);
    }
    return drop.size === 0 ? files : files.filter((_, i) => !drop.has(i));
}

;// CONCATENATED MODULE: ./src/engine/content-tag/fs-files.ts
// The context's files found by walking the directory tree (spec \u00a75.1): used
// outside git, with useGit: false, and for untracked directories and
// submodules inside the git fast path.


/**
 * Walks `relDir` (context-relative, '' for the root) below `root` and pushes
 * the context-relative path of every regular file and symlink the builder
 * receives into `out`. Directories the filter prunes are not read; `.git`
 * entries are skipped at every depth.
 */
function walkContext(root, relDir, filter, notes, out) {
    const stack = [relDir];
    while (stack.length > 0) {
        const rel = stack.pop();
        const abs = rel === '' ? root : root + '/' + rel;
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true });
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                continue;
            // fsutil ignores permission errors only below directories that are excluded anyway.
            if (code === 'EACCES' && rel !== '' && !filter.includesFile(rel))
                continue;
            throw new errors/* UserError */.y(`cannot read directory ${abs}: ${code ?? String(error)}`);
        }
        for (const entry of entries) {
            const name = entry.name;
            const childRel = rel === '' ? name : `${rel}/${name}`;
            if (name.includes('\uFFFD'))
                throw new errors/* UserError */.y(`file name is not valid UTF-8: ${abs}/${name}`);
            if (name === '.git') {
                if (filter.includesFile(childRel))
                    notes.gitMetadataSent = true;
                continue;
            }
            if (entry.isDirectory()) {
                if (!filter.prunes(childRel))
                    stack.push(childRel);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                if (filter.includesFile(childRel))
                    out.push(childRel);
            }
            else if (filter.includesFile(childRel)) {
                notes.warnings.push(`${childRel} is not a regular file, directory or symlink; it is not part of the tag`);
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/engine/content-tag/git.ts
// Running git and finding repositories for the content tag.



/** git could not answer (not installed, not a work tree, refused the repository). */
class GitUnavailable extends Error {
    name = 'GitUnavailable';
}
// Variables a git hook or wrapper may set that would point git at another repository.
const REDIRECTING = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_COMMON_DIR',
    'GIT_PREFIX',
    'GIT_NAMESPACE'
];
function gitEnv() {
    const env = {
        ...process.env,
        GIT_OPTIONAL_LOCKS: '0',
        GIT_TERMINAL_PROMPT: '0'
    };
    for (const name of REDIRECTING)
        delete env[name];
    return env;
}
/**
 * Runs git with an argument array in `cwd` and returns stdout as UTF-8.
 * `okCodes` lists exit codes that are answers rather than failures.
 */
function runGit(cwd, args, input, okCodes = [0]) {
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', args, {
            cwd,
            env: gitEnv(),
            stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', (e) => reject(new GitUnavailable(`cannot run git: ${e.message}`)));
        child.on('close', (code) => {
            if (code !== null && okCodes.includes(code)) {
                resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8') });
            }
            else {
                const line = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
                reject(new GitUnavailable(`git ${args[0]} failed in ${cwd}: ${line || `exit ${code}`}`));
            }
        });
        if (input !== undefined && child.stdin)
            child.stdin.end(input);
    });
}
/** The nearest directory at or above `dir` holding a `.git` entry (directory or file). */
function findWorkTreeRoot(dir) {
    let current = (0,external_node_path_.resolve)(dir);
    for (;;) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(current, '.git')))
            return current;
        const parent = (0,external_node_path_.dirname)(current);
        if (parent === current)
            return undefined;
        current = parent;
    }
}
/**
 * The repository's git directories for a work tree root: its own and, for a
 * linked worktree, the common one. `.git` may be a file ("gitdir: \u2026") in
 * submodules and worktrees.
 */
function gitDirs(top) {
    const dotGit = (0,external_node_path_.join)(top, '.git');
    try {
        if ((0,external_node_fs_.lstatSync)(dotGit).isDirectory())
            return [dotGit];
        const m = /^gitdir:\s*(.+?)\s*$/m.exec((0,external_node_fs_.readFileSync)(dotGit, 'utf8'));
        if (!m)
            return [];
        const own = (0,external_node_path_.resolve)(top, m[1]);
        const dirs = [own];
        try {
            dirs.push((0,external_node_path_.resolve)(own, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(own, 'commondir'), 'utf8').trim()));
        }
        catch {
            // Not a linked worktree.
        }
        return dirs;
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/engine/content-tag/git-index.ts
// Reads git's index file (gitformat-index, versions 2 to 4) in place. Reading
// it here instead of through `git ls-files -s` lets the listing start while
// git's stat check and untracked listing run, rather than after a
// multi-megabyte pipe from a third git process that competes with them for
// the CPU (spec \u00a75.2).

/** SHA-1 object ids; a SHA-256 repository is refused before its index is read (git-files.ts). */
const ID_LENGTH = 20;
const SIGNATURE = 0x44495243; // "DIRC"
const HEADER = 12;
// ctime, mtime (seconds and nanoseconds), dev, ino, mode, uid, gid, size: 32 bits each.
const STAT_BYTES = 40;
const FLAGS = STAT_BYTES + ID_LENGTH;
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const STAGE_MASK = 0x3000;
const NAME_MASK = 0x0fff;
const SKIP_WORKTREE = 0x4000;
const INTENT_TO_ADD = 0x2000;
const DIRECTORY_MODE = 0o040000;
/**
 * Calls `visit` for every entry of the index `file`, in index order (byte
 * order of path, then stage). Throws GitUnavailable for what it does not
 * read: another format, a split index (its entries live in a second file)
 * or a sparse index (directories stand for the files below them).
 */
function walkIndex(file, visit) {
    // A repository where nothing was ever added has no index file.
    if (file.length === 0)
        return;
    if (file.length < HEADER || file.readUInt32BE(0) !== SIGNATURE)
        unreadable('it is not a git index');
    const version = file.readUInt32BE(4);
    if (version < 2 || version > 4)
        unreadable(`index version ${version} is not one image-mirror reads`);
    const count = file.readUInt32BE(8);
    // Version 4 stores each path as a change of the one before, so paths are rebuilt here.
    let scratch = Buffer.allocUnsafe(version === 4 ? 4096 : 0);
    let previousLength = 0;
    const entry = { path: file, pathStart: 0, pathEnd: 0, idStart: 0, mode: 0, stage: 0, flagged: false };
    const varint = { next: 0 };
    let at = HEADER;
    const end = file.length - ID_LENGTH;
    for (let n = 0; n < count; n++) {
        if (at + FLAGS + 2 > end)
            unreadable('it ends inside an entry');
        const start = at;
        const flags = file.readUInt16BE(at + FLAGS);
        let extended = 0;
        at += FLAGS + 2;
        if (flags & EXTENDED) {
            if (version < 3)
                unreadable('an entry has extended flags in a version 2 index');
            extended = file.readUInt16BE(at);
            at += 2;
        }
        entry.mode = file.readUInt32BE(start + 24);
        if ((entry.mode & 0o170000) === DIRECTORY_MODE)
            unreadable('it is a sparse index (index.sparse)');
        entry.idStart = start + STAT_BYTES;
        entry.stage = (flags & STAGE_MASK) >> 12;
        entry.flagged = (flags & ASSUME_VALID) !== 0 || (extended & (SKIP_WORKTREE | INTENT_TO_ADD)) !== 0;
        if (version === 4) {
            const strip = readVarint(file, at, varint);
            at = varint.next;
            const nul = file.indexOf(0, at);
            if (nul < 0 || nul > end || strip > previousLength)
                unreadable('a path is cut short');
            const kept = previousLength - strip;
            const length = kept + nul - at;
            if (length > scratch.length) {
                const bigger = Buffer.allocUnsafe(length * 2);
                scratch.copy(bigger, 0, 0, kept);
                scratch = bigger;
            }
            file.copy(scratch, kept, at, nul);
            entry.path = scratch;
            entry.pathStart = 0;
            entry.pathEnd = length;
            previousLength = length;
            at = nul + 1;
        }
        else {
            const nameLength = flags & NAME_MASK;
            const nul = nameLength < NAME_MASK ? at + nameLength : file.indexOf(0, at + NAME_MASK);
            if (nul < 0 || nul >= end || file[nul] !== 0)
                unreadable('a path is cut short');
            entry.path = file;
            entry.pathStart = at;
            entry.pathEnd = nul;
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            at = start + ((nul - start + 8) & ~7);
        }
        visit(entry);
    }
    checkExtensions(file, at, end);
}
/** Split-index entries live in a shared index file this reader does not follow. */
function checkExtensions(file, at, end) {
    while (at + 8 <= end) {
        const signature = file.toString('latin1', at, at + 4);
        if (signature === 'link')
            unreadable('it is a split index (core.splitIndex)');
        if (signature === 'sdir')
            unreadable('it is a sparse index (index.sparse)');
        at += 8 + file.readUInt32BE(at + 4);
    }
}
/** git's offset varint (varint.c): seven bits a byte, each continuation adding one. Sets `out.next`. */
function readVarint(file, at, out) {
    let c = file[at++];
    let value = c & 127;
    while (c & 128) {
        if (at >= file.length || value > 2 ** 40)
            unreadable('a path length is malformed');
        c = file[at++];
        value = (value + 1) * 128 + (c & 127);
    }
    out.next = at;
    return value;
}
function unreadable(why) {
    throw new GitUnavailable(`cannot read git's index: ${why}`);
}

;// CONCATENATED MODULE: ./src/engine/content-tag/git-files.ts
// The git fast path (spec \u00a75.2): git's index gives the blob ids (read here,
// git-index.ts); `git ls-files -o` lists the untracked paths (ignored ones
// included, since .gitignore does not matter to the builder) and `git
// diff-files` uses git's stat cache to name the entries whose working tree
// file differs. Only flagged, changed, untracked and attribute-converted
// files are read from disk; every other blob id comes straight from the index.









/**
 * Starts the git processes for the work tree at `cwd` in parallel, so they run
 * while the caller reads the Dockerfile, the ignore file and git's index. The
 * stat check, the longest, starts first.
 */
function startGitQuery(cwd) {
    const query = {
        cwd,
        changed: runGit(cwd, ['diff-files', '--name-only', '-z', '--relative']),
        untracked: runGit(cwd, ['ls-files', '-z', '-o', '--directory']),
        config: runGit(cwd, [
            'config',
            '-z',
            '--get-regexp',
            '^(core\\.(autocrlf|eol|attributesfile|filemode|symlinks)|extensions\\.objectformat)$'
        ], undefined, [0, 1])
    };
    // Whichever fails first is reported by listFromGit; the others must not go unhandled.
    for (const p of [query.untracked, query.changed, query.config])
        p.catch(() => { });
    return query;
}
// The file type in the top bits of an index entry's mode.
const SYMLINK = 0o12;
const GITLINK = 0o16;
/**
 * Lists the context below `root` through git. `sub` is the context-relative
 * directory of the work tree to list ('' for the context itself; set for
 * submodules). Throws GitUnavailable when git cannot list it.
 */
async function listFromGit(root, sub, top, filter, notes, query = startGitQuery(sub === '' ? root : (0,external_node_path_.join)(root, sub))) {
    const cwd = query.cwd;
    const prefix = sub === '' ? '' : sub + '/';
    // The index is read while git checks the work tree; a SHA-256 repository
    // (which git's config tells) explains an index that cannot be read.
    let index;
    let unreadable;
    try {
        index = listIndex(top, cwd, prefix, filter);
    }
    catch (error) {
        if (!(error instanceof GitUnavailable))
            throw error;
        unreadable = error;
    }
    const settings = parseConfig((await query.config).stdout);
    if (settings.objectformat !== undefined && settings.objectformat !== 'sha1') {
        throw new GitUnavailable(`the repository uses ${settings.objectformat} object ids, and content tags hash files as SHA-1 git blobs`);
    }
    if (index === undefined)
        throw unreadable;
    const { entries, gitlinks, attributesTracked } = index;
    const listing = { indexed: [entries], fromDisk: index.fromDisk };
    // Checkout converts every text file, or the index records modes the disk does not have
    // (core.fileMode/core.symlinks false): then only the disk can say what the builder gets.
    const convertAll = settings.autocrlf === 'true' ||
        settings.autocrlf === 'input' ||
        settings.eol === 'crlf' ||
        settings.filemode === 'false' ||
        settings.symlinks === 'false';
    if (convertAll) {
        entries.removeWhere((i) => {
            listing.fromDisk.push(entries.path(i));
            return true;
        });
    }
    // Entries whose working tree file git's stat check found changed are read from disk.
    const modified = (await query.changed).stdout.split('\0').filter((p) => p !== '');
    if (modified.length > 0)
        moveToDisk(entries, modified, listing.fromDisk);
    if (!convertAll &&
        entries.length > 0 &&
        (attributesTracked || attributesMayApply(top, cwd, settings))) {
        await moveConvertedToDisk(cwd, entries, listing.fromDisk);
    }
    // Untracked paths, one per file; "dir/" stands for a directory git holds nothing in.
    for (const path of checkNames((await query.untracked).stdout, cwd).split('\0')) {
        if (path === '')
            continue;
        if (path.endsWith('/')) {
            const rel = path === './' ? sub : prefix + path.slice(0, -1);
            if (rel === '' || !filter.prunes(rel))
                walkContext(root, rel, filter, notes, listing.fromDisk);
        }
        else {
            const rel = prefix + path;
            if (filter.includesFile(rel))
                listing.fromDisk.push(rel);
        }
    }
    for (const link of gitlinks) {
        const rel = prefix + link;
        if (filter.prunes(rel))
            continue;
        await listSubmodule(root, rel, filter, notes, listing);
    }
    return listing;
}
/**
 * The index entries of the work tree at `top` below `cwd` that the context
 * filter keeps, one pass over git's index.
 */
function listIndex(top, cwd, prefix, filter) {
    const file = readIndexFile(top);
    // The index names paths from the work tree root; the listing wants those below cwd.
    const within = Buffer.from(workTreeDirectory(top, cwd), 'utf8');
    const listing = {
        entries: new IndexEntries(prefix, Math.max(1024, file.length >> 7), file.length + 1024),
        fromDisk: [],
        gitlinks: [],
        attributesTracked: false
    };
    let previous = '';
    walkIndex(file, (e) => {
        if (!startsWith(e.path, e.pathStart, e.pathEnd, within))
            return;
        const start = e.pathStart + within.length;
        const path = decodePath(e.path, start, e.pathEnd, cwd);
        const kind = e.mode >>> 12;
        if (kind === GITLINK) {
            if (path !== previous)
                listing.gitlinks.push(path);
            previous = path;
            return;
        }
        if (path.endsWith('.gitattributes') && (path.length === 14 || path.endsWith('/.gitattributes')))
            listing.attributesTracked = true;
        // Unmerged paths repeat once per stage; the first record already sent them to disk.
        if (path === previous)
            return;
        previous = path;
        const rel = prefix + path;
        if (!filter.includesFile(rel))
            return;
        if (e.stage !== 0 || e.flagged)
            listing.fromDisk.push(rel);
        else {
            const mode = kind === SYMLINK ? 2 : e.mode & 0o100 ? 1 : 0;
            listing.entries.push(e.path, start, e.pathEnd, file, e.idStart, ID_LENGTH, mode);
        }
    });
    return listing;
}
/**
 * A checked-out submodule is listed through its own index; anything else
 * (not initialised, or git refuses it) is walked on disk. Either way the
 * builder receives its working tree files, so they are part of the context.
 */
async function listSubmodule(root, rel, filter, notes, into) {
    const abs = (0,external_node_path_.join)(root, rel);
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(abs, '.git'))) {
        if (filter.includesFile(rel + '/.git'))
            notes.gitMetadataSent = true;
        try {
            const inner = await listFromGit(root, rel, abs, filter, notes);
            appendAll(into.indexed, inner.indexed);
            appendAll(into.fromDisk, inner.fromDisk);
            return;
        }
        catch (error) {
            if (!(error instanceof GitUnavailable))
                throw error;
        }
    }
    walkContext(root, rel, filter, notes, into.fromDisk);
}
/** push(...items) without the argument-count limit of spreading large arrays. */
function appendAll(into, items) {
    for (const item of items)
        into.push(item);
}
/** git prints names as raw bytes: one that is not UTF-8 decodes to U+FFFD (spec \u00a73.1). */
function checkNames(out, cwd) {
    const bad = out.indexOf('\uFFFD');
    if (bad >= 0) {
        const name = out
            .slice(out.lastIndexOf('\0', bad) + 1, out.indexOf('\0', bad))
            .replace(/^.*\t/, '');
        throw new errors/* UserError */.y(`file name is not valid UTF-8 under ${cwd}: ${name}`);
    }
    return out;
}
/** The work tree's index file; empty when nothing was ever added. */
function readIndexFile(top) {
    const gitDir = gitDirs(top)[0];
    if (gitDir === undefined)
        throw new GitUnavailable(`cannot find the git directory of ${top}`);
    try {
        return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(gitDir, 'index'));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return Buffer.alloc(0);
        throw new GitUnavailable(`cannot read git's index in ${gitDir}: ${error.code ?? String(error)}`);
    }
}
/**
 * `cwd` as a path in the work tree at `top` with a trailing slash ('' for
 * the root), from real paths as git computes it: a symlink on the way to the
 * context must not hide the index entries below it.
 */
function workTreeDirectory(top, cwd) {
    const rel = (0,external_node_path_.relative)((0,external_node_fs_.realpathSync)(top), (0,external_node_fs_.realpathSync)(cwd));
    if (rel === '')
        return '';
    if (rel.startsWith('..'))
        throw new GitUnavailable(`${cwd} is not inside the work tree ${top}`);
    return rel.split(external_node_path_.sep).join('/') + '/';
}
function startsWith(bytes, start, end, head) {
    if (end - start < head.length)
        return false;
    for (let k = 0; k < head.length; k++)
        if (bytes[start + k] !== head[k])
            return false;
    return true;
}
/** A path of the index as a string; one that is not UTF-8 is refused (spec \u00a73.1). */
function decodePath(bytes, start, end, cwd) {
    const path = bytes.toString('utf8', start, end);
    if (path.includes('\uFFFD') && !(0,external_node_buffer_.isUtf8)(bytes.subarray(start, end))) {
        throw new errors/* UserError */.y(`file name is not valid UTF-8 under ${cwd}: ${path}`);
    }
    return path;
}
/**
 * Moves the entries whose work tree path is in `paths` to the from-disk list.
 * A few paths are looked up (the entries are sorted); many, or a whole tree
 * touched, are matched in one pass.
 */
function moveToDisk(entries, paths, fromDisk) {
    const list = [...paths];
    const drop = new Set();
    if (list.length * 64 < entries.length) {
        for (const local of list) {
            const i = entries.lowerBound(entries.prefix + local);
            if (i < entries.length && entries.localPath(i) === local)
                drop.add(i);
        }
    }
    else {
        const named = new Set(list);
        for (let i = 0; i < entries.length; i++)
            if (named.has(entries.localPath(i)))
                drop.add(i);
    }
    if (drop.size === 0)
        return;
    entries.removeWhere((i) => {
        if (!drop.has(i))
            return false;
        fromDisk.push(entries.path(i));
        return true;
    });
}
function parseConfig(stdout) {
    const settings = {};
    for (const record of stdout.split('\0')) {
        const nl = record.indexOf('\n');
        if (nl < 0)
            continue;
        const key = record
            .slice(0, nl)
            .toLowerCase()
            .replace(/^(core|extensions)\./, '');
        settings[key] = record.slice(nl + 1).toLowerCase();
    }
    return settings;
}
/**
 * True when a gitattributes source outside the listing exists: a
 * `.gitattributes` in a directory between the work tree root and the context, the
 * repository's info/attributes, or the user's or the system's file.
 */
function attributesMayApply(top, cwd, settings) {
    const candidates = [];
    for (let dir = cwd; dir.startsWith(top); dir = (0,external_node_path_.join)(dir, '..')) {
        candidates.push((0,external_node_path_.join)(dir, '.gitattributes'));
        if (dir === top)
            break;
    }
    for (const gitDir of gitDirs(top))
        candidates.push((0,external_node_path_.join)(gitDir, 'info', 'attributes'));
    const xdg = process.env['XDG_CONFIG_HOME'] || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.config');
    candidates.push(settings.attributesfile?.replace(/^~(?=\/)/, (0,external_node_os_.homedir)()) ?? (0,external_node_path_.join)(xdg, 'git', 'attributes'));
    candidates.push('/etc/gitattributes', '/usr/local/etc/gitattributes');
    return candidates.some((p) => (0,external_node_fs_.existsSync)(p));
}
// Attributes that make the working tree file differ from the blob, on checkout
// (filter, ident, working-tree-encoding, eol=crlf) or after a local edit that
// git normalises when it compares (text, eol). Spec \u00a75.2.
const CONVERTING = ['filter', 'ident', 'working-tree-encoding', 'text', 'eol'];
async function moveConvertedToDisk(cwd, entries, fromDisk) {
    const local = [];
    for (let i = 0; i < entries.length; i++)
        local.push(entries.localPath(i));
    const { stdout } = await runGit(cwd, ['check-attr', '-z', '--stdin', ...CONVERTING], local.join('\0') + '\0');
    const converted = new Set();
    const fields = stdout.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
        const value = fields[i + 2];
        if (value !== 'unspecified' && value !== 'unset')
            converted.add(fields[i]);
    }
    if (converted.size > 0)
        moveToDisk(entries, converted, fromDisk);
}

;// CONCATENATED MODULE: ./src/engine/content-tag/platforms.ts
// Platform strings normalised as containerd's platforms.Normalize does, so
// that spellings the builder treats alike hash alike (spec \u00a73.5).

const PART = /^[a-z0-9._-]+$/;
/**
 * Normalises, de-duplicates and sorts platform strings. Each entry may hold a
 * comma-separated list (as `--platform linux/amd64,linux/arm64`). Throws a
 * UserError naming any value that is not os/arch[/variant].
 */
function normalisePlatforms(values) {
    const out = new Set();
    for (const value of values) {
        for (const item of value.split(',')) {
            const trimmed = item.trim();
            if (trimmed === '' && value.includes(','))
                continue;
            out.add(normalisePlatform(trimmed));
        }
    }
    return [...out].sort();
}
/** One `os/arch[/variant]` in containerd's normal form, e.g. `linux/aarch64` \u2192 `linux/arm64`. */
function normalisePlatform(value) {
    const parts = value.toLowerCase().split('/');
    if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PART.test(p))) {
        throw new errors/* UserError */.y(`invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`);
    }
    let [os, arch, variant = ''] = parts;
    if (os === 'macos')
        os = 'darwin';
    switch (arch) {
        case 'i386':
            arch = '386';
            variant = '';
            break;
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            arch = 'amd64';
            if (variant === 'v1')
                variant = '';
            break;
        case 'aarch64':
        case 'arm64':
            arch = 'arm64';
            if (variant === '8' || variant === 'v8' || variant === 'v8.0')
                variant = '';
            else if (variant === '9' || variant === '9.0' || variant === 'v9.0')
                variant = 'v9';
            break;
        case 'armhf':
            arch = 'arm';
            variant = 'v7';
            break;
        case 'armel':
            arch = 'arm';
            variant = 'v6';
            break;
        case 'arm':
            if (variant === '' || variant === '7')
                variant = 'v7';
            else if (variant === '5' || variant === '6' || variant === '8')
                variant = 'v' + variant;
            break;
    }
    return variant === '' ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}

;// CONCATENATED MODULE: ./src/engine/content-tag/tag.ts
// computeContentTag: gathers every input (spec \u00a73), lists the context through
// git or the file system (spec \u00a75), encodes canonically (spec \u00a76) and hashes.














/** The prefix tags get unless the caller chooses one. */
const DEFAULT_PREFIX = 'im-v1-';
/** Hex digits of the digest kept in the tag by default (160 bits). */
const DEFAULT_HEX_LENGTH = 40;
const PREFIX_GRAMMAR = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
// Build args BuildKit reads itself, without any ARG in the Dockerfile, and that
// change the result (spec \u00a73.4).
const BUILDER_ARG = /^(BUILDKIT_.+|SOURCE_DATE_EPOCH)$/;
/** Computes the v1 content tag of a build (docs/content-tag.md). */
async function computeContentTag(opts) {
    const started = external_node_perf_hooks_.performance.now();
    const prefix = opts.prefix ?? DEFAULT_PREFIX;
    const hexLength = opts.hexLength ?? DEFAULT_HEX_LENGTH;
    checkTagFormat(prefix, hexLength);
    const context = requireDirectory(opts.context, 'build context');
    const platforms = normalisePlatforms(opts.platforms ?? []);
    const workTree = findWorkTreeRoot(context);
    // git runs while the Dockerfile and ignore file are read.
    const query = opts.useGit !== false && workTree !== undefined ? startGitQuery(context) : undefined;
    let files = [];
    let indexed = [];
    const repoRoot = opts.repoRoot !== undefined
        ? requireDirectory(opts.repoRoot, 'repository root')
        : (workTree ?? context);
    const dockerfileNamed = (0,external_node_path_.resolve)(opts.dockerfile ?? (0,external_node_path_.join)(context, 'Dockerfile'));
    const dockerfilePath = locateDockerfile(dockerfileNamed);
    const dockerfileContent = readInput(dockerfilePath, 'Dockerfile');
    const facts = readDockerfile(dockerfileContent.toString('utf8'));
    const target = checkTarget(opts.target, facts, dockerfilePath);
    const { used, ignored } = splitBuildArgs(opts.buildArgs ?? {}, facts);
    // Inputs the user names are checked before the (possibly long) listing.
    const dockerfile = {
        path: repoRelative(repoRoot, dockerfilePath, 'Dockerfile'),
        digest: blobId(dockerfileContent)
    };
    const extra = {
        files: extraFiles(opts.extraFiles ?? [], repoRoot),
        values: sortedRecord(opts.extraValues ?? {})
    };
    const commit = opts.includeCommit ? headCommit(repoRoot) : undefined;
    commit?.catch(() => { });
    const ignore = await loadIgnoreFile(context, dockerfileNamed);
    const filter = new ContextFilter(ignore.matcher);
    const notes = { warnings: [], gitMetadataSent: false };
    let source = 'filesystem';
    // Hashing starts while the walk is still listing (spec \u00a75.1).
    let describer = new Describer(context);
    let listed = false;
    if (query !== undefined && workTree !== undefined) {
        try {
            const listing = await listFromGit(context, '', workTree, filter, notes, query);
            indexed = listing.indexed;
            for (const rel of listing.fromDisk)
                describer.push(rel);
            source = 'git';
            listed = true;
        }
        catch (error) {
            if (!(error instanceof GitUnavailable))
                throw error;
            if (opts.useGit === true)
                throw new errors/* UserError */.y(`useGit is set but ${error.message}`);
            notes.warnings.push(`read every file instead of using git's index: ${error.message}`);
        }
    }
    else if (opts.useGit === true) {
        throw new errors/* UserError */.y(`useGit is set but the build context ${context} is not inside a git work tree`);
    }
    if (!listed)
        walkContext(context, '', filter, notes, describer);
    if (source === 'git' && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(context, '.git')) && filter.includesFile('.git')) {
        notes.gitMetadataSent = true;
    }
    let hashedBytes = 0;
    let hashedFiles = 0;
    const readFromDisk = [];
    // Directories only turn up where git's index still lists a file: walk them
    // as the builder would see them, then describe what they hold.
    for (;;) {
        const described = await describer.finish();
        const rels = describer.rels;
        const directories = [];
        described.forEach((d, i) => {
            if (d.kind === 'file' || d.kind === 'symlink') {
                files.push({ path: rels[i], mode: d.mode, digest: d.digest });
                readFromDisk.push(rels[i]);
                hashedFiles++;
                hashedBytes += d.size;
            }
            else if (d.kind === 'directory') {
                if (!filter.prunes(rels[i]))
                    directories.push(rels[i]);
            }
            else if (d.kind === 'other') {
                notes.warnings.push(`${rels[i]} is not a regular file, directory or symlink; it is not part of the tag`);
            }
        });
        if (directories.length === 0)
            break;
        describer = new Describer(context);
        for (const dir of directories)
            walkContext(context, dir, filter, notes, describer);
    }
    const contextList = contextFiles(indexed, files, source === 'git' ? readFromDisk : []);
    const inputs = {
        version: 'v1',
        dockerfile,
        files,
        buildArgs: used,
        ignoredBuildArgs: ignored,
        ...(target === undefined ? {} : { target }),
        platforms,
        extra,
        ...(commit === undefined ? {} : { commit: await commit }),
        ...(opts.includeRepoPath ? { repoPath: toPosix((0,external_node_path_.relative)(repoRoot, context)) || '.' } : {}),
        contextDigest: contextList.digest
    };
    lazyFiles(inputs, contextList);
    const digest = sha256Hex(encodeInputs(inputs));
    const warnings = notes.warnings;
    if (notes.gitMetadataSent) {
        warnings.push('the build context holds .git and .dockerignore does not exclude it: the builder receives it, the tag never includes it (add .git to .dockerignore, or set includeCommit)');
    }
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(context, '.containerignore'))) {
        warnings.push('.containerignore exists: buildah and podman read it instead of .dockerignore, the tag follows .dockerignore as BuildKit does');
    }
    return {
        tag: prefix + digest.slice(0, hexLength),
        digest,
        inputs,
        source,
        stats: {
            files: contextList.count,
            hashedFiles,
            hashedBytes,
            ms: Math.round(external_node_perf_hooks_.performance.now() - started)
        },
        warnings
    };
}
/** Rejects a prefix or length that breaks the tag grammar `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
function checkTagFormat(prefix, hexLength) {
    if (!Number.isInteger(hexLength) || hexLength < 32 || hexLength > 64) {
        throw new errors/* UserError */.y(`invalid tag hex length ${hexLength}: expected a whole number from 32 to 64`);
    }
    if (prefix !== '' && !PREFIX_GRAMMAR.test(prefix)) {
        throw new errors/* UserError */.y(`invalid tag prefix "${prefix}": it must start with a letter, digit or _ and hold only letters, digits, '.', '_' and '-'`);
    }
    if (prefix.length + hexLength > 128) {
        throw new errors/* UserError */.y(`invalid tag prefix "${prefix}": with ${hexLength} hex digits the tag would exceed 128 characters`);
    }
}
function requireDirectory(path, what) {
    const abs = (0,external_node_path_.resolve)(path);
    let isDir = false;
    try {
        isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
    }
    catch {
        throw new errors/* UserError */.y(`${what} ${path} does not exist`);
    }
    if (!isDir)
        throw new errors/* UserError */.y(`${what} ${path} is not a directory`);
    return abs;
}
/** BuildKit falls back to a lower-case `dockerfile` when `Dockerfile` is missing. */
function locateDockerfile(named) {
    if (!(0,external_node_fs_.existsSync)(named) && (0,external_node_path_.basename)(named) === 'Dockerfile') {
        const lower = (0,external_node_path_.join)((0,external_node_path_.dirname)(named), 'dockerfile');
        if ((0,external_node_fs_.existsSync)(lower))
            return lower;
    }
    return named;
}
function readInput(path, what) {
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new errors/* UserError */.y(`${what} ${path} does not exist`);
        if (code === 'EISDIR')
            throw new errors/* UserError */.y(`${what} ${path} is a directory, not a file`);
        throw new errors/* UserError */.y(`cannot read ${what} ${path}: ${code ?? String(error)}`);
    }
}
function checkTarget(target, facts, dockerfile) {
    if (target === undefined || target === '')
        return undefined;
    const lower = target.toLowerCase();
    if (facts.standardFrontend && !facts.stages.includes(lower)) {
        throw new errors/* UserError */.y(`target stage "${target}" is not defined in ${dockerfile}`);
    }
    return lower;
}
/** Counts the build args the Dockerfile declares with ARG, plus those BuildKit reads itself. */
function splitBuildArgs(args, facts) {
    const used = {};
    const ignored = [];
    for (const name of Object.keys(args).sort(compareBytes)) {
        if (!facts.standardFrontend || facts.args.has(name) || BUILDER_ARG.test(name))
            used[name] = args[name];
        else
            ignored.push(name);
    }
    return { used, ignored };
}
/** True when a path.relative() result stays below its base. */
function inside(rel) {
    return rel !== '' && rel !== '..' && !rel.startsWith('..' + external_node_path_.sep) && !(0,external_node_path_.isAbsolute)(rel);
}
function toPosix(p) {
    return external_node_path_.sep === '/' ? p : p.split(external_node_path_.sep).join('/');
}
function repoRelative(repoRoot, path, what) {
    const rel = (0,external_node_path_.relative)(repoRoot, path);
    if (!inside(rel)) {
        throw new errors/* UserError */.y(`${what} ${path} is outside the repository root ${repoRoot}; set repoRoot to a directory that holds it`);
    }
    return toPosix(rel);
}
/** Extra files: followed through symlinks, named relative to the repository root when inside it. */
function extraFiles(paths, repoRoot) {
    const byPath = new Map();
    for (const given of paths) {
        const abs = (0,external_node_path_.resolve)(given);
        let isFile = false;
        let exec = false;
        try {
            const st = (0,external_node_fs_.statSync)(abs);
            isFile = st.isFile();
            exec = (st.mode & 0o100) !== 0;
        }
        catch {
            throw new errors/* UserError */.y(`extra file ${given} does not exist`);
        }
        if (!isFile)
            throw new errors/* UserError */.y(`extra file ${given} is not a regular file`);
        const rel = (0,external_node_path_.relative)(repoRoot, abs);
        const path = inside(rel) ? toPosix(rel) : toPosix(abs);
        byPath.set(path, {
            path,
            mode: exec ? '100755' : '100644',
            digest: blobId(readInput(abs, 'extra file'))
        });
    }
    return sortFiles([...byPath.values()]);
}
/** Makes `inputs.files` the context's file objects, built on first read. */
function lazyFiles(inputs, list) {
    let built;
    Object.defineProperty(inputs, 'files', {
        enumerable: true,
        configurable: true,
        get: () => (built ??= list.toArray()),
        set: (value) => {
            built = value;
        }
    });
}
function sortedRecord(values) {
    const out = {};
    for (const key of Object.keys(values).sort(compareBytes))
        out[key] = values[key];
    return out;
}
async function headCommit(repoRoot) {
    try {
        const { stdout } = await runGit(repoRoot, ['rev-parse', '--verify', 'HEAD']);
        return stdout.trim();
    }
    catch (error) {
        throw new errors/* UserError */.y(`includeCommit needs a git repository with a commit at ${repoRoot}: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/engine/content-tag/summary.ts
// The input summary stored with an image (label or annotation) and the diff
// that explains why a local tag differs from a stored one (spec \u00a77).

/** Budget for the per-directory map: the whole summary stays within a few KB. */
const DIR_MAP_BUDGET = 2048;
const MAX_DEPTH = 8;
/** Short, one-way fingerprint of a value that must not be stored in clear. */
function valueDigest(value) {
    return 'sha256:' + sha256Hex(value).slice(0, 16);
}
function hashValues(values) {
    const out = {};
    for (const key of Object.keys(values).sort(compareBytes))
        out[key] = valueDigest(values[key]);
    return out;
}
/** The group a file belongs to at `depth`: its first `depth` directory names, or "./". */
function groupOf(path, depth) {
    const parts = path.split('/');
    parts.pop();
    if (parts.length === 0)
        return './';
    return parts.slice(0, depth).join('/') + '/';
}
/** Short digest per directory group; files are already in byte order. */
function directoryDigests(files, depth) {
    const groups = new Map();
    for (const f of files) {
        const key = groupOf(f.path, depth);
        const list = groups.get(key);
        if (list)
            list.push(f);
        else
            groups.set(key, [f]);
    }
    const out = {};
    for (const key of [...groups.keys()].sort(compareBytes)) {
        out[key] = sha256Parts(encodeFiles('dir', groups.get(key))).slice(0, 16);
    }
    return out;
}
/** The deepest grouping whose map fits the budget (depth 0: no map, only the context digest). */
function chooseDirectoryMap(files) {
    let best = { depth: 0, digests: {} };
    let previousSize = -1;
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
        const digests = directoryDigests(files, depth);
        const size = JSON.stringify(digests).length;
        const count = Object.keys(digests).length;
        if (size > DIR_MAP_BUDGET)
            break;
        best = { depth, digests };
        if (count === previousSize)
            break;
        previousSize = count;
    }
    return best;
}
/**
 * Compact JSON for an image label or annotation: every input except the
 * per-file list, which is replaced by a per-directory digest map so a later
 * diff can name the directories that changed. Values are stored as digests.
 */
function summarizeInputs(inputs) {
    const summary = {
        v: 'v1',
        dockerfile: inputs.dockerfile,
        buildArgs: hashValues(inputs.buildArgs),
        ...(inputs.target === undefined ? {} : { target: inputs.target }),
        platforms: inputs.platforms,
        extraFiles: inputs.extra.files,
        extraValues: hashValues(inputs.extra.values),
        ...(inputs.commit === undefined ? {} : { commit: inputs.commit }),
        ...(inputs.repoPath === undefined ? {} : { repoPath: inputs.repoPath }),
        contextDigest: inputs.contextDigest,
        fileCount: inputs.files.length,
        dirs: chooseDirectoryMap(inputs.files)
    };
    return JSON.stringify(summary);
}
/**
 * Human lines saying why the local inputs differ from a stored summary, most
 * significant first. Empty when every input matches.
 */
function diffInputs(local, remoteSummary) {
    let remote;
    try {
        remote = JSON.parse(remoteSummary);
    }
    catch {
        return ['the stored input summary is not valid JSON; it cannot be compared'];
    }
    if (remote === null || typeof remote !== 'object' || remote.v !== 'v1') {
        const v = remote !== null && typeof remote === 'object' ? String(remote.v) : 'unknown';
        return [
            `the stored summary uses content-tag scheme ${v}, this one v1: tags from different schemes always differ`
        ];
    }
    const lines = [];
    const show = (v) => (v === undefined ? '(none)' : v);
    if (remote.dockerfile?.path !== local.dockerfile.path) {
        lines.push(`Dockerfile path changed: ${show(remote.dockerfile?.path)} \u2192 ${local.dockerfile.path}`);
    }
    if (remote.dockerfile?.digest !== local.dockerfile.digest)
        lines.push(`Dockerfile content changed (${local.dockerfile.path})`);
    lines.push(...diffRecords('build arg', remote.buildArgs ?? {}, hashValues(local.buildArgs)));
    if (remote.target !== local.target)
        lines.push(`target stage changed: ${show(remote.target)} \u2192 ${show(local.target)}`);
    const remotePlatforms = (remote.platforms ?? []).join(', ') || '(builder default)';
    const localPlatforms = local.platforms.join(', ') || '(builder default)';
    if (remotePlatforms !== localPlatforms)
        lines.push(`platforms changed: ${remotePlatforms} \u2192 ${localPlatforms}`);
    lines.push(...diffContext(remote, local));
    lines.push(...diffFileLists('extra file', remote.extraFiles ?? [], local.extra.files));
    lines.push(...diffRecords('extra value', remote.extraValues ?? {}, hashValues(local.extra.values)));
    if (remote.commit !== local.commit)
        lines.push(`commit changed: ${show(remote.commit)} \u2192 ${show(local.commit)}`);
    if (remote.repoPath !== local.repoPath)
        lines.push(`repository path changed: ${show(remote.repoPath)} \u2192 ${show(local.repoPath)}`);
    return lines;
}
function diffRecords(what, before, after) {
    const lines = [];
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareBytes);
    for (const name of names) {
        if (!(name in before))
            lines.push(`${what} ${name} added`);
        else if (!(name in after))
            lines.push(`${what} ${name} removed`);
        else if (before[name] !== after[name])
            lines.push(`${what} ${name} changed`);
    }
    return lines;
}
function diffFileLists(what, before, after) {
    const key = (f) => `${f.mode} ${f.digest}`;
    const b = new Map(before.map((f) => [f.path, key(f)]));
    const a = new Map(after.map((f) => [f.path, key(f)]));
    return diffRecords(what, Object.fromEntries(b), Object.fromEntries(a));
}
function diffContext(remote, local) {
    if (remote.contextDigest === local.contextDigest)
        return [];
    const depth = remote.dirs?.depth ?? 0;
    const counts = `${remote.fileCount ?? '?'} \u2192 ${local.files.length} files`;
    if (depth === 0)
        return [`context files changed (${counts})`];
    const before = remote.dirs.digests;
    const after = directoryDigests(local.files, depth);
    const lines = [];
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareBytes);
    for (const dir of names) {
        const where = dir === './' ? 'at the top of the context' : `under ${dir}`;
        if (!(dir in before))
            lines.push(`files added ${where}`);
        else if (!(dir in after))
            lines.push(`files removed ${where} (none left)`);
        else if (before[dir] !== after[dir])
            lines.push(`files changed ${where}`);
    }
    return lines.length > 0 ? lines : [`context files changed (${counts})`];
}

;// CONCATENATED MODULE: ./src/engine/content-tag/explain.ts
// Human and machine listings of a content tag's inputs (spec \u00a77.2). Build arg
// and extra values appear only as digests: these listings end up in CI logs.

function bytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n / 1024;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return `${v.toFixed(1)} ${units[u]}`;
}
/** One line per input with its digest, then one line per context file. */
function explainLines(result) {
    const { inputs, stats } = result;
    const lines = [
        `tag          ${result.tag}`,
        `digest       sha256:${result.digest}`,
        `scheme       ${inputs.version}`,
        `source       ${result.source}: ${stats.files} files, ${stats.hashedFiles} read from disk ` +
            `(${bytes(stats.hashedBytes)}), ${stats.ms} ms`,
        `dockerfile   ${inputs.dockerfile.path}  blob ${inputs.dockerfile.digest}`
    ];
    for (const [name, value] of Object.entries(inputs.buildArgs))
        lines.push(`build-arg    ${name}  value ${valueDigest(value)}`);
    for (const name of inputs.ignoredBuildArgs)
        lines.push(`ignored-arg  ${name}  (no ARG ${name} in the Dockerfile)`);
    lines.push(`target       ${inputs.target ?? '(last stage)'}`);
    lines.push(`platforms    ${inputs.platforms.length > 0 ? inputs.platforms.join(', ') : '(builder default)'}`);
    for (const f of inputs.extra.files)
        lines.push(`extra-file   ${f.mode} ${f.digest}  ${f.path}`);
    for (const [name, value] of Object.entries(inputs.extra.values))
        lines.push(`extra-value  ${name}  value ${valueDigest(value)}`);
    lines.push(`commit       ${inputs.commit ?? '(not an input)'}`);
    lines.push(`repo-path    ${inputs.repoPath ?? '(not an input)'}`);
    lines.push(`context      ${inputs.files.length} files  sha256:${inputs.contextDigest}`);
    for (const f of inputs.files)
        lines.push(`file         ${f.mode} ${f.digest}  ${f.path}`);
    for (const w of result.warnings)
        lines.push(`warning      ${w}`);
    return lines;
}
/**
 * Machine-readable listing: `files` is the sorted list of context paths
 * (regular files and symlinks) the builder receives; `entries` adds each
 * one's mode and blob id; the other inputs follow.
 */
function explainJson(result) {
    const { inputs } = result;
    const digests = (values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, valueDigest(v)]));
    return {
        tag: result.tag,
        digest: `sha256:${result.digest}`,
        version: inputs.version,
        source: result.source,
        stats: result.stats,
        dockerfile: inputs.dockerfile,
        files: inputs.files.map((f) => f.path),
        entries: inputs.files,
        contextDigest: `sha256:${inputs.contextDigest}`,
        buildArgs: digests(inputs.buildArgs),
        ignoredBuildArgs: inputs.ignoredBuildArgs,
        target: inputs.target ?? null,
        platforms: inputs.platforms,
        extra: { files: inputs.extra.files, values: digests(inputs.extra.values) },
        commit: inputs.commit ?? null,
        repoPath: inputs.repoPath ?? null,
        warnings: result.warnings
    };
}

;// CONCATENATED MODULE: ./src/engine/content-tag/index.ts
// The content tag engine: a deterministic image tag computed from everything a
// build reads (docs/content-tag.md). The `tag` command and the build engine use it.





/***/ })

};

//# sourceMappingURL=49.index.js.map