import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2666);

process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), process.env);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2666:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __nccwpck_require__(6999);
;// CONCATENATED MODULE: ./src/cli/command.ts
const GLOBAL_OPTIONS = {
    insecure: { type: 'boolean' },
    'ca-file': { type: 'string' },
    'unauthorized-is-absent': { type: 'boolean' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' }
};

;// CONCATENATED MODULE: ./src/cli/commands.ts
// Commands load lazily so that each invocation parses only the code it runs:
// start-up time is part of every CI step that calls image-mirror.
const COMMANDS = {
    copy: {
        usesRegistries: true,
        streamsBlobs: true,
        summary: 'copy an image (manifest or index) between registries by digest',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(631), __nccwpck_require__.e(780)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3780))).command
    },
    digest: {
        usesRegistries: true,
        summary: 'print the digest of an image reference',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(631), __nccwpck_require__.e(113)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1113))).command
    },
    ls: {
        usesRegistries: true,
        summary: 'list the tags of a repository',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(631), __nccwpck_require__.e(300)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4300))).command
    },
    delete: {
        usesRegistries: true,
        summary: 'delete a tag or digest without touching other tags',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(631), __nccwpck_require__.e(362)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1362))).command
    },
    tag: {
        summary: 'print the content tag of an image: what goes into it, explained or diffed against an image',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(49), __nccwpck_require__.e(890)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2049))).command
    },
    build: {
        usesRegistries: true,
        summary: 'build and push an image unless the registry already has its content tag',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(815), __nccwpck_require__.e(631), __nccwpck_require__.e(720), __nccwpck_require__.e(49), __nccwpck_require__.e(550), __nccwpck_require__.e(587)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2587))).command
    },
    promote: {
        usesRegistries: true,
        streamsBlobs: true,
        summary: 'copy an image by digest to the destinations of every promotion policy that watches it',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(815), __nccwpck_require__.e(631), __nccwpck_require__.e(720), __nccwpck_require__.e(550), __nccwpck_require__.e(309)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8309))).command
    },
    mirror: {
        usesRegistries: true,
        streamsBlobs: true,
        summary: 'mirror the third-party images of the config into the mirror registry',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(815), __nccwpck_require__.e(631), __nccwpck_require__.e(720), __nccwpck_require__.e(340)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6340))).command
    },
    sync: {
        usesRegistries: true,
        streamsBlobs: true,
        summary: 'sync the tags of whole repositories into the mirror registry, copying only what changed',
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(815), __nccwpck_require__.e(631), __nccwpck_require__.e(720), __nccwpck_require__.e(673)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3673))).command
    }
};

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
// EXTERNAL MODULE: ./src/heap.ts
var heap = __nccwpck_require__(2753);
// EXTERNAL MODULE: ./src/oci/scheme-sniff.ts
var scheme_sniff = __nccwpck_require__(5563);
;// CONCATENATED MODULE: ./src/cli/scheme-probes.ts
// Scheme probes for the registries named on an --insecure command line,
// started before the command's code loads. A probe is a connection and one
// round trip (scheme-sniff.ts); started here, it overlaps the engine's load
// instead of following it, and the transport picks up its answer.

/**
 * A probe for every argument that starts with a registry with an explicit
 * port (`host:port/repository\u2026`): only such registries are probed at all. An
 * argument that merely looks like one (an option's value) costs a probe that
 * no request uses.
 */
function startSchemeProbes(args) {
    const controller = new AbortController();
    const probes = new Map();
    for (const arg of args) {
        const slash = arg.indexOf('/');
        if (arg.startsWith('-') || slash <= 0)
            continue;
        const registry = arg.slice(0, slash);
        const target = probes.has(registry) ? undefined : (0,scheme_sniff/* hostAndPort */.P)(registry);
        if (target === undefined)
            continue;
        probes.set(registry, (0,scheme_sniff/* sniffScheme */.e)(target.host, target.port, { signal: controller.signal }));
    }
    return { probes, stop: () => controller.abort() };
}

;// CONCATENATED MODULE: ./src/cli/main.ts








const USAGE_EXIT = 2;
const INTERNAL_EXIT = 70;
/**
 * Runs one CLI invocation and returns its exit code. This is the CLI's only
 * error boundary: user errors become one line on stderr, never a stack.
 */
async function main(argv, env) {
    const nameIndex = commandIndex(argv);
    const name = nameIndex < 0 ? undefined : argv[nameIndex];
    const verbose = argv.includes('--verbose') || argv.includes('-v') || env.IMAGE_MIRROR_DEBUG === '1';
    if (name === 'version' || (name === undefined && argv.includes('--version'))) {
        process.stdout.write(`image-mirror ${version/* VERSION */.x}\n`);
        return 0;
    }
    if (name === undefined || name === 'help') {
        process.stdout.write(helpText());
        return name === undefined && !argv.includes('--help') && !argv.includes('-h') ? USAGE_EXIT : 0;
    }
    const entry = COMMANDS[name];
    if (entry === undefined) {
        process.stderr.write(`image-mirror: unknown command "${name}" (run image-mirror help)\n`);
        return USAGE_EXIT;
    }
    const rest = argv.filter((_, i) => i !== nameIndex);
    const probes = entry.usesRegistries && rest.includes('--insecure') ? startSchemeProbes(rest) : undefined;
    if (entry.streamsBlobs)
        (0,heap/* holdYoungGenerationSmall */.b)();
    if (entry.usesRegistries)
        (0,heap/* delayWasmTierUp */.F)();
    try {
        const command = await entry.load();
        return (await runCommand(command, rest, env, probes?.probes)) ?? 0;
    }
    catch (error) {
        if (error instanceof UsageError) {
            process.stderr.write(`image-mirror ${name}: ${error.message} (usage: image-mirror ${error.usage})\n`);
            return USAGE_EXIT;
        }
        if (error instanceof errors/* UserError */.y) {
            process.stderr.write(`image-mirror ${name}: ${error.message}\n`);
            return error.exitCode;
        }
        process.stderr.write(`image-mirror ${name}: internal error: ${(0,errors/* errorMessage */.g)(error)}\n`);
        if (verbose && error instanceof Error && error.stack)
            process.stderr.write(error.stack + '\n');
        return INTERNAL_EXIT;
    }
    finally {
        probes?.stop();
    }
}
class UsageError extends Error {
    name = 'UsageError';
    usage;
    constructor(message, usage) {
        super(message);
        this.usage = usage;
    }
}
/** Index of the command name: the first word that is not an option or an option's value. */
function commandIndex(argv) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--ca-file')
            i++;
        else if (!arg.startsWith('-'))
            return i;
    }
    return -1;
}
async function runCommand(command, argv, env, schemeProbes) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError(lowerFirst((0,errors/* errorMessage */.g)(error).split('\n')[0] ?? ''), command.usage);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        process.stdout.write(`usage: image-mirror ${command.usage}\n\n${command.description}\n`);
        return 0;
    }
    const [min, max] = command.positionals;
    if (positionals.length < min)
        throw new UsageError('missing argument', command.usage);
    if (positionals.length > max)
        throw new UsageError(`unexpected argument "${positionals[max]}"`, command.usage);
    const global = {
        insecure: values.insecure === true,
        caFile: typeof values['ca-file'] === 'string' ? values['ca-file'] : undefined,
        unauthorizedIsAbsent: values['unauthorized-is-absent'] === true,
        json: values.json === true,
        verbose: values.verbose === true || env.IMAGE_MIRROR_DEBUG === '1'
    };
    const ctx = {
        global,
        logger: (0,logger/* stderrLogger */.D)(global.verbose),
        out: (line) => process.stdout.write(line + '\n'),
        env,
        cwd: process.cwd(),
        schemeProbes
    };
    return command.run(ctx, values, positionals);
}
function lowerFirst(s) {
    return s.charAt(0).toLowerCase() + s.slice(1);
}
function helpText() {
    const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
    const lines = Object.entries(COMMANDS).map(([n, e]) => `  ${n.padEnd(width)}  ${e.summary}`);
    return [
        'usage: image-mirror <command> [options]',
        '',
        'commands:',
        ...lines,
        '',
        'global options:',
        '  --insecure       allow plain HTTP and unverified TLS for this invocation',
        '  --ca-file PATH   trust this PEM bundle in addition to the system roots',
        '  --unauthorized-is-absent',
        '                   count a 401 after a token as "image absent" (Docker Hub hides missing repositories so)',
        '  --json           print results as JSON on stdout',
        '  -v, --verbose    debug logging on stderr',
        '  --version        print the version (also: image-mirror version)',
        '',
        'run image-mirror <command> --help for the options of a command',
        ''
    ].join('\n');
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage),
/* harmony export */   y: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Errors a user can cause or fix (bad input, refused credentials, unreachable
 * registries). Each surface's single error boundary prints `message` as one
 * line and exits non-zero; anything that is not a UserError is a bug and is
 * reported with its stack only when debugging is on.
 */
class UserError extends Error {
    name = 'UserError';
    /** Process exit code the CLI uses for this error. */
    exitCode;
    constructor(message, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.exitCode = options?.exitCode ?? 1;
    }
}
/** Returns the message of anything thrown, without a stack. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 2753:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ delayWasmTierUp),
/* harmony export */   b: () => (/* binding */ holdYoungGenerationSmall)
/* harmony export */ });
// V8 settings for the commands that talk to registries, set at start-up,
// before the code they concern runs. V8 reads both flags when it uses them, so
// setting them at run time takes effect; they change speed and memory, never
// results. node:v8 is loaded only here: other commands do not pay for it.
//
// Memory of long blob transfers. Every socket read allocates a buffer that V8
// frees only when it collects the young generation, which by default grows to
// 16 MB semi-spaces: a long transfer then carries tens of MB of dead buffers
// between collections. Holding the young generation at its initial size
// collects them sooner (bench/copy.ts: a 1 GiB copy peaks at about 115 MB
// instead of 166 MB). Computing a content tag keeps the default: it builds
// many long-lived objects, which a small young generation copies over and over.
//
// Exit time. undici parses HTTP/1.1 with llhttp compiled to WebAssembly. V8
// compiles it with its baseline compiler (Liftoff), and once a function has
// run enough, again with its optimizing compiler in the background; a process
// that ends while that compile runs waits for it: some 60 ms at the end of
// every short command here (a repeat copy took about 200 ms). A budget 80
// times V8's default keeps short commands on the baseline code, which parses
// headers and frames body chunks fast enough; long transfers still tier up.
function setFlag(flag) {
    process.getBuiltinModule('node:v8').setFlagsFromString(flag);
}
/** Keeps the young generation from growing: for commands that stream blobs. */
function holdYoungGenerationSmall() {
    setFlag('--semi-space-growth-factor=1');
}
/** WebAssembly (undici's HTTP parser) optimized only after long use. */
function delayWasmTierUp() {
    setFlag('--wasm-tiering-budget=1000000000');
}


/***/ }),

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ stderrLogger),
/* harmony export */   G: () => (/* binding */ nullLogger)
/* harmony export */ });
/** A logger that drops everything: the default for library callers and tests. */
const nullLogger = {
    debug() { },
    info() { },
    warning() { },
    group: (_name, fn) => fn()
};
/** Plain stderr logger: info and warnings always, debug when `verbose`. */
function stderrLogger(verbose = false) {
    const write = (line) => process.stderr.write(line + '\n');
    return {
        debug: (m) => {
            if (verbose)
                write(`debug: ${m}`);
        },
        info: (m) => write(m),
        warning: (m) => write(`warning: ${m}`),
        group: async (name, fn) => {
            write(`\u2500\u2500 ${name}`);
            return fn();
        }
    };
}


/***/ }),

/***/ 5563:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ hostAndPort),
/* harmony export */   e: () => (/* binding */ sniffScheme)
/* harmony export */ });
// Which protocol the port of an insecure registry speaks, told from its first
// answer to a TLS ClientHello. Registries the user marks insecure are tried
// with https first, then http (as Docker does); finding out with a real TLS
// handshake loads Node's TLS stack, some 20 ms of every start, though a plain
// http registry never needs it. A TLS server answers a ClientHello with a
// handshake or alert record; an http server reads it as a broken request line
// (its random bytes hold line breaks) and answers `HTTP/1.x 400`. Anything
// else leaves the choice to the handshake-then-http probe.
//
// node:net is loaded on the first probe: the CLI's entry holds this module
// (it starts probes while the engine loads) and must not load net for every
// command.
/** A TLS 1.2 ClientHello record: no extensions, three common cipher suites. */
const CLIENT_HELLO = Buffer.from([
    0x16, 0x03, 0x01, 0x00, 0x31, // handshake record, 49 bytes
    0x01, 0x00, 0x00, 0x2d, // ClientHello, 45 bytes
    0x03, 0x03, // TLS 1.2
    // 32 random bytes: line breaks, so that an http server ends its request line
    ...Array.from({ length: 16 }, () => [0x0d, 0x0a]).flat(),
    0x00, // no session id
    0x00, 0x06, 0x13, 0x01, 0xc0, 0x2f, 0x00, 0x2f, // cipher suites
    0x01, 0x00 // null compression
]);
const TLS_HANDSHAKE = 0x16;
const TLS_ALERT = 0x15;
/**
 * Connects to `host:port`, sends a ClientHello and reads the first bytes of
 * the answer. Undefined when they settle nothing (no answer within
 * `timeoutMs`, a closed connection, other bytes, `signal` aborted).
 */
function sniffScheme(host, port, opts = {}) {
    return new Promise((resolve) => {
        if (opts.signal?.aborted)
            return resolve(undefined);
        const socket = process.getBuiltinModule('node:net').connect({ host, port });
        let seen = Buffer.alloc(0);
        const done = (scheme) => {
            clearTimeout(timer);
            opts.signal?.removeEventListener('abort', abort);
            socket.destroy();
            resolve(scheme);
        };
        const abort = () => done(undefined);
        opts.signal?.addEventListener('abort', abort);
        const timer = setTimeout(abort, opts.timeoutMs ?? 2000);
        socket.on('connect', () => socket.write(CLIENT_HELLO));
        socket.on('data', (chunk) => {
            seen = Buffer.concat([seen, chunk]);
            if (seen[0] === TLS_HANDSHAKE || seen[0] === TLS_ALERT)
                done('https');
            else if (seen.length >= 5)
                done(seen.subarray(0, 5).toString('latin1') === 'HTTP/' ? 'http' : undefined);
        });
        socket.on('error', () => done(undefined));
        socket.on('close', () => done(undefined));
    });
}
/** Host and explicit port of a registry name (`host:port`, `[v6]:port`); undefined without a port. */
function hostAndPort(registry) {
    let url;
    try {
        url = new URL(`http://${registry}`);
    }
    catch {
        return undefined;
    }
    // Without a port, https and http mean different ports: the probe decides.
    if (url.port === '')
        return undefined;
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    return { host, port: Number(url.port) };
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT),
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
// The release of image-mirror, as package.json names it (a test keeps the two
// equal). Printed by `image-mirror --version` and sent in the User-Agent.
const VERSION = '0.1.0';
/** `image-mirror/<version>`, the User-Agent of every request. */
const USER_AGENT = `image-mirror/${VERSION}`;


/***/ }),

/***/ 5249:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("./node-assert.cjs");

/***/ }),

/***/ 783:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("./node-http.cjs");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 137:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("image-mirror:http2-unused");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map