export const id = 720;
export const ids = [720,890];
export const modules = {

/***/ 4200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ configRegistryClient)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _engine_mirror_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9054);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9825);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2571);
/* harmony import */ var _oci_transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5107);
/* harmony import */ var _delete_vendors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3446);
/* harmony import */ var _ecr_env_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(531);








/**
 * Builds the registry client of a command that reads a config file. The
 * file's `registries:` entries add to the global flags: their credentials
 * come first in the credential chain (before DOCKER_AUTH_CONFIG and
 * config.json), `insecure: true` allows plain http and unverified TLS for that
 * host only (--insecure still allows it for all), and every `ca-file` is
 * trusted in addition to --ca-file and the system roots.
 */
function configRegistryClient(ctx, config) {
    const explicit = {};
    for (const r of config.registries) {
        if (r.username !== undefined)
            explicit[r.host] = { username: r.username, password: r.password ?? '' };
    }
    const insecureHosts = new Set(config.registries.filter((r) => r.insecure).map((r) => (0,_engine_mirror_names_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalRegistry */ .i7)(r.host)));
    const caFiles = [];
    if (ctx.global.caFile !== undefined)
        caFiles.push({ path: ctx.global.caFile, from: '--ca-file' });
    for (const r of config.registries) {
        if (r.caFile !== undefined)
            caFiles.push({ path: r.caFile, from: `ca-file of ${r.host}` });
    }
    const ca = caFiles.length === 0 ? undefined : caFiles.map((f) => readCa(f.path, f.from)).join('\n');
    const transport = new _oci_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .Transport */ .o({
        credentials: (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultCredentialSource */ .U)({ env: ctx.env, logger: ctx.logger, explicit }),
        ecr: (0,_ecr_env_js__WEBPACK_IMPORTED_MODULE_7__/* .ecrAuthFromEnv */ .sY)(ctx.env),
        insecure: (registry) => ctx.global.insecure || insecureHosts.has((0,_engine_mirror_names_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalRegistry */ .i7)(registry)),
        ca,
        logger: ctx.logger,
        onRequest: requestTrace(ctx.env.IMAGE_MIRROR_TRACE),
        schemeProbes: ctx.schemeProbes
    });
    // sync's delete-unmatched removes tags with the registry's own API (docs/delete.md).
    return new _oci_client_js__WEBPACK_IMPORTED_MODULE_3__/* .RegistryClient */ .bP(transport, {
        logger: ctx.logger,
        unauthorizedIsAbsent: ctx.global.unauthorizedIsAbsent,
        deleteVendors: (0,_delete_vendors_js__WEBPACK_IMPORTED_MODULE_6__/* .deleteVendorsFromEnv */ .G)(ctx.env)
    });
}
function readCa(path, from) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`cannot read ${from} ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .g)(error)}`);
    }
}
/** IMAGE_MIRROR_TRACE=FILE: one JSON line per HTTP request, as for every other command. */
function requestTrace(file) {
    if (!file)
        return undefined;
    return (info) => {
        const url = info.url.split('?')[0];
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, JSON.stringify({ method: info.method, url, status: info.status }) + '\n');
    };
}


/***/ }),

/***/ 3446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ deleteVendorsFromEnv)
/* harmony export */ });
/* harmony import */ var _ecr_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(531);
// The vendor API settings of tag deletes, read from the environment the way
// each vendor's own tools read it: the AWS SDK variables, GitLab's CI
// variables and tokens, GitHub's token and API URL. The CLI and the action
// both read them here.

/** Settings for every delete strategy from `env`; unset variables leave a field out. */
function deleteVendorsFromEnv(env) {
    const set = (name) => (env[name] ? env[name] : undefined);
    const gitlabToken = set('GITLAB_TOKEN');
    const jobToken = set('CI_JOB_TOKEN');
    // CI_REGISTRY is `host[:port]` of the job's GitLab registry.
    const ciRegistry = set('CI_REGISTRY');
    // The same credentials, endpoints and host names as ECR logins (ecr-env.ts).
    const ecr = (0,_ecr_env_js__WEBPACK_IMPORTED_MODULE_0__/* .ecrAuthFromEnv */ .sY)(env);
    return {
        ecr: {
            credentials: ecr.credentials,
            endpoint: ecr.endpoint,
            publicEndpoint: ecr.publicEndpoint,
            region: set('AWS_REGION') ?? set('AWS_DEFAULT_REGION'),
            aliases: ecr.aliases
        },
        gitlab: {
            token: gitlabToken
                ? { kind: 'private', value: gitlabToken }
                : jobToken
                    ? { kind: 'job', value: jobToken }
                    : undefined,
            apiUrl: set('CI_API_V4_URL'),
            hosts: ciRegistry ? [ciRegistry] : []
        },
        // Harbor cannot be told from its host name: the user lists its registry hosts.
        harbor: { hosts: (set('IMAGE_MIRROR_HARBOR_HOSTS') ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '') },
        dockerhub: { apiUrl: set('IMAGE_MIRROR_DOCKER_HUB_API_URL') },
        ghcr: { token: set('GITHUB_TOKEN'), apiUrl: set('GITHUB_API_URL') }
    };
}


/***/ }),

/***/ 3678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oc: () => (/* binding */ parseWhen),
/* harmony export */   Ri: () => (/* binding */ needsLabels),
/* harmony export */   sE: () => (/* binding */ evaluateWhen)
/* harmony export */ });
/* unused harmony exports VALUE_OPERATORS, parseValueCondition, evaluateValue */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _tag_patterns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5920);


/** Operators on one string value (a tag or a label), as written in the config. */
const VALUE_OPERATORS = [
    'equals',
    'starts-with',
    'ends-with',
    'contains',
    'one-of',
    'not-one-of',
    'matches'
];
function asObject(raw, where) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${where}: expected a mapping of conditions`);
    }
    const object = raw;
    if (Object.keys(object).length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${where}: has no conditions`);
    return object;
}
/** Several keys in one object all have to hold, so they compile to `all`. */
function conjunction(parts, all) {
    return parts.length === 1 ? parts[0] : all(parts);
}
/**
 * Compiles a value condition such as `{ ends-with: -stable }` or
 * `{ any: [{ equals: latest }, { starts-with: v }] }`. Throws a UserError
 * naming `where` on an unknown operator or an empty block.
 */
function parseValueCondition(raw, where) {
    const object = asObject(raw, where);
    const parts = Object.entries(object).map(([key, value]) => {
        const at = `${where}.${key}`;
        switch (key) {
            case 'equals':
            case 'starts-with':
            case 'ends-with':
            case 'contains':
                if (typeof value !== 'string')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${at}: expected a string`);
                return { op: key, value };
            case 'one-of':
            case 'not-one-of':
                if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${at}: expected a list of strings`);
                }
                return { op: key, values: value };
            case 'matches':
                return { op: 'matches', filter: (0,_tag_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .compileTagPatterns */ .Rk)(value) };
            case 'all':
            case 'any':
                if (!Array.isArray(value) || value.length === 0)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${at}: expected a non-empty list`);
                return { op: key, of: value.map((v, n) => parseValueCondition(v, `${at}[${n}]`)) };
            case 'not':
                return { op: 'not', of: parseValueCondition(value, at) };
            default:
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${at}: unknown operator; use ${[...VALUE_OPERATORS, 'all', 'any', 'not'].join(', ')}`);
        }
    });
    return conjunction(parts, (of) => ({ op: 'all', of }));
}
/** Compiles a promotion's `when:` block (`tag`, `labels`, `all`, `any`, `not`). */
function parseWhen(raw, where = 'when') {
    const object = asObject(raw, where);
    const parts = Object.entries(object).flatMap(([key, value]) => {
        const at = `${where}.${key}`;
        switch (key) {
            case 'tag':
                return [{ kind: 'tag', condition: parseValueCondition(value, at) }];
            case 'labels':
                return Object.entries(asObject(value, at)).map(([name, cond]) => ({
                    kind: 'label',
                    name,
                    condition: parseValueCondition(cond, `${at}.${name}`)
                }));
            case 'all':
            case 'any':
                if (!Array.isArray(value) || value.length === 0)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${at}: expected a non-empty list`);
                return [{ kind: key, of: value.map((v, n) => parseWhen(v, `${at}[${n}]`)) }];
            case 'not':
                return [{ kind: 'not', of: parseWhen(value, at) }];
            default:
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${at}: unknown condition; use tag, labels, all, any or not`);
        }
    });
    return conjunction(parts, (of) => ({ kind: 'all', of }));
}
/** True when the block looks at image labels, so the caller must fetch the image config. */
function needsLabels(when) {
    if (when.kind === 'label')
        return true;
    if (when.kind === 'tag')
        return false;
    if (when.kind === 'not')
        return needsLabels(when.of);
    return when.of.some(needsLabels);
}
const q = JSON.stringify;
/**
 * Evaluates a value condition. A missing value (an unset label) fails every
 * operator except `not-one-of`, and `not` inverts that as usual.
 */
function evaluateValue(cond, subject, value) {
    // `no` is a whole phrase ("does not end with \u2026") so both outcomes read as sentences.
    const leaf = (test, yes, no) => {
        if (value === undefined)
            return { matched: false, reasons: [`${subject} is not set, so it ${no}`] };
        const matched = test(value);
        return { matched, reasons: [`${subject} ${q(value)} ${matched ? yes : no}`] };
    };
    switch (cond.op) {
        case 'equals':
            return leaf((v) => v === cond.value, `equals ${q(cond.value)}`, `does not equal ${q(cond.value)}`);
        case 'starts-with': {
            const x = q(cond.value);
            return leaf((v) => v.startsWith(cond.value), `starts with ${x}`, `does not start with ${x}`);
        }
        case 'ends-with':
            return leaf((v) => v.endsWith(cond.value), `ends with ${q(cond.value)}`, `does not end with ${q(cond.value)}`);
        case 'contains':
            return leaf((v) => v.includes(cond.value), `contains ${q(cond.value)}`, `does not contain ${q(cond.value)}`);
        case 'one-of': {
            const list = cond.values.map((x) => q(x)).join(', ');
            return leaf((v) => cond.values.includes(v), `is one of ${list}`, `is not one of ${list}`);
        }
        case 'not-one-of': {
            const list = cond.values.map((x) => q(x)).join(', ');
            if (value === undefined)
                return { matched: true, reasons: [`${subject} is not set, so it is none of ${list}`] };
            const matched = !cond.values.includes(value);
            return {
                matched,
                reasons: [`${subject} ${q(value)} ${matched ? 'is none of' : 'is one of'} ${list}`]
            };
        }
        case 'matches':
            if (value === undefined) {
                return {
                    matched: false,
                    reasons: [`${subject} is not set, so it does not match ${cond.filter.patterns.join(',')}`]
                };
            }
            return {
                matched: cond.filter.matches(value),
                reasons: [`${subject} ${cond.filter.explain(value)}`]
            };
        case 'all':
        case 'any':
            return combine(cond.op, cond.of.map((c) => evaluateValue(c, subject, value)));
        case 'not':
            return invert(evaluateValue(cond.of, subject, value));
    }
}
function combine(op, results) {
    const matched = op === 'all' ? results.every((r) => r.matched) : results.some((r) => r.matched);
    return { matched, reasons: results.flatMap((r) => r.reasons) };
}
function invert(inner) {
    return {
        matched: !inner.matched,
        reasons: [...inner.reasons, `not: ${inner.matched ? 'matched, so no' : 'no match, so yes'}`]
    };
}
/**
 * Decides whether a candidate image satisfies a promotion's `when:` block.
 * `labels` are the image config labels; when the block needs labels and none
 * are given, every label counts as unset.
 */
function evaluateWhen(when, image) {
    switch (when.kind) {
        case 'tag':
            return evaluateValue(when.condition, 'tag', image.tag);
        case 'label':
            return evaluateValue(when.condition, `label ${when.name}`, image.labels?.[when.name]);
        case 'all':
        case 'any':
            return combine(when.kind, when.of.map((w) => evaluateWhen(w, image)));
        case 'not':
            return invert(evaluateWhen(when.of, image));
    }
}


/***/ }),

/***/ 5452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
  Z9: () => (/* binding */ loadConfig),
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: CONFIG_SCHEMA

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./schema/image-mirror.schema.json
const image_mirror_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"image-mirror configuration (.image-mirror.yml)","description":"Declarative configuration of image-mirror: the mirror registry, registry credentials, third-party images to mirror, repositories to sync on an interval, and promotion rules. Strings may use ${VAR} or ${VAR:-default} from the environment; $${ is a literal ${. Keys starting with x- are free for YAML anchors. Reference: docs/config.md.","type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use, typically YAML anchors (&name) reused with aliases (*name) or merge keys (<<: *name). Not validated, not interpolated."}},"required":["version"],"properties":{"version":{"description":"Version of this file format. Only 1 exists.","type":"integer","const":1},"mirror":{"description":"The mirror registry: where third-party images are mirrored to, and the default target of sync entries.","type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"required":["registry"],"properties":{"registry":{"$ref":"#/$defs/host","description":"Host (and port) of the mirror registry, without scheme: registry.example.com or localhost:5000."},"mode":{"description":"service: one repository per service (<repository>/<service>), each image entry names its service. cluster: one shared repository (<repository>/cluster) for every image.","type":"string","enum":["service","cluster"],"default":"service"},"repository":{"description":"Path prefix on the mirror registry for mirrored images and default sync targets. Default mirror; an empty string means no prefix.","type":"string","pattern":"^$|^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$","x-pattern-hint":"a repository path such as mirror or team/mirror (lower case, no leading or trailing /), or \\"\\"","default":"mirror"}}},"registries":{"description":"Credentials and TLS settings per registry host. Docker config.json (DOCKER_CONFIG or ~/.docker/config.json) is read as well; entries here win.","type":"array","items":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"required":["host"],"properties":{"host":{"$ref":"#/$defs/host","description":"Registry host (and port), without scheme."},"username":{"type":"string","minLength":1,"description":"User name for Basic auth and token exchanges. Use ${VAR} rather than writing it in the file."},"password":{"type":"string","minLength":1,"description":"Password or access token. Always use ${VAR}; the value never appears in messages or logs."},"insecure":{"type":"boolean","default":false,"description":"Talk plain HTTP to this registry (for local test registries only)."},"ca-file":{"type":"string","minLength":1,"description":"PEM file of extra CA certificates for this registry, relative to this file\'s directory."}}}},"images":{"description":"Third-party images to mirror to the mirror registry.","type":"array","items":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"required":["source"],"properties":{"source":{"$ref":"#/$defs/reference","description":"Image to mirror, with a tag and/or digest: docker.io/library/nginx:1.27 (nginx:1.27 works too)."},"service":{"description":"Service the image belongs to; required in service mode, where it names the repository <repository>/<service>.","type":"string","pattern":"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$","x-pattern-hint":"lower-case letters and digits, separated by single ., _, __ or - runs (a repository path component)"}}}},"sync":{"description":"Repositories whose matching tags are copied to a target on an interval.","type":"array","items":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"required":["source","tags"],"properties":{"name":{"$ref":"#/$defs/name","description":"Name of this entry in logs and sync state. Default: the source repository."},"source":{"$ref":"#/$defs/repository","description":"Repository to copy from, without tag: quay.io/prometheus/prometheus."},"target":{"$ref":"#/$defs/repository","description":"Repository to copy to. Default: <mirror.registry>/<mirror.repository>/<source host>/<source path>."},"tags":{"description":"fnmatch patterns (Python fnmatchcase: *, ?, [seq], [!seq]); a leading ! excludes. A list, or one comma-separated string. A tag is copied when it matches an include and no exclude; with only excludes, every other tag.","type":["string","array"],"items":{"type":"string"},"minItems":1,"x-check":"tag-patterns","examples":[["v2.5*","!*-rc*"],"v2.5*,!*-rc*"]},"platforms":{"description":"Copy only these platforms of multi-platform images (os/arch or os/arch/variant). Default: all.","type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","pattern":"^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$","x-pattern-hint":"os/arch or os/arch/variant, such as linux/amd64 or linux/arm64/v8"}},"interval":{"$ref":"#/$defs/duration","description":"Minimum time between two syncs of this entry (24h, 30m, 1h30m, 7d, 90s). Default: every run."},"delete-unmatched":{"type":"boolean","default":false,"description":"Delete target tags that no longer exist upstream or no longer match tags."},"rollback":{"type":"boolean","default":false,"description":"When a run fails part way, put the target tags it changed back as they were."}}}},"promotions":{"description":"Rules that copy images from one repository to others when their tag and labels meet conditions.","type":"array","items":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"required":["name","from","to"],"properties":{"name":{"$ref":"#/$defs/name","description":"Unique name of the rule, used in logs, PR checks and --only."},"from":{"$ref":"#/$defs/repository","description":"Repository the candidate images live in, without tag."},"when":{"$ref":"#/$defs/when","description":"Conditions on the tag and image labels. Default: every tag."},"to":{"description":"Destinations; each gets the image under its own tag.","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"required":["repository"],"properties":{"repository":{"$ref":"#/$defs/repository","description":"Destination repository, without tag."},"tag":{"description":"Destination tag template: {tag} {digest} {short_digest} {sha} {short_sha} {branch} {timestamp} {date:FORMAT}. Quote it in YAML. Default: \\"{tag}\\".","type":"string","minLength":1,"x-check":"tag-template","default":"{tag}","examples":["{tag}","{tag}-{short_sha}","release-{date:YYYYMMDD}"]}}}},"overwrite":{"type":"boolean","default":false,"description":"Replace a destination tag that points at a different image. Default: leave it and report it."},"referrers":{"type":"boolean","default":true,"description":"Also copy the image\'s referrers (signatures, SBOMs, attestations)."}}}},"notifications":{"description":"Where to report results.","type":"object","additionalProperties":false,"patternProperties":{"^x-":{"description":"Free for your own use."}},"properties":{"webhook":{"description":"URL that receives a JSON POST with a Slack-compatible text field. Treated as a secret; use ${VAR}.","type":"string","pattern":"^https?://[^\\\\s/]+","x-pattern-hint":"an http:// or https:// URL"}}}},"$defs":{"host":{"type":"string","pattern":"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\\\[[0-9A-Fa-f:.]+\\\\])(?::[0-9]{1,5})?$","x-pattern-hint":"a registry host such as registry.example.com or localhost:5000, without scheme or path"},"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$","x-pattern-hint":"letters, digits, ., _ and - (at most 63, starting with a letter or digit)"},"repository":{"type":"string","minLength":1,"x-check":"repository"},"reference":{"type":"string","minLength":1,"x-check":"reference"},"duration":{"type":"string","x-check":"duration"},"strings":{"type":"array","minItems":1,"items":{"type":"string"}},"valueCondition":{"description":"Conditions on one string value. Several keys in one block must all hold.","type":"object","additionalProperties":false,"minProperties":1,"properties":{"equals":{"type":"string","description":"The value is exactly this."},"starts-with":{"type":"string","description":"The value starts with this."},"ends-with":{"type":"string","description":"The value ends with this."},"contains":{"type":"string","description":"The value contains this."},"one-of":{"$ref":"#/$defs/strings","description":"The value is one of these."},"not-one-of":{"$ref":"#/$defs/strings","description":"The value is none of these; an unset label counts as none of them."},"matches":{"description":"fnmatch patterns, the same as sync tags (! excludes).","type":["string","array"],"items":{"type":"string"},"minItems":1,"x-check":"tag-patterns"},"all":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/valueCondition"},"description":"Every condition holds."},"any":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/valueCondition"},"description":"At least one condition holds."},"not":{"$ref":"#/$defs/valueCondition","description":"The condition does not hold."}}},"when":{"description":"Conditions on a candidate image. Several keys in one block must all hold.","type":"object","additionalProperties":false,"minProperties":1,"properties":{"tag":{"$ref":"#/$defs/valueCondition","description":"Conditions on the source tag."},"labels":{"description":"Conditions on image config labels, by label name. An unset label fails every operator except not-one-of.","type":"object","minProperties":1,"additionalProperties":{"$ref":"#/$defs/valueCondition"}},"all":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/when"},"description":"Every block holds."},"any":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/when"},"description":"At least one block holds."},"not":{"$ref":"#/$defs/when","description":"The block does not hold."}}}}}');
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/engine/duration.ts
var duration = __webpack_require__(4964);
// EXTERNAL MODULE: ./src/engine/tag-patterns.ts
var tag_patterns = __webpack_require__(5920);
// EXTERNAL MODULE: ./src/engine/tag-template.ts
var tag_template = __webpack_require__(3629);
;// CONCATENATED MODULE: ./src/engine/config/checks.ts





function checks_text(node) {
    return node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}
/** What is wrong, without repeating the input (the message adds it as `got`). */
function reason(error) {
    return error instanceof reference/* InvalidReferenceError */.x_ ? error.reason : (0,errors/* errorMessage */.g)(error);
}
/** True when the last path component carries a tag or the text a digest. */
function hasTagOrDigest(value) {
    return value.includes('@') || (value.split('/').at(-1) ?? '').includes(':');
}
/**
 * The semantic checks named by `x-check` in the schema. Each runs after the
 * structural checks passed, so it may rely on the node's type.
 */
const CHECKS = {
    reference(node) {
        const value = checks_text(node);
        if (value === undefined)
            return undefined;
        try {
            const ref = (0,reference/* parseReference */.F2)(value);
            if (ref.repository === '')
                return 'is not an image reference';
            return undefined;
        }
        catch (error) {
            return `is not an image reference: ${reason(error)}`;
        }
    },
    repository(node) {
        const value = checks_text(node);
        if (value === undefined)
            return undefined;
        if (hasTagOrDigest(value))
            return 'must be a repository without tag or digest';
        try {
            (0,reference/* parseRepository */.SU)(value);
            return undefined;
        }
        catch (error) {
            return `is not a repository: ${reason(error)}`;
        }
    },
    duration(node) {
        const value = checks_text(node);
        return value === undefined ? undefined : (0,duration/* durationProblem */.YV)(value);
    },
    'tag-template'(node) {
        const value = checks_text(node);
        return value === undefined ? undefined : (0,tag_template/* tagTemplateProblem */.cL)(value);
    },
    'tag-patterns'(node) {
        if (node.kind === 'seq') {
            const list = node.items.map(checks_text);
            if (list.some((p) => p === undefined))
                return undefined;
            return (0,tag_patterns/* tagPatternsProblem */.hj)(list);
        }
        const value = checks_text(node);
        return value === undefined ? undefined : (0,tag_patterns/* tagPatternsProblem */.hj)(value);
    }
};

;// CONCATENATED MODULE: ./src/engine/config/errors.ts

/**
 * A problem in `.image-mirror.yml`, always one line:
 * `<file>:<line>:<col>: <path.to.key>: <what is wrong> (got <value>)`.
 */
class ConfigError extends errors/* UserError */.y {
    name = 'ConfigError';
    file;
    line;
    col;
    path;
    constructor(file, pos, path, problem, got) {
        const where = path === '' ? '' : `${path}: `;
        super(`${file}:${pos.line}:${pos.col}: ${where}${problem}${got === undefined ? '' : ` (${got})`}`);
        this.file = file;
        this.line = pos.line;
        this.col = pos.col;
        this.path = path;
    }
}
const MAX_SHOWN = 60;
/**
 * The `got \u2026` part of a message. Values under keys that hold secrets are
 * never shown; interpolated values say which variable they came from.
 */
function shown(node) {
    const from = node.vars.length === 0 ? '' : ` from ${node.vars.map((v) => `\${${v}}`).join(', ')}`;
    if (node.secret)
        return node.vars.length === 0 ? 'value hidden' : `value${from} hidden`;
    if (node.kind === 'map')
        return node.entries.length === 0 ? 'got {}' : 'got a mapping';
    if (node.kind === 'seq')
        return node.items.length === 0 ? 'got []' : 'got a list';
    const { value } = node;
    if (typeof value !== 'string')
        return `got ${String(value)}${from}`;
    const text = JSON.stringify(value);
    const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 4)}\u2026"` : text;
    return `got ${cut}${from}`;
}
/** A ConfigError about a node's value, with its `got` part. */
function valueError(file, node, problem) {
    return new ConfigError(file, node.pos, node.path, problem, shown(node));
}

;// CONCATENATED MODULE: ./src/engine/config/interpolate.ts
/** An interpolation problem; the config loader adds the file position and key path. */
class InterpolationError extends Error {
    name = 'InterpolationError';
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Expands environment variables in a config string:
 * - `${NAME}` is the value of NAME; an unset NAME is an error (an empty one is "").
 * - `${NAME:-default}` is the value of NAME, or `default` when NAME is unset or
 *   empty (the shell rule); the default is literal text up to the next `}`.
 * - `$${` is a literal `${`; a `$` anywhere else is literal.
 * There is no nesting and no other shell syntax, so `${A:-${B}}` is an error.
 */
function interpolate(text, env) {
    const vars = [];
    let value = '';
    let rest = text;
    for (;;) {
        const at = rest.indexOf('${');
        if (at < 0)
            break;
        if (at > 0 && rest[at - 1] === '$') {
            value += rest.slice(0, at - 1) + '${';
            rest = rest.slice(at + 2);
            continue;
        }
        value += rest.slice(0, at);
        const close = rest.indexOf('}', at);
        if (close < 0) {
            throw new InterpolationError(`"\${" is never closed; write $\${ for a literal "\${"`);
        }
        const body = rest.slice(at + 2, close);
        const sep = body.indexOf(':-');
        const name = sep < 0 ? body : body.slice(0, sep);
        if (!NAME.test(name)) {
            throw new InterpolationError(`"\${${body}}" is not a variable reference; ` +
                'use ${NAME} or ${NAME:-default}, or $${ for a literal');
        }
        const fallback = sep < 0 ? undefined : body.slice(sep + 2);
        if (fallback?.includes('${')) {
            throw new InterpolationError(`the default of \${${name}} cannot contain another \${...}`);
        }
        const found = env[name];
        vars.push(name);
        if (fallback !== undefined && (found === undefined || found === '')) {
            value += fallback;
        }
        else if (found === undefined) {
            throw new InterpolationError(`environment variable ${name} is not set`);
        }
        else {
            value += found;
        }
        rest = rest.slice(close + 1);
    }
    return { value: value + rest, vars };
}

;// CONCATENATED MODULE: ./src/engine/config/nodes.ts



const SECRET_KEY = /password|token|secret|webhook/i;
// A config has hundreds of values; this bounds alias expansion ("billion laughs").
const MAX_NODES = 10_000;
/** Path of a child: `a.b`, `a[0]`, or `a["org.opencontainers.image.licenses"]` for dotted keys. */
function childPath(parent, key) {
    if (typeof key === 'number')
        return `${parent}[${key}]`;
    if (!/^[A-Za-z0-9_-]+$/.test(key))
        return `${parent}[${JSON.stringify(key)}]`;
    return parent === '' ? key : `${parent}.${key}`;
}
/**
 * Converts the parsed YAML document into ConfigNodes: resolves aliases and
 * `<<` merge keys (explicit keys win, then earlier merge sources), and
 * interpolates `${VAR}` in string scalars except under `x-` keys, which are
 * free for YAML anchors and are neither interpolated nor validated.
 */
function buildNodes(doc, lines, file, env) {
    const ctx = { doc, lines, file, env, count: 0 };
    const root = doc.contents;
    if (root === null)
        return {
            kind: 'scalar',
            value: null,
            pos: { line: 1, col: 1 },
            path: '',
            secret: false,
            vars: []
        };
    return build(ctx, root, '', false, false);
}
function position(ctx, node) {
    const { line, col } = ctx.lines.linePos(node.range?.[0] ?? 0);
    return { line, col };
}
function build(ctx, node, path, secret, raw) {
    if (++ctx.count > MAX_NODES) {
        throw new ConfigError(ctx.file, position(ctx, node), path, `more than ${MAX_NODES} values after expanding aliases`);
    }
    const pos = position(ctx, node);
    if ((0,dist/* isAlias */.Vj)(node)) {
        const target = node.resolve(ctx.doc);
        if (target === undefined)
            throw new ConfigError(ctx.file, pos, path, `unknown alias *${node.source}`);
        return { ...build(ctx, target, path, secret, raw), pos };
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        const value = node.value;
        if (typeof value === 'string' && !raw) {
            try {
                const result = interpolate(value, ctx.env);
                return { kind: 'scalar', value: result.value, pos, path, secret, vars: result.vars };
            }
            catch (error) {
                if (error instanceof InterpolationError)
                    throw new ConfigError(ctx.file, pos, path, error.message);
                throw error;
            }
        }
        if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
            return { kind: 'scalar', value: value, pos, path, secret, vars: [] };
        }
        throw new ConfigError(ctx.file, pos, path, `unsupported YAML value of type ${typeof value}`);
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const items = node.items.map((item, n) => build(ctx, item, childPath(path, n), secret, raw));
        return { kind: 'seq', items, pos, path, secret, vars: [] };
    }
    if ((0,dist/* isMap */.jh)(node))
        return buildMap(ctx, node, pos, path, secret, raw);
    throw new ConfigError(ctx.file, pos, path, 'unsupported YAML node');
}
function buildMap(ctx, node, pos, path, secret, raw) {
    const entries = [];
    const merges = [];
    for (const pair of node.items) {
        const key = pair.key;
        if ((0,dist/* isScalar */.jn)(key) && typeof key.value === 'symbol') {
            merges.push(mergeSources(ctx, pair.value, path, secret, raw));
            continue;
        }
        const keyPos = key === null ? pos : position(ctx, key);
        if (!(0,dist/* isScalar */.jn)(key) || typeof key.value !== 'string') {
            throw new ConfigError(ctx.file, keyPos, path, 'keys must be plain strings');
        }
        const name = key.value;
        const childRaw = raw || name.startsWith('x-');
        const childSecret = secret || SECRET_KEY.test(name);
        const childAt = childPath(path, name);
        const child = pair.value === null
            ? { kind: 'scalar', value: null, pos: keyPos, path: childAt, secret: childSecret, vars: [] }
            : build(ctx, pair.value, childAt, childSecret, childRaw);
        entries.push({ key: name, keyPos, node: child });
    }
    for (const source of merges) {
        for (const entry of source) {
            if (!entries.some((e) => e.key === entry.key))
                entries.push(entry);
        }
    }
    return { kind: 'map', entries, pos, path, secret, vars: [] };
}
/** The entries a `<<` merge key brings in (one mapping or a list of them), built at this path. */
function mergeSources(ctx, value, path, secret, raw) {
    const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [value];
    const merged = [];
    for (const source of sources) {
        const built = build(ctx, source, path, secret, raw);
        if (built.kind !== 'map') {
            throw new ConfigError(ctx.file, built.pos, path, 'a << merge key needs a mapping or a list of mappings');
        }
        for (const entry of built.entries) {
            if (!merged.some((e) => e.key === entry.key))
                merged.push(entry);
        }
    }
    return merged;
}

;// CONCATENATED MODULE: ./src/engine/config/schema.ts

/** Keywords the validator applies; annotations are ignored, anything else is a schema bug. */
const VALIDATION_KEYWORDS = (/* unused pure expression or super */ null && ([
    '$ref',
    'type',
    'properties',
    'patternProperties',
    'additionalProperties',
    'required',
    'minProperties',
    'items',
    'minItems',
    'uniqueItems',
    'enum',
    'const',
    'pattern',
    'minLength',
    'x-check',
    'x-pattern-hint'
]));
const ANNOTATION_KEYWORDS = (/* unused pure expression or super */ null && ([
    '$schema',
    '$id',
    '$defs',
    '$comment',
    'title',
    'description',
    'markdownDescription',
    'default',
    'examples'
]));
const TYPE_WORDS = {
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    null: 'empty'
};
function typeOf(node) {
    if (node.kind === 'map')
        return 'object';
    if (node.kind === 'seq')
        return 'array';
    const { value } = node;
    if (value === null)
        return 'null';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value;
}
function resolve(schema, ctx) {
    if (schema.$ref === undefined)
        return schema;
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = ctx.root.$defs?.[name];
    if (target === undefined)
        throw new Error(`schema: unresolved $ref ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return { ...resolve(target, ctx), ...rest };
}
/** Validates a node against a schema, throwing a ConfigError at the first problem in file order. */
function validateNode(node, schemaIn, ctx) {
    const schema = resolve(schemaIn, ctx);
    const actual = typeOf(node);
    if (schema.type !== undefined) {
        const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
        const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
        if (!ok) {
            const words = allowed.map((t) => TYPE_WORDS[t]).join(' or ');
            throw valueError(ctx.file, node, `expected ${words}${typeHint(node, allowed)}`);
        }
    }
    if (node.kind === 'scalar')
        validateScalar(node, schema, ctx);
    if (node.kind === 'seq') {
        if (schema.minItems !== undefined && node.items.length < schema.minItems) {
            throw valueError(ctx.file, node, schema.minItems === 1 ? 'must not be empty' : `needs at least ${schema.minItems} items`);
        }
        const seen = new Map();
        node.items.forEach((item, n) => {
            if (schema.items !== undefined)
                validateNode(item, schema.items, ctx);
            if (schema.uniqueItems === true && item.kind === 'scalar') {
                const first = seen.get(item.value);
                if (first !== undefined)
                    throw valueError(ctx.file, item, `repeats item ${first + 1} of the list`);
                seen.set(item.value, n);
            }
        });
    }
    if (node.kind === 'map')
        validateMap(node, schema, ctx);
    const check = schema['x-check'];
    if (check !== undefined) {
        const run = ctx.checks[check];
        if (run === undefined)
            throw new Error(`schema: unknown x-check ${check}`);
        const problem = run(node);
        if (problem !== undefined)
            throw valueError(ctx.file, node, problem);
    }
}
/** A hint for the two classic YAML surprises: unquoted numbers and unquoted `{tag}` templates. */
function typeHint(node, allowed) {
    if (!allowed.includes('string'))
        return '';
    if (node.kind === 'scalar' && ['number', 'boolean'].includes(typeof node.value))
        return '; put the value in quotes';
    const braces = node.kind === 'map' &&
        node.entries.every((e) => e.node.kind === 'scalar' && e.node.value === null);
    return braces ? '; put templates in quotes ("{tag}"), YAML reads {tag} as a mapping' : '';
}
function validateScalar(node, schema, ctx) {
    const { value } = node;
    if (schema.const !== undefined && value !== schema.const) {
        throw valueError(ctx.file, node, `must be ${JSON.stringify(schema.const)}`);
    }
    if (schema.enum !== undefined && !schema.enum.includes(value)) {
        throw valueError(ctx.file, node, `must be one of ${schema.enum.join(', ')}`);
    }
    if (typeof value !== 'string')
        return;
    if (schema.minLength !== undefined && value.length < schema.minLength) {
        throw valueError(ctx.file, node, 'must not be empty');
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
        const hint = schema['x-pattern-hint'];
        throw valueError(ctx.file, node, hint === undefined ? `must match ${schema.pattern}` : `must be ${hint}`);
    }
}
function validateMap(node, schema, ctx) {
    for (const entry of node.entries) {
        const child = propertySchema(schema, entry.key);
        if (child === undefined) {
            const known = Object.keys(schema.properties ?? {});
            const guess = closest(entry.key, known);
            const hint = guess === undefined ? `; known keys: ${known.join(', ')}` : ` (did you mean ${guess}?)`;
            throw new ConfigError(ctx.file, entry.keyPos, entry.node.path, `unknown key${hint}`);
        }
        validateNode(entry.node, child, ctx);
    }
    if (schema.minProperties !== undefined && node.entries.length < schema.minProperties) {
        throw valueError(ctx.file, node, 'must not be empty');
    }
    for (const key of schema.required ?? []) {
        if (!node.entries.some((e) => e.key === key)) {
            const path = node.path === '' ? key : `${node.path}.${key}`;
            throw new ConfigError(ctx.file, node.pos, path, 'required key is missing');
        }
    }
}
function propertySchema(schema, key) {
    const named = schema.properties?.[key];
    if (named !== undefined)
        return named;
    for (const [pattern, child] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern, 'u').test(key))
            return child;
    }
    if (schema.additionalProperties === false)
        return undefined;
    if (typeof schema.additionalProperties === 'object')
        return schema.additionalProperties;
    return {};
}
/** The known key within edit distance 2 of a misspelt one, if exactly one is that close. */
function closest(key, known) {
    const near = known.filter((k) => distance(key, k) <= 2);
    return near.length === 1 ? near[0] : undefined;
}
function distance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, n) => n);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost));
        }
        row = next;
    }
    return row[b.length];
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/engine/conditions.ts
var conditions = __webpack_require__(3678);
// EXTERNAL MODULE: ./src/engine/mirror-names.ts
var mirror_names = __webpack_require__(9054);
;// CONCATENATED MODULE: ./src/engine/config/validate.ts









// Runs after the schema validation, so types, enums and patterns hold here;
// what is left are defaults and the rules that involve more than one key.
function get(map, key) {
    return map.entries.find((e) => e.key === key)?.node;
}
function str(map, key) {
    const node = get(map, key);
    return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}
function bool(map, key, fallback) {
    const node = get(map, key);
    return node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : fallback;
}
function maps(map, key) {
    const node = get(map, key);
    return node?.kind === 'seq' ? node.items : [];
}
/** The node as plain data, for the condition compiler. */
function plain(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(plain);
    return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.node)]));
}
function repository(text) {
    const { registry, repository } = (0,reference/* parseRepository */.SU)(text);
    return { registry, repository };
}
function sameRepository(a, b) {
    return ((0,mirror_names/* canonicalRegistry */.i7)(a.registry) === (0,mirror_names/* canonicalRegistry */.i7)(b.registry) && a.repository === b.repository);
}
/** Turns a schema-valid document into the typed Config, or throws a ConfigError. */
function toConfig(root, file) {
    const mirror = mirrorSettings(root);
    return {
        file,
        version: 1,
        ...(mirror === undefined ? {} : { mirror }),
        registries: registries(root, file),
        images: validate_images(root, mirror, file),
        sync: syncRules(root, mirror, file),
        promotions: promotions(root, file),
        notifications: webhookOf(root)
    };
}
function webhookOf(root) {
    const node = get(root, 'notifications');
    const webhook = node?.kind === 'map' ? str(node, 'webhook') : undefined;
    return webhook === undefined ? {} : { webhook };
}
function mirrorSettings(root) {
    const node = get(root, 'mirror');
    if (node?.kind !== 'map')
        return undefined;
    return {
        registry: str(node, 'registry'),
        mode: (str(node, 'mode') ?? 'service'),
        repository: str(node, 'repository') ?? mirror_names/* DEFAULT_MIRROR_PREFIX */.xA
    };
}
function registries(root, file) {
    const seen = new Map();
    return maps(root, 'registries').map((entry) => {
        const host = str(entry, 'host');
        const hostNode = get(entry, 'host');
        const first = seen.get((0,mirror_names/* canonicalRegistry */.i7)(host));
        if (first !== undefined)
            throw valueError(file, hostNode, `repeats the host of ${first}`);
        seen.set((0,mirror_names/* canonicalRegistry */.i7)(host), entry.path);
        const username = str(entry, 'username');
        const password = str(entry, 'password');
        if ((username === undefined) !== (password === undefined)) {
            const missing = username === undefined ? 'username' : 'password';
            throw new ConfigError(file, entry.pos, `${entry.path}.${missing}`, 'username and password go together; this one is missing');
        }
        const caFile = str(entry, 'ca-file');
        return {
            host,
            ...(username === undefined ? {} : { username }),
            ...(password === undefined ? {} : { password }),
            insecure: bool(entry, 'insecure', false),
            ...(caFile === undefined ? {} : { caFile: (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), caFile) })
        };
    });
}
function validate_images(root, mirror, file) {
    const list = maps(root, 'images');
    const imagesNode = get(root, 'images');
    if (list.length > 0 && mirror === undefined) {
        throw new ConfigError(file, imagesNode.pos, 'images', 'needs a mirror: section naming the mirror registry');
    }
    return list.map((entry) => {
        const text = str(entry, 'source');
        const service = str(entry, 'service');
        if (mirror?.mode === 'service' && service === undefined) {
            throw new ConfigError(file, entry.pos, `${entry.path}.service`, 'required key is missing in service mode (mirror.mode)');
        }
        if (mirror?.mode === 'cluster' && service !== undefined) {
            throw valueError(file, get(entry, 'service'), 'is only used in service mode; remove it or set mirror.mode: service');
        }
        return { source: (0,reference/* parseReference */.F2)(text), text, ...(service === undefined ? {} : { service }) };
    });
}
function syncRules(root, mirror, file) {
    const names = new Map();
    return maps(root, 'sync').map((entry) => {
        const source = repository(str(entry, 'source'));
        const targetText = str(entry, 'target');
        if (targetText === undefined && mirror === undefined) {
            throw new ConfigError(file, entry.pos, `${entry.path}.target`, 'required key is missing (there is no mirror: section to default to)');
        }
        const target = targetText === undefined
            ? defaultSyncTarget(source, mirror)
            : repository(targetText);
        const name = str(entry, 'name') ?? `${source.registry}/${source.repository}`;
        const nameNode = get(entry, 'name') ?? get(entry, 'source');
        const first = names.get(name);
        if (first !== undefined) {
            const hint = get(entry, 'name') === undefined ? '; give the entries different name: keys' : '';
            throw valueError(file, nameNode, `duplicate sync name, also used by ${first}${hint}`);
        }
        names.set(name, entry.path);
        if (sameRepository(source, target)) {
            throw valueError(file, get(entry, 'target') ?? entry, 'is the same repository as the source');
        }
        const tagsNode = get(entry, 'tags');
        const platforms = get(entry, 'platforms');
        const interval = str(entry, 'interval');
        return {
            name,
            source,
            target,
            tags: (0,tag_patterns/* compileTagPatterns */.Rk)(plain(tagsNode)),
            ...(platforms === undefined ? {} : { platforms: plain(platforms) }),
            ...(interval === undefined ? {} : { intervalMs: (0,duration/* parseDuration */.E9)(interval) }),
            deleteUnmatched: bool(entry, 'delete-unmatched', false),
            rollback: bool(entry, 'rollback', false)
        };
    });
}
/** `<mirror registry>/<prefix>/<source host>/<source path>`: no two sources share a target. */
function defaultSyncTarget(source, mirror) {
    const path = `${(0,mirror_names/* canonicalRegistry */.i7)(source.registry)}/${source.repository}`;
    return {
        registry: mirror.registry,
        repository: mirror.repository === '' ? path : `${mirror.repository}/${path}`
    };
}
function promotions(root, file) {
    const names = new Map();
    return maps(root, 'promotions').map((entry) => {
        const name = str(entry, 'name');
        const first = names.get(name);
        if (first !== undefined) {
            throw valueError(file, get(entry, 'name'), `duplicate promotion name, also used by ${first}`);
        }
        names.set(name, entry.path);
        const from = repository(str(entry, 'from'));
        const whenNode = get(entry, 'when');
        let when;
        try {
            when = whenNode === undefined ? undefined : (0,conditions/* parseWhen */.Oc)(plain(whenNode), whenNode.path);
        }
        catch (error) {
            throw new ConfigError(file, whenNode.pos, '', (0,errors/* errorMessage */.g)(error));
        }
        const to = maps(entry, 'to').map((dest) => {
            const tag = str(dest, 'tag') ?? '{tag}';
            const repo = repository(str(dest, 'repository'));
            if (sameRepository(repo, from) && tag === '{tag}') {
                throw valueError(file, get(dest, 'repository'), 'with tag "{tag}" copies every image onto itself');
            }
            return { repository: repo, tag, placeholders: (0,tag_template/* validateTagTemplate */.zw)(tag) };
        });
        return {
            name,
            from,
            ...(when === undefined ? {} : { when }),
            to,
            overwrite: bool(entry, 'overwrite', false),
            referrers: bool(entry, 'referrers', true)
        };
    });
}

;// CONCATENATED MODULE: ./src/engine/config/load.ts









/** The JSON Schema of the file, the single source of the keys the loader accepts. */
const CONFIG_SCHEMA = image_mirror_schema_namespaceObject;
// The library's words where they speak of its API rather than of the file.
const SYNTAX_WORDS = {
    DUPLICATE_KEY: 'a key appears twice in the same mapping',
    MULTIPLE_DOCS: 'the file holds more than one YAML document (---); keep one'
};
/** The file name image-mirror looks for when none is given. */
const DEFAULT_CONFIG_FILE = '.image-mirror.yml';
/**
 * Parses and validates the text of an `.image-mirror.yml`. `file` is used in
 * messages and to resolve relative paths; `env` feeds `${VAR}` interpolation.
 * Throws a ConfigError (`file:line:col: path: problem (got value)`) at the
 * first problem, never showing values of secret keys.
 */
function parseConfig(text, file, env) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter: lines,
        merge: true,
        prettyErrors: false,
        uniqueKeys: true
    });
    const syntax = doc.errors[0];
    if (syntax !== undefined) {
        const { line, col } = lines.linePos(syntax.pos[0]);
        const first = syntax.message.split('\n')[0];
        const what = SYNTAX_WORDS[syntax.code] ?? first;
        throw new ConfigError(file, { line, col }, '', `YAML: ${what}`);
    }
    const root = buildNodes(doc, lines, file, env);
    if (root.kind === 'scalar' && root.value === null) {
        throw new ConfigError(file, root.pos, '', 'the file is empty; it needs at least "version: 1"');
    }
    const ctx = { file, root: CONFIG_SCHEMA, checks: CHECKS };
    validateNode(root, CONFIG_SCHEMA, ctx);
    return toConfig(root, file);
}
/** Reads and parses a config file; a missing or unreadable file is a UserError naming it. */
async function loadConfig(path, env) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
        throw new errors/* UserError */.y(`config file ${path}: cannot read it (${why})`, { cause: error });
    }
    return parseConfig(text, path, env);
}


/***/ }),

/***/ 4964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   YV: () => (/* binding */ durationProblem),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const UNIT_MS = {
    w: 7 * 24 * 3600_000,
    d: 24 * 3600_000,
    h: 3600_000,
    m: 60_000,
    s: 1000
};
const UNIT_ORDER = ['w', 'd', 'h', 'm', 's'];
const PART = /(\d+)([a-zA-Z]*)/y;
/**
 * Explains what is wrong with a duration such as `24h`, `1h30m`, `7d` or
 * `90s`, or returns undefined when it is valid. Units are w, d, h, m and s,
 * whole numbers only, each unit at most once and from largest to smallest
 * (so `1h30m`, not `30m1h`), and the total must be longer than zero.
 */
function durationProblem(text) {
    if (text.trim() === '')
        return 'is empty; write a duration such as 24h, 30m or 1h30m';
    if (!/^\d/.test(text))
        return 'is not a duration such as 24h, 30m or 1h30m';
    if (/\d[.,]\d/.test(text))
        return 'has a fraction; use whole numbers of smaller units, like 1h30m';
    if (/^\d+$/.test(text))
        return 'has no unit; add one of w, d, h, m, s (for example 90s)';
    PART.lastIndex = 0;
    let last = -1;
    let total = 0;
    while (PART.lastIndex < text.length) {
        const at = PART.lastIndex;
        const match = PART.exec(text);
        if (match === null || match[0] === '') {
            return `has an unexpected "${text[at]}" at position ${at + 1}; write a duration such as 1h30m`;
        }
        const [, digits, unit] = match;
        if (unit === '')
            return `has no unit after ${digits}; add one of w, d, h, m, s`;
        const rank = UNIT_ORDER.indexOf(unit);
        if (rank < 0)
            return `has an unknown unit "${unit}"; use w, d, h, m or s`;
        if (rank <= last)
            return 'lists units out of order or twice; write them largest first, like 1h30m';
        last = rank;
        total += Number(digits) * UNIT_MS[unit];
    }
    if (total === 0)
        return 'must be longer than zero';
    if (!Number.isSafeInteger(total))
        return 'is too long';
    return undefined;
}
/**
 * Parses a duration (`24h`, `30m`, `1h30m`, `7d`, `90s`, `2w`) to
 * milliseconds; throws a UserError naming the text and the problem.
 */
function parseDuration(text) {
    const problem = durationProblem(text);
    if (problem !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`duration "${text}" ${problem}`);
    let total = 0;
    for (const [, digits, unit] of text.matchAll(/(\d+)([a-z])/g)) {
        total += Number(digits) * UNIT_MS[unit];
    }
    return total;
}
/** Formats milliseconds as the shortest duration text parseDuration reads back (`1h30m`). */
function formatDuration(ms) {
    let rest = Math.floor(ms / 1000);
    let out = '';
    for (const unit of UNIT_ORDER) {
        const size = UNIT_MS[unit] / 1000;
        const count = Math.floor(rest / size);
        if (count > 0)
            out += `${count}${unit}`;
        rest -= count * size;
    }
    return out === '' ? '0s' : out;
}


/***/ }),

/***/ 9054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eu: () => (/* binding */ isOnMirrorRegistry),
/* harmony export */   hZ: () => (/* binding */ mirrorTarget),
/* harmony export */   i7: () => (/* binding */ canonicalRegistry),
/* harmony export */   xA: () => (/* binding */ DEFAULT_MIRROR_PREFIX)
/* harmony export */ });
/* unused harmony exports CLUSTER_REPOSITORY, MIRROR_HASH_LENGTH, canonicalSource, serviceNameProblem, mirrorTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _tag_template_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3629);



/** Default path prefix for mirrored third-party images. */
const DEFAULT_MIRROR_PREFIX = 'mirror';
/** Repository name under the prefix in cluster mode. */
const CLUSTER_REPOSITORY = 'cluster';
/** Hex characters of the source hash at the end of every mirror tag. */
const MIRROR_HASH_LENGTH = 12;
// One path component of a repository name (distribution/reference grammar).
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOCKER_HUB_ALIASES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com'
]);
/** Registry host in a comparable form: lower case, Docker Hub aliases folded to docker.io. */
function canonicalRegistry(host) {
    const lower = host.toLowerCase();
    return DOCKER_HUB_ALIASES.has(lower) ? 'docker.io' : lower;
}
/** True when the image is already on the mirror registry: mirroring would copy it onto itself. */
function isOnMirrorRegistry(source, mirrorRegistry) {
    return canonicalRegistry(source.registry) === canonicalRegistry(mirrorRegistry);
}
/** The full source reference the mirror tag's hash covers; no tag and no digest mean `latest`. */
function canonicalSource(source) {
    const tag = source.tag ?? (source.digest === undefined ? 'latest' : undefined);
    return (`${canonicalRegistry(source.registry)}/${source.repository}` +
        (tag === undefined ? '' : `:${tag}`) +
        (source.digest === undefined ? '' : `@${source.digest}`));
}
/** Explains what is wrong with a service name (a repository path component), or undefined. */
function serviceNameProblem(service) {
    if (service.length > 128)
        return 'is longer than 128 characters';
    if (!COMPONENT.test(service)) {
        return 'must be lower-case letters and digits, separated by single ".", "_", "__" or "-" runs';
    }
    return undefined;
}
/**
 * Where a third-party image is mirrored. Service mode: one repository per
 * service, `<prefix>/<service>`; cluster mode: one shared repository,
 * `<prefix>/cluster`. The tag is a readable form of the source
 * (`<path with / as .>.<tag>`, `library/` dropped for Docker Hub, a digest as
 * `sha256-<12 hex>`) cut to fit, then `-` and the first 12 hex of the SHA-256 of
 * the full source reference. The hash is always there, so two different
 * sources (`a/b:c`, `a-b:c`, `a.b:c`, the same path on two registries, the same
 * tag pinned to two digests) never share a target tag.
 */
function mirrorTarget(source, opts) {
    const prefix = (opts.prefix ?? DEFAULT_MIRROR_PREFIX).replace(/^\/+|\/+$/g, '');
    let leaf;
    if (opts.mode === 'service') {
        if (opts.service === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`mirror of ${canonicalSource(source)}: service mode needs a service name`);
        }
        const problem = serviceNameProblem(opts.service);
        if (problem !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`service name "${opts.service}" ${problem}`);
        leaf = opts.service;
    }
    else {
        leaf = CLUSTER_REPOSITORY;
    }
    return {
        registry: opts.mirrorRegistry,
        repository: prefix === '' ? leaf : `${prefix}/${leaf}`,
        tag: mirrorTag(source)
    };
}
/** The mirror tag of a source image; see mirrorTarget. */
function mirrorTag(source) {
    const full = canonicalSource(source);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(full, 'utf8').digest('hex').slice(0, MIRROR_HASH_LENGTH);
    const path = canonicalRegistry(source.registry) === 'docker.io'
        ? source.repository.replace(/^library\//, '')
        : source.repository;
    const version = source.tag ??
        (source.digest === undefined
            ? 'latest'
            : source.digest.replace(':', '-').slice(0, 'sha256-'.length + 12));
    const readable = `${path}.${version}`
        .replaceAll('/', '.')
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '');
    const room = _tag_template_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_TAG_LENGTH */ .Ti - MIRROR_HASH_LENGTH - 1;
    return `${readable.slice(0, room).replace(/[.-]+$/, '') || 'image'}-${hash}`;
}


/***/ }),

/***/ 5920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rk: () => (/* binding */ compileTagPatterns),
/* harmony export */   hj: () => (/* binding */ tagPatternsProblem)
/* harmony export */ });
/* unused harmony exports compileGlob, splitTagPatterns */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * Compiles one glob with the exact semantics of Python's `fnmatch.fnmatchcase`
 * (the translation in CPython's `fnmatch.translate`): `*` matches any run
 * including `/` and nothing, `?` one character, `[seq]` / `[!seq]` a set with
 * ranges, `]` first in a set is literal, an unclosed `[` is a literal `[`,
 * reversed ranges like `[z-a]` are empty, matching is case-sensitive and there
 * is no brace expansion and no escape character.
 */
function compileGlob(pattern) {
    const tokens = tokenize([...pattern]);
    return (text) => matchTokens(tokens, [...text]);
}
function tokenize(pat) {
    const tokens = [];
    let i = 0;
    while (i < pat.length) {
        const c = pat[i++];
        if (c === '*') {
            if (tokens.at(-1)?.kind !== 'star')
                tokens.push({ kind: 'star' });
        }
        else if (c === '?') {
            tokens.push({ kind: 'char', test: () => true });
        }
        else if (c === '[') {
            let j = i;
            if (pat[j] === '!')
                j++;
            if (pat[j] === ']')
                j++;
            while (j < pat.length && pat[j] !== ']')
                j++;
            if (j >= pat.length) {
                tokens.push(literal('['));
            }
            else {
                tokens.push({ kind: 'char', test: setTest(pat, i, j) });
                i = j + 1;
            }
        }
        else {
            tokens.push(literal(c));
        }
    }
    return tokens;
}
function literal(c) {
    return { kind: 'char', test: (x) => x === c };
}
/** The set between `[` at i-1 and `]` at j, split into chunks exactly as CPython does. */
function setTest(pat, start, j) {
    let i = start;
    const chunks = [];
    let k = pat[i] === '!' ? i + 2 : i + 1;
    for (;;) {
        k = indexOf(pat, '-', k, j);
        if (k < 0)
            break;
        chunks.push(pat.slice(i, k));
        i = k + 1;
        k = k + 3;
    }
    const chunk = pat.slice(i, j);
    if (chunk.length > 0)
        chunks.push(chunk);
    else
        chunks.at(-1)?.push('-');
    // Remove empty (reversed) ranges, as CPython does before building the regex.
    for (let n = chunks.length - 1; n > 0; n--) {
        const before = chunks[n - 1];
        const after = chunks[n];
        if (before.at(-1) > after[0]) {
            chunks[n - 1] = [...before.slice(0, -1), ...after.slice(1)];
            chunks.splice(n, 1);
        }
    }
    const flat = chunks.flat();
    if (flat.length === 0)
        return () => false;
    if (flat.length === 1 && flat[0] === '!' && chunks.length === 1)
        return () => true;
    const negate = flat[0] === '!';
    if (negate)
        chunks[0].shift();
    const singles = new Set();
    const ranges = [];
    chunks.forEach((ch, n) => {
        // The last char of one chunk and the first of the next bound a range.
        const from = n === 0 ? 0 : 1;
        const to = n === chunks.length - 1 ? ch.length : ch.length - 1;
        for (let m = from; m < to; m++)
            singles.add(ch[m]);
        if (n > 0)
            ranges.push([chunks[n - 1].at(-1), ch[0]]);
    });
    const inSet = (c) => singles.has(c) || ranges.some(([lo, hi]) => compare(lo, c) <= 0 && compare(c, hi) <= 0);
    return negate ? (c) => !inSet(c) : inSet;
}
function compare(a, b) {
    return a.codePointAt(0) - b.codePointAt(0);
}
function indexOf(pat, c, from, to) {
    for (let n = from; n < to; n++)
        if (pat[n] === c)
            return n;
    return -1;
}
/** Wildcard match with backtracking to the last star: O(n\u00b7m), no regex blow-up. */
function matchTokens(tokens, text) {
    let t = 0;
    let s = 0;
    let starAt = -1;
    let starText = 0;
    while (s < text.length) {
        const token = tokens[t];
        if (token?.kind === 'char' && token.test(text[s])) {
            t++;
            s++;
        }
        else if (token?.kind === 'star') {
            starAt = t++;
            starText = s;
        }
        else if (starAt >= 0) {
            t = starAt + 1;
            s = ++starText;
        }
        else {
            return false;
        }
    }
    while (tokens[t]?.kind === 'star')
        t++;
    return t === tokens.length;
}
/** Splits a comma-separated pattern string or a list into trimmed patterns. */
function splitTagPatterns(patterns) {
    const list = typeof patterns === 'string' ? patterns.split(',') : patterns;
    return list.map((p) => p.trim());
}
/** Explains what is wrong with a pattern list, or returns undefined when it compiles. */
function tagPatternsProblem(patterns) {
    const list = splitTagPatterns(patterns);
    if (list.length === 0)
        return 'needs at least one pattern';
    for (const [n, p] of list.entries()) {
        if (p === '')
            return `pattern ${n + 1} is empty`;
        if (p === '!')
            return `pattern ${n + 1} is "!" with nothing to exclude`;
    }
    return undefined;
}
/**
 * Compiles tag patterns such as `["v2.5*", "!*-rc*"]` or `"v2.5*,!*-rc*"`.
 * A tag is selected when it matches at least one include and no exclude; with
 * only excludes, every other tag is selected. Throws a UserError on an empty
 * pattern or a bare `!`.
 */
function compileTagPatterns(patterns) {
    const problem = tagPatternsProblem(patterns);
    if (problem !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`tag patterns ${JSON.stringify(patterns)}: ${problem}`);
    }
    const list = splitTagPatterns(patterns);
    const compiled = list.map((p) => {
        const exclude = p.startsWith('!');
        return { text: p, exclude, test: compileGlob(exclude ? p.slice(1) : p) };
    });
    const includes = compiled.filter((p) => !p.exclude);
    const excludes = compiled.filter((p) => p.exclude);
    const decide = (tag) => ({
        include: includes.length === 0 ? null : includes.find((p) => p.test(tag)),
        exclude: excludes.find((p) => p.test(tag))
    });
    return {
        patterns: list,
        matches(tag) {
            const d = decide(tag);
            return d.include !== undefined && d.exclude === undefined;
        },
        explain(tag) {
            const d = decide(tag);
            const q = JSON.stringify(tag);
            if (d.exclude !== undefined)
                return `${q} excluded by "${d.exclude.text}"`;
            if (d.include === null)
                return `${q} selected: no include patterns and no exclude matches`;
            if (d.include === undefined) {
                return `${q} not selected: matches none of ${includes.map((p) => `"${p.text}"`).join(', ')}`;
            }
            return `${q} selected by "${d.include.text}"`;
        }
    };
}


/***/ }),

/***/ 3629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ti: () => (/* binding */ MAX_TAG_LENGTH),
/* harmony export */   cL: () => (/* binding */ tagTemplateProblem),
/* harmony export */   te: () => (/* binding */ renderTagTemplate),
/* harmony export */   zw: () => (/* binding */ validateTagTemplate)
/* harmony export */ });
/* unused harmony exports TAG_TEMPLATE_PLACEHOLDERS, formatDate, sanitizeTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** Every placeholder a template may use; `{date:FORMAT}` is listed as `date`. */
const TAG_TEMPLATE_PLACEHOLDERS = [
    'tag',
    'digest',
    'short_digest',
    'sha',
    'short_sha',
    'branch',
    'timestamp',
    'date'
];
const PLACEHOLDER_LIST = TAG_TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
/** Longest tag the distribution spec allows. */
const MAX_TAG_LENGTH = 128;
const TRUNCATION_HASH_LENGTH = 8;
/** Splits a template into literal text and placeholders; throws a UserError on bad syntax. */
function parseTemplate(template) {
    const parts = [];
    let rest = template;
    while (rest !== '') {
        const open = rest.indexOf('{');
        if (open < 0) {
            parts.push({ text: rest });
            break;
        }
        if (open > 0)
            parts.push({ text: rest.slice(0, open) });
        const close = rest.indexOf('}', open);
        if (close < 0)
            throw templateError(template, `"{" at "${rest.slice(open)}" is never closed`);
        const body = rest.slice(open + 1, close);
        const colon = body.indexOf(':');
        const name = colon < 0 ? body : body.slice(0, colon);
        if (!TAG_TEMPLATE_PLACEHOLDERS.includes(name)) {
            throw templateError(template, `unknown placeholder {${body}}; use ${PLACEHOLDER_LIST}`);
        }
        if (colon >= 0 && name !== 'date')
            throw templateError(template, `{${name}} takes no format`);
        const format = colon < 0 ? undefined : body.slice(colon + 1);
        if (format === '')
            throw templateError(template, '{date:} needs a format such as {date:YYYYMMDD}');
        parts.push(format === undefined ? { name: name } : { name: 'date', format });
        rest = rest.slice(close + 1);
    }
    return parts;
}
function templateError(template, problem) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`tag template "${template}": ${problem}`);
}
/**
 * Checks a template at config load time and returns the placeholders it uses,
 * so that callers know up front which values (digest, commit, branch) they
 * must supply. Throws a UserError on an unknown placeholder or a template that
 * can never give a valid tag.
 */
function validateTagTemplate(template) {
    const parts = parseTemplate(template);
    renderTagTemplate(template, {
        tag: 'tag',
        digest: `sha256:${'0'.repeat(64)}`,
        sha: '0'.repeat(40),
        branch: 'main',
        now: new Date(0)
    });
    return [...new Set(parts.flatMap((p) => ('name' in p ? [p.name] : [])))];
}
/** Explains what is wrong with a template, or returns undefined when it is valid. */
function tagTemplateProblem(template) {
    try {
        validateTagTemplate(template);
        return undefined;
    }
    catch (error) {
        const prefix = `tag template "${template}": `;
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y && error.message.startsWith(prefix)) {
            return error.message.slice(prefix.length);
        }
        throw error;
    }
}
/**
 * Renders a destination tag: `{tag}`, `{digest}` (as `sha256-<hex>`, since a
 * colon is not allowed in tags), `{short_digest}` (12 hex), `{sha}`,
 * `{short_sha}` (7), `{branch}`, `{timestamp}` (UTC `YYYYMMDDHHmmss`),
 * `{date:FORMAT}` (UTC; tokens YYYY MM DD HH mm ss, other characters literal;
 * `{date}` alone is `YYYYMMDD`). The result is sanitised into a valid tag.
 */
function renderTagTemplate(template, vars) {
    const rendered = parseTemplate(template)
        .map((part) => ('text' in part ? part.text : value(template, part, vars)))
        .join('');
    return sanitizeTag(rendered, template);
}
function value(template, part, vars) {
    const need = (v, what) => {
        if (v === undefined || v === '') {
            throw templateError(template, `{${part.name}} needs ${what}, which is not known here`);
        }
        return v;
    };
    switch (part.name) {
        case 'tag':
            return need(vars.tag, 'the source tag');
        case 'digest':
            return need(vars.digest, 'the image digest').replace(':', '-');
        case 'short_digest':
            return digestHex(template, need(vars.digest, 'the image digest')).slice(0, 12);
        case 'sha':
            return need(vars.sha, 'the git commit (run in CI or pass --sha)');
        case 'short_sha':
            return need(vars.sha, 'the git commit (run in CI or pass --sha)').slice(0, 7);
        case 'branch':
            return need(vars.branch, 'the git branch (run in CI on a branch or pass --branch)');
        case 'timestamp':
            return formatDate(vars.now, 'YYYYMMDDHHmmss');
        case 'date':
            return formatDate(vars.now, part.format ?? 'YYYYMMDD');
    }
}
function digestHex(template, digest) {
    const hex = digest.slice(digest.indexOf(':') + 1);
    if (!/^[a-f0-9]{12,}$/.test(hex))
        throw templateError(template, `digest "${digest}" is not algorithm:hex`);
    return hex;
}
/** Formats a UTC date with the tokens YYYY MM DD HH mm ss; everything else is literal. */
function formatDate(date, format) {
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    const tokens = {
        YYYY: pad(date.getUTCFullYear(), 4),
        MM: pad(date.getUTCMonth() + 1),
        DD: pad(date.getUTCDate()),
        HH: pad(date.getUTCHours()),
        mm: pad(date.getUTCMinutes()),
        ss: pad(date.getUTCSeconds())
    };
    return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (t) => tokens[t]);
}
/**
 * Turns any text into a valid tag (`[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`): each
 * run of invalid characters becomes `-`, leading `.` and `-` are dropped, and
 * a text longer than 128 characters is cut to 119 and given `-` plus 8 hex of
 * the SHA-256 of the whole text, so two long texts that share a prefix still
 * give different tags. Throws a UserError when nothing valid is left.
 */
function sanitizeTag(text, source = text) {
    const cleaned = text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '');
    if (cleaned === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`tag template "${source}": gives "${text}", which has no valid tag characters`);
    }
    if (cleaned.length <= MAX_TAG_LENGTH)
        return cleaned;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, TRUNCATION_HASH_LENGTH);
    return `${cleaned.slice(0, MAX_TAG_LENGTH - TRUNCATION_HASH_LENGTH - 1)}-${hash}`;
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

//# sourceMappingURL=720.index.js.map