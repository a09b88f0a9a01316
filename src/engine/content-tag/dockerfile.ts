// Just enough Dockerfile parsing to know which build args the build can see
// and which stages exist (spec §3.4). Where this reading is unsure it errs
// towards counting an argument: a spurious rebuild is cheap, a stale image is not.

/** What the tag needs to know about a Dockerfile. */
export interface DockerfileFacts {
  /** Every name declared by an ARG instruction, before the first FROM or in any stage. */
  args: Set<string>
  /** Stage names from `FROM … AS name`, lower-cased as BuildKit compares them. */
  stages: string[]
  /** False when a `# syntax=` directive selects a frontend other than docker/dockerfile. */
  standardFrontend: boolean
}

const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/g
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD'])

/** Reads ARG declarations and stage names from Dockerfile text. */
export function readDockerfile(text: string): DockerfileFacts {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let escape = '\\'
  let standardFrontend = true
  let i = 0
  // Parser directives: only at the very top, ended by the first other line.
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!)
    if (!m) break
    const name = m[1]!.toLowerCase()
    if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2]
    if (name === 'syntax')
      standardFrontend = /^(docker\.io\/)?docker\/dockerfile(-upstream)?([:@].*)?$/.test(m[2]!)
  }
  const facts: DockerfileFacts = { args: new Set(), stages: [], standardFrontend }
  let logical = ''
  for (; i < lines.length; i++) {
    const raw = lines[i]!
    const trimmed = raw.trimStart()
    if (trimmed.startsWith('#')) continue
    if (logical !== '' && trimmed === '') continue
    const body = raw.trimEnd()
    if (body.endsWith(escape)) {
      logical += body.slice(0, -1) + ' '
      continue
    }
    logical += raw
    const line = logical.trim()
    logical = ''
    if (line === '') continue
    const word = /^(\S+)\s*(.*)$/s.exec(line)!
    const instruction = word[1]!.toUpperCase()
    const args = word[2]!
    if (instruction === 'ARG') for (const name of argNames(args)) facts.args.add(name)
    else if (instruction === 'FROM') {
      const stage = /\s[Aa][Ss]\s+(\S+)\s*$/.exec(' ' + args)
      if (stage) facts.stages.push(stage[1]!.toLowerCase())
    } else if (HEREDOC_INSTRUCTIONS.has(instruction)) {
      i = skipHeredocs(lines, i, args)
    }
  }
  return facts
}

/** `ARG a=1 "b" c` → a, b, c: the names before any `=`, quotes removed. */
function argNames(args: string): string[] {
  const names: string[] = []
  for (const token of shellWords(args)) {
    const eq = token.indexOf('=')
    const name = (eq >= 0 ? token.slice(0, eq) : token).replace(/["']/g, '')
    if (name !== '') names.push(name)
  }
  return names
}

/** Splits on white space outside single or double quotes. */
function shellWords(s: string): string[] {
  const words: string[] = []
  let current = ''
  let quote = ''
  for (const c of s) {
    if (quote !== '') {
      current += c
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") {
      quote = c
      current += c
    } else if (/\s/.test(c)) {
      if (current !== '') words.push(current)
      current = ''
    } else current += c
  }
  if (current !== '') words.push(current)
  return words
}

/** Skips the bodies of `<<WORD` here-documents opened on line `at`; returns the last line read. */
function skipHeredocs(lines: string[], at: number, args: string): number {
  let i = at
  for (const m of args.matchAll(HEREDOC)) {
    const stripTabs = m[1] === '-'
    const word = m[3]!
    for (i++; i < lines.length; i++) {
      const line = stripTabs ? lines[i]!.replace(/^\t+/, '') : lines[i]!
      if (line === word) break
    }
  }
  return i
}
