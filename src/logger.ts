/**
 * Logging interface shared by the registry client and the engine. Surfaces
 * supply their own implementation (GitHub workflow commands, plain stderr for
 * the CLI and GitLab); library code never writes to the console directly.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  /** Runs `fn` inside a collapsible log section where the surface has one. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** A logger that drops everything: the default for library callers and tests. */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  group: (_name, fn) => fn()
}

/** Plain stderr logger: info and warnings always, debug when `verbose`. */
export function stderrLogger(verbose = false): Logger {
  const write = (line: string) => process.stderr.write(line + '\n')
  return {
    debug: (m) => {
      if (verbose) write(`debug: ${m}`)
    },
    info: (m) => write(m),
    warning: (m) => write(`warning: ${m}`),
    group: async (name, fn) => {
      write(`── ${name}`)
      return fn()
    }
  }
}
