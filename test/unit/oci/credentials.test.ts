import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { defaultCredentialSource, staticCredentials, type Credential } from '../../../src/oci/credentials.js'

const b64 = (s: string) => Buffer.from(s).toString('base64')
const auth = (user: string, pass: string) => ({ auth: b64(`${user}:${pass}`) })
const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

/**
 * A fresh HOME whose bin directory comes first on PATH, so fake `docker-credential-*` programs are
 * found there and no file of the real user is read.
 */
function sandbox() {
  const home = mkdtempSync(join(tmpdir(), 'im-credentials-'))
  const bin = join(home, 'bin')
  mkdirSync(bin)
  const env: NodeJS.ProcessEnv = { HOME: home, PATH: `${bin}:${process.env.PATH}` }
  const write = (rel: string, doc: unknown) => {
    const path = join(home, rel)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc))
    return path
  }
  const script = (name: string, body: string) =>
    writeFileSync(join(bin, `docker-credential-${name}`), `#!/bin/sh\n${body}\n`, { mode: 0o755 })
  return {
    home,
    env,
    write,
    dockerConfig: (doc: unknown) => write('.docker/config.json', doc),
    /** A helper that answers `get` for the given server URLs and records every URL it is asked for. */
    helper(name: string, answers: Record<string, { Username: string; Secret: string }>) {
      const cases = Object.entries(answers).map(
        ([url, a]) => `  ${shellQuote(url)}) printf '%s' ${shellQuote(JSON.stringify({ ServerURL: url, ...a }))} ;;`
      )
      script(name, [
        '[ "$1" = get ] || { echo "unexpected verb $1" >&2; exit 2; }',
        'url=$(cat)',
        `printf '%s\\n' "$url" >> ${shellQuote(join(home, `${name}.calls`))}`,
        'case "$url" in',
        ...cases,
        "  *) echo 'credentials not found in native keychain'; exit 1 ;;",
        'esac'
      ].join('\n'))
    },
    script,
    /** Server URLs a helper was asked for, in order. */
    calls(name: string): string[] {
      const path = join(home, `${name}.calls`)
      return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []
    },
    source: (extra: { explicit?: Record<string, Credential>; helperTimeoutMs?: number } = {}) =>
      defaultCredentialSource({ env, ...extra })
  }
}

/** Asserts a UserError whose message matches every pattern and contains none of the secrets. */
async function rejectsWith(p: Promise<unknown>, patterns: RegExp[], secrets: string[] = []) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof UserError, `expected a UserError, got ${String(err)}`)
    for (const re of patterns) assert.match(err.message, re)
    for (const s of secrets) assert.ok(!err.message.includes(s), `message leaks a secret: ${err.message}`)
    assert.ok(!err.message.includes('\n'), 'message is one line')
    return true
  })
}

describe('config.json auths key matching (AT-CRED-1)', () => {
  const cases = [
    { key: 'https://registry.example.com/v1/', host: 'registry.example.com', match: true },
    { key: 'https://index.docker.io/v1/', host: 'docker.io', match: true },
    { key: 'index.docker.io', host: 'docker.io', match: true },
    { key: 'https://index.docker.io/v1/', host: 'registry-1.docker.io', match: true },
    { key: 'localhost:5000', host: 'localhost', match: false },
    { key: 'localhost', host: 'localhost:5000', match: false },
    { key: 'http://127.0.0.1:5000', host: '127.0.0.1:5000', match: true },
    { key: 'https://registry.example.com:5000/v2/', host: 'registry.example.com', match: false },
    { key: 'registry.example.com', host: 'registry.example.com.evil.test', match: false },
    { key: 'ghcr.io', host: 'docker.io', match: false },
    { key: 'https://index.docker.io/v1/', host: 'ghcr.io', match: false }
  ]
  for (const tc of cases) {
    test(`key ${tc.key} ${tc.match ? 'matches' : 'does not match'} host ${tc.host}`, async () => {
      const box = sandbox()
      box.dockerConfig({ auths: { [tc.key]: auth('user', 'pw') } })
      const cred = await box.source().get(tc.host)
      assert.deepEqual(cred, tc.match ? { username: 'user', password: 'pw' } : undefined)
    })
  }

  test('an exact key wins over a key that only matches by hostname', async () => {
    const box = sandbox()
    box.dockerConfig({ auths: { 'https://reg.example/v1/': auth('old', 'a'), 'reg.example': auth('new', 'b') } })
    assert.deepEqual(await box.source().get('reg.example'), { username: 'new', password: 'b' })
  })
})

describe('auths entries', () => {
  const cases: Array<{ name: string; entry: Record<string, string>; want: Credential }> = [
    { name: 'splits auth on the first colon (AT-CRED-3)', entry: { auth: 'QVdTOnBhc3M6d29yZA==' }, want: { username: 'AWS', password: 'pass:word' } },
    { name: 'trims trailing NULs from the password', entry: { auth: b64('u:p\0\0') }, want: { username: 'u', password: 'p' } },
    { name: 'reads username and password fields', entry: { username: 'u', password: 'p' }, want: { username: 'u', password: 'p' } },
    { name: 'reads an identity token', entry: { identitytoken: 'refresh' }, want: { identityToken: 'refresh' } },
    { name: 'reads a registry token', entry: { registrytoken: 'bearer' }, want: { registryToken: 'bearer' } }
  ]
  for (const tc of cases) {
    test(tc.name, async () => {
      const box = sandbox()
      box.dockerConfig({ auths: { 'reg.example': tc.entry } })
      assert.deepEqual(await box.source().get('reg.example'), tc.want)
    })
  }

  const bad = [
    { name: 'bad base64', auth: '!!not-base64-hunter2!!', secret: 'hunter2', why: /not valid base64/ },
    { name: 'an empty username', auth: b64(':hunter2'), secret: 'hunter2', why: /empty username/ },
    { name: 'no colon', auth: b64('hunter2'), secret: 'hunter2', why: /user:password/ }
  ]
  for (const tc of bad) {
    test(`${tc.name} is an error naming the file and host, without the secret`, async () => {
      const box = sandbox()
      const path = box.dockerConfig({ auths: { 'reg.example': { auth: tc.auth } } })
      await rejectsWith(box.source().get('reg.example'), [new RegExp(path), /reg\.example/, tc.why], [tc.secret, tc.auth])
    })
  }

  test('an empty placeholder entry means no credentials', async () => {
    const box = sandbox()
    box.dockerConfig({ auths: { 'reg.example': {} } })
    assert.equal(await box.source().get('reg.example'), undefined)
  })
})

describe('precedence (R-CRED-1)', () => {
  test('credHelpers beats credsStore, which beats auths', async () => {
    const box = sandbox()
    box.helper('pinned', { 'a.example': { Username: 'from-pinned', Secret: 's1' } })
    box.helper('store', {
      'a.example': { Username: 'from-store', Secret: 's2' },
      'b.example': { Username: 'from-store', Secret: 's3' }
    })
    box.dockerConfig({
      auths: { 'a.example': auth('from-auths', 'x'), 'b.example': auth('from-auths', 'y') },
      credsStore: 'store',
      credHelpers: { 'a.example': 'pinned' }
    })
    const source = box.source()
    assert.deepEqual(await source.get('a.example'), { username: 'from-pinned', password: 's1' })
    assert.deepEqual(await source.get('b.example'), { username: 'from-store', password: 's3' })
    assert.deepEqual(box.calls('store'), ['b.example'])
  })

  test('auths is used when no helper is configured', async () => {
    const box = sandbox()
    box.dockerConfig({ auths: { 'b.example': auth('from-auths', 'y') } })
    assert.deepEqual(await box.source().get('b.example'), { username: 'from-auths', password: 'y' })
  })

  test('DOCKER_AUTH_CONFIG beats config.json, and explicit credentials beat both', async () => {
    const box = sandbox()
    box.helper('pinned', { 'https://index.docker.io/v1/': { Username: 'from-helper', Secret: 's' } })
    box.dockerConfig({ credHelpers: { 'docker.io': 'pinned' } })
    box.env.DOCKER_AUTH_CONFIG = JSON.stringify({ auths: { 'https://index.docker.io/v1/': auth('from-env', 'e') } })
    assert.deepEqual(await box.source().get('docker.io'), { username: 'from-env', password: 'e' })
    const explicit = { 'docker.io': { username: 'from-input', password: 'i' } }
    assert.deepEqual(await box.source({ explicit }).get('docker.io'), explicit['docker.io'])
    assert.deepEqual(box.calls('pinned'), [])
  })

  test('config.json beats the containers auth file', async () => {
    const box = sandbox()
    box.dockerConfig({ auths: { 'quay.io': auth('docker', 'd') } })
    box.write('.config/containers/auth.json', { auths: { 'quay.io': auth('podman', 'p') } })
    assert.deepEqual(await box.source().get('quay.io'), { username: 'docker', password: 'd' })
  })

  test('no configuration at all means anonymous', async () => {
    assert.equal(await sandbox().source().get('ghcr.io'), undefined)
  })
})

describe('credential helpers', () => {
  test('Docker Hub is asked for as https://index.docker.io/v1/, once per source', async () => {
    const box = sandbox()
    box.helper('hub', { 'https://index.docker.io/v1/': { Username: 'me', Secret: 'pat' } })
    box.dockerConfig({ credsStore: 'hub' })
    const source = box.source()
    assert.deepEqual(await source.get('docker.io'), { username: 'me', password: 'pat' })
    assert.deepEqual(await source.get('index.docker.io'), { username: 'me', password: 'pat' })
    assert.deepEqual(box.calls('hub'), ['https://index.docker.io/v1/'])
  })

  test('username <token> makes the secret an identity token', async () => {
    const box = sandbox()
    box.helper('acr', { 'my.azurecr.io': { Username: '<token>', Secret: 'refresh-token' } })
    box.dockerConfig({ credHelpers: { 'my.azurecr.io': 'acr' } })
    assert.deepEqual(await box.source().get('my.azurecr.io'), { identityToken: 'refresh-token' })
  })

  test('"credentials not found" means anonymous, not another entry of config.json', async () => {
    const box = sandbox()
    box.helper('empty', {})
    box.dockerConfig({ credsStore: 'empty', auths: { 'reg.example': auth('stale', 'x') } })
    assert.equal(await box.source().get('reg.example'), undefined)
    assert.deepEqual(box.calls('empty'), ['reg.example'])
  })

  test('"credentials not found" goes on to the containers auth file for the same host', async () => {
    const box = sandbox()
    box.helper('empty', {})
    box.dockerConfig({ credsStore: 'empty' })
    box.write('.config/containers/auth.json', { auths: { 'reg.example': auth('podman', 'p') } })
    assert.deepEqual(await box.source().get('reg.example'), { username: 'podman', password: 'p' })
  })

  test('a missing helper is an error naming it and the host; no other credentials are used (AT-CRED-2)', async () => {
    const box = sandbox()
    const path = box.dockerConfig({
      credsStore: 'nonexistent',
      auths: { 'private.example': auth('user', 'hunter2'), 'https://index.docker.io/v1/': auth('hub', 'hubpw') }
    })
    box.write('.config/containers/auth.json', { auths: { 'private.example': auth('podman', 'podpw') } })
    const source = box.source()
    for (const host of ['private.example', 'docker.io']) {
      await rejectsWith(source.get(host), [/docker-credential-nonexistent/, new RegExp(host.replace('.', '\\.')), /not found on PATH/, new RegExp(path)], ['hunter2', 'hubpw', 'podpw'])
    }
  })

  test('a failing helper is an error with its exit code and without its output', async () => {
    const box = sandbox()
    box.script('broken', 'cat >/dev/null; echo "partial secret s3cr3t"; echo "boom s3cr3t" >&2; exit 3')
    box.dockerConfig({ credHelpers: { 'reg.example': 'broken' }, auths: { 'reg.example': auth('u', 'p') } })
    await rejectsWith(box.source().get('reg.example'), [/docker-credential-broken/, /reg\.example/, /exit code 3/], ['s3cr3t'])
  })

  test('a helper printing something other than JSON is an error', async () => {
    const box = sandbox()
    box.script('chatty', 'cat >/dev/null; echo "hello s3cr3t"')
    box.dockerConfig({ credHelpers: { 'reg.example': 'chatty' } })
    await rejectsWith(box.source().get('reg.example'), [/docker-credential-chatty/, /invalid output/], ['s3cr3t'])
  })

  test('a helper that does not answer in time is an error', async () => {
    const box = sandbox()
    box.script('slow', 'exec sleep 20')
    box.dockerConfig({ credHelpers: { 'reg.example': 'slow' } })
    const started = Date.now()
    await rejectsWith(box.source({ helperTimeoutMs: 300 }).get('reg.example'), [/docker-credential-slow/, /within 0\.3 s/])
    assert.ok(Date.now() - started < 10_000)
  })

  test('a helper name that is a path is refused', async () => {
    const box = sandbox()
    box.dockerConfig({ credHelpers: { 'reg.example': '../../bin/sh' } })
    await rejectsWith(box.source().get('reg.example'), [/invalid name/, /reg\.example/])
  })
})

describe('containers auth file', () => {
  test('REGISTRY_AUTH_FILE replaces the default locations', async () => {
    const box = sandbox()
    box.env.REGISTRY_AUTH_FILE = box.write('custom/auth.json', { auths: { 'quay.io': auth('custom', 'c') } })
    box.env.XDG_RUNTIME_DIR = join(box.home, 'run')
    box.write('run/containers/auth.json', { auths: { 'quay.io': auth('runtime', 'r') } })
    assert.deepEqual(await box.source().get('quay.io'), { username: 'custom', password: 'c' })
  })

  test('$XDG_RUNTIME_DIR/containers/auth.json comes before ~/.config/containers/auth.json', async () => {
    const box = sandbox()
    box.env.XDG_RUNTIME_DIR = join(box.home, 'run')
    box.write('run/containers/auth.json', { auths: { 'quay.io': auth('runtime', 'r') } })
    box.write('.config/containers/auth.json', { auths: { 'quay.io': auth('config', 'c'), 'ghcr.io': auth('gh', 'g') } })
    const source = box.source()
    assert.deepEqual(await source.get('quay.io'), { username: 'runtime', password: 'r' })
    assert.deepEqual(await source.get('ghcr.io'), { username: 'gh', password: 'g' })
  })

  test('a repository-scoped key does not apply to the whole registry', async () => {
    const box = sandbox()
    box.write('.config/containers/auth.json', { auths: { 'quay.io/team': auth('robot', 'r') } })
    assert.equal(await box.source().get('quay.io'), undefined)
  })
})

describe('invalid configuration', () => {
  test('invalid JSON in config.json names the file, not its content', async () => {
    const box = sandbox()
    const path = box.dockerConfig(`{"auths":{"reg.example":{"auth":"${b64('u:hunter2')}"}}`)
    const source = box.source() // reading is lazy: nothing fails before the first lookup
    await rejectsWith(source.get('reg.example'), [new RegExp(path), /not valid JSON/], [b64('u:hunter2')])
  })

  const envCases = [
    { name: 'invalid JSON', value: '{"auths":', why: /not valid JSON/ },
    { name: 'unknown fields', value: JSON.stringify({ auths: {}, credsStore: 'x' }), why: /"auths"/ },
    { name: 'an entry without auth', value: JSON.stringify({ auths: { 'a.example': { username: 'u' } } }), why: /a\.example/ }
  ]
  for (const tc of envCases) {
    test(`DOCKER_AUTH_CONFIG with ${tc.name} is an error naming it`, async () => {
      const box = sandbox()
      box.env.DOCKER_AUTH_CONFIG = tc.value
      await rejectsWith(box.source().get('a.example'), [/DOCKER_AUTH_CONFIG/, tc.why])
    })
  }
})

describe('staticCredentials', () => {
  test('applies the config.json key rules', async () => {
    const source = staticCredentials({ 'https://index.docker.io/v1/': { username: 'u', password: 'p' } })
    assert.deepEqual(await source.get('docker.io'), { username: 'u', password: 'p' })
    assert.equal(await source.get('localhost:5000'), undefined)
  })
})
