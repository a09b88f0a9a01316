// Bundles each surface with ncc into dist/<entry>/ (or into --out DIR, which
// check-dist.mjs uses to compare a fresh build with the committed one).
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const ENTRIES = { cli: 'src/cli/index.ts', github: 'src/github/index.ts' }
const outIndex = process.argv.indexOf('--out')
const outRoot = outIndex > 0 ? process.argv[outIndex + 1] : 'dist'
const ncc = join('node_modules', '.bin', 'ncc')

for (const [name, entry] of Object.entries(ENTRIES)) {
  if (!existsSync(entry)) continue
  const out = join(outRoot, name)
  rmSync(out, { recursive: true, force: true })
  // No source-map-support shim: it costs ~50 ms at every start; node --enable-source-maps reads the maps when debugging.
  const args = ['build', entry, '-o', out, '--source-map', '--no-source-map-register', '--license', 'licenses.txt', '--quiet']
  const result = spawnSync(ncc, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`build: ncc failed for ${entry}`)
    process.exit(result.status ?? 1)
  }
}
