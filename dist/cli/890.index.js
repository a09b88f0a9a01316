export const id = 890;
export const ids = [890];
export const modules = {

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

//# sourceMappingURL=890.index.js.map