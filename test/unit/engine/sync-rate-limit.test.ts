// Docker Hub cannot be reached from the test machines, so its RateLimit
// behaviour is played by an in-memory registry: manifest GETs on docker.io
// spend one pull and every manifest response reports what is left
// (docs.docker.com/docker-hub/usage/pulls). Everything else is the real engine.
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import type { Config, SyncRule } from '../../../src/engine/config/types.js'
import { compileTagPatterns } from '../../../src/engine/tag-patterns.js'
import { StateStore, syncAll, syncSummaryMarkdown, type SyncClient } from '../../../src/engine/sync/index.js'
import type { RateLimit } from '../../../src/oci/client.js'
import type { DeleteTagResult } from '../../../src/oci/delete.js'
import { digestOf } from '../../../src/oci/digest.js'
import { MEDIATYPE_OCI_MANIFEST } from '../../../src/oci/media-types.js'
import type { Descriptor, ManifestHead, RawManifest, Reference } from '../../../src/oci/types.js'
import { nullLogger } from '../../../src/logger.js'

const HUB = 'docker.io'
const MIRROR = 'mirror.example'

class FakeRegistry implements SyncClient {
  readonly manifests = new Map<string, Map<string, RawManifest>>()
  readonly blobs = new Map<string, Map<string, Buffer>>()
  remaining: number
  lastRateLimit?: RateLimit
  pulls = 0

  constructor(remaining: number) {
    this.remaining = remaining
  }

  #repo<T>(map: Map<string, Map<string, T>>, registry: string, repository: string): Map<string, T> {
    const key = `${registry}/${repository}`
    let repo = map.get(key)
    if (repo === undefined) map.set(key, (repo = new Map()))
    return repo
  }

  #report(registry: string): void {
    if (registry === HUB) this.lastRateLimit = { limit: 100, remaining: this.remaining, windowSeconds: 21600 }
  }

  async headManifest(ref: Reference): Promise<ManifestHead | undefined> {
    this.#report(ref.registry)
    const m = this.#repo(this.manifests, ref.registry, ref.repository).get(ref.digest ?? ref.tag ?? 'latest')
    return m && { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length }
  }

  async getManifest(ref: Reference): Promise<RawManifest> {
    if (ref.registry === HUB) {
      this.pulls++
      this.remaining--
    }
    this.#report(ref.registry)
    const m = this.#repo(this.manifests, ref.registry, ref.repository).get(ref.digest ?? ref.tag ?? 'latest')
    if (m === undefined) throw new Error(`manifest unknown: ${ref.repository}`)
    return m
  }

  async putManifest(registry: string, repository: string, reference: string, manifest: RawManifest): Promise<string> {
    const repo = this.#repo(this.manifests, registry, repository)
    repo.set(reference, manifest)
    repo.set(manifest.digest, manifest)
    return manifest.digest
  }

  async headBlob(registry: string, repository: string, digest: string): Promise<number | undefined> {
    return this.#repo(this.blobs, registry, repository).get(digest)?.length
  }

  async getBlob(registry: string, repository: string, descriptor: Descriptor): Promise<Readable> {
    const blob = this.#repo(this.blobs, registry, repository).get(descriptor.digest)
    if (blob === undefined) throw new Error(`blob unknown: ${descriptor.digest}`)
    return Readable.from([blob])
  }

  async uploadBlob(
    registry: string,
    repository: string,
    descriptor: Descriptor,
    source: Buffer | { open(): Promise<Readable> }
  ): Promise<'exists' | 'mounted' | 'uploaded'> {
    const repo = this.#repo(this.blobs, registry, repository)
    if (repo.has(descriptor.digest)) return 'exists'
    let bytes: Buffer
    if (Buffer.isBuffer(source)) bytes = source
    else {
      const chunks: Buffer[] = []
      for await (const c of await source.open()) chunks.push(c as Buffer)
      bytes = Buffer.concat(chunks)
    }
    repo.set(descriptor.digest, bytes)
    return 'uploaded'
  }

  async listTags(registry: string, repository: string): Promise<string[]> {
    return [...this.#repo(this.manifests, registry, repository).keys()].filter((k) => !k.startsWith('sha256:'))
  }

  async deleteTag(ref: Reference): Promise<DeleteTagResult> {
    const repo = this.#repo(this.manifests, ref.registry, ref.repository)
    const digest = repo.get(ref.tag as string)?.digest as string
    repo.delete(ref.tag as string)
    return { method: 'tag-delete', digest, sharedWith: [] }
  }

  /** Pushes a one-layer image under `tag`; `seed` makes its content unique. */
  async push(registry: string, repository: string, tag: string, seed: string): Promise<void> {
    const layer = Buffer.from(`layer ${seed}`)
    const config = Buffer.from(`{"seed":"${seed}"}`)
    const desc = (mediaType: string, b: Buffer): Descriptor => ({ mediaType, digest: digestOf(b), size: b.length })
    const blobs = this.#repo(this.blobs, registry, repository)
    blobs.set(digestOf(layer), layer)
    blobs.set(digestOf(config), config)
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIATYPE_OCI_MANIFEST,
        config: desc('application/vnd.oci.image.config.v1+json', config),
        layers: [desc('application/vnd.oci.image.layer.v1.tar', layer)]
      })
    )
    await this.putManifest(registry, repository, tag, { bytes, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(bytes) })
  }
}

function rule(name: string, repository: string): SyncRule {
  return {
    name,
    source: { registry: HUB, repository },
    target: { registry: MIRROR, repository: `hub/${repository}` },
    tags: compileTagPatterns('*'),
    deleteUnmatched: false,
    rollback: false
  }
}

function config(rules: SyncRule[]): Config {
  return {
    file: 'test.yml',
    version: 1,
    mirror: { registry: MIRROR, mode: 'cluster', repository: 'mirror' },
    registries: [],
    images: [],
    sync: rules,
    promotions: [],
    notifications: {}
  }
}

const now = () => new Date('2026-01-01T00:00:00Z')

test('rate limit: the run stops at the reserve, records what it copied and names what it left undone', async () => {
  const hub = new FakeRegistry(14)
  for (const tag of ['1', '2', '3', '4', '5']) await hub.push(HUB, 'library/app', tag, tag)
  await hub.push(HUB, 'library/db', '1', 'db')
  const report = await syncAll(config([rule('app', 'library/app'), rule('db', 'library/db')]), {
    client: hub,
    logger: nullLogger,
    now,
    runId: 'run-1',
    rateLimitReserve: 10,
    concurrency: 1
  })
  const [app, db] = report.entries
  // 14 pulls left, reserve 10: the HEADs spend nothing, each copy one pull.
  assert.equal(app?.status, 'incomplete')
  assert.deepEqual(app?.copied, ['1', '2', '3', '4'])
  assert.deepEqual(app?.leftUndone, ['5'])
  assert.equal(db?.status, 'skipped')
  assert.match(db?.reason ?? '', /rate limit/)
  assert.deepEqual(report.rateLimited, { remaining: 10, reserve: 10 })
  assert.equal(hub.remaining, 10, 'the reserve is never spent')
  assert.deepEqual(await hub.listTags(MIRROR, 'hub/library/app'), ['1', '2', '3', '4'])
  assert.match(syncSummaryMarkdown(report), /left undone: 5/)

  // The state records the copied tags but no lastSync, so the next run finishes the job.
  const state = await new StateStore(hub, { registry: MIRROR, repository: 'image-mirror-state' }).read('app')
  assert.deepEqual(Object.keys(state.digests).sort(), ['1', '2', '3', '4'])
  assert.equal(state.lastSync, undefined)
  assert.equal(state.lease, undefined)

  hub.remaining = 100
  const next = await syncAll(config([rule('app', 'library/app'), rule('db', 'library/db')]), {
    client: hub,
    logger: nullLogger,
    now,
    runId: 'run-2',
    concurrency: 1
  })
  assert.deepEqual(next.entries.map((e) => [e.name, e.status, e.copied]), [
    ['app', 'synced', ['5']],
    ['db', 'synced', ['1']]
  ])
})

test('rate limit: copies in flight count against the budget', async () => {
  const hub = new FakeRegistry(12)
  for (const tag of ['a', 'b', 'c', 'd', 'e', 'f']) await hub.push(HUB, 'library/web', tag, tag)
  const report = await syncAll(config([rule('web', 'library/web')]), {
    client: hub,
    logger: nullLogger,
    now,
    runId: 'run-1',
    rateLimitReserve: 10,
    concurrency: 6
  })
  assert.ok(hub.remaining >= 10, `${hub.remaining} pulls left`)
  const entry = report.entries[0]
  assert.equal((entry?.copied.length ?? 0) + (entry?.leftUndone.length ?? 0), 6)
  assert.ok((entry?.leftUndone.length ?? 0) >= 4)
})

test('no RateLimit headers (any registry but Docker Hub): nothing is held back', async () => {
  const reg = new FakeRegistry(0)
  for (const tag of ['1', '2']) await reg.push('quay.io', 'org/app', tag, tag)
  const r = rule('quay', 'org/app')
  r.source = { registry: 'quay.io', repository: 'org/app' }
  const report = await syncAll(config([r]), { client: reg, logger: nullLogger, now, runId: 'run-1', concurrency: 1 })
  assert.deepEqual(report.entries[0]?.copied, ['1', '2'])
  assert.equal(report.rateLimited, undefined)
})
