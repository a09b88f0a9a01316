// Small trees and git repositories for the content-tag tests.
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after } from 'node:test'

/** A file's content, an executable file, or a symlink target. */
export type Entry = string | { exec: string } | { link: string }
export type Tree = Record<string, Entry>

const created: string[] = []
after(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true })
})

/** A fresh empty directory under the system temp dir, removed when the test file ends. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `im-tag-${label}-`))
  created.push(dir)
  return dir
}

/** Writes entries below `root`, replacing what is there. */
export function writeTree(root: string, tree: Tree): string {
  for (const [path, entry] of Object.entries(tree)) {
    const abs = join(root, path)
    mkdirSync(dirname(abs), { recursive: true })
    rmSync(abs, { force: true })
    if (typeof entry === 'string') writeFileSync(abs, entry)
    else if ('exec' in entry) {
      writeFileSync(abs, entry.exec)
      chmodSync(abs, 0o755)
    } else symlinkSync(entry.link, abs)
  }
  return root
}

/** Runs git in `cwd` with a fixed identity; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'protocol.file.allow=always',
      ...args
    ],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
}

/** Makes `root` a repository with everything committed. */
export function commitAll(root: string): string {
  git(root, 'init', '-q')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', 'test')
  return root
}

/** Copies a directory (with .git, if any) to a new temp location. */
export function copyTree(from: string, label: string): string {
  const to = join(tempDir(label), 'copy')
  cpSync(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: false })
  return to
}
