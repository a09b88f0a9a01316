// Sync benchmark: image-mirror sync against skopeo sync over the same change.
// A source repository holds 200 tags of three small multi-layer images; both
// tools sync it once, then each round re-points 10 tags upstream and times
// `image-mirror sync` and `skopeo sync --src docker --dest docker` (each into
// its own target), alternating. Prints medians, the ratio and image-mirror's
// HTTP requests per unchanged tag (IMAGE_MIRROR_TRACE).
// Targets: at most half of skopeo's time; at most 2 requests per unchanged tag.
// Run: node_modules/.bin/node --import tsx bench/sync.ts [rounds]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RegistryClient } from '../src/oci/client.js'
import { Transport } from '../src/oci/transport.js'
import type { RawManifest } from '../src/oci/types.js'
import { buildImage } from '../test/helpers/images.js'
import { startRegistry } from '../test/helpers/registry.js'

const rounds = Number(process.argv[2] ?? 5)
const TAGS = 200
const CHANGED = 10
const node = join('node_modules', '.bin', 'node')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { encoding: 'utf8', env })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`)
  return ms
}

const src = await startRegistry({ name: 'bench-sync-src', auth: 'none', deleteEnabled: true })
const dst = await startRegistry({ name: 'bench-sync-dst', auth: 'none', deleteEnabled: true })
const work = mkdtempSync(join(tmpdir(), 'im-bench-sync-'))
// A private build of the CLI, started like bin/image-mirror.js: dist/ may be rebuilt meanwhile.
spawnSync(node, ['scripts/build.mjs', '--out', join(work, 'dist')], { stdio: 'inherit' })
writeFileSync(join(work, 'dist', 'package.json'), '{"type":"module"}\n')
const cli = join(work, 'dist', 'image-mirror.js')
writeFileSync(cli, "import module from 'node:module'\nmodule.enableCompileCache?.()\nawait import('./cli/index.js')\n")
const transport = new Transport({ insecure: true })
const client = new RegistryClient(transport)
try {
  const repository = 'bench/app'
  const kb = 1024
  const images = await Promise.all(
    ['a', 'b', 'c'].map((seed) => buildImage({ registry: src, repository, tag: `seed-${seed}`, layers: [40 * kb, 20 * kb, 10 * kb] }))
  )
  const manifests: RawManifest[] = await Promise.all(
    images.map((i) => client.getManifest({ registry: src.host, repository, digest: i.digest }))
  )
  const tags = Array.from({ length: TAGS - images.length }, (_, n) => `v${String(n).padStart(3, '0')}`)
  await Promise.all(tags.map((tag, n) => client.putManifest(src.host, repository, tag, manifests[n % 3]!)))
  const allTags = await client.listTags(src.host, repository)
  console.log(`source: ${src.host}/${repository} with ${allTags.length} tags of 3 images (3 layers, 70 KiB each)`)

  const config = join(work, 'sync.yml')
  writeFileSync(
    config,
    [
      'version: 1',
      'mirror:',
      `  registry: ${dst.host}`,
      '  mode: cluster',
      'registries:',
      `  - host: ${src.host}`,
      '    insecure: true',
      `  - host: ${dst.host}`,
      '    insecure: true',
      'sync:',
      '  - name: bench',
      `    source: ${src.host}/${repository}`,
      `    target: ${dst.host}/im/app`,
      '    tags: "*"',
      ''
    ].join('\n')
  )
  const imageMirror = (env: NodeJS.ProcessEnv = process.env) => timed(node, [cli, 'sync', '--config', config], env)
  const skopeo = () =>
    timed('skopeo', [
      '--insecure-policy', 'sync', '--src', 'docker', '--dest', 'docker',
      '--src-tls-verify=false', '--dest-tls-verify=false',
      `${src.host}/${repository}`, `${dst.host}/skopeo`
    ])
  // Round k re-points the next 10 tags to the next image, so each round is a real change of 10 tags.
  let round = 0
  const current = new Map(tags.map((tag, n) => [tag, n % 3]))
  const change = async (): Promise<string[]> => {
    round++
    const moved = tags.slice((round * CHANGED) % tags.length, (round * CHANGED) % tags.length + CHANGED)
    await Promise.all(
      moved.map((tag) => {
        const next = ((current.get(tag) as number) + 1) % 3
        current.set(tag, next)
        return client.putManifest(src.host, repository, tag, manifests[next]!)
      })
    )
    return moved
  }

  const firstIm = imageMirror()
  const firstSk = skopeo()
  console.log(`first sync of ${TAGS} tags: image-mirror ${firstIm.toFixed(0)} ms, skopeo ${firstSk.toFixed(0)} ms`)

  const im: number[] = []
  const sk: number[] = []
  for (let i = 0; i < rounds; i++) {
    await change()
    if (i % 2 === 0) {
      im.push(imageMirror())
      sk.push(skopeo())
    } else {
      sk.push(skopeo())
      im.push(imageMirror())
    }
  }

  // One more change, traced: requests image-mirror makes for the 190 unchanged tags.
  const moved = new Set(await change())
  const trace = join(work, 'trace.jsonl')
  imageMirror({ ...process.env, IMAGE_MIRROR_TRACE: trace })
  skopeo()
  const requests = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; url: string })
  const onImages = requests.filter((r) => !r.url.includes('/image-mirror-state/'))
  const unchangedTagRequests = onImages.filter((r) => {
    const m = /\/manifests\/([^/]+)$/.exec(r.url)
    return m !== null && !m[1]!.startsWith('sha256:') && !moved.has(m[1]!)
  }).length
  const unchanged = allTags.length - moved.size
  const blobs = onImages.filter((r) => r.url.includes('/blobs/')).length
  const state = requests.length - onImages.length

  const ratio = median(im) / median(sk)
  const perTag = unchangedTagRequests / unchanged
  console.log(`\n${CHANGED} of ${TAGS} tags changed, ${rounds} alternating rounds (medians):`)
  console.log(`  image-mirror sync ${median(im).toFixed(0).padStart(6)} ms   (runs: ${im.map((x) => x.toFixed(0)).join(', ')})`)
  console.log(`  skopeo sync       ${median(sk).toFixed(0).padStart(6)} ms   (runs: ${sk.map((x) => x.toFixed(0)).join(', ')})`)
  console.log(`  ratio ${ratio.toFixed(2)} (target ≤ 0.50) ${ratio <= 0.5 ? 'met' : 'MISSED'}`)
  console.log(
    `  requests: ${requests.length} in all; ${unchangedTagRequests} for ${unchanged} unchanged tags = ` +
      `${perTag.toFixed(2)} per unchanged tag (target ≤ 2) ${perTag <= 2 ? 'met' : 'MISSED'}; ` +
      `${blobs} blob requests for the ${moved.size} changed tags; ${state} on the sync state`
  )
} finally {
  await transport.close()
  await Promise.all([src.stop(), dst.stop()])
  rmSync(work, { recursive: true, force: true })
}
