// A spy for a builder program (buildah, podman): a shell script of the same
// name, put first on PATH, logs every invocation and then runs the real
// program. How end-to-end tests see whether a build ran at all, and with
// which flags, while the real builder still does the work.
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export interface CommandSpy {
  /** The directory holding the spy: put it first on PATH. */
  bin: string
  /** Invocations since the last call, one command line each (arguments joined by spaces). */
  calls(): string[]
}

/** Installs a spy for `command` in `dir`/bin; its log lives in `dir` too. */
export function spyOnCommand(command: string, dir: string): CommandSpy {
  const bin = join(dir, 'bin')
  const log = join(dir, `${command}-calls.log`)
  mkdirSync(bin, { recursive: true })
  const spy = join(bin, command)
  writeFileSync(spy, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${findOnPath(command, bin)}' "$@"\n`)
  chmodSync(spy, 0o755)
  return {
    bin,
    calls() {
      if (!existsSync(log)) return []
      const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean)
      rmSync(log)
      return lines
    }
  }
}

/** The real program: the first executable `command` on PATH outside the spy's own directory. */
function findOnPath(command: string, skip: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir === skip) continue
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  throw new Error(`${command} is not on PATH: run scripts/install-deps.sh`)
}
