// AT-MAN-6: a registry that answers 401 after issuing a token, for a
// repository the token does not reach. Docker Hub answers so for a repository
// that does not exist or that the caller cannot see. Here a real distribution
// registry with token auth (the test environment's token variant) whose token
// server grants every request access to one repository only, so every other
// repository is hidden the way Docker Hub hides them.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { RegistryClient, type ClientOptions } from '../../src/oci/client.js'
import { staticCredentials } from '../../src/oci/credentials.js'
import { digestOf } from '../../src/oci/digest.js'
import { RegistryError } from '../../src/oci/errors.js'
import { MEDIATYPE_OCI_CONFIG, MEDIATYPE_OCI_MANIFEST } from '../../src/oci/media-types.js'
import { Transport, type TransportOptions } from '../../src/oci/transport.js'
import type { Reference } from '../../src/oci/types.js'
import { testEnv } from '../helpers/env.js'
import { startRegistry, type RunningRegistry } from '../helpers/registry.js'
import { REPO_ROOT } from '../helpers/run-cli.js'

const VISIBLE = 'hidden-repo/visible'

let reg: RunningRegistry
const transports: Transport[] = []
before(async () => {
  reg = await startRegistry({
    name: 'hidden-repo',
    auth: 'token',
    token: { forceAccessName: VISIBLE }
  })
})
after(async () => {
  for (const t of transports) await t.close()
  await reg?.stop()
})

function client(opts: ClientOptions = {}, transport: TransportOptions = {}): RegistryClient {
  const t = new Transport({
    insecure: true,
    credentials: staticCredentials({
      [reg.host]: { username: reg.username!, password: reg.password! }
    }),
    ...transport
  })
  transports.push(t)
  return new RegistryClient(t, opts)
}

const ref = (repository: string, tag = 'v1'): Reference => ({
  registry: reg.host,
  repository,
  tag
})

/**
 * Runs the CLI from src/ through tsx (dist/ is rebuilt separately), without
 * the caller's registry credentials; resolves with its exit code and stderr.
 */
function cliFromSource(args: string[]): Promise<{ code: number; stderr: string }> {
  const { DOCKER_CONFIG: _c, DOCKER_AUTH_CONFIG: _a, NODE_OPTIONS: _n, ...env } = process.env
  const node = join(REPO_ROOT, 'node_modules', '.bin', 'node')
  const entry = join(REPO_ROOT, 'src', 'cli', 'index.ts')
  return new Promise((resolve) => {
    execFile(node, ['--import', 'tsx', entry, ...args], { cwd: REPO_ROOT, env }, (error, _out, stderr) => {
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, stderr })
    })
  })
}

/** Pushes a small artifact of its own under `tag` in the visible repository; returns its digest. */
async function pushVisible(tag: string): Promise<string> {
  const c = client()
  const config = Buffer.from(JSON.stringify({ nonce: randomBytes(8).toString('hex') }))
  const desc = { mediaType: MEDIATYPE_OCI_CONFIG, digest: digestOf(config), size: config.length }
  await c.uploadBlob(reg.host, VISIBLE, desc, config)
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_MANIFEST, config: desc, layers: [] })
  )
  const manifest = { bytes, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(bytes) }
  return c.putManifest(reg.host, VISIBLE, tag, manifest)
}

describe('401 after a token (AT-MAN-6)', () => {
  let digest: string
  before(async () => {
    digest = await pushVisible('v1')
  })

  test('by default an existence check reports an error, not "absent", after a token was issued', async () => {
    const tokensBefore = reg.tokenServer!.count
    for (const c of [client(), client({}, { credentials: undefined })]) {
      await assert.rejects(c.headManifest(ref('hidden-repo/other')), (e) => {
        assert.ok(e instanceof RegistryError, String(e))
        assert.equal(e.status, 401)
        assert.ok(e.afterToken)
        assert.match(e.message, /^HEAD .*\/v2\/hidden-repo\/other\/manifests\/v1: 401 /)
        assert.match(e.message, /the repository may not exist/)
        assert.doesNotMatch(e.message, /\n/)
        return true
      })
    }
    const issued = reg.tokenServer!.requests.slice(tokensBefore)
    assert.ok(issued.length > 0 && issued.every((r) => r.status === 200), 'tokens were issued')
  })

  test('with unauthorizedIsAbsent the same answer counts as absent', async () => {
    for (const c of [
      client({ unauthorizedIsAbsent: true }),
      client({ unauthorizedIsAbsent: (r) => r === reg.host }, { credentials: undefined })
    ]) {
      assert.equal(await c.headManifest(ref('hidden-repo/other')), undefined)
    }
  })

  test('the option changes nothing for a repository the token reaches', async () => {
    for (const c of [client(), client({ unauthorizedIsAbsent: true })]) {
      assert.equal((await c.headManifest(ref(VISIBLE)))?.digest, digest)
      assert.equal(await c.headManifest(ref(VISIBLE, 'missing')), undefined)
    }
  })

  test('the option is per registry: another registry name keeps the error', async () => {
    const c = client({ unauthorizedIsAbsent: (r) => r === 'registry-1.docker.io' })
    await assert.rejects(
      c.headManifest(ref('hidden-repo/other')),
      (e) => e instanceof RegistryError && e.status === 401
    )
  })

  test('refused credentials are an error even with the option (no token was issued)', async () => {
    const c = client(
      { unauthorizedIsAbsent: true },
      { credentials: staticCredentials({ [reg.host]: { username: 'alice', password: 'wrong' } }) }
    )
    await assert.rejects(c.headManifest(ref(VISIBLE)), (e) => {
      assert.ok(e instanceof RegistryError)
      assert.equal(e.status, 401)
      assert.equal(e.afterToken, false)
      assert.match(e.message, /credentials were refused/)
      return true
    })
    // Basic auth: a 401 is a refused login, never a hidden repository.
    const basic = testEnv().registries.basic
    const t = new Transport({
      insecure: true,
      credentials: staticCredentials({ [basic.host]: { username: basic.username!, password: 'wrong' } })
    })
    transports.push(t)
    await assert.rejects(
      new RegistryClient(t, { unauthorizedIsAbsent: true }).headManifest({
        registry: basic.host,
        repository: 'hidden-repo/any',
        tag: 'v1'
      }),
      (e) => e instanceof RegistryError && e.status === 401 && !e.afterToken
    )
  })

  test('the CLI: an error line by default, "not found" with --unauthorized-is-absent', async () => {
    const target = `${reg.host}/hidden-repo/other:v1`
    const plain = await cliFromSource(['digest', target, '--insecure'])
    assert.equal(plain.code, 1, plain.stderr)
    assert.match(
      plain.stderr.trim(),
      /^image-mirror digest: HEAD .*: 401 .*\(the anonymous token for .* does not grant access: the repository may not exist, or it needs credentials\)$/
    )
    const flagged = await cliFromSource(['digest', target, '--insecure', '--unauthorized-is-absent'])
    assert.equal(flagged.code, 1)
    assert.equal(flagged.stderr.trim(), `image-mirror digest: ${target} not found`)
  })
})
