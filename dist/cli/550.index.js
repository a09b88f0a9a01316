export const id = 550;
export const ids = [550];
export const modules = {

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
    ctx.out(`${r.policy}: ${r.source} \u2192 ${r.destination}: ${r.status}${referrers}`);
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
// EXTERNAL MODULE: ./src/oci/client.ts + 15 modules
var oci_client = __webpack_require__(9825);
// EXTERNAL MODULE: ./src/oci/digest.ts + 1 modules
var digest = __webpack_require__(6794);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/oci/referrers-copy.ts
// Copies an image's referrers (signatures, SBOMs, attestations: manifests whose
// `subject` is the image) along with it, registry-protocol \u00a71.9 / R-REF-1.





/** Statuses with which a registry without the referrers API answers its route. */
const NO_REFERRERS_API = new Set([400, 404, 405]);
/**
 * Copies every referrer of `digest` from `source` to `target` by digest, and
 * their referrers in turn. The source is asked through the referrers API or
 * its fallback tag (the client does both). Referrers the target does not
 * index itself (it answers their PUT without `OCI-Subject`; distribution 2.8
 * never sends it) are listed in the fallback tag index `sha256-<hex>` there,
 * so that verifiers (cosign, notation, oras) find them.
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
    const unindexed = [];
    for (const referrer of referrers) {
        const copy = await (0,oci_copy/* copyImage */.L)(client, { ...source, digest: referrer.digest }, { ...target, digest: referrer.digest }, { logger });
        if (copy.status === 'copied')
            result.copied.push(referrer.digest);
        else
            result.present.push(referrer.digest);
        if (!(await indexedByTarget(client, target, subject, copy, state)))
            unindexed.push(referrer);
    }
    if (unindexed.length > 0) {
        const tag = await updateFallbackTag(client, source, target, subject, unindexed, logger);
        if (tag !== undefined)
            result.fallbackTags.push(tag);
    }
    for (const referrer of referrers) {
        await copyLevel(client, source, target, referrer.digest, depth - 1, logger, result, state);
    }
}
/**
 * Whether the target lists a referrer under `subject` by itself. A PUT
 * answered with `OCI-Subject` was indexed by the registry; one answered
 * without it must go into the fallback tag, written by the client (\u00a71.7).
 * A referrer that was already there was not PUT: the referrers API decides.
 */
async function indexedByTarget(client, target, subject, copy, state) {
    if (copy.status === 'copied')
        return copy.ociSubject === subject;
    state.targetHasApi ??= await hasReferrersApi(client, target, subject);
    return state.targetHasApi;
}
/**
 * Whether the target indexes `subject` on its own. A registry with the API
 * answers 200 (an empty index at worst) and never 404 (\u00a71.9).
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
        result.message = `promotion "${plan.policy}" \u2192 ${plan.destination}: ${(0,errors/* errorMessage */.g)(error)}`;
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
        throw new errors/* UserError */.y(`promotion "${policy.name}" \u2192 ${where}: ${(0,errors/* errorMessage */.g)(error)}; nothing was promoted`);
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

//# sourceMappingURL=550.index.js.map