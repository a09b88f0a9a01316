import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { formatDuration, parseDuration } from '../../../src/engine/duration.js'

const VALID: Array<[string, number]> = [
  ['90s', 90_000],
  ['30m', 1_800_000],
  ['24h', 86_400_000],
  ['1h30m', 5_400_000],
  ['7d', 604_800_000],
  ['2w', 1_209_600_000],
  ['1d12h', 129_600_000],
  ['1w2d3h4m5s', 788_645_000],
  ['0h5m', 300_000]
]

for (const [text, ms] of VALID) {
  test(`parseDuration(${text}) is ${ms} ms`, () => {
    assert.equal(parseDuration(text), ms)
  })
}

const INVALID: Array<[string, string]> = [
  ['', 'duration "" is empty; write a duration such as 24h, 30m or 1h30m'],
  ['3600', 'duration "3600" has no unit; add one of w, d, h, m, s (for example 90s)'],
  ['1x', 'duration "1x" has an unknown unit "x"; use w, d, h, m or s'],
  ['1H', 'duration "1H" has an unknown unit "H"; use w, d, h, m or s'],
  [
    '30m1h',
    'duration "30m1h" lists units out of order or twice; write them largest first, like 1h30m'
  ],
  [
    '1h1h',
    'duration "1h1h" lists units out of order or twice; write them largest first, like 1h30m'
  ],
  ['1.5h', 'duration "1.5h" has a fraction; use whole numbers of smaller units, like 1h30m'],
  ['-1h', 'duration "-1h" is not a duration such as 24h, 30m or 1h30m'],
  ['soon', 'duration "soon" is not a duration such as 24h, 30m or 1h30m'],
  [
    '1h 30m',
    'duration "1h 30m" has an unexpected " " at position 3; write a duration such as 1h30m'
  ],
  ['0s', 'duration "0s" must be longer than zero'],
  ['1h30', 'duration "1h30" has no unit after 30; add one of w, d, h, m, s'],
  ['h', 'duration "h" is not a duration such as 24h, 30m or 1h30m']
]

for (const [text, message] of INVALID) {
  test(`parseDuration(${JSON.stringify(text)}) fails`, () => {
    assert.throws(
      () => parseDuration(text),
      (e: unknown) => e instanceof UserError && e.message === message
    )
  })
}

test('formatDuration reads back through parseDuration', () => {
  for (const [text, ms] of VALID) assert.equal(parseDuration(formatDuration(ms)), ms, text)
  assert.equal(formatDuration(5_400_000), '1h30m')
})
