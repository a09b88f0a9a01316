export const id = 673;
export const ids = [673];
export const modules = {

/***/ 3673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/engine/shard.ts


const MASK_64 = (1n << 64n) - 1n;
/**
 * Jump consistent hash (Lamping and Veach, 2014): maps a 64-bit key to one of
 * `buckets` buckets so that growing from n to n+1 buckets moves only 1/(n+1)
 * of the keys.
 */
function jumpHash(key, buckets) {
    let b = -1;
    let j = 0;
    let k = key;
    while (j < buckets) {
        b = j;
        k = (k * 2862933555777941757n + 1n) & MASK_64;
        j = Math.floor((b + 1) * (2 ** 31 / (Number(k >> 33n) + 1)));
    }
    return b;
}
/** The 1-based shard a key belongs to: SHA-256 of the key, first 8 bytes, jump hash. */
function shardOf(key, total) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(key, 'utf8').digest();
    return jumpHash(digest.readBigUInt64BE(0), total) + 1;
}
/**
 * Keeps the entries of one shard. Membership depends only on each entry's
 * key, never on its position, so adding or removing an entry does not move
 * the others to another shard; the result keeps the input order.
 */
function selectShard(entries, key, shard) {
    checkShard(shard, `${shard.index}/${shard.total}`);
    if (shard.total === 1)
        return [...entries];
    return entries.filter((entry) => shardOf(key(entry), shard.total) === shard.index);
}
/** Parses `INDEX/TOTAL` such as `1/3` (index counts from 1); throws a UserError otherwise. */
function parseShard(text) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    if (match === null) {
        throw new errors/* UserError */.y(`shard "${text}": expected INDEX/TOTAL with whole numbers, such as 1/3`);
    }
    const shard = { index: Number(match[1]), total: Number(match[2]) };
    checkShard(shard, text);
    return shard;
}
function checkShard(shard, text) {
    const { index, total } = shard;
    if (!Number.isSafeInteger(total) || total < 1) {
        throw new errors/* UserError */.y(`shard "${text}": the total must be at least 1`);
    }
    if (!Number.isSafeInteger(index) || index < 1) {
        throw new errors/* UserError */.y(`shard "${text}": the index counts from 1, so the first shard is 1/${total}`);
    }
    if (index > total) {
        throw new errors/* UserError */.y(`shard "${text}": index ${index} is greater than the total ${total}`);
    }
}

// EXTERNAL MODULE: ./src/oci/copy.ts
var copy = __webpack_require__(3748);
// EXTERNAL MODULE: ./src/oci/platform.ts
var platform = __webpack_require__(1890);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/util/limit.ts
var util_limit = __webpack_require__(415);
// EXTERNAL MODULE: ./src/engine/duration.ts
var duration = __webpack_require__(4964);
;// CONCATENATED MODULE: ./src/engine/sync/entry.ts






/** A lease outlives any sane entry; a crashed run frees the entry after it. */
const LEASE_TTL_MS = 60 * 60 * 1000;
/**
 * Syncs one entry: interval and lease first, then one HEAD per selected
 * source tag; a tag whose source digest equals the digest recorded at the
 * last sync costs nothing more, any other gets one HEAD on the target and a
 * copy when they differ. State (digests, lastSync) is written and the lease
 * released at the end, whatever happened in between.
 */
async function syncEntry(rule, ctx) {
    const report = {
        name: rule.name,
        source: repo(rule.source),
        target: repo(rule.target),
        status: 'up-to-date',
        copied: [],
        unchanged: [],
        deleted: [],
        failed: [],
        leftUndone: []
    };
    const skip = (reason) => {
        ctx.logger.info(`${rule.name}: skipped: ${reason}`);
        return { ...report, status: 'skipped', reason };
    };
    if (ctx.budget.stopped)
        return skip('left undone: Docker Hub rate limit reached earlier in this run');
    const now = ctx.now();
    let state = await ctx.store.read(rule.name);
    const due = intervalDue(rule, state, now);
    if (!ctx.force && due !== undefined)
        return skip(due);
    if (!ctx.dryRun) {
        const lease = await ctx.store.acquire(rule.name, ctx.runId, LEASE_TTL_MS, now, state);
        if (!lease.acquired) {
            const held = lease.state.lease;
            return skip(`leased by ${held?.holder ?? 'another run'} until ${held?.expires ?? 'unknown'}`);
        }
        state = lease.state;
    }
    const previousDigests = { ...state.digests };
    const digests = { ...state.digests };
    const moved = [];
    if (!ctx.dryRun) {
        await ctx.events.emit('started', rule.name, `sync ${rule.name} started: ${report.source} \u2192 ${report.target}`);
    }
    let error;
    try {
        await copyChanged(rule, ctx, report, digests, moved);
        if (rule.deleteUnmatched && report.failed.length === 0 && report.leftUndone.length === 0) {
            await deleteUnmatched(rule, ctx, report, digests);
        }
    }
    catch (e) {
        error = (0,errors/* errorMessage */.g)(e);
    }
    if (error === undefined && report.failed.length > 0) {
        const tags = report.failed.map((f) => `${f.tag} (${f.error})`).join('; ');
        error = `${report.failed.length} tag(s) failed: ${tags}`;
    }
    if (error !== undefined && rule.rollback && !ctx.dryRun && moved.length > 0) {
        report.rolledBack = await rollback(rule, ctx, moved);
        for (const tag of report.rolledBack.restored.concat(report.rolledBack.removed)) {
            if (previousDigests[tag] === undefined)
                delete digests[tag];
            else
                digests[tag] = previousDigests[tag];
        }
    }
    if (error !== undefined) {
        report.status = 'failed';
        report.reason = error;
    }
    else if (ctx.dryRun)
        report.status = 'dry-run';
    else if (report.leftUndone.length > 0)
        report.status = 'incomplete';
    else if (report.copied.length > 0 || report.deleted.length > 0)
        report.status = 'synced';
    if (!ctx.dryRun) {
        // lastSync only moves on a complete run, so `interval` never hides undone work.
        const complete = report.status === 'synced' || report.status === 'up-to-date';
        const next = { ...state, digests, ...(complete ? { lastSync: now.toISOString() } : {}) };
        try {
            await ctx.store.release(next);
        }
        catch (e) {
            report.status = 'failed';
            const before = report.reason === undefined ? '' : `${report.reason}; `;
            report.reason = `${before}state not written: ${(0,errors/* errorMessage */.g)(e)}`;
        }
        await ctx.events.emit(report.status === 'failed' ? 'failed' : 'succeeded', rule.name, outcome(report));
    }
    return report;
}
/** Why the entry is not due yet, or undefined when it is. */
function intervalDue(rule, state, now) {
    if (rule.intervalMs === undefined || state.lastSync === undefined)
        return undefined;
    const next = Date.parse(state.lastSync) + rule.intervalMs;
    if (!(next > now.getTime()))
        return undefined;
    const at = new Date(next).toISOString();
    return `interval ${(0,duration/* formatDuration */.a3)(rule.intervalMs)} not elapsed since ${state.lastSync}; due at ${at} (--force syncs now)`;
}
async function copyChanged(rule, ctx, report, digests, moved) {
    const { client } = ctx;
    const listed = await client.listTags(rule.source.registry, rule.source.repository);
    const tags = listed.filter((t) => rule.tags.matches(t)).sort();
    const limit = (0,util_limit/* limiter */.T)(ctx.concurrency);
    const platforms = rule.platforms?.map(platform/* parsePlatform */.FL);
    // Forget tags that are gone or no longer selected: their digests would only go stale.
    for (const tag of Object.keys(digests))
        if (!tags.includes(tag))
            delete digests[tag];
    await Promise.all(tags.map((tag) => limit(async () => {
        const src = { ...rule.source, tag };
        const dst = { ...rule.target, tag };
        try {
            const head = await client.headManifest(src);
            if (head === undefined)
                return; // deleted upstream since the listing
            if (!ctx.force && digests[tag] === head.digest) {
                report.unchanged.push(tag);
                return;
            }
            const current = await client.headManifest(dst);
            if (current?.digest === head.digest) {
                digests[tag] = head.digest;
                report.unchanged.push(tag);
                return;
            }
            if (ctx.dryRun) {
                ctx.logger.info(`${rule.name}: would copy ${tag} (${head.digest})`);
                report.copied.push(tag);
                return;
            }
            if (!ctx.budget.claim()) {
                report.leftUndone.push(tag);
                return;
            }
            try {
                const previous = rule.rollback && current !== undefined
                    ? await client.getManifest({ ...dst, tag: undefined, digest: current.digest })
                    : undefined;
                // Pinned to the digest just seen: a tag moving during the copy cannot mix two images.
                const options = { logger: ctx.logger, ...(platforms ? { platforms } : {}) };
                const result = await (0,copy/* copyImage */.L)(client, { ...src, digest: head.digest }, dst, options);
                if (result.status === 'copied') {
                    moved.push({ tag, ...(previous ? { previous } : {}) });
                    report.copied.push(tag);
                }
                else
                    report.unchanged.push(tag);
                digests[tag] = head.digest;
            }
            finally {
                ctx.budget.done();
            }
        }
        catch (e) {
            report.failed.push({ tag, error: (0,errors/* errorMessage */.g)(e) });
        }
    })));
    for (const list of [report.copied, report.unchanged, report.leftUndone])
        list.sort();
    report.failed.sort((a, b) => (a.tag < b.tag ? -1 : 1));
}
/**
 * `delete-unmatched`: target tags that are no longer selected upstream go,
 * each with deleteTag, which never removes an image another tag still uses.
 * `sha256-*` tags are left alone: they carry referrers (the OCI fallback tag
 * scheme) and the state of other tools.
 */
async function deleteUnmatched(rule, ctx, report, digests) {
    const keep = new Set([...report.copied, ...report.unchanged]);
    const targetTags = await ctx.client.listTags(rule.target.registry, rule.target.repository);
    for (const tag of targetTags.sort()) {
        if (keep.has(tag) || tag.startsWith('sha256-'))
            continue;
        const ref = { ...rule.target, tag };
        if (ctx.dryRun) {
            report.deleted.push(tag);
            continue;
        }
        await ctx.client.deleteTag(ref);
        delete digests[tag];
        report.deleted.push(tag);
        ctx.logger.info(`${rule.name}: deleted ${(0,reference/* formatReference */.FH)(ref)}: ${rule.tags.explain(tag)}`);
    }
}
/** Puts back what a failed entry moved: saved manifests PUT again, new tags removed. */
async function rollback(rule, ctx, moved) {
    const done = { restored: [], removed: [], errors: [] };
    for (const m of moved.sort((a, b) => (a.tag < b.tag ? -1 : 1))) {
        const ref = { ...rule.target, tag: m.tag };
        try {
            if (m.previous !== undefined) {
                await ctx.client.putManifest(ref.registry, ref.repository, m.tag, m.previous);
                done.restored.push(m.tag);
            }
            else {
                await ctx.client.deleteTag(ref);
                done.removed.push(m.tag);
            }
        }
        catch (e) {
            done.errors.push(`rollback of ${m.tag}: ${(0,errors/* errorMessage */.g)(e)}`);
        }
    }
    const counts = `restored ${done.restored.length} tag(s), removed ${done.removed.length} new tag(s)`;
    ctx.logger.warning(`${rule.name}: rolled back: ${counts}`);
    return done;
}
function outcome(r) {
    const head = `sync ${r.name} ${r.status === 'failed' ? 'failed' : 'succeeded'}: ${r.source} \u2192 ${r.target}`;
    const counts = `${r.copied.length} copied, ${r.unchanged.length} unchanged, ${r.deleted.length} deleted`;
    const extra = [];
    if (r.leftUndone.length > 0)
        extra.push(`left undone (rate limit): ${r.leftUndone.join(', ')}`);
    if (r.reason !== undefined)
        extra.push(r.reason);
    if (r.rolledBack !== undefined) {
        const { restored, removed } = r.rolledBack;
        extra.push(`rolled back: restored ${restored.join(', ') || 'none'}, removed ${removed.join(', ') || 'none'}`);
    }
    return [`${head} (${counts})`, ...extra].join('; ');
}
function repo(r) {
    return `${r.registry}/${r.repository}`;
}

;// CONCATENATED MODULE: ./src/engine/sync/events.ts
/** How long a webhook may take before the run moves on without it. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * Sends sync events to the log, the report and, when configured, a webhook:
 * a JSON POST whose `text` field Slack (and Mattermost, Teams' Slack-compatible
 * connectors) display as is. The URL carries a token, so it never appears in
 * a message; a webhook that fails is a warning, never a failed sync.
 */
class EventSink {
    events = [];
    #logger;
    #webhook;
    #now;
    constructor(logger, webhook, now) {
        this.#logger = logger;
        this.#webhook = webhook;
        this.#now = now;
    }
    /** Records one event and delivers it. */
    async emit(kind, entry, text) {
        const event = { kind, entry, time: this.#now().toISOString(), text };
        this.events.push(event);
        if (kind === 'failed')
            this.#logger.warning(text);
        else
            this.#logger.info(text);
        if (this.#webhook !== undefined)
            await this.#post(event);
    }
    async #post(event) {
        try {
            const res = await fetch(this.#webhook, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({
                    text: event.text,
                    event: event.kind,
                    entry: event.entry,
                    time: event.time
                }),
                signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)
            });
            await res.arrayBuffer();
            if (!res.ok) {
                this.#logger.warning(`webhook: the ${event.kind} event of ${event.entry} got HTTP ${res.status}`);
            }
        }
        catch (error) {
            // fetch errors can quote the URL; only the error's kind is shown.
            const timedOut = error instanceof Error && error.name === 'TimeoutError';
            const why = timedOut ? 'timed out' : 'could not be delivered';
            this.#logger.warning(`webhook: the ${event.kind} event of ${event.entry} ${why}`);
            const kind = error instanceof Error ? error.name : typeof error;
            this.#logger.debug(`webhook error type: ${kind}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/sync/rate-budget.ts
/**
 * Decides whether another copy may start without spending Docker Hub's pull
 * budget (R-RETRY-5): the remaining pulls last reported, less the copies
 * already in flight (their responses have not lowered the figure yet), must
 * stay above the reserve. Once it says no, it keeps saying no for the rest
 * of the run, so nothing starts after a stop.
 */
class RateBudget {
    #client;
    reserve;
    #inFlight = 0;
    stoppedAt;
    constructor(client, reserve) {
        this.#client = client;
        this.reserve = reserve;
    }
    /** True when the run has stopped for the rate limit. */
    get stopped() {
        return this.stoppedAt !== undefined;
    }
    /** Claims one copy; false (and stopped from now on) when the budget is down to the reserve. */
    claim() {
        if (this.stopped)
            return false;
        const limit = this.#client.lastRateLimit;
        if (limit !== undefined && limit.remaining - this.#inFlight <= this.reserve) {
            this.stoppedAt = limit.remaining;
            return false;
        }
        this.#inFlight++;
        return true;
    }
    /** Ends a claimed copy. */
    done() {
        this.#inFlight--;
    }
}

// EXTERNAL MODULE: ./src/oci/digest.ts + 1 modules
var digest = __webpack_require__(6794);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/engine/sync/state-store.ts


/** Media types of the state artifact: an OCI manifest whose one layer is the JSON state. */
const STATE_ARTIFACT_TYPE = 'application/vnd.image-mirror.sync-state.v1';
const STATE_LAYER_TYPE = 'application/vnd.image-mirror.sync-state.v1+json';
/**
 * Keeps sync state in the mirror registry itself, one tag per entry, so that
 * runs on GitHub and GitLab (which share no disk) see the same state. The
 * repository defaults to `image-mirror-state` on the mirror registry.
 */
class StateStore {
    #registry;
    #where;
    constructor(registry, where) {
        this.#registry = registry;
        this.#where = where;
    }
    /** Reads an entry's state; a missing tag is a fresh entry, any other error propagates. */
    async read(entry) {
        const ref = { ...this.#where, tag: stateTag(entry) };
        const head = await this.#registry.headManifest(ref);
        if (head === undefined)
            return { entry, digests: {} };
        const manifest = await this.#registry.getManifest({ ...ref, digest: head.digest });
        const layer = JSON.parse(manifest.bytes.toString('utf8')).layers[0];
        if (layer === undefined)
            return { entry, digests: {} };
        const stream = await this.#registry.getBlob(this.#where.registry, this.#where.repository, layer);
        const chunks = [];
        for await (const chunk of stream)
            chunks.push(chunk);
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    /** Writes an entry's state: blobs first, then the manifest under the entry's tag. */
    async write(state) {
        const { registry, repository } = this.#where;
        const data = Buffer.from(JSON.stringify(state));
        const layer = { mediaType: STATE_LAYER_TYPE, digest: (0,digest/* digestOf */.ol)(data), size: data.length };
        const config = { mediaType: media_types/* MEDIATYPE_OCI_EMPTY */.DY, digest: EMPTY_CONFIG.digest, size: 2 };
        await this.#registry.uploadBlob(registry, repository, config, EMPTY_CONFIG.bytes);
        await this.#registry.uploadBlob(registry, repository, layer, data);
        const body = Buffer.from(JSON.stringify({
            schemaVersion: 2,
            mediaType: media_types/* MEDIATYPE_OCI_MANIFEST */.De,
            artifactType: STATE_ARTIFACT_TYPE,
            config,
            layers: [layer],
            annotations: { 'io.image-mirror.sync-entry': state.entry }
        }));
        const manifest = { bytes: body, mediaType: media_types/* MEDIATYPE_OCI_MANIFEST */.De, digest: (0,digest/* digestOf */.ol)(body) };
        await this.#registry.putManifest(registry, repository, stateTag(state.entry), manifest);
    }
    /**
     * Takes the entry's lease for `ttlMs` unless another holder has an unexpired
     * one. Registries offer no compare-and-swap, so the lease is written and then
     * read back: of two runs racing, the one whose write landed last wins and
     * the other sees a foreign holder and backs off. `current`, when given, is
     * the state the caller has just read.
     */
    async acquire(entry, holder, ttlMs, now, current) {
        // A state the caller has just read saves reading it again.
        const state = current ?? (await this.read(entry));
        if (state.lease && state.lease.holder !== holder && Date.parse(state.lease.expires) > now.getTime()) {
            return { acquired: false, state };
        }
        const leased = { ...state, lease: { holder, expires: new Date(now.getTime() + ttlMs).toISOString() } };
        await this.write(leased);
        const check = await this.read(entry);
        return { acquired: check.lease?.holder === holder, state: check };
    }
    /** Records a finished run and drops the lease. */
    async release(state) {
        const { lease: _dropped, ...rest } = state;
        await this.write(rest);
    }
}
const EMPTY_CONFIG = { bytes: Buffer.from('{}'), digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' };
/** One tag per entry: readable prefix plus a hash, always a valid tag. */
function stateTag(entry) {
    const readable = entry.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 60);
    return `sync-${readable}-${(0,digest/* digestOf */.ol)(Buffer.from(entry)).slice(7, 19)}`;
}

;// CONCATENATED MODULE: ./src/engine/sync/sync.ts





/** Where sync state lives unless the caller names another repository. */
const DEFAULT_STATE_REPOSITORY = 'image-mirror-state';
/** Pulls kept in hand when Docker Hub reports its budget. */
const DEFAULT_RATE_LIMIT_RESERVE = 10;
/**
 * Syncs every `sync:` entry of the config (of one shard with `shard`), one
 * entry after the other, tags of an entry in parallel. An entry that fails
 * does not stop the others; the Docker Hub rate limit does stop the run, and
 * the report names what it left undone.
 */
async function syncAll(config, ctx) {
    const rules = ctx.shard === undefined ? config.sync : selectShard(config.sync, (r) => r.name, ctx.shard);
    const webhook = ctx.dryRun ? undefined : config.notifications.webhook;
    const events = new EventSink(ctx.logger, webhook, ctx.now);
    const budget = new RateBudget(ctx.client, ctx.rateLimitReserve ?? DEFAULT_RATE_LIMIT_RESERVE);
    const entries = [];
    for (const rule of rules) {
        const store = new StateStore(ctx.client, stateLocation(config, rule, ctx.stateRepository));
        entries.push(await ctx.logger.group(`sync ${rule.name}`, () => syncEntry(rule, {
            client: ctx.client,
            logger: ctx.logger,
            now: ctx.now,
            runId: ctx.runId,
            force: ctx.force === true,
            dryRun: ctx.dryRun === true,
            store,
            budget,
            events,
            concurrency: ctx.concurrency ?? 8
        }).catch(async (error) => failedEntry(rule, error, events, ctx.dryRun === true))));
    }
    const report = { runId: ctx.runId, entries, events: events.events };
    if (budget.stoppedAt !== undefined) {
        report.rateLimited = { remaining: budget.stoppedAt, reserve: budget.reserve };
        ctx.logger.warning(`stopped for the Docker Hub rate limit (${budget.stoppedAt} pulls left, ` +
            `reserve ${budget.reserve}); left undone: ${undone(entries)}`);
    }
    return report;
}
/** The state lives on the mirror registry; without a mirror section, on the entry's target's. */
function stateLocation(config, rule, repository = DEFAULT_STATE_REPOSITORY) {
    return { registry: config.mirror?.registry ?? rule.target.registry, repository };
}
/** An entry that failed before it started (state unreadable, lease not written). */
async function failedEntry(rule, error, events, dryRun) {
    const reason = `state of ${rule.name}: ${error instanceof Error ? error.message : String(error)}`;
    if (!dryRun)
        await events.emit('failed', rule.name, `sync ${rule.name} failed: ${reason}`);
    return {
        name: rule.name,
        source: `${rule.source.registry}/${rule.source.repository}`,
        target: `${rule.target.registry}/${rule.target.repository}`,
        status: 'failed',
        reason,
        copied: [],
        unchanged: [],
        deleted: [],
        failed: [],
        leftUndone: []
    };
}
function undone(entries) {
    const parts = entries.flatMap((e) => {
        if (e.leftUndone.length > 0)
            return [`${e.name} (${e.leftUndone.join(', ')})`];
        if (e.status === 'skipped' && e.reason?.includes('rate limit'))
            return [`${e.name} (all tags)`];
        return [];
    });
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/engine/sync/summary.ts
/**
 * The run as Markdown for a CI job summary (GitHub's GITHUB_STEP_SUMMARY, a
 * GitLab artifact): one table row per entry, then the events and anything
 * the rate limit left undone.
 */
function syncSummaryMarkdown(report) {
    const lines = [
        `### image-mirror sync (${report.runId})`,
        '',
        '| Entry | Status | Copied | Unchanged | Deleted | Notes |',
        '|---|---|---|---|---|---|'
    ];
    for (const e of report.entries) {
        const counts = [e.copied.length, e.unchanged.length, e.deleted.length].join(' | ');
        lines.push(`| ${cell(e.name)} | ${e.status} | ${counts} | ${cell(notes(e))} |`);
    }
    if (report.rateLimited !== undefined) {
        const { remaining, reserve } = report.rateLimited;
        lines.push('', `Stopped for the Docker Hub rate limit: ${remaining} pulls left, reserve ${reserve}.`);
    }
    if (report.events.length > 0) {
        lines.push('', ...report.events.map((ev) => `- ${ev.time} **${ev.kind}**: ${ev.text}`));
    }
    return lines.join('\n') + '\n\n';
}
/** One line for an entry: reason, failed tags, what was undone or rolled back. */
function entryNotes(e) {
    return notes(e);
}
function notes(e) {
    const parts = [];
    if (e.reason !== undefined)
        parts.push(e.reason);
    for (const f of e.failed)
        parts.push(`${f.tag}: ${f.error}`);
    if (e.leftUndone.length > 0)
        parts.push(`left undone: ${e.leftUndone.join(', ')}`);
    if (e.rolledBack !== undefined) {
        const r = e.rolledBack;
        const errors = r.errors.length > 0 ? `; ${r.errors.join('; ')}` : '';
        parts.push(`rolled back: restored ${list(r.restored)}, removed ${list(r.removed)}${errors}`);
    }
    return parts.join('; ');
}
function list(tags) {
    return tags.length === 0 ? 'none' : tags.join(', ');
}
function cell(text) {
    return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

;// CONCATENATED MODULE: ./src/engine/sync/index.ts
// Repository sync: interval syncs of whole repositories into the mirror
// registry, state and leases kept in the registry itself (docs/sync.md).




// EXTERNAL MODULE: ./src/cli/config-client.ts
var config_client = __webpack_require__(4200);
// EXTERNAL MODULE: ./src/cli/config-overrides.ts
var config_overrides = __webpack_require__(7250);
;// CONCATENATED MODULE: ./src/cli/commands/sync.ts









const command = {
    usage: 'sync [--config FILE | --source REPO --target REPO [--tags P]...] [--force] [--dry-run] [--shard I/N] [--summary FILE] [--rate-limit-reserve N] [--state-repository NAME] [--json]',
    description: [
        'Syncs every `sync:` entry of the config: the source tags selected by `tags:` are copied to the',
        'target when their digest changed; an unchanged tag costs one HEAD. `delete-unmatched` removes',
        'target tags no longer selected (never another tag\'s image); `rollback` puts back the tags a',
        'failed entry had moved. State (last sync, digests, a lease so two runs never sync the same entry)',
        `lives in the mirror registry, repository ${DEFAULT_STATE_REPOSITORY} unless --state-repository`,
        'names another; `interval` is honoured from it unless --force. --shard I/N syncs one slice of the',
        'entries (CI matrices). Docker Hub\'s rate limit stops the run cleanly when its remaining pulls',
        `fall to --rate-limit-reserve (default ${DEFAULT_RATE_LIMIT_RESERVE}). Events go to the log, to`,
        'notifications.webhook and, with --summary FILE, as Markdown appended to FILE (GITHUB_STEP_SUMMARY).',
        'Prints one line per entry (--json: the report); exits 1 when an entry failed.',
        '',
        'One-off use without a config file: --source REPO --target REPO [--tags PATTERN]... [--platform P]...',
        '[--delete-unmatched] syncs that single entry (tags default to "*").'
    ].join('\n'),
    options: {
        config: { type: 'string', short: 'c' },
        ...config_overrides/* SYNC_ENTRY_OPTIONS */.u,
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        shard: { type: 'string' },
        summary: { type: 'string' },
        'rate-limit-reserve': { type: 'string' },
        'state-repository': { type: 'string' }
    },
    positionals: [0, 0],
    async run(ctx, values) {
        const shard = typeof values.shard === 'string' ? parseShard(values.shard) : undefined;
        const reserve = reserveOf(values['rate-limit-reserve']);
        const config = await (0,config_overrides/* syncConfig */.kZ)(ctx, values);
        if (config.sync.length === 0)
            ctx.logger.info(`${config.file} lists no sync: entries`);
        const client = (0,config_client/* configRegistryClient */.X)(ctx, config);
        const report = await syncAll(config, {
            client,
            logger: ctx.logger,
            now: () => new Date(),
            runId: runId(ctx.env),
            force: values.force === true,
            dryRun: values['dry-run'] === true,
            ...(shard === undefined ? {} : { shard }),
            ...(typeof values['state-repository'] === 'string'
                ? { stateRepository: values['state-repository'] }
                : {}),
            rateLimitReserve: reserve
        });
        if (ctx.global.json)
            ctx.out(JSON.stringify(report));
        else
            for (const e of report.entries)
                ctx.out(describe(e));
        if (typeof values.summary === 'string') {
            const path = (0,external_node_path_.resolve)(ctx.cwd, values.summary);
            try {
                await (0,promises_.appendFile)(path, syncSummaryMarkdown(report));
            }
            catch (error) {
                throw new errors/* UserError */.y(`--summary ${path}: cannot write it (${(0,errors/* errorMessage */.g)(error)})`);
            }
        }
        const failed = report.entries.filter((e) => e.status === 'failed');
        for (const e of failed) {
            process.stderr.write(`image-mirror sync: ${e.name}: ${oneLine(entryNotes(e))}\n`);
        }
        return failed.length > 0 ? 1 : 0;
    }
};
function reserveOf(value) {
    if (typeof value !== 'string')
        return DEFAULT_RATE_LIMIT_RESERVE;
    if (!/^\d+$/.test(value.trim())) {
        throw new errors/* UserError */.y(`--rate-limit-reserve "${value}": expected a whole number of pulls`);
    }
    return Number(value);
}
/** The lease holder: the CI job when there is one, so a lease in the state names who holds it. */
function runId(env) {
    const job = env.GITHUB_RUN_ID
        ? `github-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? ''}`
        : env.CI_JOB_ID
            ? `gitlab-${env.CI_JOB_ID}`
            : `${(0,external_node_os_.hostname)()}-${process.pid}`;
    return `${job}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
function describe(e) {
    const counts = `${e.copied.length} copied, ${e.unchanged.length} unchanged, ${e.deleted.length} deleted`;
    const notes = entryNotes(e);
    return `${e.name}: ${e.status} (${counts})${notes === '' ? '' : `: ${oneLine(notes)}`}`;
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ');
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

//# sourceMappingURL=673.index.js.map