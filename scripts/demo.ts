// The demo: image-mirror's main job against a registry it starts on loopback.
// Builds examples/hello (miss), builds again (hit: nothing is built), edits a
// file .dockerignore excludes (still a hit), edits a source file (miss, a new
// tag), then copies the image to another repository and lists the tags.
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startRegistry } from '../test/helpers/registry.js'

const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'image-mirror-demo-'))
const app = join(work, 'hello')
cpSync(join(root, 'examples', 'hello'), app, { recursive: true })

// buildah keeps its storage in the demo's temp dir and needs no daemon.
const env = {
  ...process.env,
  STORAGE_DRIVER: 'vfs',
  BUILDAH_ISOLATION: 'chroot',
  CONTAINERS_STORAGE_CONF: join(work, 'storage.conf')
}
appendFileSync(
  env.CONTAINERS_STORAGE_CONF,
  `[storage]\ndriver = "vfs"\nrunroot = "${join(work, 'run')}"\ngraphroot = "${join(work, 'storage')}"\n`
)

function imageMirror(args: string[]): { seconds: number; json: Record<string, unknown> } {
  const started = process.hrtime.bigint()
  const r = spawnSync(join(root, 'node_modules', '.bin', 'node'), [join(root, 'bin', 'image-mirror.js'), ...args], {
    env,
    encoding: 'utf8'
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (r.status !== 0) throw new Error(`image-mirror ${args[0]} failed:\n${r.stderr}`)
  return { seconds, json: JSON.parse(r.stdout) as Record<string, unknown> }
}

const registry = await startRegistry({ name: 'demo', auth: 'none', deleteEnabled: true })
try {
  const image = `${registry.host}/demo/hello`
  const build = (step: string) => {
    const { seconds, json } = imageMirror(['build', '--image', image, '--context', app, '--builder', 'buildah', '--insecure', '--json'])
    const verdict = json.cacheHit ? 'hit  — reused, nothing built' : 'miss — built and pushed'
    console.log(`${step.padEnd(38)} ${verdict.padEnd(30)} ${String(json.tag).padEnd(50)} ${seconds.toFixed(2)} s`)
    return json
  }
  console.log(`mirror registry: ${registry.url} (docker-registry on loopback)\n`)
  const first = build('1. first build')
  build('2. same inputs again')
  appendFileSync(join(app, 'docs', 'notes.md'), 'An edit to a file .dockerignore excludes.\n')
  build('3. edit docs/notes.md (ignored)')
  appendFileSync(join(app, 'app', 'index.html'), '<p>A change to the app.</p>\n')
  const changed = build('4. edit app/index.html (source)')
  console.log(`\nthe content tag changed with the source: ${first.tag} → ${changed.tag}`)

  const { json: copied } = imageMirror(['copy', String(changed.image), `${registry.host}/demo/released:v1`, '--insecure', '--json'])
  console.log(`copied to ${copied.target} by digest: ${copied.digest} (${(copied.blobs as { mounted: number }).mounted} blobs mounted, no bytes moved)`)
} finally {
  await registry.stop()
  rmSync(work, { recursive: true, force: true })
}
