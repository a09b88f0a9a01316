// HTTP servers on 127.0.0.1 for protocol-edge tests: registries behaving in
// ways a real one cannot be made to (redirects to other origins, throttling,
// lost responses, zot#67-style tag deletes). `startServer` answers with a
// handler; `startTamperProxy` forwards to a real registry and lets a test
// alter single exchanges.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/** One request as the server saw it. */
export interface SeenRequest {
  method: string
  /** Path and query as sent. */
  url: string
  headers: IncomingMessage['headers']
  body: Buffer
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** `127.0.0.1:PORT` */
  host: string
  requests: SeenRequest[]
  close(): Promise<void>
}

/** A handler gets the request with its body read. */
export type Handler = (req: SeenRequest, res: ServerResponse) => void | Promise<void>

/** Starts a server whose every request is recorded and answered by `handler`; https with `tls`. */
export async function startServer(
  handler: Handler,
  opts: { tls?: { key: string; cert: string } } = {}
): Promise<TestServer> {
  const requests: SeenRequest[] = []
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: await readBody(req)
    }
    requests.push(seen)
    try {
      await handler(seen, res)
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  }
  const server = opts.tls ? createHttpsServer(opts.tls, onRequest) : createServer(onRequest)
  return listen(server, requests, opts.tls ? 'https' : 'http')
}

/** A fresh self-signed certificate for 127.0.0.1 (openssl, test-harness.md §1.4). */
export async function selfSignedCert(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'image-mirror-cert-'))
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost'
    ])
    return {
      key: await readFile(join(dir, 'key.pem'), 'utf8'),
      cert: await readFile(join(dir, 'cert.pem'), 'utf8')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** What the tamper hook decides for one request. */
export type Tamper =
  | { action: 'pass' }
  /** Answer without asking the registry. */
  | { action: 'respond'; status: number; headers?: Record<string, string>; body?: string | Buffer }
  /** Send this request to the registry instead (its answer goes back). */
  | { action: 'rewrite'; method?: string; path?: string }
  /** Let the registry process the request, then cut the client's connection: a lost response. */
  | { action: 'drop-response' }

export interface TamperProxy extends TestServer {
  /** Sends a request to the registry behind the proxy (for helpers such as "resolve a tag"). */
  upstream(
    method: string,
    path: string,
    headers?: Record<string, string>,
    body?: Buffer
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>
}

/**
 * Starts a proxy in front of the plain-http registry at `target`
 * (`http://127.0.0.1:PORT`). Each request goes through `tamper` first.
 */
export async function startTamperProxy(
  target: string,
  tamper: (req: SeenRequest) => Tamper | Promise<Tamper>
): Promise<TamperProxy> {
  const requests: SeenRequest[] = []
  const upstream = (
    method: string,
    path: string,
    headers: Record<string, string | string[] | undefined> = {},
    body?: Buffer
  ) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const up = httpRequest(
          new URL(path, target),
          { method, headers: { ...headers, host: new URL(target).host } },
          async (r) => {
            resolve({ status: r.statusCode ?? 502, headers: r.headers, body: await readBody(r) })
          }
        )
        up.on('error', reject)
        up.end(body)
      }
    )
  const server = createServer(async (req, res) => {
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: await readBody(req)
    }
    requests.push(seen)
    try {
      const decision = await tamper(seen)
      if (decision.action === 'respond') {
        res.writeHead(decision.status, decision.headers).end(decision.body)
        return
      }
      const method = decision.action === 'rewrite' ? (decision.method ?? seen.method) : seen.method
      const path = decision.action === 'rewrite' ? (decision.path ?? seen.url) : seen.url
      const answer = await upstream(method, path, withoutHopHeaders(seen.headers), seen.body)
      if (decision.action === 'drop-response') {
        req.socket.destroy()
        return
      }
      const headers = { ...answer.headers }
      // Locations the registry writes name the registry; the client must keep talking to the proxy.
      if (typeof headers.location === 'string')
        headers.location = headers.location.replace(target, '')
      res.writeHead(answer.status, headers).end(answer.body)
    } catch (error) {
      res.writeHead(502).end(String(error))
    }
  })
  const base = await listen(server, requests)
  return { ...base, upstream }
}

function withoutHopHeaders(
  headers: IncomingMessage['headers']
): Record<string, string | string[] | undefined> {
  const { host: _host, connection: _connection, 'transfer-encoding': _te, ...rest } = headers
  return rest
}

async function readBody(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

async function listen(
  server: ReturnType<typeof createServer> | ReturnType<typeof createHttpsServer>,
  requests: SeenRequest[],
  scheme: 'http' | 'https' = 'http'
): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Writes a response in one call: status, headers, optional body (JSON when an object). */
export function reply(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body?: string | Buffer | object
): void {
  const payload =
    body === undefined || typeof body === 'string' || Buffer.isBuffer(body)
      ? body
      : JSON.stringify(body)
  res.writeHead(status, {
    'content-length': String(payload === undefined ? 0 : Buffer.byteLength(payload)),
    ...headers
  })
  res.end(payload)
}

/**
 * The methods of the requests a blob upload sent, its first two (the blob's
 * HEAD and the POST opening its session, sent together) in one order.
 */
export function uploadMethods(requests: SeenRequest[]): string[] {
  const methods = requests.map((r) => r.method)
  return [...methods.slice(0, 2).sort(), ...methods.slice(2)]
}
