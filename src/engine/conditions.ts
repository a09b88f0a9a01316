import { UserError } from '../errors.js'
import { compileTagPatterns, type TagFilter } from './tag-patterns.js'

/** Operators on one string value (a tag or a label), as written in the config. */
export const VALUE_OPERATORS = [
  'equals',
  'starts-with',
  'ends-with',
  'contains',
  'one-of',
  'not-one-of',
  'matches'
] as const
export type ValueOperator = (typeof VALUE_OPERATORS)[number]

/** A compiled condition on one string value. */
export type ValueCondition =
  | { op: 'equals' | 'starts-with' | 'ends-with' | 'contains'; value: string }
  | { op: 'one-of' | 'not-one-of'; values: string[] }
  | { op: 'matches'; filter: TagFilter }
  | { op: 'all' | 'any'; of: ValueCondition[] }
  | { op: 'not'; of: ValueCondition }

/** A compiled `when:` block of a promotion. */
export type When =
  | { kind: 'tag'; condition: ValueCondition }
  | { kind: 'label'; name: string; condition: ValueCondition }
  | { kind: 'all' | 'any'; of: When[] }
  | { kind: 'not'; of: When }

export interface Decision {
  matched: boolean
  /** One line per check made, in order, for --dry-run and PR summaries. */
  reasons: string[]
}

type Raw = Record<string, unknown>

function asObject(raw: unknown, where: string): Raw {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserError(`${where}: expected a mapping of conditions`)
  }
  const object = raw as Raw
  if (Object.keys(object).length === 0) throw new UserError(`${where}: has no conditions`)
  return object
}

/** Several keys in one object all have to hold, so they compile to `all`. */
function conjunction<T>(parts: T[], all: (of: T[]) => T): T {
  return parts.length === 1 ? (parts[0] as T) : all(parts)
}

/**
 * Compiles a value condition such as `{ ends-with: -stable }` or
 * `{ any: [{ equals: latest }, { starts-with: v }] }`. Throws a UserError
 * naming `where` on an unknown operator or an empty block.
 */
export function parseValueCondition(raw: unknown, where: string): ValueCondition {
  const object = asObject(raw, where)
  const parts = Object.entries(object).map(([key, value]): ValueCondition => {
    const at = `${where}.${key}`
    switch (key) {
      case 'equals':
      case 'starts-with':
      case 'ends-with':
      case 'contains':
        if (typeof value !== 'string') throw new UserError(`${at}: expected a string`)
        return { op: key, value }
      case 'one-of':
      case 'not-one-of':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          throw new UserError(`${at}: expected a list of strings`)
        }
        return { op: key, values: value as string[] }
      case 'matches':
        return { op: 'matches', filter: compileTagPatterns(value as string[] | string) }
      case 'all':
      case 'any':
        if (!Array.isArray(value) || value.length === 0)
          throw new UserError(`${at}: expected a non-empty list`)
        return { op: key, of: value.map((v, n) => parseValueCondition(v, `${at}[${n}]`)) }
      case 'not':
        return { op: 'not', of: parseValueCondition(value, at) }
      default:
        throw new UserError(
          `${at}: unknown operator; use ${[...VALUE_OPERATORS, 'all', 'any', 'not'].join(', ')}`
        )
    }
  })
  return conjunction(parts, (of) => ({ op: 'all', of }))
}

/** Compiles a promotion's `when:` block (`tag`, `labels`, `all`, `any`, `not`). */
export function parseWhen(raw: unknown, where = 'when'): When {
  const object = asObject(raw, where)
  const parts = Object.entries(object).flatMap(([key, value]): When[] => {
    const at = `${where}.${key}`
    switch (key) {
      case 'tag':
        return [{ kind: 'tag', condition: parseValueCondition(value, at) }]
      case 'labels':
        return Object.entries(asObject(value, at)).map(([name, cond]) => ({
          kind: 'label' as const,
          name,
          condition: parseValueCondition(cond, `${at}.${name}`)
        }))
      case 'all':
      case 'any':
        if (!Array.isArray(value) || value.length === 0)
          throw new UserError(`${at}: expected a non-empty list`)
        return [{ kind: key, of: value.map((v, n) => parseWhen(v, `${at}[${n}]`)) }]
      case 'not':
        return [{ kind: 'not', of: parseWhen(value, at) }]
      default:
        throw new UserError(`${at}: unknown condition; use tag, labels, all, any or not`)
    }
  })
  return conjunction(parts, (of) => ({ kind: 'all', of }))
}

/** True when the block looks at image labels, so the caller must fetch the image config. */
export function needsLabels(when: When): boolean {
  if (when.kind === 'label') return true
  if (when.kind === 'tag') return false
  if (when.kind === 'not') return needsLabels(when.of)
  return when.of.some(needsLabels)
}

const q = JSON.stringify

/**
 * Evaluates a value condition. A missing value (an unset label) fails every
 * operator except `not-one-of`, and `not` inverts that as usual.
 */
export function evaluateValue(
  cond: ValueCondition,
  subject: string,
  value: string | undefined
): Decision {
  // `no` is a whole phrase ("does not end with …") so both outcomes read as sentences.
  const leaf = (test: (v: string) => boolean, yes: string, no: string): Decision => {
    if (value === undefined)
      return { matched: false, reasons: [`${subject} is not set, so it ${no}`] }
    const matched = test(value)
    return { matched, reasons: [`${subject} ${q(value)} ${matched ? yes : no}`] }
  }
  switch (cond.op) {
    case 'equals':
      return leaf(
        (v) => v === cond.value,
        `equals ${q(cond.value)}`,
        `does not equal ${q(cond.value)}`
      )
    case 'starts-with': {
      const x = q(cond.value)
      return leaf((v) => v.startsWith(cond.value), `starts with ${x}`, `does not start with ${x}`)
    }
    case 'ends-with':
      return leaf(
        (v) => v.endsWith(cond.value),
        `ends with ${q(cond.value)}`,
        `does not end with ${q(cond.value)}`
      )
    case 'contains':
      return leaf(
        (v) => v.includes(cond.value),
        `contains ${q(cond.value)}`,
        `does not contain ${q(cond.value)}`
      )
    case 'one-of': {
      const list = cond.values.map((x) => q(x)).join(', ')
      return leaf((v) => cond.values.includes(v), `is one of ${list}`, `is not one of ${list}`)
    }
    case 'not-one-of': {
      const list = cond.values.map((x) => q(x)).join(', ')
      if (value === undefined)
        return { matched: true, reasons: [`${subject} is not set, so it is none of ${list}`] }
      const matched = !cond.values.includes(value)
      return {
        matched,
        reasons: [`${subject} ${q(value)} ${matched ? 'is none of' : 'is one of'} ${list}`]
      }
    }
    case 'matches':
      if (value === undefined) {
        return {
          matched: false,
          reasons: [`${subject} is not set, so it does not match ${cond.filter.patterns.join(',')}`]
        }
      }
      return {
        matched: cond.filter.matches(value),
        reasons: [`${subject} ${cond.filter.explain(value)}`]
      }
    case 'all':
    case 'any':
      return combine(
        cond.op,
        cond.of.map((c) => evaluateValue(c, subject, value))
      )
    case 'not':
      return invert(evaluateValue(cond.of, subject, value))
  }
}

function combine(op: 'all' | 'any', results: Decision[]): Decision {
  const matched = op === 'all' ? results.every((r) => r.matched) : results.some((r) => r.matched)
  return { matched, reasons: results.flatMap((r) => r.reasons) }
}

function invert(inner: Decision): Decision {
  return {
    matched: !inner.matched,
    reasons: [...inner.reasons, `not: ${inner.matched ? 'matched, so no' : 'no match, so yes'}`]
  }
}

/**
 * Decides whether a candidate image satisfies a promotion's `when:` block.
 * `labels` are the image config labels; when the block needs labels and none
 * are given, every label counts as unset.
 */
export function evaluateWhen(
  when: When,
  image: { tag: string; labels?: Record<string, string> }
): Decision {
  switch (when.kind) {
    case 'tag':
      return evaluateValue(when.condition, 'tag', image.tag)
    case 'label':
      return evaluateValue(when.condition, `label ${when.name}`, image.labels?.[when.name])
    case 'all':
    case 'any':
      return combine(
        when.kind,
        when.of.map((w) => evaluateWhen(w, image))
      )
    case 'not':
      return invert(evaluateWhen(when.of, image))
  }
}
