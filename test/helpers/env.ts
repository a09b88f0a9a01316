// The registries the global setup started, read by every test process from
// the JSON file named in IMAGE_MIRROR_TEST_ENV (global-setup.ts writes it).
import { readFileSync } from 'node:fs'
import type { RunningRegistryInfo } from './registry.js'

/** Names of the shared registries, one per variant. */
export const REGISTRY_NAMES = ['plain', 'plain2', 'basic', 'token', 'tls', 'nodelete'] as const
export type RegistryName = (typeof REGISTRY_NAMES)[number]

/** What end-to-end tests share: one registry per variant, as plain data. */
export interface TestEnv {
  registries: Record<RegistryName, RunningRegistryInfo>
}

/** The environment variable holding the path of the test environment file. */
export const TEST_ENV_VAR = 'IMAGE_MIRROR_TEST_ENV'

let cached: TestEnv | undefined

/** The shared registries of this test run; throws when the tests run without the global setup. */
export function testEnv(): TestEnv {
  if (cached !== undefined) return cached
  const file = process.env[TEST_ENV_VAR]
  if (file === undefined || file === '') {
    throw new Error(
      `${TEST_ENV_VAR} is not set: run end-to-end tests through scripts/test.sh ` +
        '(or node --test --test-global-setup=test/helpers/global-setup.ts)'
    )
  }
  let parsed: TestEnv
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as TestEnv
  } catch (error) {
    throw new Error(`${TEST_ENV_VAR}=${file} cannot be read (${(error as Error).message}): is the test run still going?`)
  }
  for (const name of REGISTRY_NAMES) {
    if (parsed.registries?.[name]?.host === undefined) throw new Error(`${TEST_ENV_VAR}=${file} has no "${name}" registry`)
  }
  cached = parsed
  return parsed
}
