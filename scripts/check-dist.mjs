// Fails when dist/ is not what src/ builds to: GitHub runs dist/, so a stale
// bundle ships old behaviour. Builds into a temporary directory and compares
// every file byte for byte.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

function listFiles(root) {
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort()
}

const fresh = mkdtempSync(join(tmpdir(), 'image-mirror-dist-'))
try {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', fresh], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const want = listFiles(fresh)
  const have = listFiles('dist')
  const stale = [
    ...want.filter((f) => !have.includes(f) || !readFileSync(join(fresh, f)).equals(readFileSync(join('dist', f)))),
    ...have.filter((f) => !want.includes(f))
  ]
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.length} files differ, e.g. dist/${stale[0]}): run \`npm run build\` and commit dist/`)
    process.exit(1)
  }
  console.log(`dist/ matches src/ (${want.length} files)`)
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
