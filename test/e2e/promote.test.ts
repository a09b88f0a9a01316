import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import type { RunningRegistryInfo } from '../helpers/registry.js'
import { REPO_ROOT, runCli } from '../helpers/run-cli.js'
import { skopeoCopy, skopeoDigest, skopeoListTags, skopeoRaw } from '../helpers/skopeo.js'

const { registries } = testEnv()
const src = registries.plain
const qa = registries.plain2
const prod = registries.basic
const tls = registries.tls

/** Hosts the promote-*.yml fixtures interpolate. */
const hosts = {
  SRC: src.host,
  QA: qa.host,
  PROD: prod.host,
  PROD_USER: prod.username ?? '',
  PROD_PASSWORD: prod.password ?? '',
  TLS: tls.host,
  TLS_CA: tls.caFile ?? ''
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

function promote(fixture: string, args: string[]) {
  const config = join(REPO_ROOT, 'test', 'fixtures', 'config', fixture)
  return runCli(['promote', ...args, '--config', config], { env: hosts })
}

async function tagsOf(repository: string, registry: RunningRegistryInfo): Promise<string[]> {
  try {
    return await skopeoListTags(`${registry.host}/${repository}`, registry)
  } catch {
    return [] // the repository does not exist
  }
}

// Raw registry writes for what buildah cannot make: images with chosen labels
// and artifacts with a `subject`. Plain-HTTP registries without auth only.

interface Pushed {
  mediaType: string
  digest: string
  size: number
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`

async function putBlob(registry: RunningRegistryInfo, repository: string, data: Buffer): Promise<string> {
  const digest = sha256(data)
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
  assert.equal(start.status, 202, `blob upload start: ${await start.text()}`)
  const location = new URL(start.headers.get('location') as string, registry.url)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, { method: 'PUT', body: data, headers: { 'content-type': 'application/octet-stream' } })
  assert.equal(put.status, 201, `blob upload: ${await put.text()}`)
  return digest
}

async function putManifest(registry: RunningRegistryInfo, repository: string, reference: string, body: object, mediaType = OCI_MANIFEST): Promise<Pushed> {
  const bytes = Buffer.from(JSON.stringify(body))
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': mediaType }
  })
  assert.equal(res.status, 201, `manifest PUT ${reference}: ${await res.text()}`)
  return { mediaType, digest: sha256(bytes), size: bytes.length }
}

/** An OCI image whose config carries `labels`, with one random layer. */
async function pushLabeledImage(registry: RunningRegistryInfo, repository: string, tag: string, labels: Record<string, string>): Promise<Pushed> {
  const layer = randomBytes(2048)
  const layerDigest = await putBlob(registry, repository, layer)
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: labels }, rootfs: { type: 'layers', diff_ids: [layerDigest] } })
  )
  const configDigest = await putBlob(registry, repository, config)
  return putManifest(registry, repository, tag, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }]
  })
}

const SIGNATURE_TYPE = 'application/vnd.example.signature.v1'

/**
 * A signature-like artifact whose subject is `subject`, pushed by digest, and
 * the referrers fallback tag that lists it, as signing tools maintain it on a
 * registry without the referrers API.
 */
async function pushSignature(registry: RunningRegistryInfo, repository: string, subject: Pushed): Promise<Pushed> {
  const empty = Buffer.from('{}')
  const payload = Buffer.from(JSON.stringify({ signed: subject.digest, nonce: randomBytes(8).toString('hex') }))
  const [emptyDigest, payloadDigest] = [await putBlob(registry, repository, empty), await putBlob(registry, repository, payload)]
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: SIGNATURE_TYPE,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: emptyDigest, size: empty.length },
    layers: [{ mediaType: `${SIGNATURE_TYPE}+json`, digest: payloadDigest, size: payload.length }],
    subject,
    annotations: { 'org.example.signer': 'release-key' }
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  const artifact = await putManifest(registry, repository, sha256(bytes), manifest)
  await putManifest(
    registry,
    repository,
    subject.digest.replace(':', '-'),
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ ...artifact, artifactType: SIGNATURE_TYPE, annotations: manifest.annotations }]
    },
    OCI_INDEX
  )
  return artifact
}

/** The lines the CLI prints as errors (stderr also carries progress lines). */
function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('image-mirror promote:'))
}

function utcMonth(date: Date): string {
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

describe('promote', () => {
  let stable: { ref: string; digest: string }

  before(async () => {
    stable = await buildImage({ registry: src, repository: 'promote/app', tag: '1.0-stable', layers: [200_000, 50_000] })
    await skopeoCopy(stable.ref, `${src.host}/promote/app:1.0-beta`, src)
  })

  test('a tag ending in -stable reaches every destination with the source digest and the templated tags', async () => {
    const before = new Date()
    const run = await promote('promote-stable.yml', [stable.ref, '--json', '--sha', 'abc1234def'])
    const after = new Date()
    assert.equal(run.code, 0, run.stderr)
    const results = JSON.parse(run.stdout) as Array<{ destination: string; status: string; digest: string; action: string }>
    const upstream = await skopeoDigest(stable.ref, src)
    assert.equal(stable.digest, upstream)
    const hex12 = upstream.slice('sha256:'.length, 'sha256:'.length + 12)
    const prodTags = [before, after].map((d) => `1.0-stable-${hex12}-${utcMonth(d)}`)
    assert.deepEqual(results.map((r) => [r.action, r.status, r.digest]), [
      ['copy', 'copied', upstream],
      ['copy', 'copied', upstream],
      ['copy', 'copied', upstream]
    ])
    assert.equal(results[0]?.destination, `${qa.host}/promote/qa-app:1.0-stable`)
    assert.ok(prodTags.includes(results[1]?.destination.split(':').pop() as string), results[1]?.destination)
    assert.equal(results[2]?.destination, `${tls.host}/promote/tls-app:1.0-stable-abc1234`)
    assert.equal(await skopeoDigest(`${qa.host}/promote/qa-app:1.0-stable`, qa), upstream)
    assert.equal(await skopeoDigest(results[1]?.destination as string, prod), upstream)
    assert.equal(await skopeoDigest(`${tls.host}/promote/tls-app:1.0-stable-abc1234`, tls), upstream)

    const again = await promote('promote-stable.yml', [stable.ref, '--json', '--sha', 'abc1234def'])
    assert.equal(again.code, 0, again.stderr)
    assert.deepEqual(JSON.parse(again.stdout).map((r: { status: string }) => r.status), ['up-to-date', 'up-to-date', 'up-to-date'])
  })

  test('a tag that does not match is not copied, and --dry-run says why', async () => {
    const ref = `${src.host}/promote/app:1.0-beta`
    const dry = await promote('promote-stable.yml', [ref, '--dry-run'])
    assert.equal(dry.code, 0, dry.stderr)
    assert.match(dry.stdout, /qa: .*promote\/app:1\.0-beta@sha256:[0-9a-f]{64} → .*promote\/qa-app:\{tag\}: not promoted: conditions not met/)
    assert.match(dry.stdout, /tag "1\.0-beta" does not end with "-stable"/)
    const run = await promote('promote-stable.yml', [ref, '--json'])
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(JSON.parse(run.stdout).map((r: { status: string }) => r.status), ['not-matched', 'not-matched', 'not-matched'])
    assert.ok(!(await tagsOf('promote/qa-app', qa)).includes('1.0-beta'))
  })

  test('--dry-run of a matching tag lists each destination and writes nothing', async () => {
    const image = await buildImage({ registry: src, repository: 'promote/app', tag: '2.0-stable', layers: [10_000] })
    const dry = await promote('promote-stable.yml', [image.ref, '--dry-run', '--json', '--sha', 'abc1234def'])
    assert.equal(dry.code, 0, dry.stderr)
    const plans = JSON.parse(dry.stdout) as Array<{ action: string; digest: string; reasons: string[] }>
    assert.deepEqual(plans.map((p) => p.action), ['copy', 'copy', 'copy'])
    assert.ok(plans.every((p) => p.digest === image.digest))
    assert.ok(plans[0]?.reasons.includes('tag "2.0-stable" ends with "-stable"'), plans[0]?.reasons.join('; '))
    assert.ok(!(await tagsOf('promote/qa-app', qa)).includes('2.0-stable'))
  })

  describe('conditions combine with one-of, not-one-of, any and all', () => {
    before(async () => {
      const image = await buildImage({ registry: src, repository: 'promote/cond', tag: 'v1', layers: [10_000] })
      for (const tag of ['v2', 'rc-3']) await skopeoCopy(image.ref, `${src.host}/promote/cond:${tag}`, src)
    })
    const cases = [
      { tag: 'v1', promoted: ['one-of'] },
      { tag: 'v2', promoted: ['one-of', 'not-one-of', 'any', 'all'] },
      { tag: 'rc-3', promoted: ['not-one-of', 'any'] }
    ]
    for (const tc of cases) {
      test(`tag ${tc.tag} → ${tc.promoted.join(', ')}`, async () => {
        const run = await promote('promote-conditions.yml', [`${src.host}/promote/cond:${tc.tag}`, '--dry-run', '--json'])
        assert.equal(run.code, 0, run.stderr)
        const plans = JSON.parse(run.stdout) as Array<{ policy: string; action: string }>
        assert.deepEqual(plans.filter((p) => p.action !== 'skip-no-match').map((p) => p.policy), tc.promoted)
      })
    }
    test('a real run copies exactly where the conditions hold', async () => {
      const run = await promote('promote-conditions.yml', [`${src.host}/promote/cond:rc-3`])
      assert.equal(run.code, 0, run.stderr)
      for (const [policy, expected] of [['one-of', []], ['not-one-of', ['rc-3']], ['any', ['rc-3']], ['all', []]] as const) {
        assert.deepEqual(await tagsOf(`promote/cond-${policy}`, qa), expected, policy)
      }
    })
  })

  test('a label condition reads the image config label', async () => {
    const apache = await pushLabeledImage(src, 'promote/licensed', 'apache', { 'org.opencontainers.image.licenses': 'Apache-2.0' })
    await pushLabeledImage(src, 'promote/licensed', 'gpl', { 'org.opencontainers.image.licenses': 'GPL-3.0-only' })
    const ok = await promote('promote-labels.yml', [`${src.host}/promote/licensed:apache`, '--json'])
    assert.equal(ok.code, 0, ok.stderr)
    assert.equal(JSON.parse(ok.stdout)[0].status, 'copied')
    assert.equal(await skopeoDigest(`${qa.host}/promote/licensed:apache`, qa), apache.digest)
    const no = await promote('promote-labels.yml', [`${src.host}/promote/licensed:gpl`])
    assert.equal(no.code, 0, no.stderr)
    assert.match(no.stdout, /not-matched\n {2}label org\.opencontainers\.image\.licenses "GPL-3\.0-only" .*"Apache-2\.0", "MIT"/)
    assert.deepEqual(await tagsOf('promote/licensed', qa), ['apache'])
  })

  test('a destination tag on another image is refused without overwrite and moved with overwrite: true', async () => {
    const [occupant, guarded, forced] = await Promise.all([
      buildImage({ registry: qa, repository: 'promote/release', tag: 'current', layers: [10_000] }),
      buildImage({ registry: src, repository: 'promote/guarded', tag: 'r1', layers: [10_000] }),
      buildImage({ registry: src, repository: 'promote/forced', tag: 'r2', layers: [10_000] })
    ])
    const refused = await promote('promote-overwrite.yml', [guarded.ref, '--json'])
    assert.equal(refused.code, 1, 'a refused destination fails the run')
    const results = JSON.parse(refused.stdout) as Array<{ destination: string; status: string }>
    assert.deepEqual(results.map((r) => r.status), ['refused', 'copied'], 'the other destination still proceeds')
    assert.match(refused.stderr, new RegExp(`promote/release:current points at ${occupant.digest}, not ${guarded.digest}.*overwrite: true`))
    assert.equal(errorLines(refused.stderr).length, 1, refused.stderr)
    assert.equal(await skopeoDigest(`${qa.host}/promote/release:current`, qa), occupant.digest)
    assert.equal(await skopeoDigest(`${qa.host}/promote/guarded-copy:r1`, qa), guarded.digest)

    const dry = await promote('promote-overwrite.yml', [guarded.ref, '--dry-run'])
    assert.equal(dry.code, 1, 'a dry run exits as the real run would')
    assert.match(dry.stdout, /would refuse/)

    const moved = await promote('promote-overwrite.yml', [forced.ref, '--json'])
    assert.equal(moved.code, 0, moved.stderr)
    assert.equal(JSON.parse(moved.stdout)[0].status, 'overwritten')
    assert.equal(await skopeoDigest(`${qa.host}/promote/release:current`, qa), forced.digest)
  })

  test('a signature referrer goes along and is reachable through the fallback tag on the target', async () => {
    const image = await pushLabeledImage(src, 'promote/signed', '1.0', {})
    const signature = await pushSignature(src, 'promote/signed', image)
    const run = await promote('promote-referrers.yml', [`${src.host}/promote/signed:1.0`, '--json'])
    assert.equal(run.code, 0, run.stderr)
    const results = JSON.parse(run.stdout) as Array<{ policy: string; status: string; referrersCopied: string[] }>
    assert.deepEqual(results.map((r) => [r.policy, r.status, r.referrersCopied]), [
      ['signed', 'copied', [signature.digest]],
      ['bare', 'copied', []]
    ])
    assert.equal(await skopeoDigest(`${qa.host}/promote/signed:1.0`, qa), image.digest, 'the tag still names the image')
    const fallbackTag = image.digest.replace(':', '-')
    assert.equal(await skopeoDigest(`${qa.host}/promote/signed@${signature.digest}`, qa), signature.digest)
    const index = JSON.parse((await skopeoRaw(`${qa.host}/promote/signed:${fallbackTag}`, qa)).toString('utf8'))
    assert.equal(index.mediaType, OCI_INDEX)
    assert.deepEqual(index.manifests, [
      { ...signature, artifactType: SIGNATURE_TYPE, annotations: { 'org.example.signer': 'release-key' } }
    ])
    const subject = JSON.parse((await skopeoRaw(`${qa.host}/promote/signed@${signature.digest}`, qa)).toString('utf8')).subject
    assert.deepEqual(subject, image)
    assert.deepEqual(await tagsOf('promote/signed-bare', qa), ['1.0'], 'referrers: false copies the image alone')

    const again = await promote('promote-referrers.yml', [`${src.host}/promote/signed:1.0`, '--json'])
    assert.equal(again.code, 0, again.stderr)
    assert.deepEqual(JSON.parse(again.stdout).map((r: { status: string; referrersCopied: string[] }) => [r.status, r.referrersCopied]), [
      ['up-to-date', []],
      ['up-to-date', []]
    ])
  })

  test('a template that gives no valid tag is a one-line error and nothing is written', async () => {
    const image = await buildImage({ registry: src, repository: 'promote/branchy', tag: 'v1', layers: [10_000] })
    const run = await promote('promote-bad-template.yml', [image.ref, '--branch', '...'])
    assert.equal(run.code, 1)
    assert.equal(run.stdout, '')
    const lines = errorLines(run.stderr)
    assert.equal(lines.length, 1, run.stderr)
    assert.doesNotMatch(run.stderr, /copied/)
    assert.match(lines[0] as string, /promotion "per-branch" → .*promote\/branchy-by-branch: tag template "\{branch\}": gives "\.\.\.", which has no valid tag characters/)
    assert.deepEqual(await tagsOf('promote/branchy', qa), [], 'the valid destination was not written either')
  })

  test('an image no policy watches is left alone', async () => {
    const run = await promote('promote-stable.yml', [`${src.host}/promote/unwatched:v1`, '--json'])
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout.trim(), '[]')
  })
})
