// Token scopes (distribution docs/spec/auth/scope.md; registry-protocol.md §2.4):
//
//   scope         := resourcescope [ ' ' resourcescope ]*
//   resourcescope := resourcetype ":" resourcename ":" action [ ',' action ]*
//
// A resource name may hold one ':' for a registry port, so a scope is parsed
// from both ends: the type ends at the first ':', the actions start after the last.
import { UserError } from '../errors.js'

/** One parsed resource scope. */
export interface Scope {
  /** `repository`, `registry`, or a legacy `repository(plugin)`. */
  type: string
  /** `foo/bar`, `localhost:5000/foo/bar`, `catalog`. */
  name: string
  /** `pull`, `push`, `delete`, `*`; may be empty. */
  actions: string[]
}

/** `repository:<name>:<actions>`, e.g. `repository:foo/bar:pull,push`; repeated actions dropped. */
export function repositoryScope(repository: string, actions: string[]): string {
  return formatScope({ type: 'repository', name: repository, actions: [...new Set(actions)] })
}

/**
 * Parses one resource scope (AT-AUTH-4: `repository:localhost:5000/foo/bar:pull`
 * has the name `localhost:5000/foo/bar`).
 * @throws UserError when type, name or the separators are missing
 */
export function parseScope(s: string): Scope {
  const first = s.indexOf(':')
  const last = s.lastIndexOf(':')
  const type = s.slice(0, first)
  const name = s.slice(first + 1, last)
  if (first === -1 || last === first || type === '' || name === '') {
    throw new UserError(`invalid token scope "${s}": expected type:name:actions`)
  }
  const actions = s.slice(last + 1).split(',').filter((a) => a !== '')
  return { type, name, actions }
}

/** `type:name:action,action`. */
export function formatScope(scope: Scope): string {
  return `${scope.type}:${scope.name}:${scope.actions.join(',')}`
}

/**
 * Merges scope strings into one set for a single token request (R-AUTH-2):
 * space-separated lists are split, the actions of the same type and name are
 * united, and the result is sorted (scopes and their actions) so equal sets
 * give equal token-cache keys. Entries that are not `type:name:actions` are
 * kept verbatim, since the token server may still understand them.
 */
export function mergeScopes(scopes: string[]): string[] {
  const merged = new Map<string, { type: string; name: string; actions: Set<string> }>()
  const opaque = new Set<string>()
  for (const text of scopes.flatMap((s) => s.split(/\s+/)).filter((s) => s !== '')) {
    let scope: Scope
    try {
      scope = parseScope(text)
    } catch {
      opaque.add(text)
      continue
    }
    const key = `${scope.type}:${scope.name}`
    const entry = merged.get(key) ?? { ...scope, actions: new Set<string>() }
    for (const action of scope.actions) entry.actions.add(action)
    merged.set(key, entry)
  }
  const formatted = [...merged.values()].map((m) =>
    formatScope({ type: m.type, name: m.name, actions: [...m.actions].sort(compare) })
  )
  return [...formatted, ...opaque].sort(compare)
}

// Code-unit order, independent of locale, so keys are the same on every runner.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
