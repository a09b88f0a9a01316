// Computes one content tag and prints it with its stats as JSON. bench/tag-speed.sh
// bundles this with ncc and runs it as the stand-in for `image-mirror tag` until
// the CLI command exists (same engine, same bundler, same Node start-up).
// Run: node bench/tag-once.js <context> [--no-git]
import module from 'node:module'
import { computeContentTag } from '../src/engine/content-tag/index.js'

module.enableCompileCache?.()
const context = process.argv[2] ?? '.'
computeContentTag({ context, useGit: process.argv.includes('--no-git') ? false : undefined }).then(
  (result) =>
    process.stdout.write(
      JSON.stringify({ tag: result.tag, source: result.source, ...result.stats }) + '\n'
    ),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
)
