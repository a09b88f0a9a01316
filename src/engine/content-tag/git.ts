// Running git and finding repositories for the content tag.
import { spawn } from 'node:child_process'
import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** git could not answer (not installed, not a work tree, refused the repository). */
export class GitUnavailable extends Error {
  override name = 'GitUnavailable'
}

// Variables a git hook or wrapper may set that would point git at another repository.
const REDIRECTING = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_PREFIX',
  'GIT_NAMESPACE'
]

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0'
  }
  for (const name of REDIRECTING) delete env[name]
  return env
}

/**
 * Runs git with an argument array in `cwd` and returns stdout as UTF-8.
 * `okCodes` lists exit codes that are answers rather than failures.
 */
export function runGit(
  cwd: string,
  args: string[],
  input?: string,
  okCodes: number[] = [0]
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: gitEnv(),
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout!.on('data', (b: Buffer) => out.push(b))
    child.stderr!.on('data', (b: Buffer) => err.push(b))
    child.on('error', (e) => reject(new GitUnavailable(`cannot run git: ${e.message}`)))
    child.on('close', (code) => {
      if (code !== null && okCodes.includes(code)) {
        resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8') })
      } else {
        const line = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? ''
        reject(new GitUnavailable(`git ${args[0]} failed in ${cwd}: ${line || `exit ${code}`}`))
      }
    })
    if (input !== undefined && child.stdin) child.stdin.end(input)
  })
}

/** The nearest directory at or above `dir` holding a `.git` entry (directory or file). */
export function findWorkTreeRoot(dir: string): string | undefined {
  let current = resolve(dir)
  for (;;) {
    if (existsSync(join(current, '.git'))) return current
    const parent = dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/**
 * The repository's git directories for a work tree root: its own and, for a
 * linked worktree, the common one. `.git` may be a file ("gitdir: …") in
 * submodules and worktrees.
 */
export function gitDirs(top: string): string[] {
  const dotGit = join(top, '.git')
  try {
    if (lstatSync(dotGit).isDirectory()) return [dotGit]
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))
    if (!m) return []
    const own = resolve(top, m[1]!)
    const dirs = [own]
    try {
      dirs.push(resolve(own, readFileSync(join(own, 'commondir'), 'utf8').trim()))
    } catch {
      // Not a linked worktree.
    }
    return dirs
  } catch {
    return []
  }
}
