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
])

const TLS_HANDSHAKE = 0x16
const TLS_ALERT = 0x15

export type Scheme = 'https' | 'http'

/**
 * Connects to `host:port`, sends a ClientHello and reads the first bytes of
 * the answer. Undefined when they settle nothing (no answer within
 * `timeoutMs`, a closed connection, other bytes, `signal` aborted).
 */
export function sniffScheme(
  host: string,
  port: number,
  opts: { timeoutMs?: number; signal?: AbortSignal } = {}
): Promise<Scheme | undefined> {
  return new Promise((resolve) => {
    if (opts.signal?.aborted) return resolve(undefined)
    const socket = process.getBuiltinModule('node:net').connect({ host, port })
    let seen = Buffer.alloc(0)
    const done = (scheme: Scheme | undefined) => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', abort)
      socket.destroy()
      resolve(scheme)
    }
    const abort = () => done(undefined)
    opts.signal?.addEventListener('abort', abort)
    const timer = setTimeout(abort, opts.timeoutMs ?? 2000)
    socket.on('connect', () => socket.write(CLIENT_HELLO))
    socket.on('data', (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk])
      if (seen[0] === TLS_HANDSHAKE || seen[0] === TLS_ALERT) done('https')
      else if (seen.length >= 5) done(seen.subarray(0, 5).toString('latin1') === 'HTTP/' ? 'http' : undefined)
    })
    socket.on('error', () => done(undefined))
    socket.on('close', () => done(undefined))
  })
}

/** Host and explicit port of a registry name (`host:port`, `[v6]:port`); undefined without a port. */
export function hostAndPort(registry: string): { host: string; port: number } | undefined {
  let url: URL
  try {
    url = new URL(`http://${registry}`)
  } catch {
    return undefined
  }
  // Without a port, https and http mean different ports: the probe decides.
  if (url.port === '') return undefined
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
  return { host, port: Number(url.port) }
}
