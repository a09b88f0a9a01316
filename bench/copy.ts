// Copy benchmark: image-mirror copy against skopeo copy on the same copies,
// alternating runs, between two local registries. Prints medians and ratios:
//   1. a fresh copy of a 3-layer ~50 MB image (target: no slower than skopeo)
//   2. a repeat copy when everything exists (targets: one manifest request per
//      side, no blob traffic, wall time within 2x skopeo's, Node start-up included)
//   3. peak RSS while copying a 1 GB single-layer image (target: under 150 MB)
// It also prints each runtime's bare start (`node -e 0`, `skopeo --version`)
// and the fresh copy's ratio without it.
// Run: node_modules/.bin/node --import tsx bench/copy.ts [runs]
// IMAGE_MIRROR_BIN=path/to/image-mirror.js measures another build (default bin/image-mirror.js).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRegistry } from '../test/helpers/registry.js'
import { buildImage } from '../test/helpers/images.js'

const runs = Number(process.argv[2] ?? 5)
const node = join('node_modules', '.bin', 'node')
const bin = process.env.IMAGE_MIRROR_BIN ?? 'bin/image-mirror.js'

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; rssKb: number } {
  const started = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', env })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`)
  const rssKb = Number(r.stderr.trim().split('\n').at(-1))
  return { ms, rssKb }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const imageMirror = (src: string, dst: string, env?: NodeJS.ProcessEnv) =>
  timed(node, [bin, 'copy', src, dst, '--insecure'], env)
const skopeo = (src: string, dst: string) =>
  timed('skopeo', ['copy', '-q', '--src-tls-verify=false', '--dest-tls-verify=false', `docker://${src}`, `docker://${dst}`])

const a = await startRegistry({ name: 'bench-a', auth: 'none', deleteEnabled: true })
const b = await startRegistry({ name: 'bench-b', auth: 'none', deleteEnabled: true })
const traceDir = mkdtempSync(join(tmpdir(), 'im-bench-'))
try {
  const mb = 1024 * 1024
  const image = await buildImage({ registry: a, repository: 'bench/app', tag: 'v1', layers: [10 * mb, 15 * mb, 25 * mb] })
  console.log(`image ${image.ref} (3 layers, 50 MiB of random data), ${runs} alternating runs each\n`)

  // 1. Fresh copies: an empty registry per run and tool, so no blob is present,
  // and skopeo's blob-info cache cannot mount from an earlier run's repository.
  const fresh = { im: [] as number[], sk: [] as number[], imRss: [] as number[] }
  for (let i = 0; i < runs; i++) {
    for (const [tool, copy] of [['im', imageMirror], ['sk', skopeo]] as const) {
      const empty = await startRegistry({ name: `bench-fresh-${tool}-${i}`, auth: 'none', deleteEnabled: true })
      try {
        const run = copy(image.ref, `${empty.host}/fresh/app:v1`)
        fresh[tool].push(run.ms)
        if (tool === 'im') fresh.imRss.push(run.rssKb)
      } finally {
        await empty.stop()
      }
    }
  }

  // 2. Repeat copies onto a target that already holds the image.
  const target = `${b.host}/repeat/app:v1`
  imageMirror(image.ref, target)
  const repeat = { im: [] as number[], sk: [] as number[] }
  for (let i = 0; i < runs * 2; i++) {
    repeat.im.push(imageMirror(image.ref, target).ms)
    repeat.sk.push(skopeo(image.ref, target).ms)
  }
  const trace = join(traceDir, 'repeat.jsonl')
  imageMirror(image.ref, target, { ...process.env, IMAGE_MIRROR_TRACE: trace })
  const requests = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; url: string })
  const manifestsOn = (host: string) => requests.filter((r) => r.url.includes(host) && r.url.includes('/manifests/')).length
  const blobRequests = requests.filter((r) => r.url.includes('/blobs/')).length

  // The runtimes' own start, alternating too: what a process pays before it
  // runs any of its code (Node's boot against a Go binary's), to tell the
  // copy's work apart from the start of the runtime it must run on.
  const boot = { node: [] as number[], go: [] as number[] }
  for (let i = 0; i < runs * 2; i++) {
    boot.node.push(timed(node, ['-e', '0']).ms)
    boot.go.push(timed('skopeo', ['--version']).ms)
  }

  // 3. Peak RSS on a 1 GB single layer: memory must not grow with layer size.
  const big = await buildImage({ registry: a, repository: 'bench/big', tag: 'v1', layers: [1024 * mb] })
  const bigIm = imageMirror(big.ref, `${b.host}/big-im/app:v1`)
  const bigSk = skopeo(big.ref, `${b.host}/big-sk/app:v1`)

  const row = (label: string, im: number, sk: number, target: string) =>
    console.log(`${label.padEnd(34)} image-mirror ${im.toFixed(0).padStart(6)} ms   skopeo ${sk.toFixed(0).padStart(6)} ms   ratio ${(im / sk).toFixed(2)}   (${target})`)
  row('1. fresh copy, 50 MiB (median)', median(fresh.im), median(fresh.sk), 'target ≤ 1.00')
  const [nodeBoot, goBoot] = [median(boot.node), median(boot.go)]
  console.log(
    `   runtime start alone: node -e 0 ${nodeBoot.toFixed(0)} ms, skopeo --version ${goBoot.toFixed(0)} ms; ` +
      `the fresh copy without it: ${(median(fresh.im) - nodeBoot).toFixed(0)} ms against ${(median(fresh.sk) - goBoot).toFixed(0)} ms, ` +
      `ratio ${((median(fresh.im) - nodeBoot) / (median(fresh.sk) - goBoot)).toFixed(2)}`
  )
  row('2. repeat copy (median)', median(repeat.im), median(repeat.sk), 'target ≤ 2.00')
  console.log(`   repeat copy requests: ${manifestsOn(a.host)} manifest on the source, ${manifestsOn(b.host)} manifest on the target, ${blobRequests} blob (target 1, 1, 0)`)
  console.log(`   peak RSS of image-mirror on the 50 MiB copy: ${(median(fresh.imRss) / 1024).toFixed(0)} MB`)
  console.log(`3. 1 GiB single layer: image-mirror peak RSS ${(bigIm.rssKb / 1024).toFixed(0)} MB in ${(bigIm.ms / 1000).toFixed(1)} s; skopeo ${(bigSk.rssKb / 1024).toFixed(0)} MB in ${(bigSk.ms / 1000).toFixed(1)} s (target < 150 MB)`)
} finally {
  await Promise.all([a.stop(), b.stop()])
  rmSync(traceDir, { recursive: true, force: true })
}
