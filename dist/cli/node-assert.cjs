// node:assert as the CLI bundle's undici sees it (scripts/build.mjs maps the
// name to this file). undici only calls assert(value[, message]), and loading
// node:assert for that costs about 3 ms of every start. A failing assertion,
// or any other member, loads the real module.
'use strict'

let nodeAssert
const real = () => (nodeAssert ??= require('node:assert'))

function assert(value, message) {
  if (value) return
  if (message instanceof Error) throw message
  throw new (real().AssertionError)({
    message: message ?? 'assertion failed in undici',
    actual: value,
    expected: true,
    operator: '==',
    // The stack starts at undici's call, as with node:assert.
    stackStartFn: assert
  })
}

module.exports = new Proxy(assert, {
  get: (target, key) => (key in target ? target[key] : real()[key])
})
