// The cache-hit path end to end: `image-mirror build` on the 50,000-file tree
// of bench/tag-speed.sh when the registry already has the image. Target:
// under 1.5 s, one manifest request, no build.
// Run: node_modules/.bin/node --import tsx bench/build-hit.ts [runs]
// (bench/tag-speed.sh generates the tree under .tmp/bench/tag-tree first.)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildImage } from '../test/helpers/images.js'
import { startRegistry } from '../test/helpers/registry.js'

const runs = Number(process.argv[2] ?? 5)
const tree = join('.tmp', 'bench', 'tag-tree')
if (!existsSync(join(tree, '.git'))) throw new Error(`run bench/tag-speed.sh first: it generates ${tree}`)
const node = join('node_modules', '.bin', 'node')
const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const started = process.hrtime.bigint()
  const r = spawnSync(node, ['bin/image-mirror.js', ...args], { encoding: 'utf8', env })
  if (r.status !== 0) throw new Error(`image-mirror ${args[0]} failed: ${r.stderr}`)
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: r.stdout }
}

const registry = await startRegistry({ name: 'bench-hit', auth: 'none', deleteEnabled: true })
const work = mkdtempSync(join(tmpdir(), 'im-bench-hit-'))
try {
  const { tag } = JSON.parse(cli(['tag', '--context', tree, '--json']).stdout) as { tag: string }
  // The hit path only asks whether IMAGE:TAG exists, so a small image under the tree's tag stands in
  // for the built one (building 500 MB of context would measure the builder, not the hit).
  await buildImage({ registry, repository: 'bench/hit', tag, layers: [1000] })
  const args = ['build', '--image', `${registry.host}/bench/hit`, '--context', tree, '--builder', 'buildah', '--insecure', '--json']
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const out = cli(args)
    if (!(JSON.parse(out.stdout) as { cacheHit: boolean }).cacheHit) throw new Error('expected a cache hit')
    times.push(out.ms)
  }
  const trace = join(work, 'trace.jsonl')
  cli(args, { ...process.env, IMAGE_MIRROR_TRACE: trace })
  const requests = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; url: string })
  const manifests = requests.filter((r) => r.url.includes('/manifests/')).map((r) => r.method)
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
  console.log(`build, cache hit on the 50,000-file tree: median ${median.toFixed(0)} ms over ${runs} runs (target < 1500 ms: ${median < 1500 ? 'met' : 'MISSED'})`)
  console.log(`  requests: ${requests.length} in all, manifest requests: ${manifests.join(', ')} (target: one HEAD)`)
} finally {
  await registry.stop()
  rmSync(work, { recursive: true, force: true })
}
