// node:http as the CLI bundle's undici sees it (scripts/build.mjs maps the
// name to this file). undici reads two things from node:http when it loads:
// IncomingMessage, to clear `socket` before it destroys a request body of
// that class (image-mirror never sends one), and maxHeaderSize, its default
// response header limit. Loading node:http for them costs about 5 ms of every
// start. Anything else, or a --max-http-header-size given to Node, loads the
// real module.
'use strict'

let http
const real = () => (http ??= require('node:http'))

class IncomingMessage {}

/** Node's default --max-http-header-size. */
const DEFAULT_MAX_HEADER_SIZE = 16 * 1024

function maxHeaderSize() {
  const options = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`
  return options.includes('--max-http-header-size') ? real().maxHeaderSize : DEFAULT_MAX_HEADER_SIZE
}

module.exports = new Proxy(
  {},
  {
    get(_, key) {
      if (key === 'IncomingMessage') return IncomingMessage
      if (key === 'maxHeaderSize') return maxHeaderSize()
      return real()[key]
    }
  }
)
