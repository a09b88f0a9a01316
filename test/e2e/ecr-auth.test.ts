// Native ECR credentials end to end: the CLI gets the `AWS` password from a
// fake GetAuthorizationToken API and logs in to a real htpasswd registry that
// accepts exactly that user and password.
//
// A loopback registry is not an ECR host, so the test names it one through
// IMAGE_MIRROR_ECR_HOSTS (`<host>=<ECR host>`), the setting users have for a
// proxy or DNS name in front of ECR; AWS_ENDPOINT_URL_ECR, the AWS SDK variable,
// points the token call at the fake. Nothing else in the path differs from a
// real ECR registry.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { RegistryClient } from '../../src/oci/client.js'
import { staticCredentials } from '../../src/oci/credentials.js'
import { digestOf } from '../../src/oci/digest.js'
import { MEDIATYPE_OCI_CONFIG, MEDIATYPE_OCI_MANIFEST } from '../../src/oci/media-types.js'
import { Transport } from '../../src/oci/transport.js'
import type { Descriptor } from '../../src/oci/types.js'
import { FAKE_AWS, ecrToken, startFakeEcr, type FakeEcrOptions } from '../helpers/fake-ecr.js'
import { startRegistry, type RunningRegistry } from '../helpers/registry.js'
import { runCli } from '../helpers/run-cli.js'
import { reply } from '../helpers/tamper-proxy.js'

const ACCOUNT = '123456789012'
const ECR_HOST = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`
// Short enough for bcrypt in htpasswd (72 bytes); real ECR passwords are longer.
const PASSWORD = `ecr-${randomBytes(16).toString('hex')}`
const REPOSITORY = 'ecr-auth/app'

// No credentials of the machine running the tests may take part.
const emptyDir = mkdtempSync(join(tmpdir(), 'im-ecr-auth-'))
const CLEAN_ENV = {
  DOCKER_CONFIG: emptyDir,
  REGISTRY_AUTH_FILE: join(emptyDir, 'auth.json'),
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_ENDPOINT_URL: '',
  AWS_ENDPOINT_URL_ECR: '',
  IMAGE_MIRROR_ECR_HOSTS: ''
}
const SECRETS = [PASSWORD, ecrToken(PASSWORD), FAKE_AWS.secretAccessKey, FAKE_AWS.sessionToken]

let registry: RunningRegistry
let digest: string
const cleanups: Array<() => Promise<void>> = []

before(async () => {
  registry = await startRegistry({ name: 'ecr-auth', auth: 'basic', user: { username: 'AWS', password: PASSWORD } })
  cleanups.push(() => registry.stop())
  const transport = new Transport({
    credentials: staticCredentials({ [registry.host]: { username: 'AWS', password: PASSWORD } }),
    insecure: true
  })
  cleanups.push(() => transport.close())
  const client = new RegistryClient(transport)
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }))
  const desc: Descriptor = { mediaType: MEDIATYPE_OCI_CONFIG, digest: digestOf(config), size: config.length }
  await client.uploadBlob(registry.host, REPOSITORY, desc, config)
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_MANIFEST, config: desc, layers: [] }))
  await client.putManifest(registry.host, REPOSITORY, 'v1', { bytes, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(bytes) })
  digest = digestOf(bytes)
})
after(async () => {
  for (const c of cleanups.reverse()) await c()
})

async function fakeEcr(opts: Partial<FakeEcrOptions> = {}) {
  const server = await startFakeEcr({ kind: 'private', password: PASSWORD, region: 'eu-west-1', account: ACCOUNT, ...opts })
  cleanups.push(server.close)
  return server
}

/** `image-mirror digest -v` of the test image with the registry named as ECR and `env` on top. */
function digestCli(env: Record<string, string>) {
  return runCli(['digest', '--insecure', '-v', `${registry.host}/${REPOSITORY}:v1`], {
    fromSource: true,
    env: { ...CLEAN_ENV, IMAGE_MIRROR_ECR_HOSTS: `${registry.host}=${ECR_HOST}`, ...env }
  })
}

function awsEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: FAKE_AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_AWS.secretAccessKey,
    AWS_SESSION_TOKEN: FAKE_AWS.sessionToken,
    AWS_ENDPOINT_URL_ECR: endpoint
  }
}

function assertNoSecret(run: { stdout: string; stderr: string }) {
  for (const s of SECRETS) assert.ok(!run.stdout.includes(s) && !run.stderr.includes(s), 'a secret reached the output')
}

describe('the CLI logs in to an ECR registry with a GetAuthorizationToken password', () => {
  test('one signed call, user AWS, and no secret in the -v output', async () => {
    const ecr = await fakeEcr()
    const run = await digestCli(awsEnv(ecr.url))
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), digest)
    // The fake answers 400 to any request that is not the documented one, signature included.
    assert.equal(ecr.requests.length, 1)
    assert.match(run.stderr, new RegExp(`debug: credentials for ${registry.host.replace(/\./g, '\\.')}: ECR GetAuthorizationToken for ${ECR_HOST}`))
    assertNoSecret(run)
  })

  test('credentials from DOCKER_AUTH_CONFIG come first: no call, and their refusal is the error', async () => {
    const ecr = await fakeEcr()
    const auth = Buffer.from('AWS:stale-password').toString('base64')
    const run = await digestCli({
      ...awsEnv(ecr.url),
      DOCKER_AUTH_CONFIG: JSON.stringify({ auths: { [registry.host]: { auth } } })
    })
    assert.equal(run.code, 1)
    assert.match(run.stderr, new RegExp(`the credentials for ${registry.host.replace(/\./g, '\\.')} were refused\\)\\n$`))
    assert.equal(ecr.requests.length, 0)
  })

  test('without AWS credentials no call is made and the 401 says no credentials are configured', async () => {
    const ecr = await fakeEcr()
    const run = await digestCli({ AWS_ENDPOINT_URL_ECR: ecr.url })
    assert.equal(run.code, 1)
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('debug: '))
    assert.equal(lines.length, 1, run.stderr)
    assert.match(lines[0]!, new RegExp(`^image-mirror digest: .*401.*no credentials configured for ${registry.host.replace(/\./g, '\\.')}\\)$`))
    assert.equal(ecr.requests.length, 0)
  })

  test('AccessDenied is one line naming the registry and the missing permission', async () => {
    const ecr = await fakeEcr({
      answer: (res) =>
        reply(res, 400, { 'content-type': 'application/x-amz-json-1.1' }, {
          __type: 'AccessDeniedException',
          message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken'
        })
    })
    const run = await digestCli(awsEnv(ecr.url))
    assert.equal(run.code, 1)
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('debug: '))
    assert.deepEqual(lines, [
      `image-mirror digest: ECR credentials for ${registry.host}: GetAuthorizationToken at ${ecr.host}: 400 AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken (the AWS credentials need ecr:GetAuthorizationToken)`
    ])
    assertNoSecret(run)
  })
})

describe('build hands the ECR login to the builder', () => {
  test('a miss builds and pushes with buildah, logged in with the GetAuthorizationToken password', async () => {
    const ecr = await fakeEcr()
    const context = mkdtempSync(join(emptyDir, 'app-'))
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n')
    writeFileSync(join(context, 'hello.txt'), `ecr build ${randomBytes(8).toString('hex')}\n`)
    const run = await runCli(
      ['build', '--image', `${registry.host}/ecr-auth/built`, '--context', context, '--builder', 'buildah', '--insecure', '--json'],
      {
        fromSource: true,
        env: {
          ...CLEAN_ENV,
          ...awsEnv(ecr.url),
          IMAGE_MIRROR_ECR_HOSTS: `${registry.host}=${ECR_HOST}`,
          IMAGE_MIRROR_BUILDAH_ROOT: join(emptyDir, 'buildah'),
          STORAGE_DRIVER: 'vfs'
        }
      }
    )
    assert.equal(run.code, 0, run.stderr)
    const result = JSON.parse(run.stdout) as { cacheHit: boolean; image: string; digest: string }
    assert.equal(result.cacheHit, false)
    // The registry accepts only user AWS with the fake's password: the push itself proves the login.
    assert.equal(ecr.requests.length, 1, 'one GetAuthorizationToken call serves the check and the push')
    assertNoSecret(run)
  })
})
