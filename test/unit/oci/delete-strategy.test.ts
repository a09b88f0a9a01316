// Which tag-delete strategy a registry host gets (R-DEL-2), and the vendor
// settings the CLI reads from the environment.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { deleteVendorsFromEnv } from '../../../src/delete-vendors.js'
import { UserError } from '../../../src/errors.js'
import {
  detectStrategy,
  parseDeleteStrategy,
  type DeleteStrategy,
  type DeleteVendorOptions
} from '../../../src/oci/delete/strategy.js'
import { parseEcrHost } from '../../../src/oci/ecr-hosts.js'

describe('detectStrategy', () => {
  const named: DeleteVendorOptions = {
    gitlab: { hosts: ['gitlab.example.com:5050'] },
    harbor: { hosts: ['Harbor.Example.com'] }
  }
  const cases: Array<{ host: string; exp: DeleteStrategy; vendors?: DeleteVendorOptions }> = [
    { host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', exp: 'ecr' },
    { host: '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', exp: 'ecr' },
    { host: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', exp: 'ecr' },
    { host: '123456789012.dkr-ecr.eu-west-1.on.aws', exp: 'ecr' },
    { host: '12345678901.dkr.ecr.eu-west-1.amazonaws.com', exp: 'generic' },
    { host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example', exp: 'generic' },
    { host: 'public.ecr.aws', exp: 'ecr' },
    { host: 'ecr-public.aws.com', exp: 'ecr' },
    { host: 'mirror.example.com', exp: 'ecr', vendors: { ecr: { aliases: { 'mirror.example.com': 'public.ecr.aws' } } } },
    { host: 'ghcr.io', exp: 'ghcr' },
    { host: 'GHCR.io', exp: 'ghcr' },
    { host: 'docker.io', exp: 'dockerhub' },
    { host: 'registry-1.docker.io', exp: 'dockerhub' },
    { host: 'index.docker.io', exp: 'dockerhub' },
    { host: 'registry.hub.docker.com', exp: 'dockerhub' },
    { host: 'registry.gitlab.com', exp: 'gitlab' },
    { host: 'gitlab.example.com:5050', exp: 'gitlab', vendors: named },
    { host: 'gitlab.example.com:5050', exp: 'generic' },
    { host: 'harbor.example.com', exp: 'harbor', vendors: named },
    { host: 'harbor.example.com', exp: 'generic' },
    { host: 'quay.io', exp: 'generic' },
    { host: '127.0.0.1:5000', exp: 'generic' },
    { host: 'localhost:5000', exp: 'generic', vendors: named }
  ]
  for (const c of cases) {
    test(`${c.host}${c.vendors ? ' (hosts named)' : ''} → ${c.exp}`, () => {
      assert.equal(detectStrategy(c.host, c.vendors), c.exp)
    })
  }
})

test('parseEcrHost reads account, region, FIPS and domain', () => {
  assert.deepEqual(parseEcrHost('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), {
    account: '123456789012',
    region: 'eu-west-1',
    fips: false,
    domain: 'amazonaws.com'
  })
  assert.deepEqual(parseEcrHost('210987654321.dkr.ecr-fips.us-gov-west-1.amazonaws.com'), {
    account: '210987654321',
    region: 'us-gov-west-1',
    fips: true,
    domain: 'amazonaws.com'
  })
  assert.equal(parseEcrHost('ghcr.io'), undefined)
})

test('parseDeleteStrategy names the choices when the value is unknown', () => {
  assert.equal(parseDeleteStrategy('harbor', '--delete-strategy'), 'harbor')
  assert.throws(
    () => parseDeleteStrategy('quay', '--delete-strategy'),
    (e) =>
      e instanceof UserError &&
      e.message ===
        '--delete-strategy must be one of generic, ecr, gitlab, harbor, dockerhub, ghcr (got "quay")'
  )
})

describe('deleteVendorsFromEnv', () => {
  test('AWS: the ECR endpoint variable wins over the global one; keys only as a pair', () => {
    const v = deleteVendorsFromEnv({
      AWS_ACCESS_KEY_ID: 'AKID',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'session',
      AWS_ENDPOINT_URL: 'http://global.test',
      AWS_ENDPOINT_URL_ECR: 'http://ecr.test',
      AWS_DEFAULT_REGION: 'us-east-2'
    })
    assert.deepEqual(v.ecr, {
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'session' },
      endpoint: 'http://ecr.test',
      publicEndpoint: 'http://global.test',
      region: 'us-east-2',
      aliases: {}
    })
    const half = deleteVendorsFromEnv({ AWS_ACCESS_KEY_ID: 'AKID', AWS_ENDPOINT_URL: 'http://global.test' })
    assert.equal(half.ecr?.credentials, undefined)
    assert.equal(half.ecr?.endpoint, 'http://global.test')
  })

  test('GitLab: GITLAB_TOKEN is a PRIVATE-TOKEN and beats CI_JOB_TOKEN; CI_REGISTRY names a GitLab host', () => {
    const ci = { CI_JOB_TOKEN: 'job', CI_API_V4_URL: 'https://gitlab.example.com/api/v4', CI_REGISTRY: 'gitlab.example.com:5050' }
    assert.deepEqual(deleteVendorsFromEnv(ci).gitlab, {
      token: { kind: 'job', value: 'job' },
      apiUrl: 'https://gitlab.example.com/api/v4',
      hosts: ['gitlab.example.com:5050']
    })
    assert.deepEqual(deleteVendorsFromEnv({ ...ci, GITLAB_TOKEN: 'glpat' }).gitlab?.token, {
      kind: 'private',
      value: 'glpat'
    })
    assert.equal(deleteVendorsFromEnv({ GITLAB_TOKEN: '' }).gitlab?.token, undefined)
  })

  test('Harbor: IMAGE_MIRROR_HARBOR_HOSTS lists the hosts that are Harbor, and detection follows it', () => {
    const v = deleteVendorsFromEnv({ IMAGE_MIRROR_HARBOR_HOSTS: ' harbor.example.com, Registry.Corp:8443 ,' })
    assert.deepEqual(v.harbor, { hosts: ['harbor.example.com', 'Registry.Corp:8443'] })
    assert.equal(detectStrategy('registry.corp:8443', v), 'harbor')
    assert.equal(detectStrategy('other.example.com', v), 'generic')
    assert.deepEqual(deleteVendorsFromEnv({}).harbor, { hosts: [] })
  })

  test('GHCR: GITHUB_TOKEN and GITHUB_API_URL; version deletes stay off', () => {
    assert.deepEqual(deleteVendorsFromEnv({ GITHUB_TOKEN: 'ghs', GITHUB_API_URL: 'https://ghe.test/api/v3' }).ghcr, {
      token: 'ghs',
      apiUrl: 'https://ghe.test/api/v3'
    })
  })
})
