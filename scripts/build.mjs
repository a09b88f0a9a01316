// Bundles each surface with ncc into dist/<entry>/ (or into --out DIR, which
// check-dist.mjs uses to compare a fresh build with the committed one).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')
const ts = require('typescript')

const ENTRIES = { cli: 'src/cli/index.ts', github: 'src/github/index.ts' }
const outIndex = process.argv.indexOf('--out')
const outRoot = outIndex > 0 ? process.argv[outIndex + 1] : 'dist'

const EXTERNALS = {
  // image-mirror speaks HTTP/1.1 only (allowH2: false), but undici's client
  // loads node:http2 when it loads, which loads tls: some 30 ms of every
  // start. A name that cannot resolve makes undici take its own fallback
  // for a Node without http2 (client-h2.js: http2 = { constants: {} }).
  'node:http2': 'image-mirror:http2-unused'
}

// Stand-ins for built-ins the CLI's undici loads only to read a constant or to
// call assert(): scripts/shims/ says what each provides, and each loads the
// real module for anything else. They are copied next to the bundle. Only the
// CLI: the action's @actions/* clients use node:http for real.
const SHIMS = { 'node:http': 'node-http.cjs', 'node:assert': 'node-assert.cjs' }

const OPTIONS = {
  sourceMap: true,
  // No source-map-support shim: it costs ~50 ms at every start; node --enable-source-maps reads the maps when debugging.
  sourceMapRegister: false,
  license: 'licenses.txt',
  quiet: true
}

/**
 * The bundle with every non-ASCII character written as a \\u escape. V8 keeps
 * a script with any non-ASCII character (a dash in a comment will do) as a
 * two-byte string, and reading and compiling the CLI's chunks then takes a
 * third longer at every start. The escape means the same character in
 * comments, strings, templates, regular expressions and identifiers; only the
 * raw text of a tagged template would change, so a bundle with non-ASCII text
 * in one fails the build (found with TypeScript's parser).
 */
function asciiOnly(file, code) {
  const text = String(code)
  if (!/[^\x00-\x7f]/.test(text)) return text
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && /[^\x00-\x7f]/.test(node.template.getText(source))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
      console.error(`build: ${file}:${line + 1}: a tagged template with non-ASCII text cannot be escaped`)
      process.exit(1)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

for (const [name, entry] of Object.entries(ENTRIES)) {
  const out = join(outRoot, name)
  const shims = name === 'cli' ? SHIMS : {}
  const externals = { ...EXTERNALS }
  for (const [builtin, file] of Object.entries(shims)) externals[builtin] = `./${file}`
  rmSync(out, { recursive: true, force: true })
  let result
  try {
    result = await ncc(join(process.cwd(), entry), { ...OPTIONS, externals })
  } catch (error) {
    console.error(`build: ncc failed for ${entry}: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
  const { code, map, assets } = result
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'index.js'), asciiOnly(`${name}/index.js`, code))
  if (map) writeFileSync(join(out, 'index.js.map'), map)
  for (const [file, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(out, file)), { recursive: true })
    const source = file.endsWith('.js') ? asciiOnly(`${name}/${file}`, asset.source) : asset.source
    writeFileSync(join(out, file), source, { mode: asset.permissions })
  }
  for (const file of Object.values(shims)) copyFileSync(join('scripts', 'shims', file), join(out, file))
}
