// Link headers (RFC 8288 §3) and tag-list / referrers pagination
// (registry-protocol.md §1.8, R-TAG-1, AT-TAG-2).
//
//   Link       = #link-value
//   link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )
//   link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
//
// Broken link-values are dropped whole, never half-read: a link's meaning
// hangs on all of its parameters, and following a misread `rel` is worse than
// not following it. Like regclient, a target without angle brackets is
// accepted when it consists of URI characters.
import { HeaderReader } from './header-reader.js'

/** One link-value: the target as written (unresolved) and its parameters. */
export interface Link {
  target: string
  /** Parameter names lower-cased, quoted values unescaped; the first of duplicates wins. */
  params: Record<string, string>
}

/** The registry pointed the next page at another origin (AT-TAG-2). */
export class CrossOriginLinkError extends Error {
  override name = 'CrossOriginLinkError'
  readonly from: string
  readonly to: string
  constructor(from: URL, to: URL) {
    super(`pagination link from ${from.origin} leads to another origin, ${to.origin}: refused`)
    this.from = from.origin
    this.to = to.origin
  }
}

/** The registry sent a Link header that cannot be read, and no usable next link. */
export class MalformedLinkError extends Error {
  override name = 'MalformedLinkError'
  constructor(requestUrl: URL) {
    super(`the response of ${requestUrl.origin}${requestUrl.pathname} has a malformed Link header`)
  }
}

// Characters of an RFC 3986 URI-reference, minus ',' and ';' which separate links and params.
const BARE_TARGET = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+=%]+/
// Anything but these may appear between the angle brackets (RFC 3986 excludes them).
const BRACKETED_TARGET = /^[^\x00-\x20\x7f<>"{}|\\^`]*$/
// Parameter names in use are letters, digits, '.', '_' and '-', with a trailing '*' for RFC 8187
// extended values; other token characters in a name mark a broken header (as regclient does).
const PARAM_NAME = /^[A-Za-z0-9._-]+\*?/
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/
const WS = /^[ \t\r\n]*/

/**
 * Parses one or more Link header values; broken link-values are left out.
 * @returns the links in header order; [] when the header is absent
 */
export function parseLinkHeader(value: string | string[] | undefined): Link[] {
  return scan(value).links
}

/**
 * The URL of the next page: the first `rel="next"` link (rel may list several
 * relation types), resolved against the URL of the request that returned it
 * (R-TAG-1). Undefined when there is no next page.
 * @throws CrossOriginLinkError when the link leaves the request's origin: it would
 *   carry registry credentials to another host or downgrade the scheme (AT-TAG-2)
 * @throws MalformedLinkError when the header has unreadable parts and no next link,
 *   so that a broken header does not pass for the last page
 */
export function nextPageUrl(
  value: string | string[] | undefined,
  requestUrl: URL
): URL | undefined {
  const { links, malformed } = scan(value)
  const next = links.find(isNext) ?? loneLinkWithoutRel(links)
  if (next === undefined) {
    if (malformed) throw new MalformedLinkError(requestUrl)
    return undefined
  }
  let url: URL
  try {
    url = new URL(next.target, requestUrl)
  } catch {
    throw new MalformedLinkError(requestUrl)
  }
  if (url.origin !== requestUrl.origin) throw new CrossOriginLinkError(requestUrl, url)
  return url
}

/**
 * go-containerregistry follows a Link header whatever its rel; to read the same
 * registries, a single link without any rel counts as the next page. An empty
 * target would be the page itself, so it does not.
 */
function loneLinkWithoutRel(links: Link[]): Link | undefined {
  const [only, ...others] = links
  if (only === undefined || others.length > 0) return undefined
  return only.params.rel === undefined && only.target !== '' ? only : undefined
}

/** rel holds space-separated relation types, compared case-insensitively (RFC 8288 §3.3). */
function isNext(link: Link): boolean {
  return (link.params.rel ?? '').toLowerCase().split(/\s+/).includes('next')
}

function scan(value: string | string[] | undefined): { links: Link[]; malformed: boolean } {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
  const links: Link[] = []
  let malformed = false
  for (const v of values) {
    const r = new Reader(v)
    for (;;) {
      r.skip(/^[ \t\r\n,]*/)
      if (r.done()) break
      const link = readLinkValue(r)
      if (link === undefined) {
        malformed = true
        r.skipElement()
      } else {
        links.push(link)
      }
    }
  }
  return { links, malformed }
}

/** Reads one link-value up to (not including) the next comma; undefined when broken. */
function readLinkValue(r: Reader): Link | undefined {
  let target: string
  if (r.peek() === '<') {
    const end = r.indexOf('>')
    if (end === -1) return undefined
    target = r.take(end + 1).slice(1, -1)
    if (!BRACKETED_TARGET.test(target)) return undefined
  } else {
    target = r.skip(BARE_TARGET)
    if (target === '') return undefined
  }
  const params = new Map<string, string>()
  for (;;) {
    r.skip(WS)
    if (r.done() || r.peek() === ',') break
    if (r.peek() !== ';') return undefined
    r.take(1)
    r.skip(WS)
    if (r.done() || r.peek() === ',' || r.peek() === ';') continue
    const name = r.skip(PARAM_NAME)
    if (name === '') return undefined
    r.skip(WS)
    let paramValue = ''
    if (r.peek() === '=') {
      r.take(1)
      r.skip(WS)
      const v = r.peek() === '"' ? r.quoted() : r.skip(TOKEN) || undefined
      if (v === undefined) return undefined
      paramValue = v
    }
    const key = name.toLowerCase()
    if (!params.has(key)) params.set(key, paramValue)
  }
  // Object.fromEntries defines own properties, so a "__proto__" parameter stays data.
  return { target, params: Object.fromEntries(params) }
}

/** The Link-list reader: the shared cursor plus angle-bracket targets. */
class Reader extends HeaderReader {
  /** Moves to the next comma outside quoted strings and angle brackets. */
  skipElement(): void {
    while (!this.done() && this.peek() !== ',') {
      if (this.peek() === '"') {
        this.quoted()
      } else if (this.peek() === '<' && this.indexOf('>') !== -1) {
        this.take(this.indexOf('>') + 1)
      } else {
        this.take(1)
      }
    }
  }
}
