// Generates the content-tag benchmark tree once: a git repository of 50,000
// files totalling about 500 MB in nested directories, sizes spread from a few
// bytes to about a megabyte. Deterministic, so every run measures the same tree.
// Run: node_modules/.bin/node --import tsx bench/tag-tree.ts <dir> [files] [megabytes]
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? '.tmp/bench/tag-tree'
const fileCount = Number(process.argv[3] ?? 50_000)
const totalBytes = Number(process.argv[4] ?? 500) * 1024 * 1024

/** mulberry32: a small seeded generator, so the tree is the same on every machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rnd = random(42)
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

// About 2,500 directories, each under a random earlier one, at most 7 deep.
const dirs: Array<{ path: string; depth: number }> = [{ path: '', depth: 0 }]
while (dirs.length < 2500) {
  const parent = dirs[Math.floor(rnd() * dirs.length)]!
  if (parent.depth >= 7) continue
  const path = parent.path === '' ? `d${dirs.length}` : `${parent.path}/d${dirs.length}`
  dirs.push({ path, depth: parent.depth + 1 })
}
for (const d of dirs) mkdirSync(join(dir, d.path), { recursive: true })

// Mostly small files and a tail of large ones (log-uniform in two bands), scaled to the total.
const sizes = Array.from({ length: fileCount }, () => {
  const [lo, hi] = rnd() < 0.9 ? [64, 16 * 1024] : [16 * 1024, 1024 * 1024]
  return Math.exp(Math.log(lo) + rnd() * (Math.log(hi) - Math.log(lo)))
})
const scale = totalBytes / sizes.reduce((a, b) => a + b, 0)

const pool = Buffer.alloc(16 * 1024 * 1024)
for (let i = 0; i < pool.length; i += 4) pool.writeUInt32LE(Math.floor(rnd() * 4294967296), i)
const extensions = ['.ts', '.js', '.json', '.md', '.png', '.txt', '.go', '.css']
sizes.forEach((s, i) => {
  const size = Math.max(1, Math.round(s * scale))
  const start = Math.floor(rnd() * (pool.length - size))
  const d = dirs[Math.floor(rnd() * dirs.length)]!
  const name = `f${i}${extensions[i % extensions.length]}`
  writeFileSync(join(dir, d.path, name), pool.subarray(start, start + size), {
    mode: i % 50 === 0 ? 0o755 : 0o644
  })
})
writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nARG VERSION\nCOPY . /srv\n')
writeFileSync(join(dir, '.dockerignore'), '.git\n**/*.tmp\nbuild/\n!build/keep\n')

const git = (...args: string[]) => {
  const r = spawnSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args],
    { cwd: dir, stdio: 'inherit' }
  )
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed`)
}
git('init', '-q')
git('add', '-A')
git('commit', '-q', '-m', 'benchmark tree')
writeFileSync(join(dir, '.git', 'bench-done'), `${fileCount} ${totalBytes}\n`)
