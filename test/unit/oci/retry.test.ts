import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RegistryError, isTemporary } from '../../../src/oci/errors.js'
import {
  backoffDelay,
  parseRetryAfter,
  retry,
  retryAfterFromHeaders,
  type Outcome
} from '../../../src/oci/retry.js'

const NOW = Date.parse('2026-10-21T07:27:00Z')

const retryAfterCases: Array<{ name: string; value: string | undefined; exp: number | undefined }> =
  [
    { name: 'delay-seconds', value: '2', exp: 2000 },
    { name: 'zero seconds', value: '0', exp: 0 },
    { name: 'padded seconds', value: ' 17 ', exp: 17_000 },
    { name: 'HTTP-date (AT-RETRY-2)', value: 'Wed, 21 Oct 2026 07:28:00 GMT', exp: 60_000 },
    { name: 'HTTP-date in the past', value: 'Wed, 21 Oct 2026 07:00:00 GMT', exp: 0 },
    { name: 'absent', value: undefined, exp: undefined },
    { name: 'negative number', value: '-5', exp: undefined },
    { name: 'fraction', value: '1.5', exp: undefined },
    { name: 'garbage', value: 'soon', exp: undefined }
  ]

for (const tc of retryAfterCases) {
  test(`parseRetryAfter: ${tc.name}`, () => {
    assert.equal(parseRetryAfter(tc.value, NOW), tc.exp)
  })
}

test('retryAfterFromHeaders reads Docker Hub X-Retry-After as a unix timestamp', () => {
  assert.equal(retryAfterFromHeaders({ 'x-retry-after': String(NOW / 1000 + 30) }, NOW), 30_000)
  assert.equal(
    retryAfterFromHeaders({ 'retry-after': '3', 'x-retry-after': String(NOW / 1000 + 30) }, NOW),
    3000
  )
  assert.equal(retryAfterFromHeaders({}, NOW), undefined)
})

test('backoff stays within full-jitter bounds and is capped', () => {
  for (let attempt = 0; attempt < 10; attempt++) {
    const ceiling = Math.min(8000, 500 * 2 ** attempt)
    assert.equal(
      backoffDelay(attempt, 500, 8000, () => 0),
      0
    )
    assert.ok(backoffDelay(attempt, 500, 8000, () => 0.999999) < ceiling)
    assert.ok(backoffDelay(attempt, 500, 8000, () => 0.999999) >= ceiling - 1)
  }
})

const statusError = (status: number, body?: string) =>
  new RegistryError({
    status,
    method: 'GET',
    url: 'https://r.example/v2/x/manifests/y',
    registry: 'r.example',
    body
  })
const netError = (code: string) => Object.assign(new Error(code), { code })

const classification: Array<{ name: string; error: unknown; exp: boolean }> = [
  { name: '408', error: statusError(408), exp: true },
  { name: '429', error: statusError(429), exp: true },
  { name: '500', error: statusError(500), exp: true },
  { name: '502', error: statusError(502), exp: true },
  { name: '503', error: statusError(503), exp: true },
  { name: '504', error: statusError(504), exp: true },
  {
    name: 'TOOMANYREQUESTS body on 403',
    error: statusError(403, '{"errors":[{"code":"TOOMANYREQUESTS"}]}'),
    exp: true
  },
  { name: '400', error: statusError(400), exp: false },
  { name: '401', error: statusError(401), exp: false },
  { name: '403', error: statusError(403), exp: false },
  { name: '404 (AT-RETRY-5)', error: statusError(404), exp: false },
  { name: '405', error: statusError(405), exp: false },
  { name: '409', error: statusError(409), exp: false },
  { name: '413', error: statusError(413), exp: false },
  { name: '416', error: statusError(416), exp: false },
  { name: 'ECONNRESET', error: netError('ECONNRESET'), exp: true },
  { name: 'undici socket error', error: netError('UND_ERR_SOCKET'), exp: true },
  { name: 'headers timeout', error: netError('UND_ERR_HEADERS_TIMEOUT'), exp: true },
  {
    name: 'wrapped reset',
    error: new Error('fetch failed', { cause: netError('ECONNRESET') }),
    exp: true
  },
  { name: 'connection refused', error: netError('ECONNREFUSED'), exp: false },
  { name: 'unknown host', error: netError('ENOTFOUND'), exp: false },
  { name: 'self-signed certificate', error: netError('DEPTH_ZERO_SELF_SIGNED_CERT'), exp: false },
  { name: 'plain error', error: new Error('bug'), exp: false }
]

for (const tc of classification) {
  test(`isTemporary: ${tc.name} → ${tc.exp}`, () => {
    assert.equal(isTemporary(tc.error), tc.exp)
  })
}

/** Runs `retry` over a scripted list of outcomes, recording the waits. */
async function script<T>(outcomes: Array<Outcome<T>>, attempts = 5) {
  const waits: number[] = []
  let calls = 0
  const run = retry(
    async () => {
      const o = outcomes[calls++]!
      if ('error' in o) throw o.error
      return o.value
    },
    {
      attempts,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
      classify: (o) =>
        'error' in o
          ? isTemporary(o.error)
            ? { retry: true, afterMs: (o.error as RegistryError).retryAfterMs }
            : { retry: false }
          : { retry: false }
    }
  )
  return { run, waits, calls: () => calls }
}

test('retry waits the Retry-After of a 429 and then succeeds (AT-RETRY-1)', async () => {
  const throttled = Object.assign(statusError(429), { retryAfterMs: 2000 })
  const s = await script([{ error: throttled }, { value: 'ok' }])
  assert.equal(await s.run, 'ok')
  assert.deepEqual(s.waits, [2000])
  assert.equal(s.calls(), 2)
})

test('retry backs off exponentially on 503 until success', async () => {
  const s = await script([
    { error: statusError(503) },
    { error: statusError(503) },
    { error: statusError(503) },
    { value: 'ok' }
  ])
  assert.equal(await s.run, 'ok')
  assert.deepEqual(s.waits, [50, 100, 200])
})

test('retry never retries a 404 (AT-RETRY-5)', async () => {
  const s = await script([{ error: statusError(404) }, { value: 'never' }])
  await assert.rejects(s.run, (e) => e instanceof RegistryError && e.status === 404)
  assert.equal(s.calls(), 1)
  assert.deepEqual(s.waits, [])
})

test('retry stops after the attempt budget and rethrows the last error', async () => {
  const s = await script(
    [{ error: statusError(502) }, { error: statusError(503) }, { error: statusError(504) }],
    3
  )
  await assert.rejects(s.run, (e) => e instanceof RegistryError && e.status === 504)
  assert.equal(s.calls(), 3)
})

test('retry gives up at once when the server asks for a wait longer than the cap', async () => {
  const s = await script([
    { error: Object.assign(statusError(429), { retryAfterMs: 3_600_000 }) },
    { value: 'never' }
  ])
  await assert.rejects(s.run, (e) => e instanceof RegistryError && e.status === 429)
  assert.equal(s.calls(), 1)
})
