// Native ECR credentials (R-CRED-5, R-CRED-6): which hosts are ECR (AT-CRED-4),
// the GetAuthorizationToken call against a fake of the documented API, the
// token decoding (AT-CRED-3), the half-lifetime cache, the chain's precedence
// and the one-line failures that never carry a secret.
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { ecrAuthFromEnv, parseEcrAliases } from '../../../src/ecr-env.js'
import { UserError } from '../../../src/errors.js'
import { actionEcrAuth } from '../../../src/github/credentials.js'
import { nullLogger } from '../../../src/logger.js'
import { staticCredentials, type Credential } from '../../../src/oci/credentials.js'
import { detectStrategy } from '../../../src/oci/delete/strategy.js'
import type { EcrAuthSettings } from '../../../src/oci/ecr-auth.js'
import { ecrApiEndpoint, parseEcrRegistry } from '../../../src/oci/ecr-hosts.js'
import { Transport } from '../../../src/oci/transport.js'
import { FAKE_AWS, ecrToken, startFakeEcr, type FakeEcrOptions } from '../../helpers/fake-ecr.js'
import { reply, startServer } from '../../helpers/tamper-proxy.js'

const ACCOUNT = '123456789012'
const ECR_HOST = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`
const PASSWORD = 'ecr-password-Vt7Qm3'

const cleanups: Array<() => Promise<void>> = []
after(async () => {
  for (const c of cleanups.reverse()) await c()
})

describe('which hosts are ECR registries (AT-CRED-4)', () => {
  const cases = [
    { host: '123456789012.dkr.ecr.us-east-1.amazonaws.com', exp: { kind: 'private', account: ACCOUNT, region: 'us-east-1', fips: false, domain: 'amazonaws.com' } },
    { host: '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', exp: { kind: 'private', account: ACCOUNT, region: 'us-gov-west-1', fips: true, domain: 'amazonaws.com' } },
    { host: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', exp: { kind: 'private', account: ACCOUNT, region: 'cn-north-1', fips: false, domain: 'amazonaws.com.cn' } },
    { host: '123456789012.dkr-ecr.eu-west-1.on.aws', exp: { kind: 'private', account: ACCOUNT, region: 'eu-west-1', fips: false, domain: 'on.aws' } },
    { host: 'public.ecr.aws', exp: { kind: 'public' } },
    { host: 'ecr-public.aws.com', exp: { kind: 'public' } },
    { host: 'public.ecr.aws.fake.example.com', exp: undefined },
    { host: '123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example', exp: undefined },
    { host: 'ghcr.io', exp: undefined }
  ]
  for (const tc of cases) {
    test(tc.host, () => assert.deepEqual(parseEcrRegistry(tc.host), tc.exp))
  }

  test('public.ecr.aws deletes through ECR Public BatchDeleteImage', () => {
    assert.equal(detectStrategy('public.ecr.aws'), 'ecr')
  })
})

describe('settings from the environment', () => {
  test('keys as a pair, the ECR endpoint variables over the global one, aliases', () => {
    const env = {
      AWS_ACCESS_KEY_ID: 'AKID',
      AWS_SECRET_ACCESS_KEY: 'sk',
      AWS_ENDPOINT_URL: 'https://global.example/',
      AWS_ENDPOINT_URL_ECR: 'https://ecr.example/',
      IMAGE_MIRROR_ECR_HOSTS: ` Mirror.Example=${ECR_HOST} , pub.example=public.ecr.aws`
    }
    assert.deepEqual(ecrAuthFromEnv(env), {
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'sk', sessionToken: undefined },
      endpoint: 'https://ecr.example/',
      publicEndpoint: 'https://global.example/',
      aliases: { 'mirror.example': ECR_HOST, 'pub.example': 'public.ecr.aws' }
    })
    assert.equal(ecrAuthFromEnv({ AWS_ACCESS_KEY_ID: 'AKID' }).credentials, undefined)
  })

  test('an alias to a host that is not ECR is an error naming the variable and the entry', () => {
    for (const value of ['mirror.example=ghcr.io', 'mirror.example', `=${ECR_HOST}`]) {
      assert.throws(
        () => parseEcrAliases(value),
        (e) => e instanceof UserError && e.message.startsWith('IMAGE_MIRROR_ECR_HOSTS entries must be') && e.message.endsWith(`(got "${value}")`)
      )
    }
  })

  test('the action masks every secret derived (R-CRED-4)', () => {
    const written: string[] = []
    const write = process.stdout.write
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write
    try {
      actionEcrAuth({}).onSecret?.('derived-secret')
    } finally {
      process.stdout.write = write
    }
    assert.match(written.join(''), /^::add-mask::derived-secret$/m)
  })
})

/** A transport whose ECR lookups go to a fake at `url` (for `alias` hosts as well). */
function transportFor(settings: Partial<EcrAuthSettings>, debug: string[] = []) {
  const transport = new Transport({
    credentials: staticCredentials({ 'configured.example': { username: 'u', password: 'p' } }),
    ecr: { credentials: FAKE_AWS, ...settings },
    logger: { ...nullLogger, debug: (m) => debug.push(m) }
  })
  cleanups.push(() => transport.close())
  return transport
}

async function fakeEcr(opts: Partial<FakeEcrOptions> = {}) {
  const server = await startFakeEcr({ kind: 'private', password: PASSWORD, region: 'eu-west-1', account: ACCOUNT, ...opts })
  cleanups.push(server.close)
  return server
}

/** The login of a credential, without when it expires. */
function login(credential: Credential | undefined) {
  if (credential === undefined) return undefined
  const { expiresAt: _, ...rest } = credential
  return rest
}

/** Asserts a UserError whose message is `line` and carries no secret. */
async function rejectsWithLine(p: Promise<unknown>, line: string | RegExp) {
  await assert.rejects(p, (e) => {
    assert.ok(e instanceof UserError, String(e))
    if (typeof line === 'string') assert.equal(e.message, line)
    else assert.match(e.message, line)
    for (const s of [PASSWORD, ecrToken(PASSWORD), FAKE_AWS.secretAccessKey, FAKE_AWS.sessionToken]) {
      assert.ok(!e.message.includes(s), `message leaks a secret: ${e.message}`)
    }
    return true
  })
}

describe('GetAuthorizationToken for private ECR', () => {
  test('the documented request in the host region; user AWS with the decoded password', async () => {
    const ecr = await fakeEcr()
    const secrets: string[] = []
    const transport = transportFor({ endpoint: ecr.url, onSecret: (s) => secrets.push(s) })
    assert.deepEqual(login(await transport.credential(ECR_HOST)), { username: 'AWS', password: PASSWORD })
    assert.equal(ecr.requests.length, 1)
    assert.deepEqual(secrets, [ecrToken(PASSWORD), PASSWORD])
  })

  test('AT-CRED-3: the password is everything after the first colon', async () => {
    assert.equal(ecrToken('pass:word'), 'QVdTOnBhc3M6d29yZA==')
    const ecr = await fakeEcr({ password: 'pass:word' })
    const transport = transportFor({ endpoint: ecr.url })
    assert.deepEqual(login(await transport.credential(ECR_HOST)), { username: 'AWS', password: 'pass:word' })
  })

  test('the chain comes first: a configured host makes no API call (R-CRED-1)', async () => {
    const ecr = await fakeEcr()
    const transport = transportFor({ endpoint: ecr.url, aliases: { 'configured.example': ECR_HOST } })
    assert.deepEqual(await transport.credential('configured.example'), { username: 'u', password: 'p' })
    assert.equal(await transport.credential('other.example'), undefined)
    assert.equal(ecr.requests.length, 0)
  })

  test('one call per region and account until half the lifetime, then a fresh token', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z')
    const clock = () => now
    const ecr = await fakeEcr({ now: clock, lifetimeMs: 12 * 3600_000 })
    const transport = transportFor({ endpoint: ecr.url, now: clock, aliases: { 'mirror.example': ECR_HOST } })
    const [first] = await Promise.all([transport.credential(ECR_HOST), transport.credential(ECR_HOST)])
    // The registry client asks again from half the lifetime on (auth.ts).
    assert.equal(first?.expiresAt, now + 6 * 3600_000)
    now += 6 * 3600_000 - 1000
    // Another name of the same registry: the same region and account, the same token.
    assert.deepEqual(login(await transport.credential('mirror.example')), { username: 'AWS', password: PASSWORD })
    assert.equal(ecr.requests.length, 1)
    now += 2000
    await transport.credential(ECR_HOST)
    assert.equal(ecr.requests.length, 2)
  })

  test('without AWS credentials an ECR host stays anonymous and no call is made', async () => {
    const ecr = await fakeEcr()
    const debug: string[] = []
    const transport = transportFor({ endpoint: ecr.url, credentials: undefined }, debug)
    assert.equal(await transport.credential(ECR_HOST), undefined)
    assert.equal(ecr.requests.length, 0)
    assert.ok(debug.includes(`credentials for ${ECR_HOST}: an ECR registry, but no AWS credentials in the environment`))
  })

  test('AccessDenied is one line naming the registry, the answer and the permission', async () => {
    const ecr = await fakeEcr({
      answer: (res) =>
        reply(res, 400, { 'content-type': 'application/x-amz-json-1.1' }, {
          __type: 'AccessDeniedException',
          message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken'
        })
    })
    await rejectsWithLine(
      transportFor({ endpoint: ecr.url }).credential(ECR_HOST),
      `ECR credentials for ${ECR_HOST}: GetAuthorizationToken at ${ecr.host}: 400 AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken (the AWS credentials need ecr:GetAuthorizationToken)`
    )
  })

  test('an unreachable endpoint is one line, and a failure is not cached', async () => {
    const closed = await startServer(() => {})
    await closed.close()
    const transport = transportFor({ endpoint: closed.url })
    const line = `ECR credentials for ${ECR_HOST}: GetAuthorizationToken at ${closed.host}: cannot reach ${closed.host}: connection refused`
    await rejectsWithLine(transport.credential(ECR_HOST), line)
    await rejectsWithLine(transport.credential(ECR_HOST), line)
  })

  test('an answer without a token, or for another user, never quotes the answer', async () => {
    const shapes = [
      { body: { authorizationData: [] }, why: /the answer holds no authorizationData with an authorizationToken$/ },
      { body: { authorizationData: [{ authorizationToken: Buffer.from(`root:${PASSWORD}`).toString('base64') }] }, why: /the token is for user root, not AWS$/ },
      { body: { authorizationData: [{ authorizationToken: `!!${PASSWORD}!!` }] }, why: /is not valid base64$/ }
    ]
    for (const shape of shapes) {
      const ecr = await fakeEcr({ answer: (res) => reply(res, 200, {}, shape.body) })
      await rejectsWithLine(transportFor({ endpoint: ecr.url }).credential(ECR_HOST), shape.why)
    }
  })
})

describe('GetAuthorizationToken for ECR Public', () => {
  test('us-east-1, service ecr-public, authorizationData as an object', async () => {
    const ecr = await fakeEcr({ kind: 'public', region: 'us-east-1' })
    const transport = transportFor({ publicEndpoint: ecr.url })
    assert.deepEqual(login(await transport.credential('public.ecr.aws')), { username: 'AWS', password: PASSWORD })
    assert.equal(ecr.requests.length, 1)
  })

  test('anonymous without AWS credentials, as public pulls need', async () => {
    const ecr = await fakeEcr({ kind: 'public', region: 'us-east-1' })
    assert.equal(await transportFor({ publicEndpoint: ecr.url, credentials: undefined }).credential('public.ecr.aws'), undefined)
    assert.equal(ecr.requests.length, 0)
  })

  test('a refusal names both permissions ECR Public needs', async () => {
    const ecr = await fakeEcr({
      kind: 'public',
      region: 'us-east-1',
      answer: (res) => reply(res, 403, {}, { __type: 'AccessDeniedException', message: 'denied' })
    })
    await rejectsWithLine(
      transportFor({ publicEndpoint: ecr.url }).credential('public.ecr.aws'),
      `ECR credentials for public.ecr.aws: GetAuthorizationToken at ${ecr.host}: 403 AccessDeniedException: denied (the AWS credentials need ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken)`
    )
  })
})

describe('ECR API endpoint (shared by logins and tag deletes)', () => {
  const cases: Array<[string, string, boolean, string]> = [
    ['us-east-1', 'amazonaws.com', false, 'https://api.ecr.us-east-1.amazonaws.com/'],
    ['us-gov-west-1', 'amazonaws.com', true, 'https://ecr-fips.us-gov-west-1.amazonaws.com/'],
    ['cn-north-1', 'amazonaws.com.cn', false, 'https://api.ecr.cn-north-1.amazonaws.com.cn/'],
    ['eu-west-1', 'on.aws', false, 'https://api.ecr.eu-west-1.amazonaws.com/'],
    ['cn-north-1', 'on.amazonwebservices.com.cn', false, 'https://api.ecr.cn-north-1.amazonaws.com.cn/']
  ]
  for (const [region, domain, fips, want] of cases) {
    test(`${region} ${domain}${fips ? ' FIPS' : ''}`, () => assert.equal(ecrApiEndpoint(region, domain, fips), want))
  }
})
