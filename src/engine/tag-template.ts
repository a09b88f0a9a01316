import { createHash } from 'node:crypto'
import { UserError } from '../errors.js'

/** Values a destination tag template can use; `now` is injected so rendering is pure. */
export interface TagTemplateVars {
  tag?: string
  /** Image digest, `sha256:<hex>`. */
  digest?: string
  /** Git commit id. */
  sha?: string
  branch?: string
  now: Date
}

/** Every placeholder a template may use; `{date:FORMAT}` is listed as `date`. */
export const TAG_TEMPLATE_PLACEHOLDERS = [
  'tag',
  'digest',
  'short_digest',
  'sha',
  'short_sha',
  'branch',
  'timestamp',
  'date'
] as const
export type Placeholder = (typeof TAG_TEMPLATE_PLACEHOLDERS)[number]
const PLACEHOLDER_LIST = TAG_TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')

/** Longest tag the distribution spec allows. */
export const MAX_TAG_LENGTH = 128
const TRUNCATION_HASH_LENGTH = 8

type Part = { text: string } | { name: Placeholder; format?: string }

/** Splits a template into literal text and placeholders; throws a UserError on bad syntax. */
function parseTemplate(template: string): Part[] {
  const parts: Part[] = []
  let rest = template
  while (rest !== '') {
    const open = rest.indexOf('{')
    if (open < 0) {
      parts.push({ text: rest })
      break
    }
    if (open > 0) parts.push({ text: rest.slice(0, open) })
    const close = rest.indexOf('}', open)
    if (close < 0) throw templateError(template, `"{" at "${rest.slice(open)}" is never closed`)
    const body = rest.slice(open + 1, close)
    const colon = body.indexOf(':')
    const name = colon < 0 ? body : body.slice(0, colon)
    if (!(TAG_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw templateError(
        template,
        `unknown placeholder {${body}}; use ${PLACEHOLDER_LIST}`
      )
    }
    if (colon >= 0 && name !== 'date') throw templateError(template, `{${name}} takes no format`)
    const format = colon < 0 ? undefined : body.slice(colon + 1)
    if (format === '')
      throw templateError(template, '{date:} needs a format such as {date:YYYYMMDD}')
    parts.push(format === undefined ? { name: name as Placeholder } : { name: 'date', format })
    rest = rest.slice(close + 1)
  }
  return parts
}

function templateError(template: string, problem: string): UserError {
  return new UserError(`tag template "${template}": ${problem}`)
}

/**
 * Checks a template at config load time and returns the placeholders it uses,
 * so that callers know up front which values (digest, commit, branch) they
 * must supply. Throws a UserError on an unknown placeholder or a template that
 * can never give a valid tag.
 */
export function validateTagTemplate(template: string): Placeholder[] {
  const parts = parseTemplate(template)
  renderTagTemplate(template, {
    tag: 'tag',
    digest: `sha256:${'0'.repeat(64)}`,
    sha: '0'.repeat(40),
    branch: 'main',
    now: new Date(0)
  })
  return [...new Set(parts.flatMap((p) => ('name' in p ? [p.name] : [])))]
}

/** Explains what is wrong with a template, or returns undefined when it is valid. */
export function tagTemplateProblem(template: string): string | undefined {
  try {
    validateTagTemplate(template)
    return undefined
  } catch (error) {
    const prefix = `tag template "${template}": `
    if (error instanceof UserError && error.message.startsWith(prefix)) {
      return error.message.slice(prefix.length)
    }
    throw error
  }
}

/**
 * Renders a destination tag: `{tag}`, `{digest}` (as `sha256-<hex>`, since a
 * colon is not allowed in tags), `{short_digest}` (12 hex), `{sha}`,
 * `{short_sha}` (7), `{branch}`, `{timestamp}` (UTC `YYYYMMDDHHmmss`),
 * `{date:FORMAT}` (UTC; tokens YYYY MM DD HH mm ss, other characters literal;
 * `{date}` alone is `YYYYMMDD`). The result is sanitised into a valid tag.
 */
export function renderTagTemplate(template: string, vars: TagTemplateVars): string {
  const rendered = parseTemplate(template)
    .map((part) => ('text' in part ? part.text : value(template, part, vars)))
    .join('')
  return sanitizeTag(rendered, template)
}

function value(
  template: string,
  part: { name: Placeholder; format?: string },
  vars: TagTemplateVars
): string {
  const need = (v: string | undefined, what: string): string => {
    if (v === undefined || v === '') {
      throw templateError(template, `{${part.name}} needs ${what}, which is not known here`)
    }
    return v
  }
  switch (part.name) {
    case 'tag':
      return need(vars.tag, 'the source tag')
    case 'digest':
      return need(vars.digest, 'the image digest').replace(':', '-')
    case 'short_digest':
      return digestHex(template, need(vars.digest, 'the image digest')).slice(0, 12)
    case 'sha':
      return need(vars.sha, 'the git commit (run in CI or pass --sha)')
    case 'short_sha':
      return need(vars.sha, 'the git commit (run in CI or pass --sha)').slice(0, 7)
    case 'branch':
      return need(vars.branch, 'the git branch (run in CI on a branch or pass --branch)')
    case 'timestamp':
      return formatDate(vars.now, 'YYYYMMDDHHmmss')
    case 'date':
      return formatDate(vars.now, part.format ?? 'YYYYMMDD')
  }
}

function digestHex(template: string, digest: string): string {
  const hex = digest.slice(digest.indexOf(':') + 1)
  if (!/^[a-f0-9]{12,}$/.test(hex))
    throw templateError(template, `digest "${digest}" is not algorithm:hex`)
  return hex
}

/** Formats a UTC date with the tokens YYYY MM DD HH mm ss; everything else is literal. */
export function formatDate(date: Date, format: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  const tokens: Record<string, string> = {
    YYYY: pad(date.getUTCFullYear(), 4),
    MM: pad(date.getUTCMonth() + 1),
    DD: pad(date.getUTCDate()),
    HH: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds())
  }
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (t) => tokens[t] as string)
}

/**
 * Turns any text into a valid tag (`[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`): each
 * run of invalid characters becomes `-`, leading `.` and `-` are dropped, and
 * a text longer than 128 characters is cut to 119 and given `-` plus 8 hex of
 * the SHA-256 of the whole text, so two long texts that share a prefix still
 * give different tags. Throws a UserError when nothing valid is left.
 */
export function sanitizeTag(text: string, source = text): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '')
  if (cleaned === '') {
    throw new UserError(
      `tag template "${source}": gives "${text}", which has no valid tag characters`
    )
  }
  if (cleaned.length <= MAX_TAG_LENGTH) return cleaned
  const hash = createHash('sha256').update(text).digest('hex').slice(0, TRUNCATION_HASH_LENGTH)
  return `${cleaned.slice(0, MAX_TAG_LENGTH - TRUNCATION_HASH_LENGTH - 1)}-${hash}`
}
