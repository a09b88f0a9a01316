/** The result of expanding `${VAR}` references in one string. */
export interface Interpolated {
  value: string
  /** Names of the variables that were read, in order, for error messages that must hide values. */
  vars: string[]
}

/** An interpolation problem; the config loader adds the file position and key path. */
export class InterpolationError extends Error {
  override name = 'InterpolationError'
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Expands environment variables in a config string:
 * - `${NAME}` is the value of NAME; an unset NAME is an error (an empty one is "").
 * - `${NAME:-default}` is the value of NAME, or `default` when NAME is unset or
 *   empty (the shell rule); the default is literal text up to the next `}`.
 * - `$${` is a literal `${`; a `$` anywhere else is literal.
 * There is no nesting and no other shell syntax, so `${A:-${B}}` is an error.
 */
export function interpolate(text: string, env: NodeJS.ProcessEnv): Interpolated {
  const vars: string[] = []
  let value = ''
  let rest = text
  for (;;) {
    const at = rest.indexOf('${')
    if (at < 0) break
    if (at > 0 && rest[at - 1] === '$') {
      value += rest.slice(0, at - 1) + '${'
      rest = rest.slice(at + 2)
      continue
    }
    value += rest.slice(0, at)
    const close = rest.indexOf('}', at)
    if (close < 0) {
      throw new InterpolationError(`"\${" is never closed; write $\${ for a literal "\${"`)
    }
    const body = rest.slice(at + 2, close)
    const sep = body.indexOf(':-')
    const name = sep < 0 ? body : body.slice(0, sep)
    if (!NAME.test(name)) {
      throw new InterpolationError(
        `"\${${body}}" is not a variable reference; ` +
          'use ${NAME} or ${NAME:-default}, or $${ for a literal'
      )
    }
    const fallback = sep < 0 ? undefined : body.slice(sep + 2)
    if (fallback?.includes('${')) {
      throw new InterpolationError(`the default of \${${name}} cannot contain another \${...}`)
    }
    const found = env[name]
    vars.push(name)
    if (fallback !== undefined && (found === undefined || found === '')) {
      value += fallback
    } else if (found === undefined) {
      throw new InterpolationError(`environment variable ${name} is not set`)
    } else {
      value += found
    }
    rest = rest.slice(close + 1)
  }
  return { value: value + rest, vars }
}
