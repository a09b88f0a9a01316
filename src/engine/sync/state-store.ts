import type { Readable } from 'node:stream'
import { digestOf } from '../../oci/digest.js'
import { MEDIATYPE_OCI_EMPTY, MEDIATYPE_OCI_MANIFEST } from '../../oci/media-types.js'
import type { Descriptor, ManifestHead, RawManifest, Reference } from '../../oci/types.js'

/** Media types of the state artifact: an OCI manifest whose one layer is the JSON state. */
export const STATE_ARTIFACT_TYPE = 'application/vnd.image-mirror.sync-state.v1'
export const STATE_LAYER_TYPE = 'application/vnd.image-mirror.sync-state.v1+json'

/** What one sync entry remembers between scheduled CI runs. */
export interface SyncState {
  entry: string
  /** ISO time of the last successful run. */
  lastSync?: string
  /** Source digest per tag at the last successful run. */
  digests: Record<string, string>
  lease?: { holder: string; expires: string }
}

/** The registry calls the state store makes; RegistryClient implements them. */
export interface StateRegistry {
  headManifest(ref: Reference): Promise<ManifestHead | undefined>
  getManifest(ref: Reference): Promise<RawManifest>
  putManifest(registry: string, repository: string, reference: string, manifest: RawManifest): Promise<string>
  getBlob(registry: string, repository: string, descriptor: Descriptor): Promise<Readable>
  uploadBlob(
    registry: string,
    repository: string,
    descriptor: Descriptor,
    source: Buffer,
    opts?: { mountFrom?: string }
  ): Promise<'exists' | 'mounted' | 'uploaded'>
}

/**
 * Keeps sync state in the mirror registry itself, one tag per entry, so that
 * runs on GitHub and GitLab (which share no disk) see the same state. The
 * repository defaults to `image-mirror-state` on the mirror registry.
 */
export class StateStore {
  readonly #registry: StateRegistry
  readonly #where: { registry: string; repository: string }

  constructor(registry: StateRegistry, where: { registry: string; repository: string }) {
    this.#registry = registry
    this.#where = where
  }

  /** Reads an entry's state; a missing tag is a fresh entry, any other error propagates. */
  async read(entry: string): Promise<SyncState> {
    const ref = { ...this.#where, tag: stateTag(entry) }
    const head = await this.#registry.headManifest(ref)
    if (head === undefined) return { entry, digests: {} }
    const manifest = await this.#registry.getManifest({ ...ref, digest: head.digest })
    const layer = (JSON.parse(manifest.bytes.toString('utf8')) as { layers: Descriptor[] }).layers[0]
    if (layer === undefined) return { entry, digests: {} }
    const stream = await this.#registry.getBlob(this.#where.registry, this.#where.repository, layer)
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as SyncState
  }

  /** Writes an entry's state: blobs first, then the manifest under the entry's tag. */
  async write(state: SyncState): Promise<void> {
    const { registry, repository } = this.#where
    const data = Buffer.from(JSON.stringify(state))
    const layer: Descriptor = { mediaType: STATE_LAYER_TYPE, digest: digestOf(data), size: data.length }
    const config: Descriptor = { mediaType: MEDIATYPE_OCI_EMPTY, digest: EMPTY_CONFIG.digest, size: 2 }
    await this.#registry.uploadBlob(registry, repository, config, EMPTY_CONFIG.bytes)
    await this.#registry.uploadBlob(registry, repository, layer, data)
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIATYPE_OCI_MANIFEST,
        artifactType: STATE_ARTIFACT_TYPE,
        config,
        layers: [layer],
        annotations: { 'io.image-mirror.sync-entry': state.entry }
      })
    )
    const manifest = { bytes: body, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(body) }
    await this.#registry.putManifest(registry, repository, stateTag(state.entry), manifest)
  }

  /**
   * Takes the entry's lease for `ttlMs` unless another holder has an unexpired
   * one. Registries offer no compare-and-swap, so the lease is written and then
   * read back: of two runs racing, the one whose write landed last wins and
   * the other sees a foreign holder and backs off. `current`, when given, is
   * the state the caller has just read.
   */
  async acquire(
    entry: string,
    holder: string,
    ttlMs: number,
    now: Date,
    current?: SyncState
  ): Promise<{ acquired: boolean; state: SyncState }> {
    // A state the caller has just read saves reading it again.
    const state = current ?? (await this.read(entry))
    if (state.lease && state.lease.holder !== holder && Date.parse(state.lease.expires) > now.getTime()) {
      return { acquired: false, state }
    }
    const leased = { ...state, lease: { holder, expires: new Date(now.getTime() + ttlMs).toISOString() } }
    await this.write(leased)
    const check = await this.read(entry)
    return { acquired: check.lease?.holder === holder, state: check }
  }

  /** Records a finished run and drops the lease. */
  async release(state: SyncState): Promise<void> {
    const { lease: _dropped, ...rest } = state
    await this.write(rest)
  }
}

const EMPTY_CONFIG = { bytes: Buffer.from('{}'), digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' }

/** One tag per entry: readable prefix plus a hash, always a valid tag. */
export function stateTag(entry: string): string {
  const readable = entry.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 60)
  return `sync-${readable}-${digestOf(Buffer.from(entry)).slice(7, 19)}`
}
