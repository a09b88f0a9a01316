import type { Command } from './command.js'

interface Entry {
  summary: string
  /** The command streams blobs: main holds the young generation small (src/heap.ts). */
  streamsBlobs?: boolean
  /** The command talks to registries (src/heap.ts: delayWasmTierUp). */
  usesRegistries?: boolean
  load(): Promise<Command>
}

// Commands load lazily so that each invocation parses only the code it runs:
// start-up time is part of every CI step that calls image-mirror.
export const COMMANDS: Record<string, Entry> = {
  copy: {
    usesRegistries: true,
    streamsBlobs: true,
    summary: 'copy an image (manifest or index) between registries by digest',
    load: async () => (await import('./commands/copy.js')).command
  },
  digest: {
    usesRegistries: true,
    summary: 'print the digest of an image reference',
    load: async () => (await import('./commands/digest.js')).command
  },
  ls: {
    usesRegistries: true,
    summary: 'list the tags of a repository',
    load: async () => (await import('./commands/ls.js')).command
  },
  delete: {
    usesRegistries: true,
    summary: 'delete a tag or digest without touching other tags',
    load: async () => (await import('./commands/delete.js')).command
  },
  tag: {
    summary: 'print the content tag of an image: what goes into it, explained or diffed against an image',
    load: async () => (await import('./commands/tag.js')).command
  },
  build: {
    usesRegistries: true,
    summary: 'build and push an image unless the registry already has its content tag',
    load: async () => (await import('./commands/build.js')).command
  },
  promote: {
    usesRegistries: true,
    streamsBlobs: true,
    summary: 'copy an image by digest to the destinations of every promotion policy that watches it',
    load: async () => (await import('./commands/promote.js')).command
  },
  mirror: {
    usesRegistries: true,
    streamsBlobs: true,
    summary: 'mirror the third-party images of the config into the mirror registry',
    load: async () => (await import('./commands/mirror.js')).command
  },
  sync: {
    usesRegistries: true,
    streamsBlobs: true,
    summary: 'sync the tags of whole repositories into the mirror registry, copying only what changed',
    load: async () => (await import('./commands/sync.js')).command
  }
}
