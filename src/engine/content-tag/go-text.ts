// Go standard-library string helpers that .dockerignore handling depends on.
// BuildKit is written in Go, so reading ignore files exactly as it does means
// trimming the same whitespace and cleaning paths the same way (spec §4).

// unicode.IsSpace: Latin-1 spaces plus the White_Space property. It differs
// from String.prototype.trim: Go trims U+0085 and keeps U+FEFF.
const GO_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000'
const LEADING = new RegExp(`^[${GO_SPACE}]+`)
const TRAILING = new RegExp(`[${GO_SPACE}]+$`)

/** strings.TrimSpace: strips leading and trailing Unicode white space as Go defines it. */
export function goTrimSpace(s: string): string {
  return s.replace(LEADING, '').replace(TRAILING, '')
}

/**
 * path/filepath.Clean on a Unix system: collapses repeated slashes, drops `.`
 * elements, resolves `..` against the preceding element, drops a trailing
 * slash, and returns `.` for an empty result.
 */
export function goCleanPath(p: string): string {
  if (p === '') return '.'
  const rooted = p.startsWith('/')
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
      continue
    }
    out.push(part)
  }
  const joined = (rooted ? '/' : '') + out.join('/')
  return joined === '' ? '.' : joined
}
