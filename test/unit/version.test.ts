// The version the CLI prints and sends is the one package.json releases.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { USER_AGENT, VERSION } from '../../src/version.js'
import { REPO_ROOT, runCli } from '../helpers/run-cli.js'

const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string }

test('VERSION is package.json version', () => {
  assert.equal(VERSION, pkg.version)
  assert.equal(USER_AGENT, `image-mirror/${pkg.version}`)
})

test('image-mirror --version and image-mirror version print it and exit 0', async () => {
  for (const args of [['--version'], ['version']]) {
    const run = await runCli(args)
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout, `image-mirror ${pkg.version}\n`)
  }
})
