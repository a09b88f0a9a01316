// Platform strings are normalised as containerd does before they are hashed.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { normalisePlatforms } from '../../../src/engine/content-tag/platforms.js'
import { UserError } from '../../../src/errors.js'

const cases: Array<[given: string[], normal: string[]]> = [
  [['linux/amd64'], ['linux/amd64']],
  [['linux/x86_64', 'Linux/AMD64', 'linux/amd64/v1'], ['linux/amd64']],
  [['linux/aarch64', 'linux/arm64/v8'], ['linux/arm64']],
  [['linux/arm'], ['linux/arm/v7']],
  [['linux/armhf', 'linux/arm/7'], ['linux/arm/v7']],
  [['linux/armel'], ['linux/arm/v6']],
  [['linux/i386'], ['linux/386']],
  [
    ['linux/arm64', 'linux/amd64', 'linux/arm64'],
    ['linux/amd64', 'linux/arm64']
  ],
  [['linux/amd64,linux/arm64'], ['linux/amd64', 'linux/arm64']],
  [['macos/arm64'], ['darwin/arm64']],
  [['linux/amd64/v3'], ['linux/amd64/v3']],
  [[], []]
]

describe('platform normalisation', () => {
  for (const [given, normal] of cases) {
    test(`${JSON.stringify(given)} → ${JSON.stringify(normal)}`, () =>
      assert.deepEqual(normalisePlatforms(given), normal))
  }
  for (const bad of ['linux', 'linux/', 'a/b/c/d', 'linux/amd 64', '']) {
    test(`${JSON.stringify(bad)} is a user error naming the value`, () => {
      assert.throws(
        () => normalisePlatforms([bad]),
        (e: unknown) => e instanceof UserError && e.message.includes(`"${bad}"`)
      )
    })
  }
})
