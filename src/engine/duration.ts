import { UserError } from '../errors.js'

const UNIT_MS: Record<string, number> = {
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000
}
const UNIT_ORDER = ['w', 'd', 'h', 'm', 's']
const PART = /(\d+)([a-zA-Z]*)/y

/**
 * Explains what is wrong with a duration such as `24h`, `1h30m`, `7d` or
 * `90s`, or returns undefined when it is valid. Units are w, d, h, m and s,
 * whole numbers only, each unit at most once and from largest to smallest
 * (so `1h30m`, not `30m1h`), and the total must be longer than zero.
 */
export function durationProblem(text: string): string | undefined {
  if (text.trim() === '') return 'is empty; write a duration such as 24h, 30m or 1h30m'
  if (!/^\d/.test(text)) return 'is not a duration such as 24h, 30m or 1h30m'
  if (/\d[.,]\d/.test(text)) return 'has a fraction; use whole numbers of smaller units, like 1h30m'
  if (/^\d+$/.test(text)) return 'has no unit; add one of w, d, h, m, s (for example 90s)'
  PART.lastIndex = 0
  let last = -1
  let total = 0
  while (PART.lastIndex < text.length) {
    const at = PART.lastIndex
    const match = PART.exec(text)
    if (match === null || match[0] === '') {
      return `has an unexpected "${text[at]}" at position ${at + 1}; write a duration such as 1h30m`
    }
    const [, digits, unit] = match as unknown as [string, string, string]
    if (unit === '') return `has no unit after ${digits}; add one of w, d, h, m, s`
    const rank = UNIT_ORDER.indexOf(unit)
    if (rank < 0) return `has an unknown unit "${unit}"; use w, d, h, m or s`
    if (rank <= last)
      return 'lists units out of order or twice; write them largest first, like 1h30m'
    last = rank
    total += Number(digits) * (UNIT_MS[unit] as number)
  }
  if (total === 0) return 'must be longer than zero'
  if (!Number.isSafeInteger(total)) return 'is too long'
  return undefined
}

/**
 * Parses a duration (`24h`, `30m`, `1h30m`, `7d`, `90s`, `2w`) to
 * milliseconds; throws a UserError naming the text and the problem.
 */
export function parseDuration(text: string): number {
  const problem = durationProblem(text)
  if (problem !== undefined) throw new UserError(`duration "${text}" ${problem}`)
  let total = 0
  for (const [, digits, unit] of text.matchAll(/(\d+)([a-z])/g)) {
    total += Number(digits) * (UNIT_MS[unit as string] as number)
  }
  return total
}

/** Formats milliseconds as the shortest duration text parseDuration reads back (`1h30m`). */
export function formatDuration(ms: number): string {
  let rest = Math.floor(ms / 1000)
  let out = ''
  for (const unit of UNIT_ORDER) {
    const size = (UNIT_MS[unit] as number) / 1000
    const count = Math.floor(rest / size)
    if (count > 0) out += `${count}${unit}`
    rest -= count * size
  }
  return out === '' ? '0s' : out
}
