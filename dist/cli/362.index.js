export const id = 362;
export const ids = [362];
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

/***/ 1362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _oci_delete_strategy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(584);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2148);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7915);
/* harmony import */ var _delete_vendors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3446);





const command = {
    usage: `delete REF --yes [--dry-run] [--no-dummy] [--delete-strategy ${_oci_delete_strategy_js__WEBPACK_IMPORTED_MODULE_1__/* .DELETE_STRATEGIES */ .qP.join('|')}] [--allow-ghcr-version-delete] [--json]`,
    description: [
        'Deletes a tag without touching any other tag. Registries that cannot untag (distribution 2.x)',
        'delete by digest, which removes every tag on that digest: image-mirror does that only when no',
        'other tag resolves to the digest or to an index listing it. Otherwise it isolates the tag on a',
        'unique placeholder manifest and deletes that (--no-dummy refuses instead). Afterwards it checks',
        'that every other tag still resolves to what it did, and restores any that do not.',
        '',
        'The registry host picks the strategy: ECR BatchDeleteImage by tag (AWS_ACCESS_KEY_ID,',
        'AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_ENDPOINT_URL_ECR), the GitLab REST API on',
        'registry.gitlab.com and $CI_REGISTRY (GITLAB_TOKEN or CI_JOB_TOKEN, CI_API_V4_URL), the Hub API',
        'on Docker Hub (the docker.io login), GHCR (refused unless --allow-ghcr-version-delete: the tag',
        'is isolated on a placeholder whose package version is deleted; GITHUB_TOKEN, GITHUB_API_URL),',
        'else the generic OCI steps above. --delete-strategy overrides it (harbor: the Harbor API with',
        'the registry login).',
        '',
        'REF@DIGEST deletes the manifest itself, with every tag on it; the tags it takes are listed first.',
        '--dry-run prints what would happen. --yes is required for anything else.'
    ].join('\n'),
    options: {
        yes: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'no-dummy': { type: 'boolean' },
        'delete-strategy': { type: 'string' },
        'allow-ghcr-version-delete': { type: 'boolean' }
    },
    positionals: [1, 1],
    async run(ctx, values, [input]) {
        const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(input);
        const dryRun = values['dry-run'] === true;
        const flag = values['delete-strategy'];
        const chosen = typeof flag === 'string' ? (0,_oci_delete_strategy_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDeleteStrategy */ ._F)(flag, '--delete-strategy') : undefined;
        if (!dryRun && values.yes !== true) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`refusing to delete ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)} without --yes (or see what would happen with --dry-run)`);
        }
        const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .registryClient */ .R)(ctx);
        if (ref.tag === undefined && ref.digest !== undefined) {
            if (!dryRun)
                await client.deleteManifest(ref.registry, ref.repository, ref.digest);
            const result = { reference: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref), method: 'manifest-delete', digest: ref.digest, dryRun };
            ctx.out(ctx.global.json ? JSON.stringify(result) : `${dryRun ? 'would delete' : 'deleted'} ${result.reference}`);
            return;
        }
        if (ref.tag === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${input} names no tag or digest to delete`);
        const allowGhcr = values['allow-ghcr-version-delete'] === true;
        const env = (0,_delete_vendors_js__WEBPACK_IMPORTED_MODULE_4__/* .deleteVendorsFromEnv */ .G)(ctx.env);
        const vendors = { ...env, ghcr: { ...env.ghcr, allowVersionDelete: allowGhcr } };
        const strategy = chosen ?? (0,_oci_delete_strategy_js__WEBPACK_IMPORTED_MODULE_1__/* .detectStrategy */ .Br)(ref.registry, vendors);
        if (strategy === 'ghcr' && !allowGhcr) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`refusing to delete ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)}: GHCR deletes package versions, and a version holds every tag of its digest, so deleting it removes them all; --allow-ghcr-version-delete moves the tag onto a unique placeholder image and deletes that version only (needs GITHUB_TOKEN with delete:packages); nothing was changed`);
        }
        const result = await client.deleteTag(ref, {
            dryRun,
            allowDummyFallback: values['no-dummy'] !== true,
            strategy,
            vendors
        });
        if (ctx.global.json) {
            ctx.out(JSON.stringify({ reference: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref), ...result }));
            return;
        }
        const kept = result.sharedWith.length > 0 ? `; kept ${result.sharedWith.join(', ')}` : '';
        ctx.out(`${dryRun ? 'would delete' : 'deleted'} ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)} (${result.digest}, ${result.method})${kept}`);
    }
};


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


/***/ })

};

//# sourceMappingURL=362.index.js.map