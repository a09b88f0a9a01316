import { dirname, resolve } from 'node:path'
import { errorMessage } from '../../errors.js'
import { parseReference, parseRepository } from '../../oci/reference.js'
import { parseWhen } from '../conditions.js'
import { parseDuration } from '../duration.js'
import { canonicalRegistry, DEFAULT_MIRROR_PREFIX, type MirrorMode } from '../mirror-names.js'
import { compileTagPatterns } from '../tag-patterns.js'
import { validateTagTemplate } from '../tag-template.js'
import { ConfigError, valueError } from './errors.js'
import type { ConfigNode, MapNode } from './nodes.js'
import type {
  Config,
  MirrorImage,
  MirrorSettings,
  PromotionRule,
  RegistrySettings,
  RepositoryRef,
  SyncRule
} from './types.js'

// Runs after the schema validation, so types, enums and patterns hold here;
// what is left are defaults and the rules that involve more than one key.

function get(map: MapNode, key: string): ConfigNode | undefined {
  return map.entries.find((e) => e.key === key)?.node
}

function str(map: MapNode, key: string): string | undefined {
  const node = get(map, key)
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined
}

function bool(map: MapNode, key: string, fallback: boolean): boolean {
  const node = get(map, key)
  return node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : fallback
}

function maps(map: MapNode, key: string): MapNode[] {
  const node = get(map, key)
  return node?.kind === 'seq' ? (node.items as MapNode[]) : []
}

/** The node as plain data, for the condition compiler. */
function plain(node: ConfigNode): unknown {
  if (node.kind === 'scalar') return node.value
  if (node.kind === 'seq') return node.items.map(plain)
  return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.node)]))
}

function repository(text: string): RepositoryRef {
  const { registry, repository } = parseRepository(text)
  return { registry, repository }
}

function sameRepository(a: RepositoryRef, b: RepositoryRef): boolean {
  return (
    canonicalRegistry(a.registry) === canonicalRegistry(b.registry) && a.repository === b.repository
  )
}

/** Turns a schema-valid document into the typed Config, or throws a ConfigError. */
export function toConfig(root: MapNode, file: string): Config {
  const mirror = mirrorSettings(root)
  return {
    file,
    version: 1,
    ...(mirror === undefined ? {} : { mirror }),
    registries: registries(root, file),
    images: images(root, mirror, file),
    sync: syncRules(root, mirror, file),
    promotions: promotions(root, file),
    notifications: webhookOf(root)
  }
}

function webhookOf(root: MapNode): { webhook?: string } {
  const node = get(root, 'notifications')
  const webhook = node?.kind === 'map' ? str(node, 'webhook') : undefined
  return webhook === undefined ? {} : { webhook }
}

function mirrorSettings(root: MapNode): MirrorSettings | undefined {
  const node = get(root, 'mirror')
  if (node?.kind !== 'map') return undefined
  return {
    registry: str(node, 'registry') as string,
    mode: (str(node, 'mode') ?? 'service') as MirrorMode,
    repository: str(node, 'repository') ?? DEFAULT_MIRROR_PREFIX
  }
}

function registries(root: MapNode, file: string): RegistrySettings[] {
  const seen = new Map<string, string>()
  return maps(root, 'registries').map((entry) => {
    const host = str(entry, 'host') as string
    const hostNode = get(entry, 'host') as ConfigNode
    const first = seen.get(canonicalRegistry(host))
    if (first !== undefined) throw valueError(file, hostNode, `repeats the host of ${first}`)
    seen.set(canonicalRegistry(host), entry.path)
    const username = str(entry, 'username')
    const password = str(entry, 'password')
    if ((username === undefined) !== (password === undefined)) {
      const missing = username === undefined ? 'username' : 'password'
      throw new ConfigError(
        file,
        entry.pos,
        `${entry.path}.${missing}`,
        'username and password go together; this one is missing'
      )
    }
    const caFile = str(entry, 'ca-file')
    return {
      host,
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
      insecure: bool(entry, 'insecure', false),
      ...(caFile === undefined ? {} : { caFile: resolve(dirname(file), caFile) })
    }
  })
}

function images(root: MapNode, mirror: MirrorSettings | undefined, file: string): MirrorImage[] {
  const list = maps(root, 'images')
  const imagesNode = get(root, 'images')
  if (list.length > 0 && mirror === undefined) {
    throw new ConfigError(
      file,
      (imagesNode as ConfigNode).pos,
      'images',
      'needs a mirror: section naming the mirror registry'
    )
  }
  return list.map((entry) => {
    const text = str(entry, 'source') as string
    const service = str(entry, 'service')
    if (mirror?.mode === 'service' && service === undefined) {
      throw new ConfigError(
        file,
        entry.pos,
        `${entry.path}.service`,
        'required key is missing in service mode (mirror.mode)'
      )
    }
    if (mirror?.mode === 'cluster' && service !== undefined) {
      throw valueError(
        file,
        get(entry, 'service') as ConfigNode,
        'is only used in service mode; remove it or set mirror.mode: service'
      )
    }
    return { source: parseReference(text), text, ...(service === undefined ? {} : { service }) }
  })
}

function syncRules(root: MapNode, mirror: MirrorSettings | undefined, file: string): SyncRule[] {
  const names = new Map<string, string>()
  return maps(root, 'sync').map((entry) => {
    const source = repository(str(entry, 'source') as string)
    const targetText = str(entry, 'target')
    if (targetText === undefined && mirror === undefined) {
      throw new ConfigError(
        file,
        entry.pos,
        `${entry.path}.target`,
        'required key is missing (there is no mirror: section to default to)'
      )
    }
    const target =
      targetText === undefined
        ? defaultSyncTarget(source, mirror as MirrorSettings)
        : repository(targetText)
    const name = str(entry, 'name') ?? `${source.registry}/${source.repository}`
    const nameNode = get(entry, 'name') ?? (get(entry, 'source') as ConfigNode)
    const first = names.get(name)
    if (first !== undefined) {
      const hint = get(entry, 'name') === undefined ? '; give the entries different name: keys' : ''
      throw valueError(file, nameNode, `duplicate sync name, also used by ${first}${hint}`)
    }
    names.set(name, entry.path)
    if (sameRepository(source, target)) {
      throw valueError(file, get(entry, 'target') ?? entry, 'is the same repository as the source')
    }
    const tagsNode = get(entry, 'tags') as ConfigNode
    const platforms = get(entry, 'platforms')
    const interval = str(entry, 'interval')
    return {
      name,
      source,
      target,
      tags: compileTagPatterns(plain(tagsNode) as string | string[]),
      ...(platforms === undefined ? {} : { platforms: plain(platforms) as string[] }),
      ...(interval === undefined ? {} : { intervalMs: parseDuration(interval) }),
      deleteUnmatched: bool(entry, 'delete-unmatched', false),
      rollback: bool(entry, 'rollback', false)
    }
  })
}

/** `<mirror registry>/<prefix>/<source host>/<source path>`: no two sources share a target. */
export function defaultSyncTarget(source: RepositoryRef, mirror: MirrorSettings): RepositoryRef {
  const path = `${canonicalRegistry(source.registry)}/${source.repository}`
  return {
    registry: mirror.registry,
    repository: mirror.repository === '' ? path : `${mirror.repository}/${path}`
  }
}

function promotions(root: MapNode, file: string): PromotionRule[] {
  const names = new Map<string, string>()
  return maps(root, 'promotions').map((entry) => {
    const name = str(entry, 'name') as string
    const first = names.get(name)
    if (first !== undefined) {
      throw valueError(
        file,
        get(entry, 'name') as ConfigNode,
        `duplicate promotion name, also used by ${first}`
      )
    }
    names.set(name, entry.path)
    const from = repository(str(entry, 'from') as string)
    const whenNode = get(entry, 'when')
    let when
    try {
      when = whenNode === undefined ? undefined : parseWhen(plain(whenNode), whenNode.path)
    } catch (error) {
      throw new ConfigError(file, (whenNode as ConfigNode).pos, '', errorMessage(error))
    }
    const to = maps(entry, 'to').map((dest) => {
      const tag = str(dest, 'tag') ?? '{tag}'
      const repo = repository(str(dest, 'repository') as string)
      if (sameRepository(repo, from) && tag === '{tag}') {
        throw valueError(
          file,
          get(dest, 'repository') as ConfigNode,
          'with tag "{tag}" copies every image onto itself'
        )
      }
      return { repository: repo, tag, placeholders: validateTagTemplate(tag) }
    })
    return {
      name,
      from,
      ...(when === undefined ? {} : { when }),
      to,
      overwrite: bool(entry, 'overwrite', false),
      referrers: bool(entry, 'referrers', true)
    }
  })
}
