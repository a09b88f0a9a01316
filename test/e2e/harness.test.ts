// Proves the end-to-end harness itself: every shared registry variant answers
// the way distribution 2.8.2 does, buildah fixtures land where skopeo reads
// them with the same digest, and the token server grants what it should.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request } from 'node:https'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { buildImage, buildIndex } from '../helpers/images.js'
import type { RunningRegistryInfo } from '../helpers/registry.js'
import { isAlive, killLeftoverRegistries } from '../helpers/registry.js'
import { REPO_ROOT } from '../helpers/run-cli.js'
import { skopeoCopy, skopeoDigest, skopeoListTags, skopeoRaw } from '../helpers/skopeo.js'
import { fetchTokenRequests, libtrustKeyId } from '../helpers/token-server.js'

const { registries } = testEnv()
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'

const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

/** GET over https trusting only `ca`: global fetch cannot take a per-request CA without undici. */
function httpsGet(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Claims of a JWT, unverified (the registry verifies; the test reads what was granted). */
function jwtParts(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')))
  return { header, claims }
}

async function tokenFor(reg: RunningRegistryInfo, scopes: string[], auth?: string): Promise<Response> {
  const url = new URL(reg.realm as string)
  url.searchParams.set('service', reg.service as string)
  for (const s of scopes) url.searchParams.append('scope', s)
  return fetch(url, auth === undefined ? {} : { headers: { Authorization: auth } })
}

describe('shared registries', () => {
  test('every variant runs on its own loopback port', () => {
    const hosts = Object.values(registries).map((r) => r.host)
    assert.equal(new Set(hosts).size, 6)
    for (const host of hosts) assert.match(host, /^127\.0\.0\.1:\d+$/)
  })

  const v2Cases: Array<{ name: 'plain' | 'plain2' | 'nodelete' | 'basic' | 'token'; status: number; challenge?: RegExp }> = [
    { name: 'plain', status: 200 },
    { name: 'plain2', status: 200 },
    { name: 'nodelete', status: 200 },
    { name: 'basic', status: 401, challenge: /^Basic realm="basic-realm"$/ },
    { name: 'token', status: 401, challenge: /^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token",service="registry\.test"$/ }
  ]
  for (const tc of v2Cases) {
    test(`${tc.name}: GET /v2/ answers ${tc.status}`, async () => {
      const res = await fetch(`${registries[tc.name].url}/v2/`)
      await res.arrayBuffer()
      assert.equal(res.status, tc.status)
      assert.equal(res.headers.get('docker-distribution-api-version'), 'registry/2.0')
      if (tc.challenge !== undefined) assert.match(res.headers.get('www-authenticate') ?? '', tc.challenge)
    })
  }

  test('basic: the right password opens /v2/, a wrong one does not', async () => {
    const reg = registries.basic
    const ok = await fetch(`${reg.url}/v2/`, { headers: { Authorization: basicAuth(reg.username!, reg.password!) } })
    const wrong = await fetch(`${reg.url}/v2/`, { headers: { Authorization: basicAuth(reg.username!, 'wrong') } })
    assert.deepEqual([ok.status, wrong.status], [200, 401])
  })

  test('tls: refused without the CA, answers with it', async () => {
    const reg = registries.tls
    assert.match(reg.url, /^https:/)
    await assert.rejects(fetch(`${reg.url}/v2/`), (error: Error & { cause?: { code?: string } }) => {
      assert.match(String(error.cause?.code), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER_CERT/)
      return true
    })
    assert.equal(await httpsGet(`${reg.url}/v2/`, await readFile(reg.caFile!, 'utf8')), 200)
    assert.ok(existsSync(`${reg.certDir}/ca.crt`), 'cert dir for skopeo/buildah holds ca.crt')
  })
})

// Builds wait on buildah's storage more than on the CPU: running them side by side saves most of the time.
describe('buildah fixtures', { concurrency: 2 }, () => {
  for (const name of ['plain', 'basic', 'token', 'tls'] as const) {
    test(`buildImage pushes to ${name} and skopeo sees the digest buildah reported`, async () => {
      const reg = registries[name]
      const image = await buildImage({ registry: reg, repository: `harness/image-${name}`, tag: 'v1', layers: [4096, 1] })
      assert.equal(image.ref, `${reg.host}/harness/image-${name}:v1`)
      assert.match(image.digest, /^sha256:[0-9a-f]{64}$/)
      assert.equal(await skopeoDigest(image.ref, reg), image.digest)
      assert.deepEqual(await skopeoListTags(`${reg.host}/harness/image-${name}`, reg), ['v1'])
      const manifest = JSON.parse((await skopeoRaw(image.ref, reg)).toString())
      assert.equal(manifest.mediaType, OCI_MANIFEST)
      assert.equal(manifest.layers.length, 2, 'one layer per COPY')
    })
  }

  test('two builds with the same layer sizes get different digests', async () => {
    const opts = { registry: registries.plain, repository: 'harness/unique', layers: [100] }
    const [a, b] = await Promise.all([buildImage({ ...opts, tag: 'a' }), buildImage({ ...opts, tag: 'b' })])
    assert.notEqual(a.digest, b.digest)
  })

  test('buildImage pushes Docker schema 2 on request', async () => {
    const reg = registries.plain
    const image = await buildImage({ registry: reg, repository: 'harness/docker', tag: 'v1', layers: [10], format: 'docker' })
    assert.equal(JSON.parse((await skopeoRaw(image.ref, reg)).toString()).mediaType, DOCKER_MANIFEST)
  })

  test('a push with the wrong password fails', async () => {
    await assert.rejects(
      buildImage({ registry: registries.basic, repository: 'harness/denied', tag: 'v1', layers: [1], creds: 'alice:wrong' }),
      /unauthorized|authentication required|invalid username/i
    )
  })

  const indexCases = [
    { name: 'plain', format: 'oci', index: OCI_INDEX, child: OCI_MANIFEST },
    { name: 'token', format: 'docker', index: DOCKER_LIST, child: DOCKER_MANIFEST }
  ] as const
  for (const tc of indexCases) {
    test(`buildIndex pushes a two-platform ${tc.format} index to ${tc.name}`, async () => {
      const reg = registries[tc.name]
      const index = await buildIndex({ registry: reg, repository: `harness/multi-${tc.name}`, tag: 'v1', format: tc.format })
      assert.equal(await skopeoDigest(index.ref, reg), index.digest)
      const raw = JSON.parse((await skopeoRaw(index.ref, reg)).toString())
      assert.equal(raw.mediaType, tc.index)
      assert.deepEqual(
        raw.manifests.map((m: { platform: object; mediaType: string }) => [m.mediaType, m.platform]),
        [
          [tc.child, { architecture: 'amd64', os: 'linux' }],
          [tc.child, { architecture: 'arm64', os: 'linux', variant: 'v8' }]
        ]
      )
      assert.equal(index.children.length, 2)
      for (const child of index.children) {
        assert.equal(await skopeoDigest(`${reg.host}/harness/multi-${tc.name}@${child}`, reg), child)
      }
    })
  }

  test('skopeoCopy mirrors an index byte for byte between registries', async () => {
    const src = await buildIndex({ registry: registries.plain, repository: 'harness/mirror', tag: 'v1' })
    const dst = `${registries.tls.host}/harness/mirror:v1`
    await skopeoCopy(src.ref, dst, registries.tls, registries.plain)
    assert.equal(await skopeoDigest(dst, registries.tls), src.digest)
  })
})

describe('deletion', () => {
  const cases = [
    { name: 'plain', status: 202 },
    { name: 'nodelete', status: 405, code: 'UNSUPPORTED' }
  ] as const
  for (const tc of cases) {
    test(`${tc.name}: manifest DELETE by digest answers ${tc.status}`, async () => {
      const reg = registries[tc.name]
      const image = await buildImage({ registry: reg, repository: 'harness/delete', tag: 'v1', layers: [10] })
      const res = await fetch(`${reg.url}/v2/harness/delete/manifests/${image.digest}`, { method: 'DELETE' })
      const body = await res.text()
      assert.equal(res.status, tc.status, body)
      if ('code' in tc) assert.equal(JSON.parse(body).errors[0].code, tc.code)
      const after = await fetch(`${reg.url}/v2/harness/delete/manifests/${image.digest}`, {
        method: 'HEAD',
        headers: { Accept: OCI_MANIFEST }
      })
      assert.equal(after.status, tc.status === 202 ? 404 : 200)
    })
  }
})

describe('token server', () => {
  const reg = registries.token
  const user = basicAuth(reg.username!, reg.password!)

  test('an authenticated user gets every requested action, scopes parsed from both ends', async () => {
    const res = await tokenFor(reg, ['repository:harness/scoped:pull,push,delete', 'repository:localhost:5000/foo/bar:pull'], user)
    assert.equal(res.status, 200)
    const body = (await res.json()) as { token: string; access_token: string; expires_in: number; issued_at: string }
    assert.equal(body.token, body.access_token)
    assert.equal(body.expires_in, 300)
    assert.ok(!Number.isNaN(Date.parse(body.issued_at)))
    const { header, claims } = jwtParts(body.token)
    assert.equal(header.alg, 'ES256')
    assert.match(String(header.kid), /^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/)
    assert.equal(claims.aud, 'registry.test')
    assert.equal(claims.iss, 'test-issuer')
    assert.equal(claims.sub, reg.username)
    assert.deepEqual(claims.access, [
      { type: 'repository', name: 'harness/scoped', actions: ['pull', 'push', 'delete'] },
      { type: 'repository', name: 'localhost:5000/foo/bar', actions: ['pull'] }
    ])
  })

  test('space-separated scopes in one parameter are each granted', async () => {
    const res = await tokenFor(reg, ['repository:harness/a:pull repository:harness/b:push'], user)
    const { claims } = jwtParts(((await res.json()) as { token: string }).token)
    assert.deepEqual(
      (claims.access as Array<{ name: string; actions: string[] }>).map((a) => [a.name, a.actions]),
      [['harness/a', ['pull']], ['harness/b', ['push']]]
    )
  })

  test('anonymous callers get pull only', async () => {
    const res = await tokenFor(reg, ['repository:harness/anon:pull,push'])
    const { claims } = jwtParts(((await res.json()) as { token: string }).token)
    assert.equal(claims.sub, '')
    assert.deepEqual(claims.access, [{ type: 'repository', name: 'harness/anon', actions: ['pull'] }])
  })

  test('a wrong password gets 401', async () => {
    const res = await tokenFor(reg, ['repository:harness/x:pull'], basicAuth(reg.username!, 'wrong'))
    assert.equal(res.status, 401)
  })

  test('the registry accepts its tokens and refuses them for another repository', async () => {
    await buildImage({ registry: reg, repository: 'harness/granted', tag: 'v1', layers: [1] })
    const token = async (scope: string) => ((await (await tokenFor(reg, [scope], user)).json()) as { token: string }).token
    const granted = await fetch(`${reg.url}/v2/harness/granted/tags/list`, {
      headers: { Authorization: `Bearer ${await token('repository:harness/granted:pull')}` }
    })
    assert.deepEqual(await granted.json(), { name: 'harness/granted', tags: ['v1'] })
    const other = await fetch(`${reg.url}/v2/harness/granted/tags/list`, {
      headers: { Authorization: `Bearer ${await token('repository:harness/other:pull')}` }
    })
    await other.arrayBuffer()
    assert.equal(other.status, 401)
    assert.match(other.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/)
  })

  test('counts token requests so tests can assert caching', async () => {
    const mine = (records: Awaited<ReturnType<typeof fetchTokenRequests>>) =>
      records.filter((r) => r.scopes.some((s) => s.name === 'harness/counted'))
    const before = mine(await fetchTokenRequests(reg.tokenServerUrl!)).length
    await tokenFor(reg, ['repository:harness/counted:pull'], user)
    await tokenFor(reg, ['repository:harness/counted:pull'])
    const after = mine(await fetchTokenRequests(reg.tokenServerUrl!))
    assert.equal(after.length, before + 2)
    assert.deepEqual(
      after.slice(-2).map((r) => [r.method, r.grant, r.account, r.service]),
      [
        ['GET', 'basic', reg.username, 'registry.test'],
        ['GET', 'anonymous', '', 'registry.test']
      ]
    )
  })

  test('libtrust key IDs are 12 groups of 4 base32 characters', async () => {
    const { generateKeyPairSync } = await import('node:crypto')
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    assert.match(libtrustKeyId(publicKey), /^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/)
  })
})

describe('cleanup', () => {
  test('a registry whose test process died is killed by the next run', async () => {
    // A process starts a registry and is SIGKILLed: no exit hook runs.
    const script = `import { startRegistry } from ${JSON.stringify(`${REPO_ROOT}/test/helpers/registry.ts`)}
const r = await startRegistry({ name: 'orphan' })
process.stdout.write(JSON.stringify({ pid: r.pid, dir: r.dir }) + '\\n')
setInterval(() => {}, 1000)`
    const child = spawn(`${REPO_ROOT}/node_modules/.bin/node`, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (c: Buffer) => resolve(c.toString()))
      child.once('exit', (code) => reject(new Error(`orphan script exited with ${code}`)))
    })
    const { pid, dir } = JSON.parse(line) as { pid: number; dir: string }
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    assert.ok(isAlive(pid), 'the registry outlived its process')
    assert.ok(killLeftoverRegistries() >= 1)
    await waitUntil(() => !isAlive(pid))
    assert.equal(existsSync(dir), false)
  })

  test('a process that exits without stopping its registry takes it along', async () => {
    const script = `import { startRegistry } from ${JSON.stringify(`${REPO_ROOT}/test/helpers/registry.ts`)}
const r = await startRegistry({ name: 'forgotten' })
process.stdout.write(JSON.stringify({ pid: r.pid, dir: r.dir }) + '\\n')`
    const child = spawn(`${REPO_ROOT}/node_modules/.bin/node`, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    const code = await new Promise((resolve) => child.once('exit', resolve))
    assert.equal(code, 0)
    const { pid, dir } = JSON.parse(out) as { pid: number; dir: string }
    await waitUntil(() => !isAlive(pid))
    assert.equal(existsSync(dir), false)
  })
})

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
