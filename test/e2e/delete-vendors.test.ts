// Tag deletes through the vendor APIs (R-DEL-2) against real registries. Each
// fake API (ECR, GitLab, Harbor, Docker Hub, GitHub packages) implements the
// documented requests and answers and, like the vendor, removes the tag on the
// real registry behind it; so the verification every strategy ends with
// (R-DEL-3) runs against a real registry.
import assert from 'node:assert/strict'
import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { RegistryClient } from '../../src/oci/client.js'
import { staticCredentials } from '../../src/oci/credentials.js'
import { canonicalRequest, signingKey, stringToSign } from '../../src/oci/delete/sigv4.js'
import { digestOf } from '../../src/oci/digest.js'
import { MEDIATYPE_OCI_CONFIG, MEDIATYPE_OCI_MANIFEST } from '../../src/oci/media-types.js'
import { Transport } from '../../src/oci/transport.js'
import type { Descriptor, RawManifest, Reference } from '../../src/oci/types.js'
import { testEnv } from '../helpers/env.js'
import type { RunningRegistryInfo } from '../helpers/registry.js'
import { runCli } from '../helpers/run-cli.js'
import { skopeoDigest, skopeoListTags } from '../helpers/skopeo.js'
import { reply, startServer, startTamperProxy, type SeenRequest } from '../helpers/tamper-proxy.js'

const { registries } = testEnv()
const plain = registries.plain
const basic = registries.basic
const transports: Transport[] = []
after(async () => {
  for (const t of transports) await t.close()
})

/** A client as a user would set one up for `reg`, reached at `host` (a proxy in front of it, say). */
function clientFor(reg: RunningRegistryInfo, host = reg.host): RegistryClient {
  const transport = new Transport({
    credentials:
      reg.username === undefined
        ? undefined
        : staticCredentials({ [host]: { username: reg.username, password: reg.password } }),
    insecure: true
  })
  transports.push(transport)
  return new RegistryClient(transport)
}

/** Pushes a small image of its own under `a` and tags it `b` too: the tag a careless delete takes along. */
async function sharedPair(client: RegistryClient, host: string, repository: string): Promise<RawManifest> {
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, nonce: randomBytes(8).toString('hex') })
  )
  const desc: Descriptor = { mediaType: MEDIATYPE_OCI_CONFIG, digest: digestOf(config), size: config.length }
  await client.uploadBlob(host, repository, desc, config)
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_MANIFEST, config: desc, layers: [] }))
  const manifest = { bytes, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(bytes) }
  await client.putManifest(host, repository, 'a', manifest)
  await client.putManifest(host, repository, 'b', manifest)
  return manifest
}

/** What the vendor does on its side: remove that tag and nothing else. */
async function untagOnRegistry(reg: RunningRegistryInfo, repository: string, tag: string): Promise<void> {
  await clientFor(reg).deleteTag({ registry: reg.host, repository, tag }, { strategy: 'generic' })
}

async function tags(reg: RunningRegistryInfo, repository: string): Promise<string[]> {
  return [...(await skopeoListTags(`${reg.host}/${repository}`, reg))].sort()
}

/** Asserts the request came as a fake vendor API got it: exactly these method and path-with-query. */
function requestLines(requests: SeenRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.url}`)
}

// No variable of the machine running the tests may supply what a test leaves out.
const emptyDockerConfig = mkdtempSync(join(tmpdir(), 'im-delete-vendors-'))
const CLEAN_ENV = {
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_REGION: '',
  AWS_DEFAULT_REGION: '',
  AWS_ENDPOINT_URL: '',
  AWS_ENDPOINT_URL_ECR: '',
  AWS_ENDPOINT_URL_ECR_PUBLIC: '',
  IMAGE_MIRROR_ECR_HOSTS: '',
  GITLAB_TOKEN: '',
  DOCKER_CONFIG: emptyDockerConfig
}

describe('ECR: BatchDeleteImage by tag', () => {
  const ACCESS_KEY = 'AKIDIMAGEMIRRORTEST'
  const SECRET = `secret-${randomBytes(12).toString('hex')}`
  const SESSION = `session-${randomBytes(12).toString('hex')}`
  const TARGET = 'AmazonEC2ContainerRegistry_V20150921.BatchDeleteImage'
  const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' }

  /** Checks the SigV4 Authorization of a request with the signer's own steps; undefined when valid. */
  function sigV4Problem(req: SeenRequest): string | undefined {
    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization)
      )
    if (auth === null) return 'malformed Authorization header'
    const [, akid, date, region, service, signed, signature] = auth as unknown as string[]
    if (akid !== ACCESS_KEY) return `unknown access key ${akid}`
    const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(req.headers['x-amz-date']))
    if (stamp === null || `${stamp[1]}${stamp[2]}${stamp[3]}` !== date) return 'bad X-Amz-Date'
    const scope = {
      region: region!,
      service: service!,
      now: new Date(`${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6]}Z`)
    }
    const headers = Object.fromEntries(
      signed!.split(';').filter((n) => n !== 'host').map((n) => [n, String(req.headers[n])])
    )
    const url = new URL(req.url, `http://${req.headers.host}`)
    const { text } = canonicalRequest({ method: req.method, url, headers, body: req.body })
    const expected = createHmac('sha256', signingKey(SECRET, scope)).update(stringToSign(text, scope)).digest('hex')
    return expected === signature ? undefined : 'signature does not match'
  }

  /** The ECR (or ECR Public) JSON API at `/`: SigV4 checked, BatchDeleteImage answered by `answer`. */
  async function startFakeEcr(
    answer: (body: { registryId?: string; repositoryName: string; imageIds: Array<{ imageTag: string }> }) => Promise<{ status: number; body: object }>,
    target = TARGET
  ) {
    const server = await startServer(async (req, res) => {
      const problem = sigV4Problem(req)
      if (problem !== undefined) return reply(res, 403, JSON_11, { __type: 'InvalidSignatureException', message: problem })
      if (req.method !== 'POST' || req.headers['x-amz-target'] !== target) {
        return reply(res, 400, JSON_11, { __type: 'UnknownOperationException' })
      }
      const result = await answer(JSON.parse(req.body.toString('utf8')))
      reply(res, result.status, JSON_11, result.body)
    })
    after(() => server.close())
    return server
  }

  const awsEnv = (endpoint: string) => ({
    ...CLEAN_ENV,
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: SESSION,
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL_ECR: endpoint
  })

  test('ECR Public: the alias is the registry id, the call goes to the ecr-public API in us-east-1', async () => {
    const repository = 'pubalias/ecr-public'
    const m = await sharedPair(clientFor(plain), plain.host, repository)
    const ecr = await startFakeEcr(async (body) => {
      await untagOnRegistry(plain, `${body.registryId}/${body.repositoryName}`, body.imageIds[0]!.imageTag)
      return { status: 200, body: { imageIds: [{ imageTag: 'a', imageDigest: m.digest }], failures: [] } }
    }, 'SpencerFrontendService.BatchDeleteImage')
    const ref = `${plain.host}/${repository}:a`
    // The loopback registry stands for public.ecr.aws, as a proxy in front of it would.
    const env = {
      ...awsEnv('http://127.0.0.1:9/unused'),
      AWS_ENDPOINT_URL_ECR_PUBLIC: ecr.url,
      IMAGE_MIRROR_ECR_HOSTS: `${plain.host}=public.ecr.aws`
    }
    const run = await runCli(['delete', '--insecure', '--yes', ref], { fromSource: true, env })
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), `deleted ${ref} (${m.digest}, ecr-batch-delete); kept b`)
    assert.equal(ecr.requests.length, 1)
    const [req] = ecr.requests as [SeenRequest]
    assert.deepEqual(JSON.parse(req.body.toString('utf8')), {
      registryId: 'pubalias',
      repositoryName: 'ecr-public',
      imageIds: [{ imageTag: 'a' }]
    })
    assert.match(String(req.headers.authorization), new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/us-east-1/ecr-public/aws4_request, `))
    assert.equal(sigV4Problem(req), undefined)
    assert.deepEqual(await tags(plain, repository), ['b'])
    assert.equal(await skopeoDigest(`${plain.host}/${repository}:b`, plain), m.digest)
  })

  test('the CLI sends imageTag only, never imageDigest, signed with SigV4; the other tag stays (AT-DEL-4)', async () => {
    const repository = 'delete-vendors/ecr'
    const m = await sharedPair(clientFor(plain), plain.host, repository)
    const ecr = await startFakeEcr(async (body) => {
      await untagOnRegistry(plain, body.repositoryName, body.imageIds[0]!.imageTag)
      return { status: 200, body: { imageIds: [{ imageTag: 'a', imageDigest: m.digest }], failures: [] } }
    })
    const ref = `${plain.host}/${repository}:a`
    const args = ['delete', '--insecure', '--delete-strategy', 'ecr', '--yes', '-v', ref]

    const dry = await runCli([...args, '--dry-run'], { fromSource: true, env: awsEnv(ecr.url) })
    assert.equal(dry.code, 0, dry.stderr)
    assert.equal(dry.stdout.trim(), `would delete ${ref} (${m.digest}, ecr-batch-delete); kept b`)
    assert.equal(ecr.requests.length, 0)

    const run = await runCli(args, { fromSource: true, env: awsEnv(ecr.url) })
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), `deleted ${ref} (${m.digest}, ecr-batch-delete); kept b`)
    assert.equal(ecr.requests.length, 1)
    const [req] = ecr.requests as [SeenRequest]
    assert.equal(`${req.method} ${req.url}`, 'POST /')
    assert.equal(req.headers['x-amz-target'], TARGET)
    assert.equal(req.headers['content-type'], 'application/x-amz-json-1.1')
    assert.equal(req.headers['x-amz-security-token'], SESSION)
    assert.deepEqual(JSON.parse(req.body.toString('utf8')), { repositoryName: repository, imageIds: [{ imageTag: 'a' }] })
    assert.doesNotMatch(req.body.toString('utf8'), /imageDigest|sha256:/)
    assert.match(
      String(req.headers.authorization),
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/eu-west-1/ecr/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=`)
    )
    assert.equal(sigV4Problem(req), undefined)
    for (const secret of [SECRET, SESSION]) {
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'a secret reached the output')
    }
    assert.deepEqual(await tags(plain, repository), ['b'])
    assert.equal(await skopeoDigest(`${plain.host}/${repository}:b`, plain), m.digest)
  })

  test('failures in the answer and refused calls are one line, and nothing changes', async () => {
    const repository = 'delete-vendors/ecr-fail'
    await sharedPair(clientFor(plain), plain.host, repository)
    const answers = [
      {
        status: 200,
        body: { imageIds: [], failures: [{ imageId: { imageTag: 'a' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }] },
        line: 'ECR BatchDeleteImage failed: ImageNotFound Requested image not found; nothing was changed'
      },
      {
        status: 400,
        body: { __type: 'AccessDeniedException', message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:BatchDeleteImage' },
        line: 'ECR BatchDeleteImage: 400 AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:BatchDeleteImage (needs ecr:BatchDeleteImage on the repository)'
      }
    ]
    let next = 0
    const ecr = await startFakeEcr(async () => answers[next]!)
    for (; next < answers.length; next++) {
      const ref = `${plain.host}/${repository}:a`
      const run = await runCli(['delete', '--insecure', '--delete-strategy', 'ecr', '--yes', ref], { fromSource: true, env: awsEnv(ecr.url) })
      assert.equal(run.code, 1)
      assert.equal(run.stderr, `image-mirror delete: ${ref}: ${answers[next]!.line}\n`)
      assert.deepEqual(await tags(plain, repository), ['a', 'b'])
    }
    assert.equal(ecr.requests.length, answers.length)
  })

  test('an answer that took the shared image too is caught by the verification and undone (R-DEL-3)', async () => {
    const repository = 'delete-vendors/ecr-greedy'
    const client = clientFor(plain)
    const m = await sharedPair(client, plain.host, repository)
    const ecr = await startFakeEcr(async (body) => {
      // A broken service: deletes the image by digest, with every tag on it.
      await clientFor(plain).deleteManifest(plain.host, body.repositoryName, m.digest)
      return { status: 200, body: { imageIds: [{ imageTag: 'a', imageDigest: m.digest }], failures: [] } }
    })
    await assert.rejects(
      client.deleteTag(
        { registry: plain.host, repository, tag: 'a' },
        {
          strategy: 'ecr',
          vendors: { ecr: { credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET }, endpoint: ecr.url, region: 'eu-west-1' } }
        }
      ),
      /also removed b; they were restored/
    )
    assert.equal(await skopeoDigest(`${plain.host}/${repository}:b`, plain), m.digest)
  })
})

describe('GitLab: the container registry REST API', () => {
  const project = 'delete-vendors/gitlab'
  const image = `${project}/img`

  /** GitLab's API at /api/v4: the project `project` holds registry repository 42, whose path is `image`. */
  async function startFakeGitLab() {
    const server = await startServer(async (req, res) => {
      const json = { 'content-type': 'application/json' }
      if (req.headers['private-token'] !== 'glpat-test' && req.headers['job-token'] !== 'job-test') {
        return reply(res, 401, json, { message: '401 Unauthorized' })
      }
      const url = new URL(req.url, 'http://gitlab.test')
      const list = /^\/api\/v4\/projects\/([^/]+)\/registry\/repositories$/.exec(url.pathname)
      const del = /^\/api\/v4\/projects\/([^/]+)\/registry\/repositories\/(\d+)\/tags\/([^/]+)$/.exec(url.pathname)
      if (list && req.method === 'GET') {
        if (decodeURIComponent(list[1]!) !== project) return reply(res, 404, json, { message: '404 Project Not Found' })
        return reply(res, 200, { ...json, 'x-next-page': '', 'x-page': '1', 'x-total': '1' }, [
          { id: 42, name: 'img', path: image, project_id: 7, location: `${plain.host}/${image}`, created_at: '2026-01-01T00:00:00.000Z', cleanup_policy_started_at: null }
        ])
      }
      if (del && req.method === 'DELETE' && decodeURIComponent(del[1]!) === project && del[2] === '42') {
        await untagOnRegistry(plain, image, decodeURIComponent(del[3]!))
        return reply(res, 200)
      }
      reply(res, 404, json, { message: '404 Not Found' })
    })
    after(() => server.close())
    return server
  }

  test('in a CI job the CLI finds the repository and deletes the tag with the job token; CI_REGISTRY picks the strategy', async () => {
    const m = await sharedPair(clientFor(plain), plain.host, image)
    const gitlab = await startFakeGitLab()
    const ref = `${plain.host}/${image}:a`
    const run = await runCli(['delete', '--insecure', '--yes', ref], {
      fromSource: true,
      env: { ...CLEAN_ENV, CI_JOB_TOKEN: 'job-test', CI_REGISTRY: plain.host, CI_API_V4_URL: `${gitlab.url}/api/v4` }
    })
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), `deleted ${ref} (${m.digest}, gitlab-api); kept b`)
    assert.deepEqual(requestLines(gitlab.requests), [
      'GET /api/v4/projects/delete-vendors%2Fgitlab%2Fimg/registry/repositories?per_page=100&page=1',
      'GET /api/v4/projects/delete-vendors%2Fgitlab/registry/repositories?per_page=100&page=1',
      'DELETE /api/v4/projects/delete-vendors%2Fgitlab/registry/repositories/42/tags/a'
    ])
    for (const r of gitlab.requests) {
      assert.equal(r.headers['job-token'], 'job-test')
      assert.equal(r.headers['private-token'], undefined)
    }
    assert.deepEqual(await tags(plain, image), ['b'])
    assert.equal(await skopeoDigest(`${plain.host}/${image}:b`, plain), m.digest)
  })

  test('an access token goes in PRIVATE-TOKEN', async () => {
    const repository = `${project}/img`
    const client = clientFor(plain)
    const m = await sharedPair(client, plain.host, repository)
    await client.putManifest(plain.host, repository, 'c', m)
    const gitlab = await startFakeGitLab()
    const result = await client.deleteTag(
      { registry: plain.host, repository, tag: 'c' },
      { strategy: 'gitlab', vendors: { gitlab: { token: { kind: 'private', value: 'glpat-test' }, apiUrl: `${gitlab.url}/api/v4` } } }
    )
    assert.equal(result.method, 'gitlab-api')
    assert.equal(gitlab.requests.at(-1)?.url, '/api/v4/projects/delete-vendors%2Fgitlab/registry/repositories/42/tags/c')
    for (const r of gitlab.requests) assert.equal(r.headers['private-token'], 'glpat-test')
    assert.deepEqual(await tags(plain, repository), ['a', 'b'])
  })

  test('AT-RED-7: a cross-origin redirect of a call with PRIVATE-TOKEN is not followed; the other origin gets nothing', async () => {
    const repository = `${project}/redirected`
    const client = clientFor(plain)
    await sharedPair(client, plain.host, repository)
    const collector = await startServer((_req, res) => reply(res, 200, { 'content-type': 'application/json' }, []))
    const gitlab = await startServer((req, res) => reply(res, 307, { location: `${collector.url}${req.url}` }))
    after(() => Promise.all([collector.close(), gitlab.close()]))
    await assert.rejects(
      client.deleteTag(
        { registry: plain.host, repository, tag: 'a' },
        { strategy: 'gitlab', vendors: { gitlab: { token: { kind: 'private', value: 'glpat-test' }, apiUrl: `${gitlab.url}/api/v4` } } }
      ),
      (e: Error) =>
        e.name === 'UserError' &&
        e.message.includes(`${gitlab.host}/api/v4/projects/delete-vendors%2Fgitlab%2Fredirected/registry/repositories redirected (307) to ${collector.host}; not followed`) &&
        !e.message.includes('glpat-test')
    )
    assert.equal(gitlab.requests.length, 1)
    assert.equal(collector.requests.length, 0, 'no request, so no PRIVATE-TOKEN, reaches the other origin')
    assert.deepEqual(await tags(plain, repository), ['a', 'b'])
  })
})

test('Harbor: the artifact tag DELETE on the registry host, repository encoded twice, with the registry login', async () => {
  const repository = 'delete-vendors/harbor/app'
  const basicAuth = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`
  // Harbor serves its API and the registry on one host: the proxy is that host.
  const proxy = await startTamperProxy(basic.url, async (req) => {
    const m = /^\/api\/v2\.0\/projects\/([^/]+)\/repositories\/([^/]+)\/artifacts\/([^/]+)\/tags\/([^/]+)$/.exec(req.url)
    if (m === null) return { action: 'pass' }
    const errors = (status: number, code: string) => ({
      action: 'respond' as const,
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errors: [{ code, message: code.toLowerCase() }] })
    })
    if (req.method !== 'DELETE') return errors(405, 'METHOD_NOT_ALLOWED')
    if (req.headers.authorization !== basicAuth) return errors(401, 'UNAUTHORIZED')
    const name = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(decodeURIComponent(m[2]!))}`
    const tag = decodeURIComponent(m[4]!)
    const head = await clientFor(basic).headManifest({ registry: basic.host, repository: name, tag })
    if (head?.digest !== decodeURIComponent(m[3]!)) return errors(404, 'NOT_FOUND')
    await untagOnRegistry(basic, name, tag)
    return { action: 'respond', status: 200 }
  })
  after(() => proxy.close())
  const client = clientFor(basic, proxy.host)
  const m = await sharedPair(client, proxy.host, repository)
  const result = await client.deleteTag(
    { registry: proxy.host, repository, tag: 'a' },
    { vendors: { harbor: { hosts: [proxy.host] } } }
  )
  assert.deepEqual(result, { method: 'harbor-api', digest: m.digest, sharedWith: ['b'] })
  const api = proxy.requests.filter((r) => r.url.startsWith('/api/'))
  assert.deepEqual(requestLines(api), [
    `DELETE /api/v2.0/projects/delete-vendors/repositories/harbor%252Fapp/artifacts/${m.digest}/tags/a`
  ])
  assert.equal(api[0]!.headers.authorization, basicAuth)
  assert.deepEqual(await tags(basic, repository), ['b'])
  assert.equal(await skopeoDigest(`${basic.host}/${repository}:b`, basic), m.digest)
})

test('Docker Hub: a Hub access token from the docker.io login, then the Hub tag DELETE', async () => {
  const repository = 'delete-vendors-hub/app'
  const hub = await startServer(async (req, res) => {
    const json = { 'content-type': 'application/json' }
    if (req.method === 'POST' && req.url === '/v2/auth/token') {
      const login = JSON.parse(req.body.toString('utf8')) as { identifier?: string; secret?: string }
      if (login.identifier !== basic.username || login.secret !== basic.password) {
        return reply(res, 401, json, { detail: 'Incorrect authentication credentials' })
      }
      return reply(res, 200, json, { access_token: 'hub-jwt' })
    }
    const del = /^\/v2\/namespaces\/([^/]+)\/repositories\/([^/]+)\/tags\/([^/]+)$/.exec(req.url)
    if (del && req.method === 'DELETE') {
      if (req.headers.authorization !== 'Bearer hub-jwt') return reply(res, 401, json, { detail: 'authentication required' })
      await untagOnRegistry(basic, `${del[1]}/${del[2]}`, decodeURIComponent(del[3]!))
      return reply(res, 204)
    }
    reply(res, 404, json, { message: 'object not found' })
  })
  after(() => hub.close())
  const client = clientFor(basic)
  const m = await sharedPair(client, basic.host, repository)
  const result = await client.deleteTag(
    { registry: basic.host, repository, tag: 'a' },
    { strategy: 'dockerhub', vendors: { dockerhub: { apiUrl: hub.url } } }
  )
  assert.deepEqual(result, { method: 'dockerhub-api', digest: m.digest, sharedWith: ['b'] })
  assert.deepEqual(requestLines(hub.requests), [
    'POST /v2/auth/token',
    'DELETE /v2/namespaces/delete-vendors-hub/repositories/app/tags/a'
  ])
  assert.equal(hub.requests[0]!.headers['content-type'], 'application/json')
  assert.deepEqual(await tags(basic, repository), ['b'])
  assert.equal(await skopeoDigest(`${basic.host}/${repository}:b`, basic), m.digest)
})

test('vendor API calls follow no redirect and send no login over plain http off loopback', async () => {
  const repository = 'delete-vendors-hub/safe'
  const collector = await startServer((_req, res) => reply(res, 200, {}, { access_token: 'stolen' }))
  const hub = await startServer((_req, res) => reply(res, 307, { location: `${collector.url}/v2/auth/token` }))
  after(() => Promise.all([collector.close(), hub.close()]))
  const client = clientFor(basic)
  await sharedPair(client, basic.host, repository)
  const ref: Reference = { registry: basic.host, repository, tag: 'a' }
  await assert.rejects(
    client.deleteTag(ref, { strategy: 'dockerhub', vendors: { dockerhub: { apiUrl: hub.url } } }),
    new RegExp(`Docker Hub login as ${basic.username}: ${hub.host}/v2/auth/token redirected \\(307\\) to ${collector.host}; not followed`)
  )
  assert.equal(collector.requests.length, 0)
  await assert.rejects(
    client.deleteTag(ref, { strategy: 'dockerhub', vendors: { dockerhub: { apiUrl: 'http://192.0.2.1' } } }),
    /refusing to send credentials to 192\.0\.2\.1 over plain http/
  )
  assert.deepEqual(await tags(basic, repository), ['a', 'b'])
})

describe('GHCR: isolate the tag, then delete the placeholder package version', () => {
  const owner = 'delete-vendors-gh'
  /** The user-owned package's versions endpoint (the package name has its `/` encoded). */
  const versionsPath = (repository: string) =>
    `/users/${owner}/packages/container/${encodeURIComponent(repository.slice(owner.length + 1))}/versions`

  /**
   * GitHub's packages API for a user-owned package whose versions are the
   * digests of the real repository, each with every tag pointing at it (as GHCR
   * shows them). `beforeList` runs before each listing is built.
   */
  async function startFakeGitHub(repository: string, beforeList: () => Promise<void> = async () => {}) {
    const ids = new Map<string, number>()
    const client = clientFor(plain)
    const versions = async () => {
      const byDigest = new Map<string, string[]>()
      for (const tag of await client.listTags(plain.host, repository)) {
        const head = await client.headManifest({ registry: plain.host, repository, tag })
        if (head !== undefined) byDigest.set(head.digest, [...(byDigest.get(head.digest) ?? []), tag])
      }
      return [...byDigest].map(([digest, tags]) => {
        if (!ids.has(digest)) ids.set(digest, 9000 + ids.size)
        return { id: ids.get(digest)!, name: digest, metadata: { package_type: 'container', container: { tags } } }
      })
    }
    const server = await startServer(async (req, res) => {
      const json = { 'content-type': 'application/json; charset=utf-8' }
      if (req.headers.authorization !== 'Bearer ghs-test') return reply(res, 401, json, { message: 'Bad credentials' })
      const url = new URL(req.url, 'http://api.test')
      if (req.method === 'GET' && url.pathname === versionsPath(repository)) {
        await beforeList()
        return reply(res, 200, json, await versions())
      }
      const del = new RegExp(`^${versionsPath(repository)}/(\\d+)$`).exec(url.pathname)
      const digest = del ? [...ids].find(([, id]) => id === Number(del[1]))?.[0] : undefined
      if (req.method === 'DELETE' && digest !== undefined) {
        await client.deleteManifest(plain.host, repository, digest)
        return reply(res, 204)
      }
      reply(res, 404, json, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/packages/packages' })
    })
    after(() => server.close())
    return server
  }

  const ghcr = (apiUrl: string) => ({ token: 'ghs-test', apiUrl, allowVersionDelete: true })

  test('the placeholder version, holding only the tag, is deleted; the shared image keeps its other tag', async () => {
    const repository = `${owner}/pkg/sub`
    const client = clientFor(plain)
    const m = await sharedPair(client, plain.host, repository)
    const github = await startFakeGitHub(repository)
    const ref: Reference = { registry: plain.host, repository, tag: 'a' }
    const result = await client.deleteTag(ref, { strategy: 'ghcr', vendors: { ghcr: ghcr(github.url) } })
    assert.deepEqual(result, { method: 'ghcr-version', digest: m.digest, sharedWith: ['b'] })
    const lines = requestLines(github.requests)
    assert.deepEqual(lines.slice(0, 2), [
      `GET /orgs/${owner}/packages/container/pkg%2Fsub/versions?per_page=100&page=1`,
      `GET ${versionsPath(repository)}?per_page=100&page=1`
    ])
    assert.equal(versionsPath(repository), `/users/${owner}/packages/container/pkg%2Fsub/versions`)
    assert.match(lines[2]!, new RegExp(`^DELETE ${versionsPath(repository)}/\\d+$`))
    assert.equal(lines.length, 3)
    for (const r of github.requests) {
      assert.equal(r.headers.accept, 'application/vnd.github+json')
      assert.equal(r.headers['x-github-api-version'], '2022-11-28')
    }
    assert.deepEqual(await tags(plain, repository), ['b'])
    assert.equal(await skopeoDigest(`${plain.host}/${repository}:b`, plain), m.digest)
  })

  test('without allowVersionDelete the engine refuses before any request (sync has no opt-in)', async () => {
    const repository = `${owner}/refused`
    const client = clientFor(plain)
    await sharedPair(client, plain.host, repository)
    const seen: string[] = []
    client.transport.api = async (url) => {
      seen.push(url.href)
      throw new Error('no vendor API call expected')
    }
    await assert.rejects(
      client.deleteTag({ registry: plain.host, repository, tag: 'a' }, { strategy: 'ghcr', vendors: { ghcr: { token: 'ghs-test' } } }),
      (e) => e instanceof Error && new RegExp(`^${plain.host}/${repository}:a: refusing to delete a GHCR tag: .*nothing was changed$`).test(e.message)
    )
    assert.deepEqual(seen, [])
    assert.deepEqual(await tags(plain, repository), ['a', 'b'])
  })

  test('a placeholder version that holds another tag too is not deleted, and the error names both digests', async () => {
    const repo2 = `${owner}/busy`
    const client = clientFor(plain)
    const m = await sharedPair(client, plain.host, repo2)
    // Another writer tags the placeholder before the version is looked up.
    const github = await startFakeGitHub(repo2, async () => {
      const head = await client.headManifest({ registry: plain.host, repository: repo2, tag: 'a' })
      if (head !== undefined && head.digest !== m.digest) {
        await client.putManifest(plain.host, repo2, 'x', await client.getManifest({ registry: plain.host, repository: repo2, digest: head.digest }))
      }
    })
    let dummy = ''
    await assert.rejects(
      client.deleteTag({ registry: plain.host, repository: repo2, tag: 'a' }, { strategy: 'ghcr', vendors: { ghcr: ghcr(github.url) } }),
      (e) => {
        assert.ok(e instanceof Error)
        const match = new RegExp(
          `^${plain.host}/${repo2}:a now points to dummy (sha256:[0-9a-f]{64}); the original was ${m.digest}; deleting the dummy's package version failed: GHCR version \\d+ of \\1 has tags (a, x|x, a), not a alone; not deleted$`
        ).exec(e.message)
        assert.ok(match, e.message)
        dummy = match[1]!
        return true
      }
    )
    assert.equal(github.requests.filter((r) => r.method === 'DELETE').length, 0)
    assert.equal(await skopeoDigest(`${plain.host}/${repo2}:a`, plain), dummy)
    assert.equal(await skopeoDigest(`${plain.host}/${repo2}:b`, plain), m.digest)
  })
})

describe('the delete CLI says in one line what a strategy lacks, and changes nothing', () => {
  const repository = 'delete-vendors/cli'
  const ref = `${plain.host}/${repository}:a`
  const cases: Array<{ name: string; args: string[]; env?: Record<string, string>; line: string }> = [
    {
      name: 'ecr without AWS keys',
      args: ['--delete-strategy', 'ecr'],
      line: `${ref}: the ecr delete strategy needs AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN for temporary ones)`
    },
    {
      name: 'ecr on a host that names no region',
      args: ['--delete-strategy', 'ecr'],
      env: { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'never-shown' },
      line: `${ref}: ${plain.host} is not an ECR host, so the ecr delete strategy needs a region (AWS_REGION)`
    },
    {
      name: 'gitlab without a token',
      args: ['--delete-strategy', 'gitlab'],
      line: `${ref}: the gitlab delete strategy needs a GitLab token: GITLAB_TOKEN (an access token with the api scope) or CI_JOB_TOKEN in a GitLab CI job`
    },
    {
      name: 'harbor without a registry login',
      args: ['--delete-strategy', 'harbor'],
      line: `${ref}: the harbor delete strategy needs a username and password for ${plain.host} (docker login ${plain.host})`
    },
    {
      name: 'dockerhub without a docker.io login',
      args: ['--delete-strategy', 'dockerhub'],
      line: `${ref}: the dockerhub delete strategy needs the Docker Hub username and password or personal access token (docker login)`
    },
    {
      name: 'ghcr allowed but without GITHUB_TOKEN',
      args: ['--delete-strategy', 'ghcr', '--allow-ghcr-version-delete'],
      line: `${ref}: the ghcr delete strategy needs GITHUB_TOKEN, a token allowed to delete packages (delete:packages, or admin on the package)`
    },
    {
      name: 'ghcr not allowed',
      args: ['--delete-strategy', 'ghcr'],
      line: `refusing to delete ${ref}: GHCR deletes package versions, and a version holds every tag of its digest, so deleting it removes them all; --allow-ghcr-version-delete moves the tag onto a unique placeholder image and deletes that version only (needs GITHUB_TOKEN with delete:packages); nothing was changed`
    },
    {
      name: 'an unknown strategy',
      args: ['--delete-strategy', 'quay'],
      line: '--delete-strategy must be one of generic, ecr, gitlab, harbor, dockerhub, ghcr (got "quay")'
    }
  ]
  before(() => sharedPair(clientFor(plain), plain.host, repository))
  for (const c of cases) {
    test(c.name, async () => {
      const run = await runCli(['delete', '--insecure', '--yes', ...c.args, ref], { fromSource: true, env: { ...CLEAN_ENV, ...c.env } })
      assert.equal(run.code, 1, run.stderr)
      assert.equal(run.stderr, `image-mirror delete: ${c.line}\n`)
      assert.ok(!run.stderr.includes('never-shown'))
      assert.deepEqual(await tags(plain, repository), ['a', 'b'])
    })
  }

  test('ghcr.io is refused by default before any request', async () => {
    const run = await runCli(['delete', '--yes', 'ghcr.io/image-mirror-test/app:old'], { fromSource: true, env: CLEAN_ENV })
    assert.equal(run.code, 1)
    assert.match(run.stderr, /^image-mirror delete: refusing to delete ghcr\.io\/image-mirror-test\/app:old: GHCR deletes package versions.*--allow-ghcr-version-delete.*nothing was changed\n$/)
  })
})
