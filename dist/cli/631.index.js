export const id = 631;
export const ids = [631];
export const modules = {

/***/ 531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sY: () => (/* binding */ ecrAuthFromEnv)
/* harmony export */ });
/* unused harmony exports awsCredentialsFromEnv, parseEcrAliases */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _oci_ecr_hosts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
// ECR credentials from the environment, read the way the AWS SDKs and
// docker-credential-ecr-login read it: the key pair (with a session token for
// temporary credentials) and the endpoint overrides. The CLI and the action
// both read them here; the registry client gets the result as settings.


/** The variable naming hosts that reach an ECR registry under another name. */
const ECR_HOSTS_VARIABLE = 'IMAGE_MIRROR_ECR_HOSTS';
const setIn = (env) => (name) => (env[name] ? env[name] : undefined);
/** AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN); undefined unless both keys are set. */
function awsCredentialsFromEnv(env) {
    const set = setIn(env);
    const accessKeyId = set('AWS_ACCESS_KEY_ID');
    const secretAccessKey = set('AWS_SECRET_ACCESS_KEY');
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    return { accessKeyId, secretAccessKey, sessionToken: set('AWS_SESSION_TOKEN') };
}
/** Settings of native ECR credentials (src/oci/ecr-auth.ts) from `env`. */
function ecrAuthFromEnv(env) {
    const set = setIn(env);
    return {
        credentials: awsCredentialsFromEnv(env),
        // The service-specific variable wins over the global one, as in the AWS SDKs.
        endpoint: set('AWS_ENDPOINT_URL_ECR') ?? set('AWS_ENDPOINT_URL'),
        publicEndpoint: set('AWS_ENDPOINT_URL_ECR_PUBLIC') ?? set('AWS_ENDPOINT_URL'),
        aliases: parseEcrAliases(set(ECR_HOSTS_VARIABLE))
    };
}
/**
 * `host=ecr-host,\u2026`: a proxy or DNS name in front of an ECR registry gets the
 * token of the ECR registry it names. Each ECR host must be one (private or
 * public.ecr.aws), so a typo is an error rather than silent anonymous access.
 */
function parseEcrAliases(value) {
    const aliases = {};
    for (const item of (value ?? '').split(',').map((i) => i.trim()).filter((i) => i !== '')) {
        const [alias, ecrHost, ...rest] = item.split('=').map((p) => p.trim());
        if (!alias || !ecrHost || rest.length > 0 || (0,_oci_ecr_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEcrRegistry */ .d_)(ecrHost) === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${ECR_HOSTS_VARIABLE} entries must be <registry host>=<ECR registry host>, like registry.example.com=123456789012.dkr.ecr.us-east-1.amazonaws.com (got "${item}")`);
        }
        aliases[alias.toLowerCase()] = ecrHost.toLowerCase();
    }
    return aliases;
}


/***/ }),

/***/ 9825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  aN: () => (/* binding */ scopeFor)
});

// UNUSED EXPORTS: referenceOf

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __webpack_require__(8630);
// EXTERNAL MODULE: ./src/oci/response.ts
var response = __webpack_require__(5734);
// EXTERNAL MODULE: ./src/oci/scope.ts
var scope = __webpack_require__(293);
;// CONCATENATED MODULE: ./src/oci/chunks.ts
/**
 * Splits a source into buffers of `size` bytes (the last one shorter),
 * starting at byte `start`. A stream source is opened afresh and read from
 * its beginning, the first `start` bytes discarded: the bytes still flow
 * through whatever verifies the stream (getBlob's digest check), and memory
 * stays at one chunk.
 */
async function* chunksOf(source, size, start = 0) {
    if (Buffer.isBuffer(source)) {
        for (let i = start; i < source.length; i += size)
            yield source.subarray(i, i + size);
        return;
    }
    let skip = start;
    let pending = [];
    let length = 0;
    for await (const data of await source.open()) {
        let piece = Buffer.isBuffer(data) ? data : Buffer.from(data);
        if (skip > 0) {
            const dropped = Math.min(skip, piece.length);
            piece = piece.subarray(dropped);
            skip -= dropped;
        }
        while (length + piece.length >= size) {
            const take = size - length;
            pending.push(piece.subarray(0, take));
            yield Buffer.concat(pending, size);
            piece = piece.subarray(take);
            pending = [];
            length = 0;
        }
        if (piece.length > 0) {
            pending.push(piece);
            length += piece.length;
        }
    }
    if (length > 0)
        yield Buffer.concat(pending, length);
}

;// CONCATENATED MODULE: ./src/oci/upload-session.ts
// Upload sessions (registry-protocol \u00a71.5): the Location each answer names,
// and the upload status: `GET <location>` answers 204 with `Range: 0-<last>`,
// the bytes the registry holds, and the Location to go on with. A chunked
// upload asks for it after a 416 to learn where to resume (AT-UP-3).



/** The upload Location of an answer, resolved against the URL that answered (R-UP-1). */
function locationOf(res) {
    const location = (0,response/* header */.wx)(res.headers, 'location');
    if (!location)
        throw new errors/* UserError */.y(`${res.url.host}: upload response ${res.status} has no Location header`);
    return new URL(location, res.url);
}
/** GETs the status of the upload session at `location`. */
async function getUploadStatus(transport, registry, location, scopes) {
    const res = await transport.request({
        method: 'GET',
        registry,
        url: location,
        scopes,
        expect: [204]
    });
    await res.dump();
    const range = (0,response/* header */.wx)(res.headers, 'range');
    const received = receivedBytes(range);
    if (received === undefined) {
        throw new errors/* UserError */.y(`${(0,oci_errors/* redactedLocation */.Ue)(res.url)}: upload status has an unreadable Range header "${range}"`);
    }
    const next = (0,response/* header */.wx)(res.headers, 'location');
    // R-UP-1: resolved against the URL that answered.
    return { received, location: next ? new URL(next, res.url) : location };
}
/**
 * Bytes held according to a status `Range` (`0-<last>`, inclusive; `bytes=`
 * tolerated as regclient does). No header means nothing received. `0-0` is
 * read as 0: distribution writes it for an empty session as for a one-byte
 * one, and a one-byte chunk is never sent in practice; were it wrong, the
 * next PATCH gets another 416 and the resume bound ends the upload.
 * Undefined when the value cannot be read.
 */
function receivedBytes(range) {
    if (range === undefined || range.trim() === '')
        return 0;
    const m = /^\s*(?:bytes=)?0-(\d+)\s*$/.exec(range);
    if (!m)
        return undefined;
    const last = Number(m[1]);
    if (!Number.isSafeInteger(last))
        return undefined;
    return last === 0 ? 0 : last + 1;
}

;// CONCATENATED MODULE: ./src/oci/chunked-upload.ts



/** 416s answered by a status GET and a resume, per upload session. */
const MAX_RESUMES = 5;
/**
 * PATCHes the whole source in chunks of `chunkSize` bytes, starting at the
 * session's `location`; returns the Location for the closing PUT.
 */
async function patchChunks(up, location, chunkSize) {
    /** Bytes the registry holds. */
    let offset = 0;
    let chunk = Buffer.alloc(0);
    let chunkStart = 0;
    let chunks = chunksOf(up.source, chunkSize);
    let resumes = 0;
    try {
        for (;;) {
            if (offset === chunkStart + chunk.length) {
                const next = await chunks.next();
                if (next.done)
                    break;
                chunkStart = offset;
                chunk = next.value;
            }
            const res = await patch(up, location, offset, chunk.subarray(offset - chunkStart));
            if (res.status === 202) {
                location = locationOf(res);
                offset = chunkStart + chunk.length;
                continue;
            }
            if (++resumes > MAX_RESUMES)
                throw resumesExhausted(up, offset);
            const status = await getUploadStatus(up.transport, up.registry, location, up.scopes);
            const sent = chunkStart + chunk.length;
            if (status.received > sent) {
                throw new errors/* UserError */.y(`${label(up)}: the registry reports ${status.received} bytes received, but only ${sent} were sent`);
            }
            up.logger?.debug(`${label(up)}: PATCH at byte ${offset} answered 416; the registry holds ${status.received} bytes, resuming there`);
            if (status.received < chunkStart) {
                await chunks.return(undefined);
                chunks = chunksOf(up.source, chunkSize, status.received);
                chunkStart = status.received;
                chunk = Buffer.alloc(0);
            }
            location = status.location;
            offset = status.received;
        }
    }
    finally {
        await chunks.return(undefined);
    }
    if (offset !== up.descriptor.size) {
        throw new errors/* UserError */.y(`blob ${up.descriptor.digest}: the source gave ${offset} bytes, the descriptor says ${up.descriptor.size}`);
    }
    return location;
}
/** One PATCH of `bytes` at `offset`: 202 or 416 comes back, its body read. */
async function patch(up, location, offset, bytes) {
    const res = await up.transport.request({
        method: 'PATCH',
        registry: up.registry,
        url: location,
        headers: {
            'content-type': 'application/octet-stream',
            'content-range': `${offset}-${offset + bytes.length - 1}`
        },
        body: bytes,
        scopes: up.scopes,
        expect: [202, 416],
        retry: false
    });
    await res.dump();
    return res;
}
function label(up) {
    return `upload of ${up.descriptor.digest} to ${up.registry}/${up.repository}`;
}
function resumesExhausted(up, offset) {
    return new errors/* UserError */.y(`${label(up)}: the registry answered 416 (range not satisfiable) ${MAX_RESUMES + 1} times, the last to a PATCH at byte ${offset}; giving up`);
}

;// CONCATENATED MODULE: ./src/oci/blob-upload.ts






/**
 * Which blob uploads open their session while the blob's HEAD is out, so that
 * a missing blob's bytes start moving one round trip sooner. A blob the HEAD
 * finds present costs that session (a POST, and a DELETE that cancels it;
 * distribution 2.8 even leaves a small directory behind until its upload
 * purge), so the cost is kept small: one early session per target repository
 * at a time, which a copy gives to its largest blob (it starts first and ends
 * last), and none in a repository once a HEAD has found one of its blobs
 * present (later tags of an image family share layers).
 */
class EarlySessions {
    #hasBlobs = new Set();
    #pending = new Set();
    /** True when this upload may open its session with its HEAD; it must then call `settle`. */
    claim(registry, repository) {
        const key = `${registry}/${repository}`;
        if (this.#hasBlobs.has(key) || this.#pending.has(key))
            return false;
        this.#pending.add(key);
        return true;
    }
    /** The claiming upload's HEAD has answered (or failed). */
    settle(registry, repository) {
        this.#pending.delete(`${registry}/${repository}`);
    }
    /** A HEAD found a blob of this repository present. */
    foundPresent(registry, repository) {
        this.#hasBlobs.add(`${registry}/${repository}`);
    }
}
/** Cap on a registry's OCI-Chunk-Min-Length: a chunk is held in memory. */
const MAX_CHUNK = 256 * 1024 * 1024;
const SESSION_ATTEMPTS = 3;
/** Uploads one blob; see the steps above. */
async function uploadBlob(host, registry, repository, descriptor, source, opts = {}) {
    if (Buffer.isBuffer(source) && source.length !== descriptor.size) {
        throw new errors/* UserError */.y(`blob ${descriptor.digest}: ${source.length} bytes given, the descriptor says ${descriptor.size}`);
    }
    const job = {
        host,
        registry,
        repository,
        descriptor,
        source,
        scopes: [(0,scope/* repositoryScope */.F7)(repository, ['pull', 'push'])]
    };
    const mountFrom = opts.mountFrom !== repository ? opts.mountFrom : undefined;
    const early = mountFrom === undefined && host.earlySessions?.claim(registry, repository) ? earlySession(job) : undefined;
    const cancelEarly = () => early?.then((opened) => opened && cancel(job, opened.url));
    let present;
    try {
        present = await host.headBlob(registry, repository, descriptor.digest);
    }
    catch (error) {
        cancelEarly();
        throw error;
    }
    finally {
        if (early !== undefined)
            host.earlySessions?.settle(registry, repository);
    }
    if (present !== undefined && (present === descriptor.size || present === -1)) {
        host.earlySessions?.foundPresent(registry, repository);
        cancelEarly();
        return 'exists';
    }
    let session;
    if (mountFrom !== undefined) {
        const mounted = await mount(job, mountFrom);
        if (mounted === 'mounted')
            return 'mounted';
        session = mounted;
    }
    // One streamed PUT with Content-Length by default, whatever the size: memory
    // stays flat, and every registry accepts it. Chunks are held in memory, so
    // they are used only when asked for (registries behind body-size limits).
    const chunk = opts.chunkSize;
    let discard;
    const streamed = chunk === undefined && descriptor.size > 0 && !Buffer.isBuffer(source);
    if (session === undefined && streamed) {
        const opened = await startSessionOpening(job, source, early);
        session = opened.session;
        discard = opened.discard;
    }
    else {
        session ??= await early;
    }
    for (let attempt = 1;; attempt++) {
        session ??= await startSession(job);
        try {
            if (chunk === undefined || descriptor.size === 0)
                await putWhole(job, session.url);
            else
                await putChunks(job, session, Math.min(MAX_CHUNK, Math.max(chunk, session.minChunk)));
            return 'uploaded';
        }
        catch (error) {
            discard?.();
            if (await landed(job))
                return 'uploaded';
            await cancel(job, session.url);
            const again = (0,oci_errors/* isTemporary */.ey)(error) ||
                (error instanceof oci_errors/* RegistryError */.gl && error.hasCode('BLOB_UPLOAD_UNKNOWN'));
            if (!again || attempt >= SESSION_ATTEMPTS)
                throw error;
            session = undefined;
        }
    }
}
/**
 * A session opened ahead of the HEAD's answer; undefined when the POST
 * failed, so that the upload asks again and reports that answer itself.
 */
function earlySession(job) {
    return startSession(job).catch(() => undefined);
}
/** Cross-repository mount (\u00a71.6); the token must cover pull on the source too (R-MNT-3). */
async function mount(job, from) {
    const query = new URLSearchParams({ mount: job.descriptor.digest, from });
    const res = await job.host.transport.request({
        method: 'POST',
        registry: job.registry,
        path: `/v2/${job.repository}/blobs/uploads/?${query}`,
        headers: { 'content-length': '0' },
        scopes: [...job.scopes, (0,scope/* repositoryScope */.F7)(from, ['pull'])],
        expect: [201, 202]
    });
    await res.dump();
    return res.status === 201 ? 'mounted' : sessionOf(res);
}
/**
 * An empty POST that opens a session. No "single POST" (`?digest=` with the
 * body, \u00a71.5, AT-UP-4): it would save one round trip only on registries that
 * support it, and distribution 2.8 answers it 202 with `Range: 0-0`, the body
 * discarded, so the bytes would travel twice; a registry that kept the body as
 * a first chunk would make the PUT that follows store the wrong content.
 */
async function startSession(job) {
    const res = await job.host.transport.request({
        method: 'POST',
        registry: job.registry,
        path: `/v2/${job.repository}/blobs/uploads/`,
        headers: { 'content-length': '0' },
        scopes: job.scopes,
        expect: [202]
    });
    await res.dump();
    return sessionOf(res);
}
/**
 * The POST of the first session and the source's GET at once: the blob is
 * known to be missing, so both are needed, and the PUT waits for the later
 * of the two instead of their sum (a fresh copy pays this per blob before
 * any byte moves). The POST may already be out (`early`). The opened stream
 * goes to the first PUT (`job.source` hands it out once; a retry opens the
 * source again); `discard` releases it when no PUT took it.
 */
async function startSessionOpening(job, source, early) {
    let first = Promise.resolve().then(() => source.open());
    // A failed GET is reported by the PUT that awaits it, not as unhandled meanwhile.
    first.catch(() => { });
    const discard = () => {
        first?.then((stream) => stream.destroy(), () => { });
        first = undefined;
    };
    job.source = {
        open: () => {
            const stream = first ?? source.open();
            first = undefined;
            return stream;
        }
    };
    try {
        return { session: (await early) ?? (await startSession(job)), discard };
    }
    catch (error) {
        discard();
        job.source = source;
        throw error;
    }
}
/** The upload Location, resolved against the URL that answered (R-UP-1). */
function sessionOf(res) {
    const minChunk = Number((0,response/* header */.wx)(res.headers, 'oci-chunk-min-length'));
    return {
        url: locationOf(res),
        minChunk: Number.isInteger(minChunk) && minChunk > 0 ? minChunk : 0
    };
}
/**
 * Adds `digest` to a Location, keeping its query exactly as the registry
 * wrote it (it may carry signed state); the digest is encoded as
 * URLSearchParams does (`:` \u2192 `%3A`).
 */
function withDigest(location, digest) {
    const url = new URL(location);
    const param = new URLSearchParams({ digest }).toString();
    url.search = url.search.length > 1 ? `${url.search}&${param}` : `?${param}`;
    return url;
}
/** The closing PUT; never retried blindly (see `landed`). */
async function blob_upload_close(job, location, body, length) {
    const res = await job.host.transport.request({
        method: 'PUT',
        registry: job.registry,
        url: withDigest(location, job.descriptor.digest),
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(length) },
        body,
        scopes: job.scopes,
        // 201 per spec; 204 from legacy registries (R-UP-7).
        expect: [201, 204],
        retry: false
    });
    await res.dump();
}
/** Monolithic upload: one PUT with the whole blob; the empty blob goes with no body (R-UP-3). */
function putWhole(job, location) {
    const { source, descriptor } = job;
    if (descriptor.size === 0)
        return blob_upload_close(job, location, undefined, 0);
    const body = Buffer.isBuffer(source)
        ? source
        : { length: descriptor.size, open: () => source.open() };
    return blob_upload_close(job, location, body, descriptor.size);
}
/** Chunked upload: the PATCHes (chunked-upload.ts), then the closing PUT. */
async function putChunks(job, session, chunkSize) {
    const { host, ...upload } = job;
    const location = await patchChunks({ ...upload, transport: host.transport, logger: host.logger }, session.url, chunkSize);
    await blob_upload_close(job, location, undefined, 0);
}
/** True when the blob is in the target with the right size, whatever the last answer said. */
async function landed(job) {
    try {
        return ((await job.host.headBlob(job.registry, job.repository, job.descriptor.digest)) ===
            job.descriptor.size);
    }
    catch {
        return false;
    }
}
/** Cancels an upload session (main spec end-14); failures are ignored. */
async function cancel(job, location) {
    try {
        const res = await job.host.transport.request({
            method: 'DELETE',
            registry: job.registry,
            url: location,
            scopes: job.scopes,
            retry: false
        });
        await res.dump();
    }
    catch {
        // Best effort: the registry times abandoned sessions out.
    }
}

// EXTERNAL MODULE: ./src/util/limit.ts
var util_limit = __webpack_require__(415);
// EXTERNAL MODULE: ./src/oci/digest.ts + 1 modules
var oci_digest = __webpack_require__(6794);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
;// CONCATENATED MODULE: ./src/oci/delete-dummy.ts
// The unique stand-in image a tag is moved onto before its deletion by digest
// (registry-protocol \u00a76.3, regclient TagDelete): a config whose labels name the
// tag and the time, so no other tag can ever share its digest.




const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
/** Builds the dummy in the same family (OCI or Docker) as the manifest the tag held. */
function buildDummy(tag, originalMediaType, now) {
    const oci = originalMediaType === media_types/* MEDIATYPE_OCI_MANIFEST */.De || originalMediaType === media_types/* MEDIATYPE_OCI_INDEX */._B;
    const created = now.toISOString();
    const configBytes = Buffer.from(JSON.stringify({
        created,
        architecture: 'amd64',
        os: 'linux',
        config: { Labels: { 'delete-tag': tag, 'delete-date': created } },
        rootfs: { type: 'layers', diff_ids: [media_types/* EMPTY_BLOB_DIGEST */.jx] }
    }));
    const config = {
        mediaType: oci ? media_types/* MEDIATYPE_OCI_CONFIG */.mI : media_types/* MEDIATYPE_DOCKER_CONFIG */.vy,
        digest: (0,oci_digest/* digestOf */.ol)(configBytes),
        size: configBytes.length
    };
    const layer = {
        mediaType: oci ? OCI_LAYER : DOCKER_LAYER,
        digest: media_types/* EMPTY_BLOB_DIGEST */.jx,
        size: 0
    };
    const mediaType = oci ? media_types/* MEDIATYPE_OCI_MANIFEST */.De : media_types/* MEDIATYPE_DOCKER_MANIFEST */.MP;
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, config, layers: [layer] }));
    return {
        blobs: [
            { descriptor: layer, bytes: Buffer.alloc(0) },
            { descriptor: config, bytes: configBytes }
        ],
        manifest: { bytes, mediaType, digest: (0,oci_digest/* digestOf */.ol)(bytes) }
    };
}
/**
 * Moves `ref`'s tag onto a fresh dummy image (R-DEL-4) and returns the
 * dummy's digest: blobs first, then a re-HEAD so a tag another writer moved
 * is left alone, then the manifest PUT.
 */
async function isolateTag(client, ref, head, now) {
    const dummy = buildDummy(ref.tag, head.mediaType, now);
    for (const blob of dummy.blobs)
        await client.uploadBlob(ref.registry, ref.repository, blob.descriptor, blob.bytes);
    await assertUnchanged(client, ref, head);
    await client.putManifest(ref.registry, ref.repository, ref.tag, dummy.manifest);
    return dummy.manifest.digest;
}
/** Aborts when the tag moved since it was recorded (another writer pushed). */
async function assertUnchanged(client, ref, head) {
    const now = await client.headManifest(ref);
    if (now?.digest !== head.digest) {
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)} changed from ${head.digest} to ${now?.digest ?? 'nothing'} while deleting; nothing was changed`);
    }
}

// EXTERNAL MODULE: ./src/oci/delete/api.ts
var delete_api = __webpack_require__(485);
;// CONCATENATED MODULE: ./src/oci/delete/ghcr.ts
// Deleting one tag on GHCR (registry-protocol \u00a73.6, \u00a76.2). GHCR cannot untag:
// a package version is one digest with all its tags, and deleting the version
// removes every one of them. The caller first isolates the tag on a unique
// placeholder image, which becomes a version of its own; this module finds that
// version through the GitHub REST API and deletes it only when its one tag is
// the tag being deleted.



const DEFAULT_API = 'https://api.github.com';
const API_VERSION = '2022-11-28';
const PER_PAGE = 100;
/** The placeholder was pushed a moment ago: it is on the first page (newest first); stop well after. */
const MAX_PAGES = 10;
/** The default on GHCR: refuse, since the only delete there takes every tag of a digest. */
function assertGhcrAllowed(ref, opts = {}) {
    if (opts.allowVersionDelete !== true) {
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: refusing to delete a GHCR tag: GHCR deletes package versions, and a version holds every tag of its digest, so deleting it removes them all; allow GHCR version deletes to move the tag onto a unique placeholder image and delete that version only; nothing was changed`);
    }
}
/** Refuses unless version deletes are allowed, then requires a token; before anything changes. */
function checkGhcr(ref, opts = {}) {
    const label = (0,reference/* formatReference */.FH)(ref);
    assertGhcrAllowed(ref, opts);
    if (!opts.token) {
        throw new errors/* UserError */.y(`${label}: the ghcr delete strategy needs GITHUB_TOKEN, a token allowed to delete packages (delete:packages, or admin on the package)`);
    }
}
/**
 * Deletes the package version of `digest` (the placeholder the tag was moved
 * to) after checking its only tag is `ref.tag`.
 */
async function deleteGhcrVersion(transport, ref, digest, opts) {
    checkGhcr(ref, opts);
    const label = (0,reference/* formatReference */.FH)(ref);
    const { base, version } = await findVersion(transport, ref, digest, opts);
    const tags = version.metadata?.container?.tags ?? [];
    if (tags.length !== 1 || tags[0] !== ref.tag) {
        throw new errors/* UserError */.y(`${label}: GHCR version ${version.id} of ${digest} has tags ${tags.join(', ') || '(none)'}, not ${ref.tag} alone; not deleted`);
    }
    const what = `${label}: GHCR package version delete`;
    const answer = await (0,delete_api/* callApi */.px)(transport, what, new URL(`${base}/${version.id}`), {
        method: 'DELETE',
        headers: headers(opts),
        retry: false
    });
    if (answer.status !== 204 && answer.status !== 200)
        throw (0,delete_api/* apiError */.pb)(what, answer, hint(answer));
}
/** Looks in the organisation's packages, then the user's (the owner may be either). */
async function findVersion(transport, ref, digest, opts) {
    const label = (0,reference/* formatReference */.FH)(ref);
    const api = (opts.apiUrl ?? DEFAULT_API).replace(/\/+$/, '');
    const [owner, ...rest] = ref.repository.split('/');
    const pkg = encodeURIComponent(rest.join('/'));
    if (pkg === '')
        throw new errors/* UserError */.y(`${label}: a GHCR image is <owner>/<package>`);
    const what = `${label}: GHCR package versions`;
    for (const kind of ['orgs', 'users']) {
        const base = `${api}/${kind}/${encodeURIComponent(owner)}/packages/container/${pkg}/versions`;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const url = new URL(`${base}?per_page=${PER_PAGE}&page=${page}`);
            const answer = await (0,delete_api/* callApi */.px)(transport, what, url, { method: 'GET', headers: headers(opts) });
            if (answer.status === 404)
                break;
            if (answer.status !== 200)
                throw (0,delete_api/* apiError */.pb)(what, answer, hint(answer));
            const versions = (0,delete_api/* jsonOf */.o_)(what, answer);
            const version = versions.find((v) => v.name === digest);
            if (version !== undefined)
                return { base, version };
            if (versions.length < PER_PAGE)
                break;
        }
    }
    throw new errors/* UserError */.y(`${label}: GHCR lists no package version ${digest} for ${owner}/${rest.join('/')}`);
}
function headers(opts) {
    return {
        authorization: `Bearer ${opts.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': API_VERSION
    };
}
function hint(answer) {
    if (answer.status === 401)
        return 'GITHUB_TOKEN was refused';
    if (answer.status === 403)
        return 'the token needs delete:packages, or admin on the package';
    return undefined;
}

// EXTERNAL MODULE: ./src/oci/delete/strategy.ts
var delete_strategy = __webpack_require__(584);
;// CONCATENATED MODULE: ./src/oci/delete/dockerhub.ts
// Untagging on Docker Hub through the Hub API (registry-protocol \u00a73.5, \u00a76.2):
// the registry's own tag DELETE leaves the Hub listing inconsistent, so the
// Hub's tag DELETE is used, with a short-lived Hub access token created from
// the docker.io login (POST /v2/auth/token; /v2/users/login is deprecated).



const dockerhub_DEFAULT_API = 'https://hub.docker.com';
/** Fails before any request when the repository is not namespace/name or there is no login. */
async function hubLogin(transport, ref) {
    const label = (0,reference/* formatReference */.FH)(ref);
    if (ref.repository.split('/').length !== 2) {
        throw new errors/* UserError */.y(`${label}: a Docker Hub repository is <namespace>/<name>`);
    }
    const credential = await transport.credential(ref.registry);
    if (credential?.username === undefined || credential.password === undefined) {
        throw new errors/* UserError */.y(`${label}: the dockerhub delete strategy needs the Docker Hub username and password or personal access token (docker login)`);
    }
    return { username: credential.username, password: credential.password };
}
/** Logs in to the Hub API, then deletes the tag there. */
async function dockerHubUntag(transport, ref, opts = {}) {
    const label = (0,reference/* formatReference */.FH)(ref);
    const login = await hubLogin(transport, ref);
    const api = (opts.apiUrl ?? dockerhub_DEFAULT_API).replace(/\/+$/, '');
    const loginWhat = `${label}: Docker Hub login as ${login.username}`;
    const answer = await (0,delete_api/* callApi */.px)(transport, loginWhat, new URL(`${api}/v2/auth/token`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: Buffer.from(JSON.stringify({ identifier: login.username, secret: login.password })),
        secretBody: true
    });
    if (answer.status !== 200) {
        throw (0,delete_api/* apiError */.pb)(loginWhat, answer, answer.status === 401 ? 'with two-factor authentication, log in with a personal access token' : undefined);
    }
    const token = (0,delete_api/* jsonOf */.o_)(loginWhat, answer).access_token;
    if (!token)
        throw new errors/* UserError */.y(`${loginWhat}: the answer has no access_token`);
    const [namespace, repository] = ref.repository.split('/');
    const url = new URL(`${api}/v2/namespaces/${encodeURIComponent(namespace)}/repositories/${encodeURIComponent(repository)}/tags/${encodeURIComponent(ref.tag)}`);
    const what = `${label}: Docker Hub tag delete`;
    const deleted = await (0,delete_api/* callApi */.px)(transport, what, url, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        retry: false
    });
    if (deleted.status !== 200 && deleted.status !== 202 && deleted.status !== 204) {
        const hint = deleted.status === 401 || deleted.status === 403 ? 'a personal access token needs the Delete scope' : undefined;
        throw (0,delete_api/* apiError */.pb)(what, deleted, hint);
    }
}

// EXTERNAL MODULE: ./src/oci/ecr-hosts.ts
var ecr_hosts = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/oci/delete/sigv4.ts
var sigv4 = __webpack_require__(4298);
;// CONCATENATED MODULE: ./src/oci/delete/ecr.ts
// Untagging on Amazon ECR and ECR Public (registry-protocol \u00a76.2):
// BatchDeleteImage with the tag alone. By tag ECR removes only that tag ("When
// you remove the last tag from an image, the image is deleted"); by
// imageDigest it deletes the image with all its tags, so a digest is never
// sent (AT-DEL-4). ECR Public has the same call in its own API.





const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** Fails before any request when the credentials, the region or the registry alias are missing. */
function checkEcr(ref, opts = {}) {
    const label = (0,reference/* formatReference */.FH)(ref);
    if (opts.credentials === undefined) {
        throw new errors/* UserError */.y(`${label}: the ecr delete strategy needs AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN for temporary ones)`);
    }
    const registry = (0,ecr_hosts/* ecrRegistryOf */.Bv)(ref.registry, opts.aliases);
    if (registry === undefined && opts.region === undefined) {
        throw new errors/* UserError */.y(`${label}: ${ref.registry} is not an ECR host, so the ecr delete strategy needs a region (AWS_REGION)`);
    }
    if (registry?.kind === 'public' && !ref.repository.includes('/')) {
        throw new errors/* UserError */.y(`${label}: ECR Public repositories are named <registry alias>/<repository>, and this one names no alias`);
    }
}
/** The API call that removes `ref`'s tag: the registry's API and the request body. */
function batchDeleteImage(ref, opts = {}) {
    const registry = (0,ecr_hosts/* ecrRegistryOf */.Bv)(ref.registry, opts.aliases);
    if (registry?.kind === 'public') {
        // public.ecr.aws/<alias>/<name>: the API takes the alias as the registry id.
        const slash = ref.repository.indexOf('/');
        return {
            api: (0,ecr_hosts/* ecrApi */.B5)(registry, opts),
            body: {
                registryId: ref.repository.slice(0, slash),
                repositoryName: ref.repository.slice(slash + 1),
                imageIds: [{ imageTag: ref.tag }]
            }
        };
    }
    // A host that is not ECR's own name signs in the region the user gives.
    const host = registry ?? { kind: 'private', region: opts.region, domain: 'amazonaws.com', fips: false };
    return {
        api: (0,ecr_hosts/* ecrApi */.B5)(host, opts),
        body: {
            ...(registry === undefined ? {} : { registryId: registry.account }),
            repositoryName: ref.repository,
            imageIds: [{ imageTag: ref.tag }]
        }
    };
}
/** Removes `ref`'s tag with BatchDeleteImage; a failure entry in the answer is an error. */
async function ecrUntag(transport, ref, opts = {}, now) {
    checkEcr(ref, opts);
    const { api, body: request } = batchDeleteImage(ref, opts);
    const what = `${(0,reference/* formatReference */.FH)(ref)}: ${api.service === 'ecr' ? 'ECR' : 'ECR Public'} BatchDeleteImage`;
    const url = new URL(api.endpoint);
    const body = Buffer.from(JSON.stringify(request));
    const headers = (0,sigv4/* signV4 */.Kn)({
        method: 'POST',
        url,
        headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': `${api.targetPrefix}BatchDeleteImage` },
        body
    }, opts.credentials, { region: api.region, service: api.service, now });
    // Not repeated: a second call after a lost answer would report ImageNotFound for a done job.
    const answer = await (0,delete_api/* callApi */.px)(transport, what, url, { method: 'POST', headers, body, retry: false });
    if (answer.status !== 200) {
        const denied = answer.status === 403 || answer.body.includes('AccessDenied');
        const permission = `needs ${api.service}:BatchDeleteImage on the repository`;
        throw (0,delete_api/* apiError */.pb)(what, answer, denied ? permission : undefined);
    }
    const failure = (0,delete_api/* jsonOf */.o_)(what, answer).failures?.[0];
    if (failure !== undefined) {
        const reason = [failure.failureCode, failure.failureReason].filter(Boolean).join(' ');
        throw new errors/* UserError */.y(`${what} failed: ${reason || 'unknown failure'}; nothing was changed`);
    }
}

;// CONCATENATED MODULE: ./src/oci/delete/gitlab.ts
// Untagging on a GitLab container registry through the REST API
// (doc/api/container_registry.md): find the registry repository of the image
// in its project, then DELETE \u2026/repositories/:id/tags/:tag_name, which removes
// that tag only (registry-protocol \u00a76.2).




const gitlab_DEFAULT_API = 'https://gitlab.com/api/v4';
/** A project with more image repositories than this is unusual; stop paging there. */
const gitlab_MAX_PAGES = 50;
/** Fails before any request when there is no token. */
function checkGitLab(ref, opts = {}) {
    if (opts.token === undefined || opts.token.value === '') {
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: the gitlab delete strategy needs a GitLab token: GITLAB_TOKEN (an access token with the api scope) or CI_JOB_TOKEN in a GitLab CI job`);
    }
}
/** Removes `ref`'s tag with the GitLab REST API. */
async function gitlabUntag(transport, ref, opts = {}) {
    checkGitLab(ref, opts);
    const label = (0,reference/* formatReference */.FH)(ref);
    const api = (opts.apiUrl ?? gitlab_DEFAULT_API).replace(/\/+$/, '');
    const found = await findRepository(transport, ref, api, opts);
    const url = new URL(`${api}/projects/${encodeURIComponent(found.project)}/registry/repositories/${found.id}/tags/${encodeURIComponent(ref.tag)}`);
    const what = `${label}: GitLab tag delete`;
    const answer = await (0,delete_api/* callApi */.px)(transport, what, url, {
        method: 'DELETE',
        headers: tokenHeader(opts),
        retry: false
    });
    if (answer.status !== 200 && answer.status !== 202 && answer.status !== 204) {
        throw (0,delete_api/* apiError */.pb)(what, answer, gitlab_hint(answer));
    }
}
/**
 * The registry repository whose path is the image path. The project is a
 * prefix of that path (an image may sit below its project), so prefixes are
 * tried longest first; a 404 means "no such project".
 */
async function findRepository(transport, ref, api, opts) {
    const label = (0,reference/* formatReference */.FH)(ref);
    const segments = ref.repository.split('/');
    const tried = [];
    for (let n = segments.length; n >= 2; n--) {
        const project = segments.slice(0, n).join('/');
        tried.push(project);
        const what = `${label}: GitLab registry repositories of ${project}`;
        for (let page = '1', count = 0; page !== '' && count < gitlab_MAX_PAGES; count++) {
            const url = new URL(`${api}/projects/${encodeURIComponent(project)}/registry/repositories?per_page=100&page=${page}`);
            const answer = await (0,delete_api/* callApi */.px)(transport, what, url, { method: 'GET', headers: tokenHeader(opts) });
            if (answer.status === 404)
                break;
            if (answer.status !== 200)
                throw (0,delete_api/* apiError */.pb)(what, answer, gitlab_hint(answer));
            const match = (0,delete_api/* jsonOf */.o_)(what, answer).find((r) => r.path?.toLowerCase() === ref.repository.toLowerCase());
            if (match !== undefined)
                return { project, id: match.id };
            page = (0,response/* header */.wx)(answer.headers, 'x-next-page') ?? '';
        }
    }
    if (tried.length === 0) {
        throw new errors/* UserError */.y(`${label}: a GitLab image path starts with its project (group/project)`);
    }
    throw new errors/* UserError */.y(`${label}: GitLab has no container repository ${ref.repository} in project ${tried.join(', ')}`);
}
/** PRIVATE-TOKEN for access tokens, JOB-TOKEN for CI_JOB_TOKEN (doc/api/rest/authentication.md). */
function tokenHeader(opts) {
    const token = opts.token;
    return token.kind === 'job' ? { 'job-token': token.value } : { 'private-token': token.value };
}
function gitlab_hint(answer) {
    if (answer.status === 401)
        return 'the GitLab token was refused';
    if (answer.status === 403)
        return 'the token may not delete tags here, or the tag is protected';
    return undefined;
}

// EXTERNAL MODULE: ./src/oci/token.ts
var token = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/oci/delete/harbor.ts
// Untagging on Harbor v2 (registry-protocol \u00a76.2): DELETE
// /api/v2.0/projects/{project}/repositories/{repository}/artifacts/{digest}/tags/{tag}
// removes the tag only; the artifact and its other tags stay. The API lives
// on the registry host and takes the registry's Basic credentials.




/** Removes `ref`'s tag from the artifact `digest` it points at. */
async function harborUntag(transport, ref, digest) {
    const label = (0,reference/* formatReference */.FH)(ref);
    const authorization = await harborAuthorization(transport, ref);
    const [project, ...rest] = ref.repository.split('/');
    // "If it contains slash, encode it twice over with URL encoding" (Harbor swagger): a/b \u2192 a%252Fb
    const repository = encodeURIComponent(encodeURIComponent(rest.join('/')));
    const url = new URL(`/api/v2.0/projects/${encodeURIComponent(project)}/repositories/${repository}/artifacts/${digest}/tags/${encodeURIComponent(ref.tag)}`, transport.baseUrl(ref.registry));
    const what = `${label}: Harbor tag delete`;
    const answer = await (0,delete_api/* callApi */.px)(transport, what, url, {
        method: 'DELETE',
        headers: { authorization, accept: 'application/json' },
        registry: ref.registry,
        retry: false
    });
    if (answer.status !== 200 && answer.status !== 202 && answer.status !== 204) {
        const hint = answer.status === 401 || answer.status === 403
            ? `the credentials for ${ref.registry} may not delete tags in project ${project}`
            : undefined;
        throw (0,delete_api/* apiError */.pb)(what, answer, hint);
    }
}
/** Fails before any request when the repository has no project part or there is no login. */
async function harborAuthorization(transport, ref) {
    const label = (0,reference/* formatReference */.FH)(ref);
    if (!ref.repository.includes('/')) {
        throw new errors/* UserError */.y(`${label}: a Harbor repository is <project>/<name>`);
    }
    const credential = await transport.credential(ref.registry);
    if (credential?.username === undefined || credential.password === undefined) {
        throw new errors/* UserError */.y(`${label}: the harbor delete strategy needs a username and password for ${ref.registry} (docker login ${ref.registry})`);
    }
    return (0,token/* basicAuthorization */.aR)(credential.username, credential.password);
}

;// CONCATENATED MODULE: ./src/oci/delete/vendors.ts
// The vendor strategies of a tag delete (R-DEL-2): each checks its
// credentials before anything changes, re-checks that the tag still holds the
// recorded digest, then asks the vendor API to remove the tag. The caller
// verifies the outcome the same way for every strategy (R-DEL-3).








/** How each vendor strategy reports itself in a DeleteTagResult. */
const VENDOR_METHODS = {
    ecr: 'ecr-batch-delete',
    gitlab: 'gitlab-api',
    harbor: 'harbor-api',
    dockerhub: 'dockerhub-api',
    ghcr: 'ghcr-version'
};
/** Removes `ref`'s tag (recorded as `head`) through the vendor API of `strategy`. */
async function vendorUntag(strategy, client, ref, head, vendors, now) {
    const transport = client.transport;
    switch (strategy) {
        case 'ecr':
            checkEcr(ref, vendors.ecr);
            await assertUnchanged(client, ref, head);
            await ecrUntag(transport, ref, vendors.ecr, now);
            break;
        case 'gitlab':
            checkGitLab(ref, vendors.gitlab);
            await assertUnchanged(client, ref, head);
            await gitlabUntag(transport, ref, vendors.gitlab);
            break;
        case 'harbor':
            await harborAuthorization(transport, ref);
            await assertUnchanged(client, ref, head);
            await harborUntag(transport, ref, head.digest);
            break;
        case 'dockerhub':
            await hubLogin(transport, ref);
            await assertUnchanged(client, ref, head);
            await dockerHubUntag(transport, ref, vendors.dockerhub);
            break;
        case 'ghcr':
            await ghcrIsolateAndDelete(client, ref, head, vendors.ghcr ?? {}, now);
            break;
    }
    return VENDOR_METHODS[strategy];
}
/** GHCR: the tag moves onto a placeholder, whose own package version is then deleted. */
async function ghcrIsolateAndDelete(client, ref, head, opts, now) {
    checkGhcr(ref, opts);
    const dummy = await isolateTag(client, ref, head, now);
    try {
        await deleteGhcrVersion(client.transport, ref, dummy, opts);
    }
    catch (error) {
        const label = (0,reference/* formatReference */.FH)(ref);
        const reason = (0,errors/* errorMessage */.g)(error).replace(`${label}: `, '');
        throw new errors/* UserError */.y(`${label} now points to dummy ${dummy}; the original was ${head.digest}; deleting the dummy's package version failed: ${reason}`);
    }
}

;// CONCATENATED MODULE: ./src/oci/delete.ts
// Deleting one tag without deleting anything else (registry-protocol \u00a76).
// DELETE by digest removes every tag on that digest, so the digest route is
// taken only once no other tag is proven to need it (R-DEL-1):
//  1. Record the tag's digest and manifest bytes; find every other tag that
//     resolves to the digest, or to an index that lists it.
//  2. Remove the tag with the strategy of the registry (R-DEL-2): a vendor
//     API on ECR, GitLab, Harbor, Docker Hub and GHCR (delete/vendors.ts),
//     otherwise the generic steps 3-5.
//  3. Try the OCI tag DELETE (distribution 3 untags; 2.8 answers 400).
//     405 means deletion is disabled: stop, nothing changed.
//  4. Unsupported and nothing else shares the digest \u2192 DELETE by digest.
//  5. Shared \u2192 isolate the tag on a unique dummy manifest, then DELETE the
//     dummy by digest (R-DEL-4), or refuse when the fallback is off.
//  6. Verify, whatever the strategy: the tag is gone and every sharing tag
//     still resolves to what it did; otherwise PUT the saved bytes back and
//     fail loudly (R-DEL-3).











// R-DEL-7: Docker Hub and GitLab challenge a DELETE for the `delete` action.
const deleteScope = (repository) => [(0,scope/* repositoryScope */.F7)(repository, ['pull', 'delete'])];
/** DELETE /v2/<name>/manifests/<digest>; every tag on the digest goes with it. */
async function deleteManifest(transport, registry, repository, digest) {
    const res = await transport.request({
        method: 'DELETE',
        registry,
        path: `/v2/${repository}/manifests/${digest}`,
        scopes: deleteScope(repository),
        expect: [200, 202, 204]
    });
    await res.dump();
}
/** Removes `ref`'s tag; see the steps above. */
async function deleteTag(client, ref, opts = {}) {
    if (ref.tag === undefined || ref.digest !== undefined) {
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: name a tag (and no digest) to delete`);
    }
    const label = (0,reference/* formatReference */.FH)(ref);
    const strategy = opts.strategy ?? (0,delete_strategy/* detectStrategy */.Br)(ref.registry, opts.vendors);
    // Refused by default, before a single request (dry runs included).
    if (strategy === 'ghcr')
        assertGhcrAllowed(ref, opts.vendors?.ghcr);
    const head = await client.headManifest(ref);
    if (head === undefined)
        throw new errors/* UserError */.y(`${label} not found`);
    const saved = await client.getManifest({ ...ref, tag: undefined, digest: head.digest });
    const dependents = await dependentsOf(client, ref, head.digest);
    const sharedWith = dependents.map((d) => d.tag);
    const result = (method) => ({
        method,
        digest: head.digest,
        sharedWith
    });
    if (opts.dryRun) {
        return { ...result(strategy === 'generic' ? 'tag-delete' : VENDOR_METHODS[strategy]), dryRun: true };
    }
    const now = opts.now?.() ?? new Date();
    const method = strategy === 'generic'
        ? await genericDelete(client, ref, head, dependents, opts.allowDummyFallback !== false, now)
        : await vendorUntag(strategy, client, ref, head, opts.vendors ?? {}, now);
    await verify(client, ref, saved, dependents);
    return result(method);
}
/** Steps 3-5: the OCI tag DELETE, else by digest when unshared, else dummy isolation. */
async function genericDelete(client, ref, head, dependents, allowDummy, now) {
    if (await tagDelete(client, ref))
        return 'tag-delete';
    if (dependents.length === 0) {
        await assertUnchanged(client, ref, head);
        await deleteManifest(client.transport, ref.registry, ref.repository, head.digest);
        return 'digest-unshared';
    }
    if (!allowDummy) {
        throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: the registry cannot delete a tag on its own and ${dependents.map((d) => d.tag).join(', ')} share its image ${head.digest}; nothing was changed (allow the dummy-manifest fallback to delete it)`);
    }
    await isolateAndDelete(client, ref, head, now);
    return 'dummy-manifest';
}
/** Other tags resolving to `digest` or to an index listing it: deleting the digest breaks them. */
async function dependentsOf(client, ref, digest) {
    const tags = (await client.listTags(ref.registry, ref.repository)).filter((t) => t !== ref.tag);
    const limit = (0,util_limit/* limiter */.T)(8);
    const found = await Promise.all(tags.map((tag) => limit(async () => {
        const head = await client.headManifest({ ...ref, tag });
        if (head === undefined)
            return undefined;
        if (head.digest === digest)
            return { tag, digest };
        if (!media_types/* INDEX_MEDIATYPES */.zx.has(head.mediaType))
            return undefined;
        const index = await client.getManifest({ ...ref, tag: undefined, digest: head.digest });
        const children = JSON.parse(index.bytes.toString('utf8')).manifests ?? [];
        return children.some((c) => c.digest === digest)
            ? { tag, digest: head.digest, manifest: index }
            : undefined;
    })));
    return found.filter((d) => d !== undefined);
}
/**
 * The OCI tag DELETE. True when the registry untagged; false when it does not
 * support untagging (400 DIGEST_INVALID on distribution 2.x, 404 elsewhere).
 * 405 means deleting is disabled: nothing else would work either.
 */
async function tagDelete(client, ref) {
    const req = {
        method: 'DELETE',
        registry: ref.registry,
        path: `/v2/${ref.repository}/manifests/${ref.tag}`,
        scopes: deleteScope(ref.repository)
    };
    const res = await client.transport.request(req);
    if (res.status === 200 || res.status === 202 || res.status === 204) {
        await res.dump();
        return true;
    }
    const error = await client.transport.errorFrom(req, res);
    if (error.status === 405 || error.hasCode('UNSUPPORTED'))
        throw disabled(ref, error);
    if (error.status === 400 || error.status === 404)
        return false;
    throw error;
}
function disabled(ref, error) {
    return new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: ${ref.registry} does not allow deleting (${error.status} ${error.codes.join(' ') || 'refused'}); nothing was changed`);
}
/** Points the tag at a unique dummy manifest, then deletes the dummy by digest (R-DEL-4). */
async function isolateAndDelete(client, ref, head, now) {
    const label = (0,reference/* formatReference */.FH)(ref);
    // Probe with a digest nobody stored: a 405 says deletion is off before anything changed (AT-DEL-3).
    // node:crypto loads here, not with the client: most commands never delete.
    const probe = `sha256:${(0,oci_digest/* digestOf */.ol)(process.getBuiltinModule('node:crypto').randomBytes(32)).slice('sha256:'.length)}`;
    try {
        await deleteManifest(client.transport, ref.registry, ref.repository, probe);
    }
    catch (error) {
        if (!(error instanceof oci_errors/* RegistryError */.gl))
            throw error;
        if (error.status === 405 || error.hasCode('UNSUPPORTED'))
            throw disabled(ref, error);
        if (error.status !== 404)
            throw error;
    }
    const dummy = await isolateTag(client, ref, head, now);
    try {
        await deleteManifest(client.transport, ref.registry, ref.repository, dummy);
    }
    catch (error) {
        throw new errors/* UserError */.y(`${label} now points to dummy ${dummy}; the original was ${head.digest}; deleting the dummy failed: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
/** Checks the outcome and puts back whatever was lost (R-DEL-3, AT-DEL-5). */
async function verify(client, ref, saved, dependents) {
    const label = (0,reference/* formatReference */.FH)(ref);
    const left = await client.headManifest(ref);
    const lost = [];
    for (const d of dependents) {
        const head = await client.headManifest({ ...ref, tag: d.tag });
        if (head?.digest !== d.digest)
            lost.push(d);
    }
    const childLost = dependents.some((d) => d.manifest) &&
        (await client.headManifest({ ...ref, tag: undefined, digest: saved.digest })) === undefined;
    if (lost.length === 0 && !childLost) {
        if (left !== undefined)
            throw new errors/* UserError */.y(`${label} still resolves to ${left.digest} after the registry accepted the delete`);
        return;
    }
    const names = lost.map((d) => d.tag);
    try {
        if (childLost)
            await client.putManifest(ref.registry, ref.repository, saved.digest, saved);
        for (const d of lost)
            await client.putManifest(ref.registry, ref.repository, d.tag, d.manifest ?? saved);
    }
    catch (error) {
        throw new errors/* UserError */.y(`deleting ${label} also removed ${names.join(', ') || saved.digest} and restoring failed (${(0,errors/* errorMessage */.g)(error)}); re-tag them to ${saved.digest}`);
    }
    throw new errors/* UserError */.y(`deleting ${label} also removed ${names.join(', ') || saved.digest}; they were restored to their previous digests, check the registry's delete semantics`);
}

;// CONCATENATED MODULE: ./src/oci/manifest-check.ts
// Checks applied to every manifest read from a registry (registry-protocol
// \u00a71.3): schema1 refused, mediaType consistent with Content-Type, digest
// computed over the raw bytes and compared with what was asked and what the
// registry claims.



/** Content types that say nothing about the manifest kind. */
const GENERIC_TYPES = new Set([
    '',
    'application/json',
    'text/plain',
    'application/octet-stream',
    'binary/octet-stream'
]);
/** A Content-Type without parameters, lower-cased (AT-MAN-5: parameters are ignored). */
function bareMediaType(contentType) {
    return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
/** True when a Content-Type names no specific manifest kind. */
function isGenericType(mediaType) {
    return GENERIC_TYPES.has(mediaType);
}
/** The algorithm of a digest string (`sha256` of `sha256:\u2026`). */
function digestAlgorithm(digest) {
    return digest.slice(0, digest.indexOf(':'));
}
/** The algorithm to hash with: the one of the digest asked for or claimed, sha256 otherwise. */
function manifestAlgorithm(digest) {
    const algorithm = digest === undefined ? 'sha256' : digestAlgorithm(digest);
    return algorithm === 'sha512' ? 'sha512' : 'sha256';
}
function schema1Error(label) {
    return new errors/* UserError */.y(`${label} is a Docker schema 1 manifest, which is deprecated and not supported; rebuild or re-push it with a current tool`);
}
/**
 * Validates raw manifest bytes and returns them with their media type and
 * digest (R-MAN-2/3/4). `label` names the reference in errors.
 */
function checkManifest(label, bytes, contentType, claimedDigest, requestedDigest) {
    const headerType = bareMediaType(contentType);
    if (media_types/* SCHEMA1_MEDIATYPES */.dR.has(headerType))
        throw schema1Error(label);
    let body;
    try {
        body = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.y(`${label}: the manifest is not valid JSON`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new errors/* UserError */.y(`${label}: the manifest is not a JSON object`);
    }
    if (body.schemaVersion === 1)
        throw schema1Error(label);
    const bodyType = typeof body.mediaType === 'string' ? body.mediaType : undefined;
    if (bodyType !== undefined && !isGenericType(headerType) && bodyType !== headerType) {
        throw new errors/* UserError */.y(`${label}: the registry sent Content-Type ${headerType} for a manifest whose mediaType is ${bodyType}`);
    }
    const mediaType = bodyType ??
        (!isGenericType(headerType)
            ? headerType
            : Array.isArray(body.manifests)
                ? media_types/* MEDIATYPE_OCI_INDEX */._B
                : media_types/* MEDIATYPE_OCI_MANIFEST */.De);
    const algorithm = manifestAlgorithm(requestedDigest ?? claimedDigest);
    const digest = (0,oci_digest/* digestOf */.ol)(bytes, algorithm);
    if (requestedDigest !== undefined && digest !== requestedDigest) {
        throw new errors/* UserError */.y(`${label}: the registry returned a manifest with digest ${digest} instead of ${requestedDigest}`);
    }
    if (claimedDigest !== undefined &&
        digestAlgorithm(claimedDigest) === algorithm &&
        claimedDigest !== digest) {
        throw new errors/* UserError */.y(`${label}: Docker-Content-Digest ${claimedDigest} does not match the manifest bytes (${digest})`);
    }
    return { bytes, mediaType, digest };
}

// EXTERNAL MODULE: ./src/oci/header-reader.ts
var header_reader = __webpack_require__(7858);
;// CONCATENATED MODULE: ./src/oci/link.ts
// Link headers (RFC 8288 \u00a73) and tag-list / referrers pagination
// (registry-protocol.md \u00a71.8, R-TAG-1, AT-TAG-2).
//
//   Link       = #link-value
//   link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )
//   link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
//
// Broken link-values are dropped whole, never half-read: a link's meaning
// hangs on all of its parameters, and following a misread `rel` is worse than
// not following it. Like regclient, a target without angle brackets is
// accepted when it consists of URI characters.

/** The registry pointed the next page at another origin (AT-TAG-2). */
class CrossOriginLinkError extends Error {
    name = 'CrossOriginLinkError';
    from;
    to;
    constructor(from, to) {
        super(`pagination link from ${from.origin} leads to another origin, ${to.origin}: refused`);
        this.from = from.origin;
        this.to = to.origin;
    }
}
/** The registry sent a Link header that cannot be read, and no usable next link. */
class MalformedLinkError extends Error {
    name = 'MalformedLinkError';
    constructor(requestUrl) {
        super(`the response of ${requestUrl.origin}${requestUrl.pathname} has a malformed Link header`);
    }
}
// Characters of an RFC 3986 URI-reference, minus ',' and ';' which separate links and params.
const BARE_TARGET = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+=%]+/;
// Anything but these may appear between the angle brackets (RFC 3986 excludes them).
const BRACKETED_TARGET = /^[^\x00-\x20\x7f<>"{}|\\^`]*$/;
// Parameter names in use are letters, digits, '.', '_' and '-', with a trailing '*' for RFC 8187
// extended values; other token characters in a name mark a broken header (as regclient does).
const PARAM_NAME = /^[A-Za-z0-9._-]+\*?/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
const WS = /^[ \t\r\n]*/;
/**
 * Parses one or more Link header values; broken link-values are left out.
 * @returns the links in header order; [] when the header is absent
 */
function parseLinkHeader(value) {
    return scan(value).links;
}
/**
 * The URL of the next page: the first `rel="next"` link (rel may list several
 * relation types), resolved against the URL of the request that returned it
 * (R-TAG-1). Undefined when there is no next page.
 * @throws CrossOriginLinkError when the link leaves the request's origin: it would
 *   carry registry credentials to another host or downgrade the scheme (AT-TAG-2)
 * @throws MalformedLinkError when the header has unreadable parts and no next link,
 *   so that a broken header does not pass for the last page
 */
function nextPageUrl(value, requestUrl) {
    const { links, malformed } = scan(value);
    const next = links.find(isNext) ?? loneLinkWithoutRel(links);
    if (next === undefined) {
        if (malformed)
            throw new MalformedLinkError(requestUrl);
        return undefined;
    }
    let url;
    try {
        url = new URL(next.target, requestUrl);
    }
    catch {
        throw new MalformedLinkError(requestUrl);
    }
    if (url.origin !== requestUrl.origin)
        throw new CrossOriginLinkError(requestUrl, url);
    return url;
}
/**
 * go-containerregistry follows a Link header whatever its rel; to read the same
 * registries, a single link without any rel counts as the next page. An empty
 * target would be the page itself, so it does not.
 */
function loneLinkWithoutRel(links) {
    const [only, ...others] = links;
    if (only === undefined || others.length > 0)
        return undefined;
    return only.params.rel === undefined && only.target !== '' ? only : undefined;
}
/** rel holds space-separated relation types, compared case-insensitively (RFC 8288 \u00a73.3). */
function isNext(link) {
    return (link.params.rel ?? '').toLowerCase().split(/\s+/).includes('next');
}
function scan(value) {
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const links = [];
    let malformed = false;
    for (const v of values) {
        const r = new Reader(v);
        for (;;) {
            r.skip(/^[ \t\r\n,]*/);
            if (r.done())
                break;
            const link = readLinkValue(r);
            if (link === undefined) {
                malformed = true;
                r.skipElement();
            }
            else {
                links.push(link);
            }
        }
    }
    return { links, malformed };
}
/** Reads one link-value up to (not including) the next comma; undefined when broken. */
function readLinkValue(r) {
    let target;
    if (r.peek() === '<') {
        const end = r.indexOf('>');
        if (end === -1)
            return undefined;
        target = r.take(end + 1).slice(1, -1);
        if (!BRACKETED_TARGET.test(target))
            return undefined;
    }
    else {
        target = r.skip(BARE_TARGET);
        if (target === '')
            return undefined;
    }
    const params = new Map();
    for (;;) {
        r.skip(WS);
        if (r.done() || r.peek() === ',')
            break;
        if (r.peek() !== ';')
            return undefined;
        r.take(1);
        r.skip(WS);
        if (r.done() || r.peek() === ',' || r.peek() === ';')
            continue;
        const name = r.skip(PARAM_NAME);
        if (name === '')
            return undefined;
        r.skip(WS);
        let paramValue = '';
        if (r.peek() === '=') {
            r.take(1);
            r.skip(WS);
            const v = r.peek() === '"' ? r.quoted() : r.skip(TOKEN) || undefined;
            if (v === undefined)
                return undefined;
            paramValue = v;
        }
        const key = name.toLowerCase();
        if (!params.has(key))
            params.set(key, paramValue);
    }
    // Object.fromEntries defines own properties, so a "__proto__" parameter stays data.
    return { target, params: Object.fromEntries(params) };
}
/** The Link-list reader: the shared cursor plus angle-bracket targets. */
class Reader extends header_reader/* HeaderReader */.$ {
    /** Moves to the next comma outside quoted strings and angle brackets. */
    skipElement() {
        while (!this.done() && this.peek() !== ',') {
            if (this.peek() === '"') {
                this.quoted();
            }
            else if (this.peek() === '<' && this.indexOf('>') !== -1) {
                this.take(this.indexOf('>') + 1);
            }
            else {
                this.take(1);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/oci/tags.ts
// Tag listing with Link pagination (registry-protocol \u00a71.8) and referrers
// discovery with the tag-schema fallback (\u00a71.9).






const PAGE_BYTES = 8 * 1024 * 1024;
/**
 * Every tag of a repository, following `Link: rel="next"` against the URL
 * that answered (R-TAG-1), stopping without a Link (R-TAG-2), and failing on
 * a loop or past the page cap (R-TAG-3). The order is the registry's
 * (R-TAG-4). A repository the registry does not know (404 NAME_UNKNOWN)
 * has no tags.
 */
async function listTags(transport, registry, repository, opts = {}) {
    const maxPages = opts.maxPages ?? 1000;
    const query = opts.pageSize === undefined ? '' : `?n=${opts.pageSize}`;
    const base = {
        method: 'GET',
        registry,
        headers: { accept: 'application/json' },
        scopes: [(0,scope/* repositoryScope */.F7)(repository, ['pull'])],
        expect: [200]
    };
    const tags = [];
    const seen = new Set();
    let next = { path: `/v2/${repository}/tags/list${query}` };
    for (let page = 1;; page++) {
        let res;
        try {
            res = await transport.request({ ...base, ...next });
        }
        catch (error) {
            if (page === 1 &&
                error instanceof oci_errors/* RegistryError */.gl &&
                error.status === 404 &&
                error.hasCode('NAME_UNKNOWN'))
                return [];
            throw error;
        }
        const body = await res.json(PAGE_BYTES);
        // Some registries answer `"tags": null` for a repository without tags (AT-TAG-3).
        if (Array.isArray(body?.tags))
            tags.push(...body.tags.filter((t) => typeof t === 'string'));
        const url = nextPage(res, `${registry}/${repository}`);
        if (url === undefined)
            return tags;
        if (seen.has(url.href))
            throw new errors/* UserError */.y(`${registry}/${repository}: tag list pagination loops back to a page already read`);
        if (page >= maxPages)
            throw new errors/* UserError */.y(`${registry}/${repository}: tag list has more than ${maxPages} pages; giving up`);
        seen.add(url.href);
        next = { url };
    }
}
/** The next page's URL; a cross-origin or unreadable Link becomes a one-line UserError. */
function nextPage(res, label) {
    try {
        return nextPageUrl(res.headers.link, res.url);
    }
    catch (error) {
        if (error instanceof CrossOriginLinkError || error instanceof MalformedLinkError) {
            throw new errors/* UserError */.y(`${label}: ${error.message}`);
        }
        throw error;
    }
}
/**
 * Manifests that name `digest` as their subject: the referrers API, and on a
 * 404 the `sha256-<hex>` fallback tag (R-REF-1). Results are re-filtered by
 * nothing: the caller selects by artifactType.
 */
async function getReferrers(host, registry, repository, digest) {
    const found = [];
    const seen = new Set();
    let next = { path: `/v2/${repository}/referrers/${digest}` };
    for (let page = 1; page <= 1000; page++) {
        const res = await host.transport.request({
            method: 'GET',
            registry,
            ...next,
            headers: { accept: media_types/* MEDIATYPE_OCI_INDEX */._B },
            scopes: [(0,scope/* repositoryScope */.F7)(repository, ['pull'])],
            expect: [200, 404]
        });
        if (res.status === 404) {
            await res.dump();
            if (page > 1)
                throw new errors/* UserError */.y(`${registry}/${repository}: referrers page vanished during pagination`);
            return fallbackReferrers(host, registry, repository, digest);
        }
        const index = await res.json(PAGE_BYTES);
        if (Array.isArray(index?.manifests))
            found.push(...index.manifests);
        const url = nextPage(res, `${registry}/${repository}`);
        if (url === undefined || seen.has(url.href))
            return found;
        seen.add(url.href);
        next = { url };
    }
    return found;
}
async function fallbackReferrers(host, registry, repository, digest) {
    try {
        const raw = await host.getManifest({ registry, repository, tag: (0,oci_digest/* referrersTagFor */.gp)(digest) });
        const index = JSON.parse(raw.bytes.toString('utf8'));
        return Array.isArray(index.manifests) ? index.manifests : [];
    }
    catch (error) {
        if ((0,oci_errors/* isNotFound */.c4)(error))
            return [];
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/oci/client.ts












const DEFAULT_MAX_MANIFEST = 4 * 1024 * 1024;
/** `repository:<name>:<actions>` token scope. */
function scopeFor(repository, ...actions) {
    return (0,scope/* repositoryScope */.F7)(repository, actions);
}
/** The path segment a reference addresses: digest (R-REF-PARSE-3), else tag, else `latest`. */
function referenceOf(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}
/** Reads and writes manifests, blobs and tags on any OCI registry. */
class RegistryClient {
    transport;
    logger;
    maxManifestBytes;
    #unauthorizedIsAbsent;
    deleteVendors;
    /** The last Docker Hub rate-limit headers seen, if any. */
    lastRateLimit;
    /** Upload sessions opened with the blob's HEAD, per target repository (blob-upload.ts). */
    earlySessions = new EarlySessions();
    constructor(transport, opts = {}) {
        this.transport = transport;
        this.logger = opts.logger ?? logger/* nullLogger */.G;
        this.maxManifestBytes = opts.maxManifestBytes ?? DEFAULT_MAX_MANIFEST;
        this.#unauthorizedIsAbsent = opts.unauthorizedIsAbsent;
        this.deleteVendors = opts.deleteVendors;
    }
    /**
     * HEADs a manifest with every current manifest type accepted (R-MAN-1).
     * Undefined means absent (404, or a 401 after a token where the
     * unauthorizedIsAbsent option says so); any other failure throws, so
     * "absent" is never reported for a 5xx, a refusal or a timeout (R-MAN-5).
     */
    async headManifest(ref) {
        try {
            return await this.#headManifest(ref);
        }
        catch (error) {
            if (!this.#hiddenMeansAbsent(ref.registry, error))
                throw error;
            this.logger.debug(`${(0,reference/* formatReference */.FH)(ref)}: 401 after a token, counted as absent`);
            return undefined;
        }
    }
    /** True for a 401 after a token on a registry configured to hide missing repositories so. */
    #hiddenMeansAbsent(registry, error) {
        if (!(error instanceof oci_errors/* RegistryError */.gl) || !error.afterToken)
            return false;
        const option = this.#unauthorizedIsAbsent;
        return typeof option === 'function' ? option(registry) : option === true;
    }
    async #headManifest(ref) {
        const res = await this.transport.request({
            method: 'HEAD',
            registry: ref.registry,
            path: `/v2/${ref.repository}/manifests/${referenceOf(ref)}`,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
            scopes: [scopeFor(ref.repository, 'pull')],
            expect: [200, 404]
        });
        await res.dump();
        if (res.status === 404)
            return undefined;
        this.#readRateLimit(res.headers);
        const digest = (0,response/* header */.wx)(res.headers, 'docker-content-digest');
        const mediaType = bareMediaType((0,response/* header */.wx)(res.headers, 'content-type'));
        const size = Number((0,response/* header */.wx)(res.headers, 'content-length'));
        if (media_types/* SCHEMA1_MEDIATYPES */.dR.has(mediaType))
            return this.#headByGet(ref);
        // Older registries omit the digest or the type on HEAD: GET and compute (R-MAN-6).
        if (digest === undefined ||
            !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest) ||
            isGenericType(mediaType) ||
            !Number.isInteger(size)) {
            return this.#headByGet(ref);
        }
        if (ref.digest !== undefined && digest !== ref.digest) {
            throw new errors/* UserError */.y(`${(0,reference/* formatReference */.FH)(ref)}: the registry answered with digest ${digest}`);
        }
        return { digest, mediaType, size };
    }
    async #headByGet(ref) {
        try {
            const m = await this.getManifest(ref);
            return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
        }
        catch (error) {
            if ((0,oci_errors/* isNotFound */.c4)(error))
                return undefined;
            throw error;
        }
    }
    /** GETs a manifest's exact bytes and checks them (R-MAN-2..4, R-MAN-7). */
    async getManifest(ref) {
        const label = (0,reference/* formatReference */.FH)(ref);
        const res = await this.transport.request({
            method: 'GET',
            registry: ref.registry,
            path: `/v2/${ref.repository}/manifests/${referenceOf(ref)}`,
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
            scopes: [scopeFor(ref.repository, 'pull')],
            expect: [200]
        });
        this.#readRateLimit(res.headers);
        const declared = Number((0,response/* header */.wx)(res.headers, 'content-length'));
        if (declared > this.maxManifestBytes) {
            await res.dump();
            throw new errors/* UserError */.y(`${label}: the manifest is ${declared} bytes, more than the ${this.maxManifestBytes}-byte limit`);
        }
        const bytes = await res.bytes(this.maxManifestBytes);
        return checkManifest(label, bytes, (0,response/* header */.wx)(res.headers, 'content-type'), (0,response/* header */.wx)(res.headers, 'docker-content-digest'), ref.digest);
    }
    /** PUTs the exact manifest bytes under a tag or digest; returns the confirmed digest (R-PUT-1). */
    async putManifest(registry, repository, reference, manifest, opts = {}) {
        const label = `${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference}`;
        if (media_types/* SCHEMA1_MEDIATYPES */.dR.has(manifest.mediaType))
            throw new errors/* UserError */.y(`${label}: refusing to push a schema 1 manifest`);
        if (reference.includes(':') && reference !== manifest.digest) {
            throw new errors/* UserError */.y(`${label}: manifest digest is ${manifest.digest}`);
        }
        const res = await this.transport.request({
            method: 'PUT',
            registry,
            path: `/v2/${repository}/manifests/${reference}`,
            headers: { 'content-type': manifest.mediaType },
            body: manifest.bytes,
            scopes: [scopeFor(repository, 'pull', 'push')],
            // 201 per spec; some registries answer 200 to the same successful PUT.
            expect: [200, 201]
        });
        await res.dump();
        const stored = (0,response/* header */.wx)(res.headers, 'docker-content-digest');
        if (stored !== undefined && stored !== manifest.digest) {
            throw new errors/* UserError */.y(`${label}: the registry stored digest ${stored} for manifest ${manifest.digest}`);
        }
        const subject = (0,response/* header */.wx)(res.headers, 'oci-subject');
        if (subject !== undefined)
            opts.onSubject?.(subject);
        return manifest.digest;
    }
    /** HEADs a blob: its size (-1 when the registry does not say), or undefined when absent. */
    async headBlob(registry, repository, digest) {
        const res = await this.transport.request({
            method: 'HEAD',
            registry,
            path: `/v2/${repository}/blobs/${digest}`,
            scopes: [scopeFor(repository, 'pull')],
            expect: [200, 404]
        });
        await res.dump();
        if (res.status === 404)
            return undefined;
        const size = Number((0,response/* header */.wx)(res.headers, 'content-length'));
        return Number.isInteger(size) ? size : -1;
    }
    /** Streams a blob, verified against the descriptor's digest and size as it flows (R-BLOB-1). */
    async getBlob(registry, repository, descriptor) {
        const label = `${registry}/${repository}@${descriptor.digest}`;
        const res = await this.transport.request({
            method: 'GET',
            registry,
            path: `/v2/${repository}/blobs/${descriptor.digest}`,
            scopes: [scopeFor(repository, 'pull')],
            expect: [200]
        });
        const length = (0,response/* header */.wx)(res.headers, 'content-length');
        if (length !== undefined && Number(length) !== descriptor.size) {
            await res.dump();
            throw new errors/* UserError */.y(`${label}: the registry sent ${length} bytes, the descriptor says ${descriptor.size}`);
        }
        return new oci_digest/* VerifiedBlobStream */._R(res.body, { digest: descriptor.digest, size: descriptor.size }, label);
    }
    /** Uploads a blob unless present; mounts it from `mountFrom` (same registry) when possible. */
    uploadBlob(registry, repository, descriptor, source, opts = {}) {
        return uploadBlob(this, registry, repository, descriptor, source, opts);
    }
    /** Every tag of a repository, following pagination; [] when the repository does not exist. */
    listTags(registry, repository, opts = {}) {
        return listTags(this.transport, registry, repository, opts);
    }
    /** Manifests whose subject is `digest` (referrers API, else the fallback tag). */
    getReferrers(registry, repository, digest) {
        return getReferrers(this, registry, repository, digest);
    }
    /** Deletes a manifest by digest: every tag pointing at it goes too (\u00a76.1). */
    deleteManifest(registry, repository, digest) {
        return deleteManifest(this.transport, registry, repository, digest);
    }
    /** Removes one tag without touching other tags that share its image (R-DEL-1..4). */
    deleteTag(ref, opts = {}) {
        return deleteTag(this, ref, { ...opts, vendors: opts.vendors ?? this.deleteVendors });
    }
    #readRateLimit(headers) {
        const limit = parseQuota((0,response/* header */.wx)(headers, 'ratelimit-limit'));
        const remaining = parseQuota((0,response/* header */.wx)(headers, 'ratelimit-remaining'));
        if (limit === undefined || remaining === undefined)
            return;
        this.lastRateLimit = {
            limit: limit.value,
            remaining: remaining.value,
            windowSeconds: limit.window ?? remaining.window
        };
    }
}
/** `100;w=21600` \u2192 { value: 100, window: 21600 } (Docker Hub usage/pulls.md). */
function parseQuota(value) {
    const m = /^\s*(\d+)(?:\s*;\s*w=(\d+))?/.exec(value ?? '');
    if (!m)
        return undefined;
    return { value: Number(m[1]), window: m[2] === undefined ? undefined : Number(m[2]) };
}


/***/ }),

/***/ 2571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ defaultCredentialSource)
});

// UNUSED EXPORTS: staticCredentials

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/logger.ts
var src_logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/oci/credential-helper.ts
// docker-credential-helpers client protocol, `get` verb only (registry-protocol.md \u00a73.9).

/** Username a helper returns when Secret is an identity (refresh) token (native_store.go). */
const TOKEN_USERNAME = '<token>';
/** Helpers may prompt (desktop keychains) or call cloud APIs (ecr-login, gcloud); bound the wait. */
const HELPER_TIMEOUT_MS = 30_000;
/**
 * Runs `docker-credential-<helper> get` with the server URL on stdin. Returns undefined when the
 * helper has no credentials for it. A helper that is missing, fails, times out or prints something
 * else is a UserError for this host: never fall back to other credentials (R-CRED-2, CVE-2021-41092).
 */
async function helperGet(req) {
    const program = `docker-credential-${req.helper}`;
    const fail = (what) => new errors/* UserError */.y(`credential helper ${program} (configured in ${req.origin}) ${what} for ${req.host}`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(req.helper))
        throw fail('has an invalid name');
    const run = await runHelper(program, req);
    // Not found is a normal answer (docker-credential-helpers errCredentialsNotFoundMessage).
    const notFound = !run.stdout.trimStart().startsWith('{') && /credentials not found/i.test(run.stdout);
    if (notFound)
        return undefined;
    if (run.failure !== undefined)
        throw fail(run.failure);
    return parseHelperOutput(run.stdout, () => fail('printed invalid output'));
}
async function runHelper(program, req) {
    // Loaded on first use: child_process drags in modules every CLI start would pay for.
    const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    return new Promise((resolve) => {
        const child = execFile(program, ['get'], { env: req.env, timeout: req.timeoutMs ?? HELPER_TIMEOUT_MS, maxBuffer: 1 << 20, windowsHide: true }, (error, stdout) => {
            if (!error)
                return resolve({ stdout });
            // Helper output is not put in messages: it may echo what it was given or hold a secret.
            const err = error;
            const code = err.code;
            const timeout = req.timeoutMs ?? HELPER_TIMEOUT_MS;
            let failure;
            if (code === 'ENOENT')
                failure = 'was not found on PATH';
            else if (code === 'EACCES')
                failure = 'is not executable';
            else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
                failure = 'printed too much output';
            else if (err.killed)
                failure = `did not answer within ${timeout / 1000} s`;
            else if (err.signal)
                failure = `was killed by ${err.signal}`;
            else if (typeof code === 'number')
                failure = `failed with exit code ${code}`;
            else
                failure = `could not run (${typeof code === 'string' ? code : 'unknown error'})`;
            resolve({ stdout: typeof stdout === 'string' ? stdout : '', failure });
        });
        // A helper that exits without reading stdin closes the pipe; its exit status tells the story.
        child.stdin?.on('error', () => { });
        child.stdin?.end(req.serverUrl);
    });
}
/** Maps `{"ServerURL","Username","Secret"}` to a credential; `<token>` means an identity token. */
function parseHelperOutput(stdout, invalid) {
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        throw invalid();
    }
    if (typeof doc !== 'object' || doc === null)
        throw invalid();
    const { Username: username, Secret: secret } = doc;
    if ((username !== undefined && typeof username !== 'string') || (secret !== undefined && typeof secret !== 'string')) {
        throw invalid();
    }
    if (!secret)
        return undefined;
    if (username === TOKEN_USERNAME)
        return { identityToken: secret };
    return username ? { username, password: secret } : { password: secret };
}

// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
;// CONCATENATED MODULE: ./src/oci/credentials.ts
// Registry credentials: explicit inputs, DOCKER_AUTH_CONFIG, docker config.json (with credential
// helpers) and the containers auth file (registry-protocol.md \u00a73.9, R-CRED-1..3).





/** A source answering from a fixed map keyed by registry host (config.json key rules apply). */
function staticCredentials(map) {
    return {
        get: async (registry) => {
            const key = findKey(map, registry);
            return key === undefined ? undefined : { ...map[key] };
        }
    };
}
/**
 * The credential chain, first hit wins (R-CRED-1):
 *   1. explicit credentials (action or CLI inputs);
 *   2. DOCKER_AUTH_CONFIG, JSON `{"auths":{\u2026}}`;
 *   3. docker config.json (`$DOCKER_CONFIG/config.json`, default `~/.docker/config.json`), one store
 *      per host as docker/cli picks it: credHelpers[host], else credsStore, else `auths`;
 *   4. containers auth file: `$REGISTRY_AUTH_FILE`, else `$XDG_RUNTIME_DIR/containers/auth.json`
 *      then `~/.config/containers/auth.json` (its credHelpers, else its `auths`).
 * A helper that has nothing for the host sends the lookup on to the containers file; a helper that
 * is missing or fails is an error for that host, never a reason to use other credentials (R-CRED-2).
 * Files are read on first use, once per source; answers are cached per host for its lifetime.
 */
function defaultCredentialSource(opts = {}) {
    const env = opts.env ?? process.env;
    const logger = opts.logger ?? src_logger/* nullLogger */.G;
    const home = env.HOME || env.USERPROFILE || (0,external_node_os_.homedir)();
    const explicit = opts.explicit ?? {};
    const once = (load) => {
        let loaded;
        return () => (loaded ??= load());
    };
    const envConfig = once(async () => env.DOCKER_AUTH_CONFIG ? (0,docker_config/* parseEnvAuthConfig */.Jd)(env.DOCKER_AUTH_CONFIG) : undefined);
    const dockerConfig = once(() => (0,docker_config/* readAuthFile */.nb)((0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(home, '.docker'), 'config.json')));
    const containersFiles = containersAuthPaths(env, home).map((path) => once(() => (0,docker_config/* readAuthFile */.nb)(path)));
    /** Answer of one file for `host`: a helper (credHelpers, then credsStore) or its `auths`. */
    async function fromFile(file, host, namespaced) {
        if (file === undefined)
            return undefined;
        const helperKey = (0,docker_config/* findKey */.Tj)(file.credHelpers, host, namespaced);
        const helper = helperKey === undefined ? file.credsStore : file.credHelpers[helperKey];
        if (helper) {
            const serverUrl = (0,docker_config/* isDockerHub */.gr)(host) ? docker_config/* DOCKER_HUB_KEY */.pe : host;
            const request = { helper, host, serverUrl, origin: file.origin, env, timeoutMs: opts.helperTimeoutMs };
            return { credential: await helperGet(request), from: `${file.origin} (helper ${helper})` };
        }
        const key = (0,docker_config/* findKey */.Tj)(file.auths, host, namespaced);
        if (key === undefined)
            return undefined;
        return { credential: (0,docker_config/* entryCredential */.cI)(file.auths[key] ?? {}, file.origin, host), from: file.origin };
    }
    async function resolve(host) {
        const sources = [
            async () => {
                const key = (0,docker_config/* findKey */.Tj)(explicit, host);
                return key === undefined ? undefined : { credential: { ...explicit[key] }, from: 'explicit input' };
            },
            async () => fromFile(await envConfig(), host, false),
            async () => fromFile(await dockerConfig(), host, false),
            ...containersFiles.map((file) => async () => fromFile(await file(), host, true))
        ];
        for (const source of sources) {
            const found = await source();
            if (found?.credential) {
                logger.debug(`credentials for ${host}: from ${found.from}`);
                return found.credential;
            }
            if (found)
                logger.debug(`credentials for ${host}: none in ${found.from}`);
        }
        logger.debug(`credentials for ${host}: none found, using anonymous access`);
        return undefined;
    }
    const cache = new Map();
    return {
        get(registry) {
            const key = (0,docker_config/* isDockerHub */.gr)(registry) ? 'docker.io' : registry;
            let answer = cache.get(key);
            if (answer === undefined) {
                answer = resolve(registry);
                cache.set(key, answer);
            }
            return answer.then((c) => (c === undefined ? undefined : { ...c }));
        }
    };
}
/** Candidate containers auth files, in lookup order (containers-auth.json(5)). */
function containersAuthPaths(env, home) {
    if (env.REGISTRY_AUTH_FILE)
        return [env.REGISTRY_AUTH_FILE];
    const paths = env.XDG_RUNTIME_DIR ? [(0,external_node_path_.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json')] : [];
    paths.push((0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    return paths;
}


/***/ }),

/***/ 485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o_: () => (/* binding */ jsonOf),
/* harmony export */   pb: () => (/* binding */ apiError),
/* harmony export */   px: () => (/* binding */ callApi)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8630);
/* harmony import */ var _redirect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(809);
/* harmony import */ var _response_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5734);
// Calls to the vendor APIs beside a registry (ECR, GitLab, Harbor, Docker
// Hub, GitHub) and the one-line errors their answers become. Credentials ride
// in headers only; a redirect is reported, never followed (R-RED-1).




/** Package version lists and repository pages are JSON of a few hundred KiB at most. */
const BODY_LIMIT = 4 * 1024 * 1024;
const PREVIEW = 200;
/** Sends one request and reads the whole answer. */
async function callApi(transport, what, url, req) {
    const res = await transport.api(url, req);
    if ((0,_redirect_js__WEBPACK_IMPORTED_MODULE_2__/* .isRedirect */ .N6)(res.status)) {
        await res.dump();
        const to = (0,_response_js__WEBPACK_IMPORTED_MODULE_3__/* .header */ .wx)(res.headers, 'location');
        let target = 'elsewhere';
        try {
            if (to !== undefined)
                target = new URL(to, url).host;
        }
        catch {
            // An unparseable Location is still a redirect we do not follow.
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedLocation */ .Ue)(url)} redirected (${res.status}) to ${target}; not followed, the request carries credentials`);
    }
    return { status: res.status, headers: res.headers, body: await res.text(BODY_LIMIT) };
}
/** Parses a JSON answer; a body that is not JSON is a one-line error. */
function jsonOf(what, answer) {
    try {
        return JSON.parse(answer.body);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${what}: answered ${answer.status} with a body that is not JSON`);
    }
}
/** `what: 404 <message>` from the error shapes of AWS, GitLab, Harbor, Docker Hub and GitHub. */
function apiError(what, answer, hint) {
    const suffix = hint ? ` (${hint})` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${what}: ${answer.status} ${describeBody(answer.body)}${suffix}`);
}
function describeBody(body) {
    const text = body.replace(/\s+/g, ' ').trim();
    if (text === '')
        return '(empty body)';
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return preview(text);
    }
    if (typeof parsed !== 'object' || parsed === null)
        return preview(text);
    const o = parsed;
    const parts = [];
    // AWS JSON protocol: "__type": "com.amazon\u2026#RepositoryNotFoundException"
    if (typeof o.__type === 'string')
        parts.push(o.__type.split('#').pop());
    if (Array.isArray(o.errors)) {
        for (const e of o.errors) {
            const line = [e?.code, e?.message].filter((x) => typeof x === 'string').join(' ');
            if (line)
                parts.push(line);
        }
    }
    for (const key of ['message', 'Message', 'error', 'error_description', 'detail']) {
        const v = o[key];
        if (typeof v === 'string')
            parts.push(v);
        else if (v !== undefined && v !== null)
            parts.push(JSON.stringify(v));
    }
    return parts.length === 0 ? preview(text) : preview(parts.join(': '));
}
function preview(text) {
    return text.length > PREVIEW ? `${text.slice(0, PREVIEW)}\u2026` : text;
}


/***/ }),

/***/ 4298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kn: () => (/* binding */ signV4)
/* harmony export */ });
/* unused harmony exports amzDate, canonicalRequest, credentialScope, stringToSign, signingKey */
// AWS Signature Version 4 for the ECR API (registry-protocol \u00a73.2): the
// canonical request, the string to sign and the derived signing key of the
// AWS "Create a signed AWS API request" guide, with node:crypto only.
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** `20150830T123600Z`: ISO 8601 basic format, UTC, no fractions. */
function amzDate(now) {
    return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ escaped. */
function uriEncode(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function sha256Hex(data) {
    return crypto().createHash('sha256').update(data).digest('hex');
}
function hmac(key, data) {
    return crypto().createHmac('sha256', key).update(data).digest();
}
/** Lower-cased, trimmed, sorted headers with `host`: what gets signed. */
function signedHeaderMap(req) {
    const map = new Map([['host', req.url.host]]);
    for (const [name, value] of Object.entries(req.headers)) {
        map.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '));
    }
    return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
/**
 * The canonical request: method, path (each segment encoded once more than
 * the URL has it, as every service but S3 expects), sorted query, headers,
 * signed header names, payload hash.
 */
function canonicalRequest(req) {
    const path = req.url.pathname.split('/').map(uriEncode).join('/') || '/';
    const query = [...req.url.searchParams]
        .map(([k, v]) => [uriEncode(k), uriEncode(v)])
        .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
    const headers = signedHeaderMap(req);
    const signedHeaders = headers.map(([n]) => n).join(';');
    const text = [
        req.method,
        path,
        query,
        headers.map(([n, v]) => `${n}:${v}\n`).join(''),
        signedHeaders,
        sha256Hex(req.body)
    ].join('\n');
    return { text, signedHeaders };
}
/** `<yyyymmdd>/<region>/<service>/aws4_request` */
function credentialScope(scope) {
    return `${amzDate(scope.now).slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
}
function stringToSign(canonical, scope) {
    return [ALGORITHM, amzDate(scope.now), credentialScope(scope), sha256Hex(canonical)].join('\n');
}
/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request") */
function signingKey(secretAccessKey, scope) {
    const date = hmac(`AWS4${secretAccessKey}`, amzDate(scope.now).slice(0, 8));
    return hmac(hmac(hmac(date, scope.region), scope.service), 'aws4_request');
}
/**
 * Signs a request: returns the headers to send, the caller's plus
 * X-Amz-Date, X-Amz-Security-Token (temporary credentials) and Authorization.
 */
function signV4(req, credentials, scope) {
    const headers = { ...req.headers, 'x-amz-date': amzDate(scope.now) };
    if (credentials.sessionToken)
        headers['x-amz-security-token'] = credentials.sessionToken;
    const { text, signedHeaders } = canonicalRequest({ ...req, headers });
    const signature = hmac(signingKey(credentials.secretAccessKey, scope), stringToSign(text, scope)).toString('hex');
    headers.authorization =
        `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope(scope)}, ` +
            `SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
}
/** node:crypto on first use: this module loads with the registry client, signing is rare. */
function crypto() {
    return process.getBuiltinModule('node:crypto');
}


/***/ }),

/***/ 584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ detectStrategy),
/* harmony export */   _F: () => (/* binding */ parseDeleteStrategy),
/* harmony export */   qP: () => (/* binding */ DELETE_STRATEGIES)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _ecr_hosts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
// Which API removes a tag on which registry (registry-protocol \u00a76.2, R-DEL-2),
// chosen from the registry host unless the caller names a strategy.


/** The tag-delete strategies, one per registry family. */
const DELETE_STRATEGIES = ['generic', 'ecr', 'gitlab', 'harbor', 'dockerhub', 'ghcr'];
const DOCKER_HUB_HOSTS = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com'
]);
/**
 * The strategy for a registry host: ECR (private and Public, or a host named
 * as one), GHCR, Docker Hub and GitLab by name, Harbor and self-hosted GitLab
 * when listed.
 */
function detectStrategy(registry, vendors = {}) {
    const host = registry.toLowerCase();
    const listed = (hosts) => hosts?.some((h) => h.toLowerCase() === host) === true;
    if ((0,_ecr_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .ecrRegistryOf */ .Bv)(host, vendors.ecr?.aliases) !== undefined)
        return 'ecr';
    if (host === 'ghcr.io')
        return 'ghcr';
    if (DOCKER_HUB_HOSTS.has(host))
        return 'dockerhub';
    if (host === 'registry.gitlab.com' || listed(vendors.gitlab?.hosts))
        return 'gitlab';
    if (listed(vendors.harbor?.hosts))
        return 'harbor';
    return 'generic';
}
/** Parses a strategy name (flag or input); the error names the choices. */
function parseDeleteStrategy(value, from) {
    if (DELETE_STRATEGIES.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${from} must be one of ${DELETE_STRATEGIES.join(', ')} (got "${value}")`);
}


/***/ }),

/***/ 6794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _R: () => (/* binding */ VerifiedBlobStream),
  ol: () => (/* binding */ digestOf),
  WQ: () => (/* binding */ digestProblem),
  gp: () => (/* binding */ referrersTagFor)
});

// UNUSED EXPORTS: DIGEST_INVALID_FORMAT, DIGEST_INVALID_LENGTH, DIGEST_UNSUPPORTED, DigestMismatchError, isDigest, parseDigest

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/oci/sha256-small.ts
// SHA-256 (FIPS 180-4) of a small buffer in plain JavaScript, for the
// digests a command needs before anything else would load node:crypto: the
// manifest of a fresh copy is checked this way while the blobs' requests are
// still to be sent, and node:crypto (5\u20139 ms to load) then loads during their
// round trips, when the first blob's bytes arrive. Blobs always go through
// node:crypto, which runs at hardware speed.
const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
/** The hex SHA-256 of `bytes`. */
function sha256Hex(bytes) {
    // The message, a 0x80 byte, zeros, and the bit length: a whole number of 64-byte blocks.
    const blocks = Math.ceil((bytes.length + 9) / 64);
    const padded = new Uint8Array(blocks * 64);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
    view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
    const h = Uint32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
    const w = new Uint32Array(64);
    for (let offset = 0; offset < padded.length; offset += 64) {
        for (let i = 0; i < 16; i++)
            w[i] = view.getUint32(offset + i * 4);
        for (let i = 16; i < 64; i++) {
            const x = word(w, i - 15);
            const y = word(w, i - 2);
            const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
            const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
            w[i] = word(w, i - 16) + s0 + word(w, i - 7) + s1;
        }
        let [a, b, c, d, e, f, g, k] = [word(h, 0), word(h, 1), word(h, 2), word(h, 3), word(h, 4), word(h, 5), word(h, 6), word(h, 7)];
        for (let i = 0; i < 64; i++) {
            const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + word(K, i) + word(w, i)) | 0;
            const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
            k = g;
            g = f;
            f = e;
            e = (d + t1) | 0;
            d = c;
            c = b;
            b = a;
            a = (t1 + t2) | 0;
        }
        h.set([word(h, 0) + a, word(h, 1) + b, word(h, 2) + c, word(h, 3) + d, word(h, 4) + e, word(h, 5) + f, word(h, 6) + g, word(h, 7) + k]);
    }
    let hex = '';
    for (const word of h)
        hex += word.toString(16).padStart(8, '0');
    return hex;
}
function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
}
/** An element of a word array (the index is always in range). */
function word(words, i) {
    return words[i] ?? 0;
}

;// CONCATENATED MODULE: ./src/oci/digest.ts



// Hex length of each supported algorithm; lowercase only ([A-F] MUST NOT be used).
const ENCODED_LENGTH = { sha256: 64, sha512: 128 };
// go-digest's DigestRegexpAnchored: tells an unknown-but-well-formed algorithm
// ("unsupported") from a malformed digest ("invalid format").
const DIGEST_SHAPE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const LOWER_HEX = /^[a-f0-9]+$/;
/** Sentinel wording of opencontainers/go-digest, reused so messages match other tools. */
const DIGEST_INVALID_FORMAT = 'invalid checksum digest format';
const DIGEST_INVALID_LENGTH = 'invalid checksum digest length';
const DIGEST_UNSUPPORTED = 'unsupported digest algorithm';
/**
 * Why `s` is not a digest this client accepts, in go-digest's wording, or
 * undefined when it is valid. Follows `Digest.Validate` step by step so the
 * same input yields the same reason.
 */
function digestProblem(s) {
    const i = s.indexOf(':');
    if (i <= 0 || i + 1 === s.length)
        return DIGEST_INVALID_FORMAT;
    const algorithm = s.slice(0, i);
    const encoded = s.slice(i + 1);
    if (!isAlgorithm(algorithm)) {
        return DIGEST_SHAPE.test(s) ? DIGEST_UNSUPPORTED : DIGEST_INVALID_FORMAT;
    }
    if (encoded.length !== ENCODED_LENGTH[algorithm])
        return DIGEST_INVALID_LENGTH;
    return LOWER_HEX.test(encoded) ? undefined : DIGEST_INVALID_FORMAT;
}
/**
 * Splits a digest into algorithm and hex part.
 * @throws UserError naming the digest and what is wrong with it.
 */
function parseDigest(s) {
    const problem = digestProblem(s);
    if (problem !== undefined)
        throw new errors/* UserError */.y(`invalid digest "${s}": ${problem}`);
    const i = s.indexOf(':');
    return { algorithm: s.slice(0, i), encoded: s.slice(i + 1) };
}
/** True when `s` is a sha256 or sha512 digest with the exact lowercase hex length. */
function isDigest(s) {
    return digestProblem(s) === undefined;
}
/** Inputs up to this size are hashed in JavaScript until node:crypto has loaded. */
const SMALL_INPUT = 64 * 1024;
/** node:crypto has been loaded (by the first hash that needed it). */
let cryptoLoaded = false;
/**
 * The digest (`algorithm:hex`) of `bytes`. Until something has loaded
 * node:crypto, a small sha256 (a manifest) is computed in JavaScript
 * (sha256-small.ts): a fresh copy then loads node:crypto when its first blob
 * arrives, while it waits for the target's upload sessions, instead of
 * between the manifest's answer and the blobs' requests.
 */
function digestOf(bytes, algorithm = 'sha256') {
    if (algorithm === 'sha256' && !cryptoLoaded && bytes.length <= SMALL_INPUT)
        return `sha256:${sha256Hex(bytes)}`;
    return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
/**
 * The tag under which referrers are stored on registries without the
 * referrers API (distribution-spec "Referrers Tag Schema", \u00a71.9): algorithm
 * truncated to 32 characters, encoded part to 64, and every character outside
 * `[a-zA-Z0-9_.-]` replaced by `-`. Accepts any well-shaped digest, not only
 * the algorithms this client verifies, since the schema is defined for all.
 */
function referrersTagFor(digest) {
    const i = digest.indexOf(':');
    if (i <= 0 || i + 1 === digest.length) {
        throw new errors/* UserError */.y(`invalid digest "${digest}": ${DIGEST_INVALID_FORMAT}`);
    }
    const clean = (part) => part.replace(/[^a-zA-Z0-9_.-]/g, '-');
    return `${clean(digest.slice(0, i).slice(0, 32))}-${clean(digest.slice(i + 1).slice(0, 64))}`;
}
/** Downloaded content does not match its descriptor (R-BLOB-1): a corrupt or tampered registry answer, reported as one line. */
class DigestMismatchError extends errors/* UserError */.y {
    name = 'DigestMismatchError';
    expected;
    constructor(message, expected) {
        super(message);
        this.expected = expected;
    }
}
/**
 * The bytes of a downloaded blob, hashed and counted as they pass (R-BLOB-1).
 * The stream fails with DigestMismatchError when the content is longer or
 * shorter than the descriptor's size, or hashes to another digest. The chunk
 * that completes the size is passed on only after the digest checks out, so a
 * consumer that forwards the bytes (an upload with Content-Length) never sends
 * a whole body of the wrong content; bytes beyond the size are never passed on.
 *
 * One Readable fed by the source's 'data' events, not a Transform: a
 * Transform's writable half costs a callback and a tick for every 64 KiB
 * socket read, which was a tenth of a copy's CPU time.
 */
class VerifiedBlobStream extends external_node_stream_.Readable {
    /** Bytes received so far. */
    bytes = 0;
    #source;
    #expected;
    #algorithm;
    #label;
    #hash;
    #ended = false;
    /**
     * @param source the response body
     * @param expected the descriptor's digest and size
     * @param label what is being read, for messages (`registry/repo@digest`)
     * @throws UserError when `expected.digest` is not a supported digest
     */
    constructor(source, expected, label) {
        super();
        this.#algorithm = parseDigest(expected.digest).algorithm;
        this.#hash = createHash(this.#algorithm);
        this.#source = source;
        this.#expected = { digest: expected.digest, size: expected.size };
        this.#label = label;
        source.once('end', () => this.#end());
        source.once('error', (error) => this.destroy(error));
        source.once('close', () => {
            if (!this.#ended)
                this.destroy(new errors/* UserError */.y(`${label}: the registry closed the connection before the blob was complete`));
        });
        // Opened ahead of its consumer (the upload's POST may still be out): an
        // error meanwhile waits in the stream's state, where every consumer
        // (undici, pipeline, async iteration) finds it, instead of being thrown.
        this.on('error', () => { });
    }
    _read() {
        // The source flows from the first read on: nothing is hashed or buffered
        // here before the consumer asks.
        if (this.#source.listenerCount('data') === 0)
            this.#source.on('data', (chunk) => this.#take(chunk));
        else
            this.#source.resume();
    }
    _destroy(error, callback) {
        this.#ended = true;
        this.#source.destroy();
        callback(error);
    }
    #take(chunk) {
        if (this.destroyed)
            return;
        this.bytes += chunk.length;
        if (this.bytes > this.#expected.size) {
            this.#fail(`received more than the expected ${this.#expected.size} bytes`);
            return;
        }
        this.#hash.update(chunk);
        if (this.bytes === this.#expected.size && !this.#digestMatches())
            return;
        if (!this.push(chunk))
            this.#source.pause();
    }
    #end() {
        if (this.destroyed)
            return;
        this.#ended = true;
        if (this.bytes !== this.#expected.size) {
            this.#fail(`received ${this.bytes} bytes, expected ${this.#expected.size}`);
            return;
        }
        // The empty blob has no chunk that completes it: its digest is checked here.
        if (this.#expected.size === 0 && !this.#digestMatches())
            return;
        this.push(null);
    }
    #digestMatches() {
        const actual = `${this.#algorithm}:${this.#hash.digest('hex')}`;
        if (actual === this.#expected.digest)
            return true;
        this.#fail(`content has digest ${actual}, expected ${this.#expected.digest}`);
        return false;
    }
    #fail(what) {
        this.destroy(new DigestMismatchError(`${this.#label}: ${what}`, this.#expected));
    }
}
function isAlgorithm(s) {
    return Object.hasOwn(ENCODED_LENGTH, s);
}
/**
 * node:crypto, loaded on the first hash: a command that only compares digests
 * the registries report (a repeat copy) then never pays its start-up time.
 */
function createHash(algorithm) {
    cryptoLoaded = true;
    return process.getBuiltinModule('node:crypto').createHash(algorithm);
}


/***/ }),

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jd: () => (/* binding */ parseEnvAuthConfig),
/* harmony export */   Tj: () => (/* binding */ findKey),
/* harmony export */   X$: () => (/* binding */ decodeAuth),
/* harmony export */   cI: () => (/* binding */ entryCredential),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   nb: () => (/* binding */ readAuthFile),
/* harmony export */   pe: () => (/* binding */ DOCKER_HUB_KEY)
/* harmony export */ });
/* unused harmony exports convertToHostname, parseAuthFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// Docker config.json, DOCKER_AUTH_CONFIG and containers auth.json: parsing and key lookup
// (registry-protocol.md \u00a73.9; docker/cli cli/config file_store.go and configfile/file.go).


/** The key docker/cli stores Docker Hub credentials under, and the server URL helpers get. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** True for every name Docker Hub goes by in references and config keys. */
function isDockerHub(host) {
    return HUB_HOSTS.has(host);
}
/** docker/cli ConvertToHostname: drop the scheme and any path, keep the port. */
function convertToHostname(key) {
    const withoutScheme = key.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '');
    return withoutScheme.split('/')[0] ?? '';
}
const canonical = (host) => (isDockerHub(host) ? 'docker.io' : host);
/**
 * The key of `map` that holds `host`'s entry, as docker/cli's file store finds it: the exact key
 * first (Docker Hub: `https://index.docker.io/v1/` first), then any key whose hostname equals the
 * host. Ports are significant: `localhost:5000` never matches `localhost`. With `namespaced`
 * (containers auth.json), scheme-less keys with a path are repository-scoped and never match a host.
 */
function findKey(map, host, namespaced = false) {
    const exact = isDockerHub(host) ? [DOCKER_HUB_KEY, host] : [host];
    for (const key of exact)
        if (Object.hasOwn(map, key))
            return key;
    const wanted = canonical(host);
    return Object.keys(map).find((key) => {
        if (namespaced && !key.includes('://') && key.includes('/'))
            return false;
        return canonical(convertToHostname(key)) === wanted;
    });
}
/**
 * docker/cli decodeAuth: standard base64 of `user:password`, split on the first `:`, trailing NULs
 * trimmed from the password. Messages name the origin and host only, never the value.
 */
function decodeAuth(value, origin, host) {
    const bad = (what) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin}: the auth value for ${host} ${what}`);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
        throw bad('is not valid base64');
    }
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
        throw bad('is not of the form user:password');
    if (colon === 0)
        throw bad('has an empty username');
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1).replace(/\0+$/, '') };
}
/** The credential an `auths` entry holds, or undefined for an empty placeholder entry. */
function entryCredential(entry, origin, host) {
    const cred = {};
    if (entry.username)
        cred.username = entry.username;
    if (entry.password)
        cred.password = entry.password;
    if (entry.auth)
        Object.assign(cred, decodeAuth(entry.auth, origin, host));
    if (entry.identitytoken)
        cred.identityToken = entry.identitytoken;
    if (entry.registrytoken)
        cred.registryToken = entry.registrytoken;
    return Object.keys(cred).length === 0 ? undefined : cred;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** JSON.parse whose error never quotes the input (V8 messages include a snippet of it). */
function parseJson(text, origin) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const at = /position (\d+)/.exec(String(error))?.[1];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin} is not valid JSON${at === undefined ? '' : ` (at position ${at})`}`);
    }
}
function stringMap(value, origin, field) {
    if (value === undefined)
        return {};
    if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin}: "${field}" must map registry hosts to helper names`);
    }
    return value;
}
/** Parses a docker config.json or containers auth.json. */
function parseAuthFile(text, origin) {
    const doc = parseJson(text, origin);
    if (!isObject(doc))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin} must hold a JSON object`);
    const auths = doc.auths ?? {};
    const entryFields = ['auth', 'username', 'password', 'identitytoken', 'registrytoken'];
    if (!isObject(auths) || !Object.values(auths).every(isObject)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin}: "auths" must map registry hosts to objects`);
    }
    for (const [key, entry] of Object.entries(auths)) {
        for (const field of entryFields) {
            if (entry[field] !== undefined && typeof entry[field] !== 'string') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin}: "${field}" of the auths entry ${key} must be a string`);
            }
        }
    }
    if (doc.credsStore !== undefined && typeof doc.credsStore !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin}: "credsStore" must be a helper name`);
    }
    return {
        origin,
        auths: auths,
        credHelpers: stringMap(doc.credHelpers, origin, 'credHelpers'),
        ...(doc.credsStore ? { credsStore: doc.credsStore } : {})
    };
}
/**
 * Parses DOCKER_AUTH_CONFIG as docker/cli parseEnvConfig does: `{"auths":{host:{"auth":\u2026}}}`, no
 * other fields, every entry with an `auth`.
 */
function parseEnvAuthConfig(text) {
    const origin = 'DOCKER_AUTH_CONFIG';
    const doc = parseJson(text, origin);
    if (!isObject(doc) || Object.keys(doc).some((k) => k !== 'auths') || !isObject(doc.auths ?? {})) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin} must be a JSON object of the form {"auths":{"<host>":{"auth":"\u2026"}}}`);
    }
    const auths = (doc.auths ?? {});
    for (const [key, entry] of Object.entries(auths)) {
        if (!isObject(entry) || typeof entry.auth !== 'string' || Object.keys(entry).length !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${origin}: the entry for ${key} must hold exactly one "auth" string`);
        }
    }
    return { origin, auths: auths, credHelpers: {} };
}
/** Reads and parses a credentials file; undefined when it does not exist. */
async function readAuthFile(path) {
    let text;
    try {
        // Synchronous: a small file, read once per run, and fs/promises costs start-up time.
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`cannot read ${path}: ${code ?? 'unknown error'}`, { cause: error });
    }
    return parseAuthFile(text, path);
}


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ ecrApi),
/* harmony export */   Bv: () => (/* binding */ ecrRegistryOf),
/* harmony export */   d_: () => (/* binding */ parseEcrRegistry)
/* harmony export */ });
/* unused harmony exports parseEcrHost, ecrApiEndpoint */
// Amazon ECR registry hosts and their API endpoints (registry-protocol \u00a73.2,
// \u00a73.3), shared by GetAuthorizationToken (ecr-auth.ts) and BatchDeleteImage
// (delete/ecr.ts).
const ECR_HOST = /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
/** The account, region and domain of an ECR host; undefined for any other host. */
function parseEcrHost(registry) {
    const m = ECR_HOST.exec(registry.toLowerCase());
    if (m === null)
        return undefined;
    return { account: m[1], region: m[3], fips: m[2] !== undefined, domain: m[4] };
}
/** ECR Public's registry host and its dual-stack name. */
const ECR_PUBLIC_HOSTS = new Set(['public.ecr.aws', 'ecr-public.aws.com']);
/** "The ECR Public API is only available in us-east-1" (amazon-ecr-credential-helper factory.go). */
const ECR_PUBLIC_REGION = 'us-east-1';
/** What kind of ECR registry `host` is, if any: private (parseEcrHost) or ECR Public. */
function parseEcrRegistry(host) {
    const lower = host.toLowerCase();
    if (ECR_PUBLIC_HOSTS.has(lower))
        return { kind: 'public' };
    const ecr = parseEcrHost(lower);
    return ecr === undefined ? undefined : { kind: 'private', ...ecr };
}
// Dual-stack registry names (`on.aws`) use the API of their partition's
// regular domain; FIPS registries the FIPS endpoint.
const API_DOMAIN = {
    'on.aws': 'amazonaws.com',
    'on.amazonwebservices.com.cn': 'amazonaws.com.cn'
};
/** `https://api.ecr.<region>.<domain>/`, or `https://ecr-fips.<region>.<domain>/`. */
function ecrApiEndpoint(region, domain, fips) {
    const apiDomain = API_DOMAIN[domain] ?? domain;
    return fips ? `https://ecr-fips.${region}.${apiDomain}/` : `https://api.ecr.${region}.${apiDomain}/`;
}
/** The ECR Public API, in its one region. */
const ECR_PUBLIC_API = `https://api.ecr-public.${ECR_PUBLIC_REGION}.amazonaws.com/`;
/**
 * The API of ECR Public, or of a private registry's region and partition;
 * `endpoints` overrides the default URLs (AWS_ENDPOINT_URL_ECR[_PUBLIC]).
 */
function ecrApi(registry, endpoints) {
    if (registry.kind === 'public') {
        return {
            endpoint: endpoints.publicEndpoint ?? ECR_PUBLIC_API,
            region: ECR_PUBLIC_REGION,
            service: 'ecr-public',
            targetPrefix: 'SpencerFrontendService.'
        };
    }
    return {
        endpoint: endpoints.endpoint ?? ecrApiEndpoint(registry.region, registry.domain, registry.fips),
        region: registry.region,
        service: 'ecr',
        targetPrefix: 'AmazonEC2ContainerRegistry_V20150921.'
    };
}
/** The ECR registry `host` is, or is named as in `aliases` (IMAGE_MIRROR_ECR_HOSTS). */
function ecrRegistryOf(host, aliases) {
    return parseEcrRegistry(aliases?.[host.toLowerCase()] ?? host);
}


/***/ }),

/***/ 8630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   DP: () => (/* binding */ isPlainHttpReply),
/* harmony export */   Pd: () => (/* binding */ asUnreachable),
/* harmony export */   Ql: () => (/* binding */ UnreachableRegistryError),
/* harmony export */   Ue: () => (/* binding */ redactedLocation),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   ey: () => (/* binding */ isTemporary),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   l: () => (/* binding */ isTransientNetworkError),
/* harmony export */   xp: () => (/* binding */ TEMPORARY_STATUSES)
/* harmony export */ });
/* unused harmony exports isTlsError, parseErrorBody */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Typed registry failures (R-ERR-1). Every failure a registry can answer with
// becomes a RegistryError whose message is one line: method, host and path
// (never the query string, which may carry signatures), status, OCI error
// codes and message. They extend UserError because the user fixes them
// (credentials, names, network, registry configuration), not the code.

const BODY_PREVIEW_BYTES = 200;
/** A registry answered with an unexpected status. */
class RegistryError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    name = 'RegistryError';
    status;
    /** OCI error codes from the body (`MANIFEST_UNKNOWN`, \u2026); empty when the body had none. */
    codes;
    method;
    /** Host and path of the request, without query string. */
    url;
    registry;
    /** Retry-After from the response, in milliseconds, when the registry sent one. */
    retryAfterMs;
    /**
     * A 401 to a request that carried a token from the registry's token server:
     * the token does not reach this repository. Docker Hub answers so for a
     * repository that does not exist or that the caller cannot see (R-MAN-5).
     */
    afterToken;
    constructor(opts) {
        const url = redactedLocation(opts.url);
        const details = opts.details ?? parseErrorBody(opts.body);
        const hint = opts.hint ? ` (${opts.hint})` : '';
        super(`${opts.method} ${url}: ${opts.status} ${describe(opts.method, opts.body, details)}${hint}`);
        this.status = opts.status;
        this.codes = details.map((d) => d.code);
        this.method = opts.method;
        this.url = url;
        this.registry = opts.registry;
        this.afterToken = opts.afterToken === true && opts.status === 401;
    }
    /** True when the registry sent this OCI error code. */
    hasCode(code) {
        return this.codes.includes(code);
    }
}
/** A registry (or a host it redirected to) could not be reached at all. */
class UnreachableRegistryError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    name = 'UnreachableRegistryError';
    host;
    reason;
    constructor(host, reason, opts = {}) {
        const hint = opts.tlsMismatch
            ? ' (TLS handshake failed: if the registry serves plain HTTP or a self-signed certificate, use --insecure or --ca-file)'
            : '';
        super(`cannot reach registry ${host}: ${reason}${hint}`, { cause: opts.cause });
        this.host = host;
        this.reason = reason;
    }
}
/** True for a 404 from the registry (the object or repository does not exist). */
function isNotFound(error) {
    return error instanceof RegistryError && error.status === 404;
}
/** True for failures worth retrying: throttling, gateway and server errors, network errors. */
function isTemporary(error) {
    if (error instanceof RegistryError) {
        return TEMPORARY_STATUSES.has(error.status) || error.hasCode('TOOMANYREQUESTS');
    }
    return isTransientNetworkError(error);
}
/** Statuses retried by the transport (R-RETRY-1). */
const TEMPORARY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
// Connection-level failures that a second attempt may not hit (R-RETRY-1).
// Refused connections, unknown hosts and certificate errors are not here: they
// do not heal in seconds and retrying them only delays a clear message.
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED'
]);
/** The `code` of a Node or undici error, looking through `cause`. */
function errorCode(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        const code = e.code;
        if (typeof code === 'string' && code !== 'UND_ERR')
            return code;
    }
    return undefined;
}
/** True for network errors that may succeed on a second attempt. */
function isTransientNetworkError(error) {
    const code = errorCode(error);
    return code !== undefined && TRANSIENT_CODES.has(code);
}
/** True when a TLS client met something that is not TLS, or a certificate it cannot verify. */
function isTlsError(error) {
    const code = errorCode(error) ?? '';
    return (code === 'EPROTO' ||
        code.startsWith('ERR_SSL_') ||
        code.startsWith('ERR_TLS_') ||
        /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code));
}
/** True when an https connection reached a server that speaks plain HTTP. */
function isPlainHttpReply(error) {
    const code = errorCode(error) ?? '';
    const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : '';
    return (code === 'EPROTO' ||
        code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
        /wrong version number|packet length too long/i.test(text));
}
/**
 * Wraps a network failure as UnreachableRegistryError (host named, reason
 * short). Anything that is not a network failure is returned unchanged.
 */
function asUnreachable(error, host) {
    if (!(error instanceof Error) || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y)
        return error;
    const code = errorCode(error);
    if (code === undefined)
        return error;
    const tls = isTlsError(error);
    const reason = REASONS[code] ?? (tls ? `TLS error ${code}` : `${code} ${firstLine(error.message)}`.trim());
    return new UnreachableRegistryError(host, reason, { tlsMismatch: tls, cause: error });
}
const REASONS = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no response (headers timeout)',
    UND_ERR_BODY_TIMEOUT: 'response body stalled (body timeout)',
    UND_ERR_SOCKET: 'connection closed by the server'
};
function firstLine(s) {
    return s.split('\n')[0].slice(0, 200);
}
/** `host/path` of a URL: no scheme, no credentials, no query (signed URLs carry secrets there). */
function redactedLocation(url) {
    if (typeof url !== 'string')
        return `${url.host}${url.pathname}`;
    try {
        const parsed = new URL(url);
        return `${parsed.host}${parsed.pathname}`;
    }
    catch {
        return url.split('?')[0];
    }
}
/** Parses the OCI error envelope; an empty array when the body is something else. */
function parseErrorBody(body) {
    if (body === undefined || body.trim() === '')
        return [];
    try {
        const parsed = JSON.parse(body);
        if (!Array.isArray(parsed?.errors))
            return [];
        return parsed.errors
            .filter((e) => typeof e === 'object' && e !== null)
            .map((e) => ({
            code: typeof e.code === 'string' ? e.code : 'UNKNOWN',
            message: typeof e.message === 'string' ? e.message : undefined
        }));
    }
    catch {
        return [];
    }
}
function describe(method, body, details) {
    if (details.length > 0) {
        return details.map((d) => (d.message ? `${d.code} ${d.message}` : d.code)).join('; ');
    }
    if (method === 'HEAD')
        return '(HEAD responses have no body)';
    const text = (body ?? '').replace(/\s+/g, ' ').trim();
    if (text === '')
        return '(empty body)';
    return text.length > BODY_PREVIEW_BYTES ? `${text.slice(0, BODY_PREVIEW_BYTES)}\u2026` : text;
}
// Query parameters of signed URLs (S3, GCS, CDNs) and token endpoints (R-RED-5).
const SECRET_PARAM = /sig|signature|token|credential|secret|password|key|auth|policy/i;
/** A URL for debug logs: query values that look like signatures or tokens become `[redacted]`. */
function redactUrl(url) {
    if (url.search === '')
        return `${url.origin}${url.pathname}`;
    const params = [...url.searchParams].map(([k, v]) => `${k}=${SECRET_PARAM.test(k) ? '[redacted]' : encodeURIComponent(v)}`);
    return `${url.origin}${url.pathname}?${params.join('&')}`;
}


/***/ }),

/***/ 7858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ HeaderReader)
/* harmony export */ });
// A cursor over one HTTP header value, shared by the WWW-Authenticate and
// Link parsers: both read RFC 7230 lists with quoted strings.
/** Base cursor: position, simple reads, and quoted strings (RFC 7230 \u00a73.2.6). */
class HeaderReader {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    done() {
        return this.i >= this.s.length;
    }
    peek() {
        return this.s.charAt(this.i);
    }
    advance(n) {
        this.i += n;
    }
    /** Offset of `c` from the cursor, or -1. */
    indexOf(c) {
        const at = this.s.indexOf(c, this.i);
        return at === -1 ? -1 : at - this.i;
    }
    take(n) {
        const text = this.s.slice(this.i, this.i + n);
        this.i += text.length;
        return text;
    }
    skip(re) {
        return this.take(re.exec(this.s.slice(this.i))?.[0].length ?? 0);
    }
    /** A quoted string with `\` escapes; undefined (cursor at the end) when unterminated. */
    quoted() {
        let out = '';
        for (let i = this.i + 1; i < this.s.length; i++) {
            const c = this.s.charAt(i);
            if (c === '"') {
                this.i = i + 1;
                return out;
            }
            if (c === '\\')
                i++;
            if (i < this.s.length)
                out += this.s.charAt(i);
        }
        this.i = this.s.length;
        return undefined;
    }
}


/***/ }),

/***/ 9217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DY: () => (/* binding */ MEDIATYPE_OCI_EMPTY),
/* harmony export */   De: () => (/* binding */ MEDIATYPE_OCI_MANIFEST),
/* harmony export */   MP: () => (/* binding */ MEDIATYPE_DOCKER_MANIFEST),
/* harmony export */   _B: () => (/* binding */ MEDIATYPE_OCI_INDEX),
/* harmony export */   dR: () => (/* binding */ SCHEMA1_MEDIATYPES),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   jx: () => (/* binding */ EMPTY_BLOB_DIGEST),
/* harmony export */   mI: () => (/* binding */ MEDIATYPE_OCI_CONFIG),
/* harmony export */   vy: () => (/* binding */ MEDIATYPE_DOCKER_CONFIG),
/* harmony export */   yZ: () => (/* binding */ IMAGE_MEDIATYPES),
/* harmony export */   zx: () => (/* binding */ INDEX_MEDIATYPES)
/* harmony export */ });
/* unused harmony exports MEDIATYPE_DOCKER_LIST, MEDIATYPE_DOCKER_SCHEMA1, MEDIATYPE_DOCKER_SCHEMA1_SIGNED */
// Media types from image-spec media-types.md and distribution manifest-v2-2.md.
const MEDIATYPE_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const MEDIATYPE_OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const MEDIATYPE_DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const MEDIATYPE_DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const MEDIATYPE_DOCKER_SCHEMA1 = 'application/vnd.docker.distribution.manifest.v1+json';
const MEDIATYPE_DOCKER_SCHEMA1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
const MEDIATYPE_OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
const MEDIATYPE_OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const MEDIATYPE_DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
/** Sent on every manifest HEAD and GET (R-MAN-1): without the OCI types,
 * distribution answers 404 for OCI content, and without the list type it
 * silently returns the linux/amd64 child of a manifest list. */
const MANIFEST_ACCEPT = [
    MEDIATYPE_OCI_INDEX,
    MEDIATYPE_OCI_MANIFEST,
    MEDIATYPE_DOCKER_LIST,
    MEDIATYPE_DOCKER_MANIFEST
].join(', ');
const INDEX_MEDIATYPES = new Set([MEDIATYPE_OCI_INDEX, MEDIATYPE_DOCKER_LIST]);
const IMAGE_MEDIATYPES = new Set([MEDIATYPE_OCI_MANIFEST, MEDIATYPE_DOCKER_MANIFEST]);
const SCHEMA1_MEDIATYPES = new Set([
    MEDIATYPE_DOCKER_SCHEMA1,
    MEDIATYPE_DOCKER_SCHEMA1_SIGNED
]);
/** The sha256 of zero bytes: the empty blob every registry must accept. */
const EMPTY_BLOB_DIGEST = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';


/***/ }),

/***/ 809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ isInternalHost),
/* harmony export */   Fz: () => (/* binding */ nextHop),
/* harmony export */   N6: () => (/* binding */ isRedirect),
/* harmony export */   NX: () => (/* binding */ MAX_REDIRECTS),
/* harmony export */   On: () => (/* binding */ checkHop),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   jw: () => (/* binding */ RedirectRefusedError),
/* harmony export */   ri: () => (/* binding */ withoutCredentials),
/* harmony export */   ue: () => (/* binding */ redirectMethod)
/* harmony export */ });
/* unused harmony exports CREDENTIAL_HEADERS, sameOrigin, isLinkLocalHost */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8630);
// The redirect policy of the transport (R-RED-1): redirects are followed by
// hand, one hop at a time, so that every hop is checked and credentials are
// decided per hop from the registry's own origin (never from "the previous
// hop was same-origin", the Go CVE-2024-45336 pattern).



/** regclient and most clients stop after 10 hops. */
const MAX_REDIRECTS = 10;
/** Headers that carry credentials; dropped on every hop off the registry origin (R-RED-1). */
const CREDENTIAL_HEADERS = [
    'authorization',
    'proxy-authorization',
    'cookie',
    'private-token',
    'job-token',
    'x-api-key'
];
/** A redirect the client refuses to follow. */
class RedirectRefusedError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y {
    name = 'RedirectRefusedError';
}
/** True for the statuses whose Location is followed. */
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
/**
 * The method of the next hop: 303 turns anything but HEAD into GET, 301/302
 * turn POST into GET (as browsers and undici do); otherwise method and body are kept.
 */
function redirectMethod(status, method) {
    if (status === 303 && method !== 'HEAD')
        return { method: 'GET', keepBody: false };
    if ((status === 301 || status === 302) && method === 'POST')
        return { method: 'GET', keepBody: false };
    return { method, keepBody: true };
}
/**
 * Resolves a Location against the URL that answered and checks the hop:
 * https\u2192http downgrades are refused, and so is a public host sending the
 * client to a loopback, private or link-local address (SSRF, AT-RED-5:
 * cloud metadata lives at 169.254.169.254).
 */
function nextHop(location, current) {
    let next;
    try {
        next = new URL(location, current);
    }
    catch {
        throw new RedirectRefusedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redactedLocation */ .Ue)(current)} redirected to an invalid URL`);
    }
    checkHop(current, next);
    return next;
}
/** Throws when following `from` \u2192 `to` would downgrade or reach into a private network. */
function checkHop(from, to) {
    if (to.protocol !== 'https:' && to.protocol !== 'http:') {
        throw new RedirectRefusedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redactedLocation */ .Ue)(from)} redirected to unsupported scheme ${to.protocol}`);
    }
    if (from.protocol === 'https:' && to.protocol === 'http:') {
        throw new RedirectRefusedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redactedLocation */ .Ue)(from)} redirected from https to plain http (${to.host}): refused`);
    }
    // Link-local (cloud metadata) is refused from anywhere else, loopback included.
    if (isLinkLocalHost(to.hostname) && !isLinkLocalHost(from.hostname)) {
        throw new RedirectRefusedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redactedLocation */ .Ue)(from)} redirected to link-local address ${to.host}: refused`);
    }
    if (!isInternalHost(from.hostname) && isInternalHost(to.hostname)) {
        throw new RedirectRefusedError(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redactedLocation */ .Ue)(from)} redirected to internal address ${to.host}: refused (a public registry must not send clients into private networks)`);
    }
}
/** True when credentials for `registryOrigin` may ride on a request to `url`. */
function sameOrigin(url, registryOrigin) {
    return url.origin === registryOrigin;
}
/** Removes every credential-bearing header (case-insensitive). */
function withoutCredentials(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (!CREDENTIAL_HEADERS.includes(name.toLowerCase()))
            out[name] = value;
    }
    return out;
}
/** True for loopback hosts: `localhost`, 127.0.0.0/8, ::1. */
function isLoopbackHost(hostname) {
    const host = unbracket(hostname).toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 6)
        return host === '::1' || /^::ffff:(127\.|7f)/.test(host);
    return false;
}
/**
 * True for loopback, private (RFC 1918, RFC 4193), link-local, CGNAT and
 * unspecified addresses. Host names other than `localhost` are not resolved:
 * the check is on what the redirect names.
 */
function isInternalHost(hostname) {
    if (isLoopbackHost(hostname))
        return true;
    const host = unbracket(hostname).toLowerCase();
    if (host === 'metadata.google.internal')
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4) {
        const [a, b] = host.split('.').map(Number);
        return (a === 0 ||
            a === 10 ||
            (a === 172 && b >= 16 && b <= 31) ||
            (a === 192 && b === 168) ||
            (a === 169 && b === 254) ||
            (a === 100 && b >= 64 && b <= 127));
    }
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 6) {
        if (host === '::')
            return true;
        const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
        if (mapped) {
            // WHATWG URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1
            const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
            return isInternalHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
        }
        return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
    }
    return false;
}
/** True for link-local addresses (169.254.0.0/16, fe80::/10) and the metadata host names. */
function isLinkLocalHost(hostname) {
    const host = unbracket(hostname).toLowerCase();
    if (host === 'metadata.google.internal')
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('169.254.');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 6)
        return /^fe[89ab]/.test(host) || /^::ffff:a9fe:/.test(host);
    return false;
}
function unbracket(host) {
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   mO: () => (/* binding */ registryBaseUrl),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* unused harmony exports DEFAULT_REGISTRY, REPOSITORY_NAME_MAX, TAG_MAX, referencePatterns, ERR_INVALID_FORMAT, ERR_NAME_UPPERCASE, ERR_NAME_EMPTY, ERR_NAME_TOO_LONG, ERR_TAG_INVALID, ERR_TAG_TOO_LONG, ERR_IDENTIFIER, familiarName, familiarString, isValidTag, withTag, withDigest, toDockerRef */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6794);
// Image references: the distribution/reference grammar and its Docker Hub
// normalisation, implemented verbatim (registry-protocol.md \u00a75, R-REF-PARSE-1).


/** The registry that familiar names (`ubuntu`, `foo/bar`) belong to. */
const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
/** distribution's RepositoryNameTotalLengthMax, counted without the domain (commit aaca75e). */
const REPOSITORY_NAME_MAX = 255;
const TAG_MAX = 128;
// Building blocks of distribution/reference regexp.go. JS `\w` without the `u`
// flag is ASCII-only, like RE2's.
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`;
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME}|${IPV6_ADDRESS})(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const TAG = `[\\w][\\w.-]{0,${TAG_MAX - 1}}`;
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
/** The anchored regexps of distribution/reference, for callers that validate pieces. */
const referencePatterns = {
    /** `domainAndPort`: a registry host with optional port. */
    domainAndPort: new RegExp(`^${DOMAIN_AND_PORT}$`),
    /** `anchoredNameRegexp`: groups are domain and remote name. */
    anchoredName: new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`),
    /** `ReferenceRegexp`: groups are name, tag and digest. */
    reference: new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`),
    /** `anchoredIdentifierRegexp`: a bare image ID, never a repository name. */
    identifier: /^[a-f0-9]{64}$/,
    tag: new RegExp(`^${TAG}$`)
};
// What follows the domain once it has been split off: path[:tag][@digest].
const REMAINDER = new RegExp(`^(${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const REMAINDER_ANY_TAG_LENGTH = new RegExp(`^${REMOTE_NAME}(?::([\\w][\\w.-]*))?(?:@${DIGEST})?$`);
const REMOTE_NAME_ONLY = new RegExp(`^${REMOTE_NAME}$`);
// distribution/reference sentinel errors (R-REF-PARSE-2).
const ERR_INVALID_FORMAT = 'invalid reference format';
const ERR_NAME_UPPERCASE = 'repository name must be lowercase';
const ERR_NAME_EMPTY = 'repository name must have at least one component';
const ERR_NAME_TOO_LONG = `repository name must not be more than ${REPOSITORY_NAME_MAX} characters`;
const ERR_TAG_INVALID = 'invalid tag format';
const ERR_TAG_TOO_LONG = `tag must not be more than ${TAG_MAX} characters`;
const ERR_IDENTIFIER = 'cannot specify 64-byte hexadecimal strings as a repository name';
/** A reference the user wrote does not follow the grammar. */
class InvalidReferenceError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y {
    name = 'InvalidReferenceError';
    /** The reference as written. */
    reference;
    /** distribution's wording of what is wrong. */
    reason;
    constructor(reference, reason) {
        super(`invalid reference "${reference}": ${reason}`);
        this.reference = reference;
        this.reason = reason;
    }
}
/**
 * Parses `[registry/]repository[:tag][@digest]` like docker and containerd do
 * (ParseNormalizedNamed): familiar names are placed on Docker Hub with the
 * `library/` prefix, `index.docker.io` becomes `docker.io`. A tag and a digest
 * may both be present and are both kept; no default tag is added.
 * @throws InvalidReferenceError naming the input and what is wrong
 */
function parseReference(input) {
    if (input === '')
        throw new InvalidReferenceError(input, ERR_NAME_EMPTY);
    const { registry, remainder } = splitName(input);
    // distribution lets an invalid host such as `ex_ample.com` fall back into a
    // domain-less path; every reference here needs a registry, so it is an error.
    const validRegistry = referencePatterns.domainAndPort.test(registry);
    const m = validRegistry ? REMAINDER.exec(remainder) : null;
    if (m === null) {
        // distribution only says "invalid reference format"; naming the tag length helps more.
        const anyTag = validRegistry ? REMAINDER_ANY_TAG_LENGTH.exec(remainder)?.[1] : undefined;
        const tooLong = anyTag !== undefined && anyTag.length > TAG_MAX;
        throw new InvalidReferenceError(input, tooLong ? ERR_TAG_TOO_LONG : ERR_INVALID_FORMAT);
    }
    const [, repository = '', tag, digest] = m;
    if (repository.length > REPOSITORY_NAME_MAX) {
        throw new InvalidReferenceError(input, ERR_NAME_TOO_LONG);
    }
    if (digest !== undefined) {
        const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestProblem */ .WQ)(digest);
        if (problem !== undefined)
            throw new InvalidReferenceError(input, problem);
    }
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/**
 * Parses a repository name without tag or digest (`ghcr.io/owner/app`,
 * `nginx` \u2192 docker.io/library/nginx), as distribution's WithName does after
 * normalisation.
 * @throws InvalidReferenceError, also when a tag or digest is present
 */
function parseRepository(input) {
    if (input === '')
        throw new InvalidReferenceError(input, ERR_INVALID_FORMAT);
    const { registry, remainder } = splitName(input);
    const validRegistry = referencePatterns.domainAndPort.test(registry);
    if (!validRegistry || !REMOTE_NAME_ONLY.test(remainder)) {
        const hasTagOrDigest = validRegistry && REMAINDER_ANY_TAG_LENGTH.test(remainder);
        const hint = hasTagOrDigest ? ' (a repository name takes no tag or digest)' : '';
        throw new InvalidReferenceError(input, ERR_INVALID_FORMAT + hint);
    }
    if (remainder.length > REPOSITORY_NAME_MAX) {
        throw new InvalidReferenceError(input, ERR_NAME_TOO_LONG);
    }
    return { registry, repository: remainder };
}
/** `registry/repository[:tag][@digest]`: the fully qualified form, parseable again. */
function formatReference(ref) {
    const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
    const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
    return `${ref.registry}/${ref.repository}${tag}${digest}`;
}
/** The name docker shows: no `docker.io/`, and no `library/` for official images. */
function familiarName(ref) {
    if (ref.registry !== DEFAULT_REGISTRY)
        return `${ref.registry}/${ref.repository}`;
    const official = ref.repository.startsWith(OFFICIAL_REPO_PREFIX)
        ? ref.repository.slice(OFFICIAL_REPO_PREFIX.length)
        : undefined;
    // Only single-component names under library/ are official images (FamiliarName).
    return official !== undefined && !official.includes('/') ? official : ref.repository;
}
/** familiarName plus tag and digest, for messages and summaries. */
function familiarString(ref) {
    return formatReference(ref).replace(`${ref.registry}/${ref.repository}`, familiarName(ref));
}
/** True when `tag` is a valid tag: `[\w][\w.-]{0,127}`. */
function isValidTag(tag) {
    return referencePatterns.tag.test(tag);
}
/**
 * The same reference with `tag` (an existing digest is kept).
 * @throws InvalidReferenceError when the tag is invalid
 */
function withTag(ref, tag) {
    if (!isValidTag(tag)) {
        const tooLong = tag.length > TAG_MAX && /^[\w][\w.-]*$/.test(tag);
        const written = formatReference({ ...ref, tag: undefined, digest: undefined }) + `:${tag}`;
        throw new InvalidReferenceError(written, tooLong ? ERR_TAG_TOO_LONG : ERR_TAG_INVALID);
    }
    return { ...ref, tag };
}
/**
 * The same reference with `digest` (an existing tag is kept).
 * @throws InvalidReferenceError when the digest is not a sha256/sha512 digest
 */
function withDigest(ref, digest) {
    const problem = digestProblem(digest);
    if (problem !== undefined) {
        const written = formatReference({ ...ref, digest: undefined }) + `@${digest}`;
        throw new InvalidReferenceError(written, problem);
    }
    return { ...ref, digest };
}
/**
 * What a pull resolves (ParseDockerRef): the digest alone when there is one,
 * the tag shown for information only (R-REF-PARSE-3); `latest` when neither
 * is given (TagNameOnly).
 */
function toDockerRef(ref) {
    const { registry, repository } = ref;
    if (ref.digest !== undefined)
        return { registry, repository, digest: ref.digest };
    return { registry, repository, tag: ref.tag ?? 'latest' };
}
/** The API base URL of a registry: Docker Hub's API lives on registry-1.docker.io (\u00a75). */
function registryBaseUrl(registry, scheme) {
    return `${scheme}://${registry === DEFAULT_REGISTRY ? 'registry-1.docker.io' : registry}`;
}
/**
 * splitDockerDomain plus the checks ParseNormalizedNamed makes before parsing:
 * a bare image ID is refused and the path (up to the tag) must be lowercase.
 */
function splitName(input) {
    if (referencePatterns.identifier.test(input)) {
        throw new InvalidReferenceError(input, ERR_IDENTIFIER);
    }
    let registry = DEFAULT_REGISTRY;
    let remainder = input;
    const slash = input.indexOf('/');
    if (slash !== -1) {
        const first = input.slice(0, slash);
        if (first === LEGACY_DEFAULT_DOMAIN) {
            remainder = input.slice(slash + 1);
        }
        else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
            // A '.' or ':' marks a host or port; an uppercase letter cannot be a
            // namespace, so it must be a host too (normalize_test.go LOCALDOMAIN).
            registry = first;
            remainder = input.slice(slash + 1);
        }
    }
    // Official images: docker.io/ubuntu is docker.io/library/ubuntu.
    if (registry === DEFAULT_REGISTRY && !remainder.includes('/')) {
        remainder = OFFICIAL_REPO_PREFIX + remainder;
    }
    const colon = remainder.indexOf(':');
    const path = colon === -1 ? remainder : remainder.slice(0, colon);
    if (path.toLowerCase() !== path)
        throw new InvalidReferenceError(input, ERR_NAME_UPPERCASE);
    return { registry, remainder };
}


/***/ }),

/***/ 5734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   se: () => (/* binding */ wrapResponse),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* unused harmony export readLimited */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8630);


const DEFAULT_TEXT_LIMIT = 1024 * 1024;
/** Wraps an undici response. */
function wrapResponse(res, url) {
    const bytes = (limit) => readLimited(res.body, limit, url);
    const text = async (limit = DEFAULT_TEXT_LIMIT) => (await bytes(limit)).toString('utf8');
    return {
        status: res.statusCode,
        headers: res.headers,
        url,
        body: res.body,
        text,
        json: async (limit) => {
            const body = await text(limit);
            try {
                return JSON.parse(body);
            }
            catch {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedLocation */ .Ue)(url)} answered ${res.statusCode} with a body that is not JSON`);
            }
        },
        bytes,
        dump: async () => {
            try {
                await res.body.dump();
            }
            catch {
                // A body that fails while being discarded changes nothing for the caller.
            }
        }
    };
}
/** Reads a body up to `limit` bytes; beyond it the body is destroyed and an error names the URL. */
async function readLimited(body, limit, url) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > limit) {
            body.destroy();
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`response from ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedLocation */ .Ue)(url)} is larger than the ${limit}-byte limit`);
        }
        chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    return Buffer.concat(chunks, size);
}
/** First value of a header that may repeat. */
function header(headers, name) {
    const v = headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
}


/***/ }),

/***/ 293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ repositoryScope),
/* harmony export */   OL: () => (/* binding */ mergeScopes)
/* harmony export */ });
/* unused harmony exports parseScope, formatScope */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Token scopes (distribution docs/spec/auth/scope.md; registry-protocol.md \u00a72.4):
//
//   scope         := resourcescope [ ' ' resourcescope ]*
//   resourcescope := resourcetype ":" resourcename ":" action [ ',' action ]*
//
// A resource name may hold one ':' for a registry port, so a scope is parsed
// from both ends: the type ends at the first ':', the actions start after the last.

/** `repository:<name>:<actions>`, e.g. `repository:foo/bar:pull,push`; repeated actions dropped. */
function repositoryScope(repository, actions) {
    return formatScope({ type: 'repository', name: repository, actions: [...new Set(actions)] });
}
/**
 * Parses one resource scope (AT-AUTH-4: `repository:localhost:5000/foo/bar:pull`
 * has the name `localhost:5000/foo/bar`).
 * @throws UserError when type, name or the separators are missing
 */
function parseScope(s) {
    const first = s.indexOf(':');
    const last = s.lastIndexOf(':');
    const type = s.slice(0, first);
    const name = s.slice(first + 1, last);
    if (first === -1 || last === first || type === '' || name === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`invalid token scope "${s}": expected type:name:actions`);
    }
    const actions = s.slice(last + 1).split(',').filter((a) => a !== '');
    return { type, name, actions };
}
/** `type:name:action,action`. */
function formatScope(scope) {
    return `${scope.type}:${scope.name}:${scope.actions.join(',')}`;
}
/**
 * Merges scope strings into one set for a single token request (R-AUTH-2):
 * space-separated lists are split, the actions of the same type and name are
 * united, and the result is sorted (scopes and their actions) so equal sets
 * give equal token-cache keys. Entries that are not `type:name:actions` are
 * kept verbatim, since the token server may still understand them.
 */
function mergeScopes(scopes) {
    const merged = new Map();
    const opaque = new Set();
    for (const text of scopes.flatMap((s) => s.split(/\s+/)).filter((s) => s !== '')) {
        let scope;
        try {
            scope = parseScope(text);
        }
        catch {
            opaque.add(text);
            continue;
        }
        const key = `${scope.type}:${scope.name}`;
        const entry = merged.get(key) ?? { ...scope, actions: new Set() };
        for (const action of scope.actions)
            entry.actions.add(action);
        merged.set(key, entry);
    }
    const formatted = [...merged.values()].map((m) => formatScope({ type: m.type, name: m.name, actions: [...m.actions].sort(compare) }));
    return [...formatted, ...opaque].sort(compare);
}
// Code-unit order, independent of locale, so keys are the same on every runner.
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aR: () => (/* binding */ basicAuthorization),
/* harmony export */   eY: () => (/* binding */ fetchToken)
/* harmony export */ });
/* unused harmony export CLIENT_ID */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8630);
// Token exchange with a registry's authorization server (registry-protocol
// \u00a72.1\u20132.2, distribution docs/spec/auth/token.md and oauth.md).


/** Sent as client_id (R-AUTH-4). */
const CLIENT_ID = 'image-mirror';
/** The token spec's floor and default lifetime (R-AUTH-5). */
const MIN_LIFETIME_S = 60;
/**
 * Gets a bearer token: OAuth2 POST with the identity token when there is one
 * (falling back to GET on 404/405, as oauth.md says), otherwise GET with Basic
 * credentials, or anonymously without them (R-AUTH-4, R-AUTH-7).
 */
async function fetchToken(http, req, now = Date.now) {
    if (req.credential?.identityToken) {
        const res = await http(req.realm, {
            method: 'POST',
            registry: req.registry,
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: oauthForm(req, req.credential.identityToken).toString()
        });
        if (res.status !== 404 && res.status !== 405)
            return readToken(req, 'POST', res, now);
        await res.text();
    }
    const url = new URL(req.realm);
    // GAR sends no service: omit it rather than sending `service=` (\u00a72.3).
    if (req.service)
        url.searchParams.append('service', req.service);
    for (const scope of req.scopes)
        url.searchParams.append('scope', scope);
    const headers = { accept: 'application/json' };
    const { username, password } = req.credential ?? {};
    if (username !== undefined && password !== undefined) {
        url.searchParams.set('account', username);
        headers.authorization = basicAuthorization(username, password);
    }
    return readToken(req, 'GET', await http(url, { method: 'GET', headers, registry: req.registry }), now);
}
/** `Basic base64(user:pass)`. */
function basicAuthorization(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
function oauthForm(req, refreshToken) {
    const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: CLIENT_ID
    });
    if (req.service)
        form.set('service', req.service);
    // oauth.md: one scope field, space-separated.
    if (req.scopes.length > 0)
        form.set('scope', req.scopes.join(' '));
    return form;
}
async function readToken(req, method, res, now) {
    const body = await res.text();
    if (res.status !== 200) {
        const who = req.credential
            ? 'the credentials were refused'
            : 'anonymous access was refused; configure credentials';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl({
            status: res.status,
            method,
            url: req.realm,
            registry: req.registry,
            body,
            hint: res.status === 401 || res.status === 403
                ? `token server for ${req.registry}: ${who}`
                : `token server for ${req.registry}`
        });
    }
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`token server ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedLocation */ .Ue)(req.realm)} for ${req.registry} answered with something that is not JSON`);
    }
    // access_token first, then token (R-AUTH-5).
    const token = typeof parsed.access_token === 'string' && parsed.access_token
        ? parsed.access_token
        : parsed.token;
    if (typeof token !== 'string' || token === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`token server ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedLocation */ .Ue)(req.realm)} for ${req.registry} returned no token`);
    }
    const expiresIn = typeof parsed.expires_in === 'number' && Number.isFinite(parsed.expires_in)
        ? parsed.expires_in
        : 0;
    // Expiry counts from local receive time: issued_at may be skewed (R-AUTH-5).
    return { token, expiresAt: now() + Math.max(expiresIn, MIN_LIFETIME_S) * 1000 };
}


/***/ }),

/***/ 5107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ Transport)
});

// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/agent.js
var agent = __webpack_require__(7405);
var agent_default = /*#__PURE__*/__webpack_require__.n(agent);
// EXTERNAL MODULE: ./node_modules/undici/lib/api/api-request.js
var api_request = __webpack_require__(4043);
var api_request_default = /*#__PURE__*/__webpack_require__.n(api_request);
;// CONCATENATED MODULE: ./src/oci/undici.ts


/** Creates an undici Agent (connection pools per origin). */
function newAgent(options) {
    return new (agent_default())(options);
}
/** Sends one request through `dispatcher`; redirects are not followed here. */
function undiciRequest(url, opts) {
    const { dispatcher, ...rest } = opts;
    return api_request_default().call(dispatcher, { ...rest, origin: url.origin, path: `${url.pathname}${url.search}` });
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/logger.ts
var src_logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/oci/header-reader.ts
var header_reader = __webpack_require__(7858);
;// CONCATENATED MODULE: ./src/oci/challenge.ts
// WWW-Authenticate challenge lists (RFC 7235 \u00a72.1, \u00a74.1; registry-protocol.md \u00a72.3, R-AUTH-1).
//
//   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param = token BWS "=" BWS ( token / quoted-string )
//
// A header may hold several challenges and several headers may arrive (undici
// gives a string[]; fetch joins them with ", "). Commas separate both
// challenges and parameters, so an element is a parameter when a token is
// followed by "=", and a new challenge otherwise.
//
// Server input never makes this parser throw. Broken parts are skipped up to
// the next comma, so a challenge never carries a half-read value: an
// unterminated quoted string drops that parameter, text after a value without
// a separating comma is dropped, and a parameter with no scheme before it is
// ignored.

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;
// Unquoted parameter values are read leniently (realm=/ and realm=https://x are
// seen in the wild): anything up to whitespace, a comma or a quote.
const BARE_VALUE = /^[^\s,"]+/;
const OWS = /^[ \t]*/;
/**
 * Parses every challenge of one or more WWW-Authenticate header values.
 * @returns the challenges in order; [] when the header is absent or unusable
 */
function parseChallenges(header) {
    if (header === undefined)
        return [];
    const values = Array.isArray(header) ? header : [header];
    return values.flatMap((value) => parseList(value));
}
function parseList(input) {
    const r = new Reader(input);
    const out = [];
    let current;
    for (;;) {
        r.skipSeparators();
        if (r.done())
            break;
        const name = r.name();
        if (name === undefined) {
            r.skipElement();
            continue;
        }
        const atBoundary = r.done() || /[\s,]/.test(r.peek());
        r.skip(OWS);
        if (r.peek() === '=') {
            r.advance(1);
            r.skip(OWS);
            const value = r.value();
            if (current !== undefined && value !== undefined) {
                const key = name.toLowerCase();
                if (!current.params.has(key))
                    current.params.set(key, value);
            }
            if (!r.atElementEnd())
                r.skipElement();
            continue;
        }
        if (!atBoundary) {
            // A scheme must be followed by a space, a comma or the end: this is garbage.
            r.skipElement();
            continue;
        }
        current = { scheme: name.toLowerCase(), params: new Map() };
        out.push(current);
        const token68 = r.token68();
        if (token68 !== undefined)
            current.token68 = token68;
    }
    return out.map((c) => {
        // Object.fromEntries defines own properties, so a "__proto__" parameter stays data.
        const challenge = { scheme: c.scheme, params: Object.fromEntries(c.params) };
        if (c.token68 !== undefined)
            challenge.token68 = c.token68;
        return challenge;
    });
}
/** The challenge-list reader: the shared cursor plus auth-param grammar. */
class Reader extends header_reader/* HeaderReader */.$ {
    /** Skips whitespace and empty list elements (RFC 7230 \u00a77 allows ",,"). */
    skipSeparators() {
        this.skip(/^[\s,]*/);
    }
    /** Whether only whitespace stands before the next comma or the end. */
    atElementEnd() {
        this.skip(OWS);
        return this.done() || this.peek() === ',';
    }
    /** Moves to the next comma that is not inside a quoted string. */
    skipElement() {
        while (!this.done() && this.peek() !== ',') {
            if (this.peek() === '"')
                this.quoted();
            else
                this.i++;
        }
    }
    /** A token, or a quoted string holding a token (some servers quote names). */
    name() {
        if (this.peek() === '"') {
            const start = this.i;
            const text = this.quoted();
            if (text !== undefined && TOKEN.test(text))
                return text;
            this.i = start;
            return undefined;
        }
        let end = this.i;
        while (end < this.s.length && TCHAR.test(this.s.charAt(end)))
            end++;
        if (end === this.i)
            return undefined;
        const text = this.s.slice(this.i, end);
        this.i = end;
        return text;
    }
    /** A parameter value: quoted string (unescaped) or bare text. */
    value() {
        if (this.peek() === '"')
            return this.quoted();
        const text = this.skip(BARE_VALUE);
        return text === '' ? undefined : text;
    }
    /** token68 after a scheme: only when the element ends right after it. */
    token68() {
        const start = this.i;
        this.skip(OWS);
        const text = this.skip(TOKEN68);
        if (text !== '' && this.atElementEnd())
            return text;
        this.i = start;
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __webpack_require__(8630);
// EXTERNAL MODULE: ./src/oci/redirect.ts
var redirect = __webpack_require__(809);
// EXTERNAL MODULE: ./src/oci/scope.ts
var scope = __webpack_require__(293);
// EXTERNAL MODULE: ./src/oci/token.ts
var token = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/oci/auth.ts
// Registry authentication without a ping (registry-protocol \u00a72): requests go
// out with whatever this host is known to need; a 401 from the registry
// itself teaches the scheme.
//  1. Basic challenge \u2192 resend with the host's credentials, and send them
//     up front from then on (R-AUTH-8).
//  2. Bearer challenge \u2192 exchange for a token covering the union of every
//     scope this host has needed so far plus the challenged one, so one token
//     serves a whole copy (R-AUTH-2/3). Tokens are cached per (realm, service,
//     scope set) in this object only.
//  3. A 401 with a token (insufficient_scope, revoked) \u2192 re-challenge once
//     with a fresh token (R-AUTH-6); the transport bounds the rounds.







/** A token is renewed this long before it expires. */
const EXPIRY_SKEW_MS = 5_000;
/** Past this many repositories in one host's scope union, start over: token URLs have limits. */
const MAX_UNION_SCOPES = 16;
/** Holds per-host auth state and tokens for one Transport. */
class Authenticator {
    #opts;
    #logger;
    #hosts = new Map();
    #tokens = new Map();
    #credentials = new Map();
    constructor(opts) {
        this.#opts = opts;
        this.#logger = opts.logger ?? src_logger/* nullLogger */.G;
    }
    /** The Authorization header to send up front to `registry`, if this host is known to need one. */
    async header(registry, scopes) {
        const state = this.#hosts.get(registry);
        if (state === undefined)
            return undefined;
        if (state.scheme !== 'bearer')
            return state.header;
        const union = unionScopes(state.scopes, scopes);
        try {
            const token = await this.#token(registry, { ...state, scopes: union });
            state.scopes = union;
            return `Bearer ${token.token}`;
        }
        catch (error) {
            // A token server that refuses the whole union (instead of granting the
            // intersection, as token.md asks) still gets asked for this request alone.
            const own = (0,scope/* mergeScopes */.OL)(scopes);
            if (!isRefusal(error) || sameScopes(union, own))
                throw error;
            this.#logger.debug(`token for the scope union on ${registry} refused; asking for ${own.join(' ')}`);
            return `Bearer ${(await this.#token(registry, { ...state, scopes: own })).token}`;
        }
    }
    /** True when `registry` answered a Bearer challenge: its requests carry token-server tokens. */
    usesTokenServer(registry) {
        return this.#hosts.get(registry)?.scheme === 'bearer';
    }
    /** Whether the host has credentials configured (used to word errors). */
    async hasCredentials(registry) {
        const c = await this.#credential(registry);
        return (c !== undefined &&
            (c.password !== undefined || c.identityToken !== undefined || c.registryToken !== undefined));
    }
    /**
     * Handles a 401 answered by the registry origin. Returns true when a new
     * header is ready (the caller resends), false when nothing more can be
     * tried (the 401 stands).
     */
    async challenge(registry, requestUrl, wwwAuthenticate, scopes, sent) {
        const challenges = parseChallenges(wwwAuthenticate);
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const basic = challenges.find((c) => c.scheme === 'basic');
        const credential = await this.#credential(registry);
        if (bearer !== undefined) {
            if (credential?.registryToken) {
                const header = `Bearer ${credential.registryToken}`;
                if (sent === header)
                    return false;
                this.#hosts.set(registry, { scheme: 'registry-token', header, scopes: [] });
                return true;
            }
            const realm = this.#realm(registry, requestUrl, bearer.params.realm);
            const challenged = (bearer.params.scope ?? '').split(' ').filter((s) => s !== '');
            const previous = this.#hosts.get(registry);
            const state = {
                scheme: 'bearer',
                realm,
                service: bearer.params.service || undefined,
                scopes: unionScopes(previous?.realm?.href === realm.href ? previous.scopes : [], [
                    ...scopes,
                    ...challenged
                ])
            };
            this.#hosts.set(registry, state);
            const key = tokenKey(state);
            const cached = this.#tokens.get(key);
            // The token we just sent was refused: fetch a fresh one once (R-AUTH-6).
            if (cached !== undefined &&
                sent !== undefined &&
                sent === `Bearer ${(await cached.catch(() => undefined))?.token}`) {
                this.#tokens.delete(key);
            }
            return true;
        }
        if (basic !== undefined) {
            if (credential?.username === undefined || credential.password === undefined)
                return false;
            if (requestUrl.protocol === 'http:' &&
                !(0,redirect/* isLoopbackHost */.cW)(requestUrl.hostname) &&
                !this.#opts.insecure(registry)) {
                throw new errors/* UserError */.y(`refusing to send credentials for ${registry} over plain http; use https or mark the registry insecure`);
            }
            const header = (0,token/* basicAuthorization */.aR)(credential.username, credential.password);
            if (sent === header)
                return false;
            this.#hosts.set(registry, { scheme: 'basic', header, scopes: [] });
            return true;
        }
        return false;
    }
    /** The realm, resolved and checked before credentials go there (R-AUTH-9). */
    #realm(registry, requestUrl, realm) {
        if (!realm)
            throw new errors/* UserError */.y(`${registry} sent a Bearer challenge without a realm`);
        let url;
        try {
            url = new URL(realm, requestUrl);
        }
        catch {
            throw new errors/* UserError */.y(`${registry} sent a Bearer challenge with an invalid realm`);
        }
        const insecure = this.#opts.insecure(registry);
        if (requestUrl.protocol === 'https:' && url.protocol !== 'https:' && !insecure) {
            throw new errors/* UserError */.y(`${registry} asks for tokens from ${url.protocol}//${url.host}, which is not https: refused (use --insecure to allow)`);
        }
        if (!(0,redirect/* isInternalHost */.AQ)(requestUrl.hostname) && (0,redirect/* isInternalHost */.AQ)(url.hostname)) {
            throw new errors/* UserError */.y(`${registry} asks for tokens from internal address ${url.host}: refused`);
        }
        return url;
    }
    /** A cached or fresh token for exactly `target`'s realm, service and scopes. */
    #token(registry, target) {
        const state = { realm: target.realm, service: target.service, scopes: [...target.scopes] };
        const key = tokenKey(state);
        const now = this.#opts.now ?? Date.now;
        const cached = this.#tokens.get(key);
        if (cached !== undefined) {
            return cached.then((t) => {
                if (t.expiresAt - EXPIRY_SKEW_MS > now())
                    return t;
                if (this.#tokens.get(key) === cached)
                    this.#tokens.delete(key);
                return this.#token(registry, target);
            });
        }
        const pending = (async () => {
            const credential = await this.#credential(registry);
            this.#logger.debug(`token for ${registry}: ${state.scopes.join(' ') || '(no scope)'}`);
            return (0,token/* fetchToken */.eY)(this.#opts.http, { registry, realm: state.realm, service: state.service, scopes: state.scopes, credential }, now);
        })();
        this.#tokens.set(key, pending);
        // A failed exchange is not cached: the next request tries again.
        pending.catch(() => {
            if (this.#tokens.get(key) === pending)
                this.#tokens.delete(key);
        });
        return pending;
    }
    /**
     * The credential for `registry`, asked of the source once, and again once
     * it expires (an ECR token): the next 401 then gets a fresh header.
     */
    #credential(registry) {
        const held = this.#credentials.get(registry);
        const now = this.#opts.now ?? Date.now;
        if (held !== undefined && (held.expiresAt === undefined || now() < held.expiresAt))
            return held.credential;
        const entry = {
            credential: (this.#opts.credentials?.get(registry) ?? Promise.resolve(undefined)).then((c) => {
                entry.expiresAt = c?.expiresAt;
                return c;
            })
        };
        this.#credentials.set(registry, entry);
        return entry.credential;
    }
}
function tokenKey(state) {
    return JSON.stringify([state.realm?.href, state.service ?? '', [...state.scopes].sort()]);
}
function unionScopes(held, wanted) {
    const merged = (0,scope/* mergeScopes */.OL)([...held, ...wanted]);
    return merged.length > MAX_UNION_SCOPES ? (0,scope/* mergeScopes */.OL)(wanted) : merged;
}
function sameScopes(a, b) {
    return a.length === b.length && [...a].sort().every((s, i) => s === [...b].sort()[i]);
}
/** The token server said no (as opposed to being unreachable or broken). */
function isRefusal(error) {
    return error instanceof oci_errors/* RegistryError */.gl && (error.status === 401 || error.status === 403);
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/oci/response.ts
var response = __webpack_require__(5734);
;// CONCATENATED MODULE: ./src/oci/retry.ts
// Generic retry with exponential backoff and full jitter (R-RETRY-1/2).
// The caller decides what is retryable; this module only counts attempts,
// waits, and parses Retry-After.
/** Real sleep. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Runs `op` until `classify` accepts its outcome or the attempts run out;
 * the last outcome is returned or thrown as is.
 */
async function retry(op, opts) {
    const attempts = Math.max(1, opts.attempts ?? 5);
    const base = opts.baseDelayMs ?? 1000;
    const max = opts.maxDelayMs ?? 30_000;
    const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000;
    const wait = opts.sleep ?? sleep;
    const random = opts.random ?? Math.random;
    for (let attempt = 0;; attempt++) {
        let outcome;
        try {
            outcome = { value: await op(attempt) };
        }
        catch (error) {
            outcome = { error };
        }
        const decision = opts.classify(outcome);
        const last = attempt + 1 >= attempts;
        const tooLong = decision.retry && decision.afterMs !== undefined && decision.afterMs > maxRetryAfter;
        if (!decision.retry || last || tooLong) {
            if ('error' in outcome)
                throw outcome.error;
            return outcome.value;
        }
        const delay = decision.afterMs ?? backoffDelay(attempt, base, max, random);
        await opts.onRetry?.(outcome, attempt, delay);
        await wait(delay);
    }
}
/** Full-jitter backoff: uniform in [0, min(max, base\u00b72^attempt)). */
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
    return Math.floor(random() * ceiling);
}
/**
 * Parses Retry-After (RFC 9110 \u00a710.2.3): delay-seconds or an HTTP-date.
 * Returns milliseconds from `now`, never negative; undefined when absent or
 * unparseable.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    if (!/[a-z]/i.test(text))
        return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/**
 * The wait a response asks for: `Retry-After`, else Docker Hub's
 * `X-Retry-After` (a unix timestamp in seconds, R-RETRY-2).
 */
function retryAfterFromHeaders(headers, now = Date.now()) {
    const first = (v) => (Array.isArray(v) ? v[0] : v);
    const standard = parseRetryAfter(first(headers['retry-after']), now);
    if (standard !== undefined)
        return standard;
    const epoch = first(headers['x-retry-after']);
    if (epoch === undefined || !/^\d+$/.test(epoch.trim()))
        return undefined;
    return Math.max(0, Number(epoch.trim()) * 1000 - now);
}

;// CONCATENATED MODULE: ./src/oci/http-agent.ts
// undici agents of the transport: keep-alive, no pipelining, bounded
// connections per origin, HTTP/1.1 only, extra CA roots appended to Node's.

/** One agent per (ca, verify) combination; the transport keeps them. */
function createAgent(opts) {
    return newAgent({
        connections: opts.maxConnectionsPerHost ?? 8,
        pipelining: 1,
        // HTTP/1.1 everywhere: registries and their CDNs all speak it, and one
        // protocol keeps redirect and body handling predictable.
        allowH2: false,
        keepAliveTimeout: 10_000,
        headersTimeout: opts.headersTimeoutMs ?? 60_000,
        // Idle time between body chunks, not total time: large layers may take long.
        bodyTimeout: opts.bodyTimeoutMs ?? 120_000,
        connect: {
            ca: trustedRoots(opts),
            rejectUnauthorized: opts.verify,
            timeout: 15_000
        }
    });
}
/**
 * The CA list for the agent's TLS contexts: Node's roots plus the user's
 * bundle; Node's default (undefined) without one. An unverified connection
 * never consults roots, and an empty list spares parsing Node's bundled
 * store, about 8 ms of every insecure start. node:tls loads only when needed.
 */
function trustedRoots(opts) {
    if (!opts.verify)
        return [];
    if (opts.ca === undefined)
        return undefined;
    return [...process.getBuiltinModule('node:tls').rootCertificates, opts.ca];
}

// EXTERNAL MODULE: ./src/oci/scheme-sniff.ts
var scheme_sniff = __webpack_require__(5563);
// EXTERNAL MODULE: ./src/oci/delete/api.ts
var delete_api = __webpack_require__(485);
// EXTERNAL MODULE: ./src/oci/delete/sigv4.ts
var sigv4 = __webpack_require__(4298);
// EXTERNAL MODULE: ./src/oci/docker-config.ts
var docker_config = __webpack_require__(7520);
// EXTERNAL MODULE: ./src/oci/ecr-hosts.ts
var ecr_hosts = __webpack_require__(4813);
;// CONCATENATED MODULE: ./src/oci/ecr-auth.ts
// Native credentials for Amazon ECR and ECR Public (registry-protocol.md \u00a73.2,
// \u00a73.3; R-CRED-5, R-CRED-6): when the credential chain has nothing for an ECR
// host and the environment holds AWS credentials, ask GetAuthorizationToken,
// signed with SigV4, for the `AWS` password docker login would use.







const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** The username every ECR token goes with. */
const ECR_USERNAME = 'AWS';
/** "The authorization token is valid for 12 hours": assumed when an answer has no expiresAt. */
const DEFAULT_LIFETIME_MS = 12 * 60 * 60 * 1000;
/**
 * `chain` first (explicit inputs, DOCKER_AUTH_CONFIG, config.json helpers and
 * auths keep their precedence, R-CRED-1); for an ECR host it has nothing for,
 * a GetAuthorizationToken answer. Without AWS credentials an ECR host stays
 * anonymous, as before: ECR Public serves anonymous pulls, and a private
 * registry's 401 says no credentials are configured. A failed call is an
 * error for that host, never anonymous access.
 */
function withEcrCredentials(chain, settings, transport, logger = src_logger/* nullLogger */.G) {
    const now = settings.now ?? Date.now;
    const tokens = new Map();
    function cachedToken(registry, ecr, aws) {
        const key = ecr.kind === 'public' ? 'public' : `${ecr.region}/${ecr.account}`;
        const cached = tokens.get(key);
        if (cached !== undefined && now() < cached.staleAt)
            return cached.credential;
        const issuedAt = now();
        const credential = getAuthorizationToken(transport, registry, ecr, aws, settings, issuedAt).then((answer) => {
            entry.staleAt = issuedAt + (answer.expiresAt - issuedAt) / 2;
            // A run longer than that asks again (auth.ts), well before the registry refuses the token.
            return { ...answer.credential, expiresAt: entry.staleAt };
        });
        const entry = { credential, staleAt: Infinity };
        tokens.set(key, entry);
        // A failure is not kept: the next lookup asks again.
        entry.credential.catch(() => {
            if (tokens.get(key) === entry)
                tokens.delete(key);
        });
        return entry.credential;
    }
    return {
        async get(registry) {
            const found = await chain?.get(registry);
            if (found !== undefined)
                return found;
            const alias = settings.aliases?.[registry.toLowerCase()];
            const ecr = (0,ecr_hosts/* ecrRegistryOf */.Bv)(registry, settings.aliases);
            if (ecr === undefined)
                return undefined;
            if (settings.credentials === undefined) {
                logger.debug(`credentials for ${registry}: an ECR registry, but no AWS credentials in the environment`);
                return undefined;
            }
            logger.debug(`credentials for ${registry}: ECR GetAuthorizationToken${alias ? ` for ${alias}` : ''}`);
            return { ...(await cachedToken(registry, ecr, settings.credentials)) };
        }
    };
}
/** One GetAuthorizationToken call; every failure is one line naming the registry. */
async function getAuthorizationToken(transport, registry, ecr, aws, settings, now) {
    const api = (0,ecr_hosts/* ecrApi */.B5)(ecr, settings);
    const url = new URL(api.endpoint);
    const what = `ECR credentials for ${registry}: GetAuthorizationToken at ${url.host}`;
    // registryIds is deprecated (the token reaches every registry the principal may use), still sent for
    // the account the host names, as docker-credential-ecr-login does.
    const body = Buffer.from(JSON.stringify(ecr.kind === 'private' ? { registryIds: [ecr.account] } : {}));
    const headers = (0,sigv4/* signV4 */.Kn)({
        method: 'POST',
        url,
        headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': `${api.targetPrefix}GetAuthorizationToken` },
        body
    }, aws, { region: api.region, service: api.service, now: new Date() });
    let answer;
    try {
        answer = await (0,delete_api/* callApi */.px)(transport, what, url, { method: 'POST', headers, body });
    }
    catch (error) {
        if (error instanceof oci_errors/* UnreachableRegistryError */.Ql) {
            throw new errors/* UserError */.y(`${what}: cannot reach ${error.host}: ${error.reason}`, { cause: error });
        }
        throw error;
    }
    if (answer.status !== 200) {
        const denied = answer.status === 403 || answer.body.includes('AccessDenied');
        throw (0,delete_api/* apiError */.pb)(what, answer, denied ? `the AWS credentials need ${permissionsOf(ecr)}` : undefined);
    }
    // The answer holds the secret: only its shape goes into messages, never its text.
    const doc = (0,delete_api/* jsonOf */.o_)(what, answer);
    const data = (ecr.kind === 'public' ? doc.authorizationData : firstOf(doc.authorizationData));
    const token = data?.authorizationToken;
    if (typeof token !== 'string' || token === '') {
        throw new errors/* UserError */.y(`${what}: the answer holds no authorizationData with an authorizationToken`);
    }
    settings.onSecret?.(token);
    const { username, password } = (0,docker_config/* decodeAuth */.X$)(token, what, registry);
    settings.onSecret?.(password);
    if (username !== ECR_USERNAME) {
        throw new errors/* UserError */.y(`${what}: the token is for user ${username}, not ${ECR_USERNAME}`);
    }
    return { credential: { username, password }, expiresAt: expiryOf(data?.expiresAt, now) };
}
function firstOf(value) {
    return Array.isArray(value) ? value[0] : undefined;
}
/** expiresAt is epoch seconds (AWS JSON protocol timestamps); 12 hours from now when absent. */
function expiryOf(value, now) {
    const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(seconds) ? seconds * 1000 : now + DEFAULT_LIFETIME_MS;
}
/** The IAM actions GetAuthorizationToken needs, for the AccessDenied hint. */
function permissionsOf(ecr) {
    return ecr.kind === 'public'
        ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken'
        : 'ecr:GetAuthorizationToken';
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/oci/transport.ts
// The one place registry HTTP happens: scheme choice, auth, redirects,
// retries and logging around undici `request` (no fetch, no redirect
// interceptor: every hop goes through nextHop, R-RED-1).













const TOKEN_TIMEOUT_MS = 15_000;
const ERROR_BODY_LIMIT = 64 * 1024;
/** Errors a probing https connection gets from a plain-http server. */
const PROBE_FALLBACK_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);
/** HTTP client for registries; one per run, shared by every operation. */
class Transport {
    #opts;
    #logger;
    #auth;
    #credentials;
    #agents = new Map();
    #schemes = new Map();
    /** One sniff per insecure registry, shared by the requests that start together. */
    #sniffs = new Map();
    constructor(opts = {}) {
        this.#opts = opts;
        this.#logger = opts.logger ?? src_logger/* nullLogger */.G;
        // The ECR token call goes through this transport's api(): same agents, CA and trace.
        this.#credentials =
            opts.ecr === undefined ? opts.credentials : withEcrCredentials(opts.credentials, opts.ecr, this, this.#logger);
        this.#auth = new Authenticator({
            credentials: this.#credentials,
            http: this.#tokenHttp,
            insecure: (r) => this.isInsecure(r),
            logger: this.#logger,
            now: opts.now
        });
    }
    /** True when the user allowed unverified TLS and plain http for `registry`. */
    isInsecure(registry) {
        const { insecure } = this.#opts;
        return typeof insecure === 'function' ? insecure(registry) : insecure === true;
    }
    /** The registry's base URL with the scheme in use (https unless insecure and http was found). */
    baseUrl(registry) {
        return new URL((0,reference/* registryBaseUrl */.mO)(registry, this.#schemes.get(registry) ?? 'https'));
    }
    /** Sends a request: auth, redirects and retries included. */
    async request(req) {
        const policy = this.#opts.retry ?? {};
        const res = await retry(() => this.#attempt(req), {
            ...policy,
            attempts: req.retry === false ? 1 : policy.attempts,
            sleep: this.#opts.sleep,
            classify: classifyHttp,
            onRetry: async (o, attempt, delay) => {
                const what = 'error' in o ? (0,oci_errors/* errorCode */.CA)(o.error) : o.value.status;
                const throttled = 'value' in o && o.value.status === 429;
                const log = (m) => (throttled ? this.#logger.warning(m) : this.#logger.debug(m));
                log(`${req.method} ${req.registry}: ${what}, retrying in ${Math.round(delay / 100) / 10}s (attempt ${attempt + 2})`);
                if ('value' in o)
                    await o.value.dump();
            }
        });
        if (req.expect !== undefined && !req.expect.includes(res.status))
            throw await this.errorFrom(req, res);
        return res;
    }
    /** Reads an error response into a RegistryError (one line, with a hint for 401). */
    async errorFrom(req, res) {
        const body = req.method === 'HEAD' ? undefined : await res.text(ERROR_BODY_LIMIT).catch(() => undefined);
        if (req.method === 'HEAD')
            await res.dump();
        let hint;
        if (res.status === 401)
            hint = await this.#unauthorizedHint(req.registry, res.tokenSent === true);
        const error = new oci_errors/* RegistryError */.gl({
            status: res.status,
            method: req.method,
            url: res.url,
            registry: req.registry,
            body,
            hint,
            afterToken: res.tokenSent
        });
        error.retryAfterMs = retryAfterFromHeaders(res.headers);
        return error;
    }
    /**
     * What a 401 tells the user. After a token the registry issued, the login
     * worked and the repository is out of reach: Docker Hub answers so for one
     * that does not exist, too (R-MAN-5).
     */
    async #unauthorizedHint(registry, afterToken) {
        const credentials = await this.#auth.hasCredentials(registry);
        if (afterToken) {
            return credentials
                ? `the token for ${registry} does not grant access: the repository may not exist, or the credentials for ${registry} do not reach it`
                : `the anonymous token for ${registry} does not grant access: the repository may not exist, or it needs credentials`;
        }
        return credentials
            ? `the credentials for ${registry} were refused`
            : `no credentials configured for ${registry}`;
    }
    /** The configured credentials for `registry` (vendor APIs that take the registry's login). */
    async credential(registry) {
        return this.#credentials?.get(registry);
    }
    /**
     * One exchange with a vendor API beside the registry (ECR, GitLab, Harbor,
     * Docker Hub, GitHub): the same agents, CA and trace, no registry auth.
     * Redirects are returned, never followed, so the credentials in `headers`
     * reach no other origin; they never travel over plain http off loopback
     * unless `registry` is marked insecure and this is its origin.
     */
    async api(url, req) {
        const ownOrigin = req.registry !== undefined &&
            this.isInsecure(req.registry) &&
            url.origin === this.baseUrl(req.registry).origin;
        const headers = {
            'user-agent': this.#opts.userAgent ?? version/* USER_AGENT */._,
            ...req.headers
        };
        const credentials = req.secretBody === true ||
            Object.keys(headers).length !== Object.keys((0,redirect/* withoutCredentials */.ri)(headers)).length;
        if (credentials && url.protocol === 'http:' && !(0,redirect/* isLoopbackHost */.cW)(url.hostname) && !ownOrigin) {
            throw new errors/* UserError */.y(`refusing to send credentials to ${url.host} over plain http`);
        }
        if (req.body !== undefined)
            headers['content-length'] = String(req.body.length);
        const send = () => this.#send(url, req.method, headers, req.body, { verify: !ownOrigin });
        if (req.retry === false)
            return send();
        return retry(send, {
            ...this.#opts.retry,
            sleep: this.#opts.sleep,
            classify: classifyHttp,
            onRetry: async (o) => {
                if ('value' in o)
                    await o.value.dump();
            }
        });
    }
    /** Closes pooled connections. */
    async close() {
        await Promise.all([...this.#agents.values()].map((a) => a.close()));
        this.#agents.clear();
    }
    /** One attempt, including the https\u2192http probe for insecure registries. */
    async #attempt(req) {
        if (this.isInsecure(req.registry) && !this.#schemes.has(req.registry))
            await this.#sniff(req.registry);
        const probing = this.isInsecure(req.registry) && !this.#schemes.has(req.registry);
        try {
            const res = await this.#authorized(req);
            if (probing)
                this.#schemes.set(req.registry, 'https');
            return res;
        }
        catch (error) {
            if (!probing ||
                !((0,oci_errors/* isPlainHttpReply */.DP)(error) || PROBE_FALLBACK_CODES.has((0,oci_errors/* errorCode */.CA)(error) ?? '')))
                throw error;
            this.#logger.debug(`${req.registry} does not speak TLS; using plain http`);
            this.#schemes.set(req.registry, 'http');
            return this.#authorized(req);
        }
    }
    /** Settles an insecure registry's scheme without a TLS handshake when its port tells (scheme-sniff.ts). */
    #sniff(registry) {
        let sniff = this.#sniffs.get(registry);
        if (sniff === undefined) {
            const target = (0,scheme_sniff/* hostAndPort */.P)(registry);
            const started = this.#opts.schemeProbes?.get(registry);
            const probe = started ?? (target === undefined ? Promise.resolve(undefined) : (0,scheme_sniff/* sniffScheme */.e)(target.host, target.port));
            sniff = probe.then((scheme) => {
                if (scheme === undefined || this.#schemes.has(registry))
                    return;
                this.#logger.debug(`${registry} speaks ${scheme === 'https' ? 'TLS' : 'plain http'}`);
                this.#schemes.set(registry, scheme);
            });
            this.#sniffs.set(registry, sniff);
        }
        return sniff;
    }
    /** Sends with the known auth, answering at most two challenges (R-AUTH-6). */
    async #authorized(req) {
        const base = this.baseUrl(req.registry);
        const url = req.url ?? new URL(req.path ?? '/v2/', base);
        if (url.origin !== base.origin)
            (0,redirect/* checkHop */.On)(base, url);
        let authorization = await this.#auth.header(req.registry, req.scopes);
        for (let round = 0;; round++) {
            const res = await this.#follow(req, url, base.origin, authorization);
            res.tokenSent =
                authorization !== undefined &&
                    res.url.origin === base.origin &&
                    this.#auth.usesTokenServer(req.registry);
            if (res.status !== 401 || res.url.origin !== base.origin || round >= 2)
                return res;
            // Only the registry's own challenges get credentials (R-RED-2).
            let retryable;
            try {
                retryable = await this.#auth.challenge(req.registry, res.url, res.headers['www-authenticate'], req.scopes, authorization);
            }
            catch (error) {
                await res.dump();
                throw error;
            }
            if (!retryable)
                return res;
            await res.dump();
            authorization = await this.#auth.header(req.registry, req.scopes);
        }
    }
    /** Follows redirects by hand; credentials ride only on hops to the registry origin. */
    async #follow(req, start, registryOrigin, authorization) {
        let url = start;
        let method = req.method;
        let body = req.body;
        for (let hop = 0;; hop++) {
            let headers = {
                'user-agent': this.#opts.userAgent ?? version/* USER_AGENT */._,
                ...req.headers
            };
            if (body === undefined && req.body !== undefined) {
                // A 303 (or 301/302 of a POST) turned the request into a GET: no body headers.
                delete headers['content-length'];
                delete headers['content-type'];
            }
            if (url.origin !== registryOrigin)
                headers = (0,redirect/* withoutCredentials */.ri)(headers);
            else if (authorization !== undefined) {
                if (authorization.startsWith('Basic ') &&
                    url.protocol === 'http:' &&
                    !(0,redirect/* isLoopbackHost */.cW)(url.hostname) &&
                    !this.isInsecure(req.registry)) {
                    throw new errors/* UserError */.y(`refusing to send credentials for ${req.registry} over plain http`);
                }
                headers.authorization = authorization;
            }
            if (body !== undefined)
                headers['content-length'] = String(body.length);
            const verify = !(this.isInsecure(req.registry) && url.origin === registryOrigin);
            const res = await this.#send(url, method, headers, body, { verify });
            const location = res.headers.location;
            if (!(0,redirect/* isRedirect */.N6)(res.status) || typeof location !== 'string')
                return res;
            await res.dump();
            if (hop >= redirect/* MAX_REDIRECTS */.NX)
                throw new redirect/* RedirectRefusedError */.jw(`${req.method} ${req.registry}: more than ${redirect/* MAX_REDIRECTS */.NX} redirects`);
            const next = (0,redirect/* nextHop */.Fz)(location, url);
            const m = (0,redirect/* redirectMethod */.ue)(res.status, method);
            method = m.method;
            if (!m.keepBody)
                body = undefined;
            url = next;
        }
    }
    async #send(url, method, headers, body, opts) {
        let raw;
        try {
            const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : await body.open();
            raw = await undiciRequest(url, {
                dispatcher: this.#agent(opts.verify),
                method: method,
                headers,
                body: payload,
                // undici closes the connection after every HEAD (for servers that send
                // a body anyway); registries do not, and Go's clients keep it. A copy
                // asks HEAD then POST or GET of the same registry: without this each
                // pays a new connection (a TLS handshake on https).
                reset: method === 'HEAD' ? false : undefined,
                headersTimeout: opts.timeoutMs ?? this.#opts.headersTimeoutMs,
                bodyTimeout: opts.timeoutMs ?? this.#opts.bodyTimeoutMs
            });
        }
        catch (error) {
            this.#logger.debug(`${method} ${(0,oci_errors/* redactUrl */.BO)(url)} failed: ${(0,oci_errors/* errorCode */.CA)(error) ?? String(error)}`);
            throw (0,oci_errors/* asUnreachable */.Pd)(error, url.host);
        }
        this.#logger.debug(`${method} ${(0,oci_errors/* redactUrl */.BO)(url)} \u2192 ${raw.statusCode}`);
        this.#opts.onRequest?.({ method, url: `${url.origin}${url.pathname}`, status: raw.statusCode });
        return (0,response/* wrapResponse */.se)(raw, url);
    }
    /** Token requests: same agents, a 15 s deadline, no redirects, retried like the rest. */
    #tokenHttp = async (url, init) => {
        const headers = { 'user-agent': this.#opts.userAgent ?? version/* USER_AGENT */._, ...init.headers };
        const body = init.body === undefined ? undefined : Buffer.from(init.body);
        // An insecure registry's token server is trusted the same way.
        const verify = !this.isInsecure(init.registry);
        const res = await retry(() => this.#send(url, init.method, headers, body, { verify, timeoutMs: TOKEN_TIMEOUT_MS }), {
            ...this.#opts.retry,
            sleep: this.#opts.sleep,
            classify: classifyHttp,
            onRetry: async (o) => {
                if ('value' in o)
                    await o.value.dump();
            }
        });
        return { status: res.status, text: () => res.text(ERROR_BODY_LIMIT) };
    };
    #agent(verify) {
        let agent = this.#agents.get(verify);
        if (agent === undefined) {
            agent = createAgent({ ...this.#opts, verify });
            this.#agents.set(verify, agent);
        }
        return agent;
    }
}
/** Retry policy for HTTP (R-RETRY-1): transient network errors, 408/429/5xx with Retry-After. */
function classifyHttp(o) {
    if ('error' in o)
        return { retry: (0,oci_errors/* isTransientNetworkError */.l)(o.error) };
    if (!oci_errors/* TEMPORARY_STATUSES */.xp.has(o.value.status))
        return { retry: false };
    return { retry: true, afterMs: retryAfterFromHeaders(o.value.headers) };
}


/***/ }),

/***/ 415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ limiter)
/* harmony export */ });
/**
 * A concurrency limiter: `run(fn)` starts `fn` once fewer than `max` calls are
 * in flight. Used to bound parallel blob transfers per copy (R-RETRY-6).
 */
function limiter(max) {
    let active = 0;
    const waiting = [];
    const release = () => {
        active--;
        waiting.shift()?.();
    };
    return async (fn) => {
        if (active >= max)
            await new Promise((resolve) => waiting.push(resolve));
        active++;
        try {
            return await fn();
        }
        finally {
            release();
        }
    };
}


/***/ })

};

//# sourceMappingURL=631.index.js.map