// WWW-Authenticate challenge lists (RFC 7235 §2.1, §4.1; registry-protocol.md §2.3, R-AUTH-1).
//
//   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param = token BWS "=" BWS ( token / quoted-string )
//
// A header may hold several challenges and several headers may arrive (undici
// gives a string[]; fetch joins them with ", "). Commas separate both
// challenges and parameters, so an element is a parameter when a token is
// followed by "=", and a new challenge otherwise.
//
// Server input never makes this parser throw. Broken parts are skipped up to
// the next comma, so a challenge never carries a half-read value: an
// unterminated quoted string drops that parameter, text after a value without
// a separating comma is dropped, and a parameter with no scheme before it is
// ignored.
import { HeaderReader } from './header-reader.js'

/** One parsed challenge. */
export interface Challenge {
  /** The auth scheme, lower-cased: `bearer`, `basic`. */
  scheme: string
  /** Parameters with lower-cased names and unescaped values; the first of duplicates wins. */
  params: Record<string, string>
  /** The token68 form (`Negotiate abc==`), when the challenge has one instead of parameters. */
  token68?: string
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/
// Unquoted parameter values are read leniently (realm=/ and realm=https://x are
// seen in the wild): anything up to whitespace, a comma or a quote.
const BARE_VALUE = /^[^\s,"]+/
const OWS = /^[ \t]*/

/**
 * Parses every challenge of one or more WWW-Authenticate header values.
 * @returns the challenges in order; [] when the header is absent or unusable
 */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return []
  const values = Array.isArray(header) ? header : [header]
  return values.flatMap((value) => parseList(value))
}

function parseList(input: string): Challenge[] {
  const r = new Reader(input)
  const out: Array<{ scheme: string; params: Map<string, string>; token68?: string }> = []
  let current: (typeof out)[number] | undefined
  for (;;) {
    r.skipSeparators()
    if (r.done()) break
    const name = r.name()
    if (name === undefined) {
      r.skipElement()
      continue
    }
    const atBoundary = r.done() || /[\s,]/.test(r.peek())
    r.skip(OWS)
    if (r.peek() === '=') {
      r.advance(1)
      r.skip(OWS)
      const value = r.value()
      if (current !== undefined && value !== undefined) {
        const key = name.toLowerCase()
        if (!current.params.has(key)) current.params.set(key, value)
      }
      if (!r.atElementEnd()) r.skipElement()
      continue
    }
    if (!atBoundary) {
      // A scheme must be followed by a space, a comma or the end: this is garbage.
      r.skipElement()
      continue
    }
    current = { scheme: name.toLowerCase(), params: new Map() }
    out.push(current)
    const token68 = r.token68()
    if (token68 !== undefined) current.token68 = token68
  }
  return out.map((c) => {
    // Object.fromEntries defines own properties, so a "__proto__" parameter stays data.
    const challenge: Challenge = { scheme: c.scheme, params: Object.fromEntries(c.params) }
    if (c.token68 !== undefined) challenge.token68 = c.token68
    return challenge
  })
}

/** The challenge-list reader: the shared cursor plus auth-param grammar. */
class Reader extends HeaderReader {
  /** Skips whitespace and empty list elements (RFC 7230 §7 allows ",,"). */
  skipSeparators(): void {
    this.skip(/^[\s,]*/)
  }

  /** Whether only whitespace stands before the next comma or the end. */
  atElementEnd(): boolean {
    this.skip(OWS)
    return this.done() || this.peek() === ','
  }

  /** Moves to the next comma that is not inside a quoted string. */
  skipElement(): void {
    while (!this.done() && this.peek() !== ',') {
      if (this.peek() === '"') this.quoted()
      else this.i++
    }
  }

  /** A token, or a quoted string holding a token (some servers quote names). */
  name(): string | undefined {
    if (this.peek() === '"') {
      const start = this.i
      const text = this.quoted()
      if (text !== undefined && TOKEN.test(text)) return text
      this.i = start
      return undefined
    }
    let end = this.i
    while (end < this.s.length && TCHAR.test(this.s.charAt(end))) end++
    if (end === this.i) return undefined
    const text = this.s.slice(this.i, end)
    this.i = end
    return text
  }

  /** A parameter value: quoted string (unescaped) or bare text. */
  value(): string | undefined {
    if (this.peek() === '"') return this.quoted()
    const text = this.skip(BARE_VALUE)
    return text === '' ? undefined : text
  }

  /** token68 after a scheme: only when the element ends right after it. */
  token68(): string | undefined {
    const start = this.i
    this.skip(OWS)
    const text = this.skip(TOKEN68)
    if (text !== '' && this.atElementEnd()) return text
    this.i = start
    return undefined
  }
}
