export const id = 309;
export const ids = [309];
export const modules = {

/***/ 8309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engine_config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5452);
/* harmony import */ var _engine_promote_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6886);
/* harmony import */ var _promotions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6550);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2148);
/* harmony import */ var _config_client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4200);






const command = {
    usage: 'promote REF [--config FILE] [--dry-run] [--sha SHA] [--branch BRANCH] [--json]',
    description: [
        'Applies every promotion policy whose `from` is the repository of REF (registry/repository:tag,',
        'optionally @digest to pin the image). Each destination gets the image by digest under the',
        "policy's tag template, with its signatures, SBOMs and attestations unless `referrers: false`.",
        '',
        'A destination tag that points at another image is left alone unless the policy sets',
        '`overwrite: true`: the other destinations still proceed, and the command exits 1 at the end.',
        '--dry-run prints what would go where and why, and writes nothing (exit 1 when a real run',
        'would refuse a destination).',
        '',
        '{sha} and {branch} come from --sha/--branch, else GITHUB_SHA / CI_COMMIT_SHA and',
        'GITHUB_HEAD_REF / GITHUB_REF_NAME / CI_COMMIT_REF_NAME, else git in the working directory.'
    ].join('\n'),
    options: {
        config: { type: 'string', short: 'c' },
        'dry-run': { type: 'boolean' },
        sha: { type: 'string' },
        branch: { type: 'string' }
    },
    positionals: [1, 1],
    async run(ctx, values, [input]) {
        const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(input);
        const file = values.config ?? _engine_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CONFIG_FILE */ .Cu;
        const config = await (0,_engine_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(ctx.cwd, file), ctx.env);
        if ((0,_engine_promote_index_js__WEBPACK_IMPORTED_MODULE_2__/* .policiesFor */ .Ov)(config, ref).length === 0) {
            ctx.logger.info(`no promotion policy in ${config.file} watches ${ref.registry}/${ref.repository}`);
            if (ctx.global.json)
                ctx.out('[]');
            return 0;
        }
        const client = (0,_config_client_js__WEBPACK_IMPORTED_MODULE_5__/* .configRegistryClient */ .X)(ctx, config);
        const vars = await (0,_promotions_js__WEBPACK_IMPORTED_MODULE_3__/* .gitVars */ .l4)(ctx, config, values);
        const plans = await (0,_engine_promote_index_js__WEBPACK_IMPORTED_MODULE_2__/* .planPromotions */ .Ar)(config, ref, { client, now: new Date(), vars, logger: ctx.logger });
        if (values['dry-run'] === true) {
            if (ctx.global.json)
                ctx.out(JSON.stringify(plans.map(_promotions_js__WEBPACK_IMPORTED_MODULE_3__/* .toJson */ .aB)));
            else
                for (const plan of plans)
                    printPlan(ctx, plan);
            return plans.some((p) => p.action === 'refuse-moved-tag') ? 1 : 0;
        }
        const results = await (0,_engine_promote_index_js__WEBPACK_IMPORTED_MODULE_2__/* .applyPromotions */ .Zy)(plans, { client, logger: ctx.logger });
        if (ctx.global.json)
            ctx.out(JSON.stringify(results.map(_promotions_js__WEBPACK_IMPORTED_MODULE_3__/* .toJson */ .aB)));
        return (0,_promotions_js__WEBPACK_IMPORTED_MODULE_3__/* .reportResults */ .zO)(ctx, results);
    }
};
const PLANNED = {
    copy: 'would copy',
    'skip-same-digest': 'up to date',
    'refuse-moved-tag': 'would refuse: the tag points at another image',
    overwrite: 'would overwrite',
    'skip-no-match': 'not promoted: conditions not met'
};
function printPlan(ctx, plan) {
    ctx.out(`${plan.policy}: ${plan.source} \u2192 ${plan.destination}: ${PLANNED[plan.action]}`);
    for (const reason of plan.reasons)
        ctx.out(`  ${reason}`);
}


/***/ })

};

//# sourceMappingURL=309.index.js.map