// Reading .dockerignore files as BuildKit's dockerui frontend does (spec §4.1).
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../../errors.js'
import { goCleanPath, goTrimSpace } from './go-text.js'
import { newPatternMatcher, PatternError, type PatternMatcher } from './pattern-matcher.js'

/**
 * moby/patternmatcher's ignorefile.ReadAll: strip a UTF-8 byte order mark,
 * split lines (a trailing CR is dropped), skip lines that start with `#` in the
 * first column, trim white space, skip blank lines, clean the path (keeping a
 * leading `!`) and drop one leading `/`.
 */
export function readIgnoreLines(text: string): string[] {
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const out: string[] = []
  for (let line of lines) {
    if (line.endsWith('\r')) line = line.slice(0, -1)
    // The comment test comes before trimming: "  # x" is a pattern, not a comment.
    if (line.startsWith('#')) continue
    let pattern = goTrimSpace(line)
    if (pattern === '') continue
    const invert = pattern.startsWith('!')
    if (invert) pattern = goTrimSpace(pattern.slice(1))
    if (pattern.length > 0) {
      pattern = goCleanPath(pattern)
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
    }
    out.push(invert ? '!' + pattern : pattern)
  }
  return out
}

/** The ignore file that applies to a build and its parsed patterns. */
export interface IgnoreFile {
  /** Absolute path of the file read, or undefined when there is none. */
  path?: string
  patterns: string[]
  matcher: PatternMatcher
}

/**
 * Finds the ignore file BuildKit uses: `<Dockerfile name>.dockerignore` next to
 * the Dockerfile when it exists, else `.dockerignore` at the context root.
 * `dockerfileAsNamed` is the Dockerfile path as the user named it (before the
 * lowercase `dockerfile` fallback), because BuildKit derives the name from it.
 */
export async function loadIgnoreFile(
  context: string,
  dockerfileAsNamed: string
): Promise<IgnoreFile> {
  const candidates = [
    join(dirname(dockerfileAsNamed), basename(dockerfileAsNamed) + '.dockerignore'),
    join(context, '.dockerignore')
  ]
  for (const path of candidates) {
    let text: string
    try {
      // Synchronous: one small file, and fs/promises costs start-up time the tag command avoids.
      text = readFileSync(path, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') continue
      throw new UserError(`cannot read ignore file ${path}: ${code ?? String(error)}`)
    }
    const patterns = readIgnoreLines(text)
    return { path, patterns, matcher: compileIgnore(path, patterns) }
  }
  return { patterns: [], matcher: newPatternMatcher([]) }
}

/** Compiles patterns, turning a pattern error into a UserError that names the file. */
export function compileIgnore(path: string, patterns: string[]): PatternMatcher {
  try {
    return newPatternMatcher(patterns)
  } catch (error) {
    if (error instanceof PatternError)
      throw new UserError(`invalid pattern in ${path}: ${error.message}`)
    throw error
  }
}
