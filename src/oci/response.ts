// The response object the transport hands out: undici's body plus readers
// that refuse to buffer more than a limit (R-MAN-7: a huge body must not
// exhaust memory).
import type { Dispatcher } from 'undici'
import { UserError } from '../errors.js'
import { redactedLocation } from './errors.js'

export type ResponseHeaders = Record<string, string | string[] | undefined>

/** A registry response after redirects and auth. Consume the body exactly once. */
export interface RegistryResponse {
  status: number
  headers: ResponseHeaders
  /** The URL that produced this response, after redirects. */
  url: URL
  /** Set by the transport: the request carried a token from the registry's token server. */
  tokenSent?: boolean
  body: Dispatcher.ResponseData['body']
  /** The body as UTF-8; throws past `limit` bytes (default 1 MiB). */
  text(limit?: number): Promise<string>
  json<T>(limit?: number): Promise<T>
  bytes(limit: number): Promise<Buffer>
  /** Discards the body so the connection can be reused. */
  dump(): Promise<void>
}

const DEFAULT_TEXT_LIMIT = 1024 * 1024

/** Wraps an undici response. */
export function wrapResponse(res: Dispatcher.ResponseData, url: URL): RegistryResponse {
  const bytes = (limit: number) => readLimited(res.body, limit, url)
  const text = async (limit = DEFAULT_TEXT_LIMIT) => (await bytes(limit)).toString('utf8')
  return {
    status: res.statusCode,
    headers: res.headers as ResponseHeaders,
    url,
    body: res.body,
    text,
    json: async <T>(limit?: number) => {
      const body = await text(limit)
      try {
        return JSON.parse(body) as T
      } catch {
        throw new UserError(
          `${redactedLocation(url)} answered ${res.statusCode} with a body that is not JSON`
        )
      }
    },
    bytes,
    dump: async () => {
      try {
        await res.body.dump()
      } catch {
        // A body that fails while being discarded changes nothing for the caller.
      }
    }
  }
}

/** Reads a body up to `limit` bytes; beyond it the body is destroyed and an error names the URL. */
export async function readLimited(
  body: AsyncIterable<Buffer | Uint8Array> & { destroy(e?: Error): unknown },
  limit: number,
  url: URL
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > limit) {
      body.destroy()
      throw new UserError(
        `response from ${redactedLocation(url)} is larger than the ${limit}-byte limit`
      )
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  }
  return Buffer.concat(chunks, size)
}

/** First value of a header that may repeat. */
export function header(headers: ResponseHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}
