// Telling an insecure registry's protocol from its answer to a ClientHello:
// against the real plain and TLS registries of the test environment, and
// servers that answer nothing or something else, where the answer must be
// "undecided" so that the handshake-then-http probe decides.
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:net'
import { after, describe, test } from 'node:test'
import { hostAndPort, sniffScheme } from '../../src/oci/scheme-sniff.js'
import { Transport } from '../../src/oci/transport.js'
import { startSchemeProbes } from '../../src/cli/scheme-probes.js'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import { runCli } from '../helpers/run-cli.js'

const servers: Server[] = []
after(() => servers.forEach((s) => s.close()))

/** A TCP server on 127.0.0.1 that handles each connection with `onConnection`. */
async function tcpServer(onConnection: (socket: import('node:net').Socket) => void): Promise<number> {
  const server = createServer(onConnection)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as import('node:net').AddressInfo).port
}

describe('scheme sniffing', () => {
  test('a plain docker-registry answers http', async () => {
    const target = hostAndPort(testEnv().registries.plain.host)!
    assert.equal(await sniffScheme(target.host, target.port), 'http')
  })

  test('a TLS docker-registry answers https', async () => {
    const target = hostAndPort(testEnv().registries.tls.host)!
    assert.equal(await sniffScheme(target.host, target.port), 'https')
  })

  test('a server that says nothing leaves it undecided after the timeout', async () => {
    const port = await tcpServer(() => {})
    const started = Date.now()
    assert.equal(await sniffScheme('127.0.0.1', port, { timeoutMs: 200 }), undefined)
    assert.ok(Date.now() - started < 2000)
  })

  test('a server that closes at once, or answers other bytes, leaves it undecided', async () => {
    const closing = await tcpServer((socket) => socket.destroy())
    assert.equal(await sniffScheme('127.0.0.1', closing, { timeoutMs: 1000 }), undefined)
    const chatty = await tcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'))
    assert.equal(await sniffScheme('127.0.0.1', chatty, { timeoutMs: 1000 }), undefined)
  })

  test('a closed port leaves it undecided', async () => {
    const port = await tcpServer(() => {})
    servers.pop()!.close()
    assert.equal(await sniffScheme('127.0.0.1', port, { timeoutMs: 1000 }), undefined)
  })

  const names: Array<[string, { host: string; port: number } | undefined]> = [
    ['127.0.0.1:5000', { host: '127.0.0.1', port: 5000 }],
    ['localhost:443', { host: 'localhost', port: 443 }],
    ['[::1]:5000', { host: '::1', port: 5000 }],
    ['registry.example.com', undefined],
    ['registry.example.com:80', undefined]
  ]
  for (const [name, expected] of names) {
    test(`host and port of ${name}`, () => assert.deepEqual(hostAndPort(name), expected))
  }

  test('an insecure copy between plain registries settles both schemes without a TLS handshake', async () => {
    const { plain, plain2 } = testEnv().registries
    const image = await buildImage({ registry: plain, repository: 'sniff/src', tag: 'v1', layers: [1024] })
    const run = await runCli(['copy', image.ref, `${plain2.host}/sniff/dst:v1`, '--insecure', '-v'])
    assert.equal(run.code, 0, run.stderr)
    for (const host of [plain.host, plain2.host]) assert.match(run.stderr, new RegExp(`${host} speaks plain http`))
    assert.doesNotMatch(run.stderr, /does not speak TLS/)
  })
})

describe('scheme probes started ahead of the requests', () => {
  test('an aborted probe ends at once, undecided', async () => {
    const port = await tcpServer(() => {})
    const controller = new AbortController()
    const probe = sniffScheme('127.0.0.1', port, { timeoutMs: 60_000, signal: controller.signal })
    controller.abort()
    assert.equal(await probe, undefined)
  })

  test('the CLI probes the registries of its arguments; option values and names without a port are left alone', async () => {
    const { plain, tls } = testEnv().registries
    const started = startSchemeProbes(['copy', `${plain.host}/a/b:v1`, `${tls.host}/c:v2`, '--platform', 'linux/amd64', 'docker.io/library/x', `${plain.host}/d`])
    try {
      assert.deepEqual([...started.probes.keys()], [plain.host, tls.host])
      assert.equal(await started.probes.get(plain.host), 'http')
      assert.equal(await started.probes.get(tls.host), 'https')
    } finally {
      started.stop()
    }
  })

  test('a probe handed to the transport is the only probe its registry gets', async () => {
    // Every connection a plain http server sees: a probe would be one that sent a ClientHello.
    const { createServer: createHttpServer } = await import('node:http')
    const hellos: number[] = []
    const server = createHttpServer((_req, res) => res.writeHead(200, { 'docker-distribution-api-version': 'registry/2.0' }).end('{}'))
    server.on('connection', (socket) => socket.once('data', (chunk: Buffer) => chunk[0] === 0x16 && hellos.push(1)))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const registry = `127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
      const started = startSchemeProbes([`${registry}/repo:tag`])
      const transport = new Transport({ insecure: true, schemeProbes: started.probes })
      const res = await transport.request({ method: 'GET', registry, path: '/v2/', scopes: [] })
      await res.dump()
      await transport.close()
      started.stop()
      assert.equal(res.status, 200)
      assert.equal(hellos.length, 1, 'one probe: the one started ahead')
    } finally {
      server.close()
    }
  })
})
