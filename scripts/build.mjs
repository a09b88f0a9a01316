// Bundles each surface with ncc into dist/<entry>/ (or into --out DIR, which
// check-dist.mjs uses to compare a fresh build with the committed one).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')

const ENTRIES = { cli: 'src/cli/index.ts', github: 'src/github/index.ts' }
const outIndex = process.argv.indexOf('--out')
const outRoot = outIndex > 0 ? process.argv[outIndex + 1] : 'dist'

const OPTIONS = {
  sourceMap: true,
  // No source-map-support shim: it costs ~50 ms at every start; node --enable-source-maps reads the maps when debugging.
  sourceMapRegister: false,
  license: 'licenses.txt',
  quiet: true,
  externals: {
    // image-mirror speaks HTTP/1.1 only (allowH2: false), but undici's client
    // loads node:http2 when it loads, which loads tls: some 30 ms of every
    // start. A name that cannot resolve makes undici take its own fallback
    // for a Node without http2 (client-h2.js: http2 = { constants: {} }).
    'node:http2': 'image-mirror:http2-unused'
  }
}

for (const [name, entry] of Object.entries(ENTRIES)) {
  const out = join(outRoot, name)
  rmSync(out, { recursive: true, force: true })
  let result
  try {
    result = await ncc(join(process.cwd(), entry), OPTIONS)
  } catch (error) {
    console.error(`build: ncc failed for ${entry}: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
  const { code, map, assets } = result
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'index.js'), code)
  if (map) writeFileSync(join(out, 'index.js.map'), map)
  for (const [file, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(out, file)), { recursive: true })
    writeFileSync(join(out, file), asset.source, { mode: asset.permissions })
  }
}
