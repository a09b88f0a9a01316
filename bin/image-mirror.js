#!/usr/bin/env node
// The CLI entry: the bundled engine in dist/cli. The compile cache makes
// repeated invocations (CI steps, scripts) start faster.
import module from 'node:module'

module.enableCompileCache?.()
await import('../dist/cli/index.js')
