// Calls to the vendor APIs beside a registry (ECR, GitLab, Harbor, Docker
// Hub, GitHub) and the one-line errors their answers become. Credentials ride
// in headers only; a redirect is reported, never followed (R-RED-1).
import { UserError } from '../../errors.js'
import { redactedLocation } from '../errors.js'
import { isRedirect } from '../redirect.js'
import { header, type ResponseHeaders } from '../response.js'
import type { ApiRequest, Transport } from '../transport.js'

export interface ApiAnswer {
  status: number
  headers: ResponseHeaders
  body: string
}

/** Package version lists and repository pages are JSON of a few hundred KiB at most. */
const BODY_LIMIT = 4 * 1024 * 1024
const PREVIEW = 200

/** Sends one request and reads the whole answer. */
export async function callApi(
  transport: Transport,
  what: string,
  url: URL,
  req: ApiRequest
): Promise<ApiAnswer> {
  const res = await transport.api(url, req)
  if (isRedirect(res.status)) {
    await res.dump()
    const to = header(res.headers, 'location')
    let target = 'elsewhere'
    try {
      if (to !== undefined) target = new URL(to, url).host
    } catch {
      // An unparseable Location is still a redirect we do not follow.
    }
    throw new UserError(
      `${what}: ${redactedLocation(url)} redirected (${res.status}) to ${target}; not followed, the request carries credentials`
    )
  }
  return { status: res.status, headers: res.headers, body: await res.text(BODY_LIMIT) }
}

/** Parses a JSON answer; a body that is not JSON is a one-line error. */
export function jsonOf<T>(what: string, answer: ApiAnswer): T {
  try {
    return JSON.parse(answer.body) as T
  } catch {
    throw new UserError(`${what}: answered ${answer.status} with a body that is not JSON`)
  }
}

/** `what: 404 <message>` from the error shapes of AWS, GitLab, Harbor, Docker Hub and GitHub. */
export function apiError(what: string, answer: ApiAnswer, hint?: string): UserError {
  const suffix = hint ? ` (${hint})` : ''
  return new UserError(`${what}: ${answer.status} ${describeBody(answer.body)}${suffix}`)
}

function describeBody(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim()
  if (text === '') return '(empty body)'
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return preview(text)
  }
  if (typeof parsed !== 'object' || parsed === null) return preview(text)
  const o = parsed as Record<string, unknown>
  const parts: string[] = []
  // AWS JSON protocol: "__type": "com.amazon…#RepositoryNotFoundException"
  if (typeof o.__type === 'string') parts.push(o.__type.split('#').pop()!)
  if (Array.isArray(o.errors)) {
    for (const e of o.errors as Array<Record<string, unknown>>) {
      const line = [e?.code, e?.message].filter((x) => typeof x === 'string').join(' ')
      if (line) parts.push(line)
    }
  }
  for (const key of ['message', 'Message', 'error', 'error_description', 'detail']) {
    const v = o[key]
    if (typeof v === 'string') parts.push(v)
    else if (v !== undefined && v !== null) parts.push(JSON.stringify(v))
  }
  return parts.length === 0 ? preview(text) : preview(parts.join(': '))
}

function preview(text: string): string {
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text
}
