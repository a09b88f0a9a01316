// Ports the table-driven tests of distribution/reference (reference_test.go,
// normalize_test.go, regexp_test.go) from the shared vectors, reference-parse.json
// (R-REF-PARSE-1). Each table below keeps the Go test's name and row order.
//
// How the Go functions map onto ours:
// - Parse, ParseNormalizedNamed, ParseNamed, ParseAnyReference → parseReference. Ours always
//   normalises, so Parse's domain "" means docker.io (plus library/ for one-component names).
// - WithName → parseRepository; WithTag / WithDigest → withTag / withDigest.
// - String() → formatReference; FamiliarName / FamiliarString → familiarName / familiarString.
// - ParseDockerRef → toDockerRef(parseReference(…)).
// - The regexp tables run against referencePatterns.
// Not applicable: TestMatch and TestMatchError test FamiliarMatch (path.Match globs over
// references); image-mirror has no such API, its name and tag patterns live in the engine.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { isDigest } from '../../../src/oci/digest.js'
import type { Reference } from '../../../src/oci/types.js'
import {
  familiarName,
  familiarString,
  formatReference,
  InvalidReferenceError,
  isValidTag,
  parseReference,
  parseRepository,
  referencePatterns,
  registryBaseUrl,
  toDockerRef,
  withDigest,
  withTag
} from '../../../src/oci/reference.js'

/** [name, domain, tag, digest] as Go's Parse reports them; "" domain = none. */
type ParsedName = [string, string, string?, string?]

// Over 255 characters: four copies of one phrase joined by '_'.
const LONG_NAMESPACE = Array(4)
  .fill('this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255')
  .join('_')
const SHA_1234 = 'sha256:1234567890098765432112345667890098765432112345667890098765432112'
const SHA_86E0 = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa'
const SHA_BE17 = 'sha256:be178c0543eb17f5f3043021c9e5fcf30285e557a4fc309cce97ff9ca6182912'
const SHA_DA30 = 'sha256:da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821'
const SHA_DBCC = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c'
const SHA_E669 = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582'
const SHA_FFFF = 'sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'

// TestReferenceParse: [input, {name, domain, tag, digest} | error]
const REFERENCE_PARSE: Array<[string, ParsedName | string]> = [
  ['test_com', ['test_com', '']],
  ['test.com:tag', ['test.com', '', 'tag']],
  ['test.com:5000', ['test.com', '', '5000']],
  ['test.com/repo:tag', ['test.com/repo', 'test.com', 'tag']],
  ['test:5000/repo', ['test:5000/repo', 'test:5000']],
  ['test:5000/repo:tag', ['test:5000/repo', 'test:5000', 'tag']],
  [`test:5000/repo@${SHA_FFFF}`, ['test:5000/repo', 'test:5000', undefined, SHA_FFFF]],
  [`test:5000/repo:tag@${SHA_FFFF}`, ['test:5000/repo', 'test:5000', 'tag', SHA_FFFF]],
  ['test:5000/repo', ['test:5000/repo', 'test:5000']],
  ['', 'repository name must have at least one component'],
  [':justtag', 'invalid reference format'],
  [`@${SHA_FFFF}`, 'invalid reference format'],
  [`repo@sha256:${'f'.repeat(34)}`, 'invalid checksum digest length'],
  [`validname@invaliddigest:${'f'.repeat(64)}`, 'unsupported digest algorithm'],
  [`validname@sha512:${'f'.repeat(128)}`, 'unsupported digest algorithm'],
  ['Uppercase:tag', 'repository name must be lowercase'],
  ['test:5000/Uppercase/lowercase:tag', 'repository name must be lowercase'],
  ['lowercase:Uppercase', ['lowercase', '', 'Uppercase']],
  [`domain/${'a'.repeat(256)}:tag`, 'repository name must not be more than 255 characters'],
  [
    `${'a/'.repeat(127)}a:tag-puts-this-over-max`,
    [`${'a/'.repeat(127)}a`, 'a', 'tag-puts-this-over-max']
  ],
  ['aa/asdf$$^/aa', 'invalid reference format'],
  ['sub-dom1.foo.com/bar/baz/quux', ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com']],
  [
    'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
    ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'some-long-tag']
  ],
  [
    'b.gcr.io/test.example.com/my-app:test.example.com',
    ['b.gcr.io/test.example.com/my-app', 'b.gcr.io', 'test.example.com']
  ],
  ['xn--n3h.com/myimage:xn--n3h.com', ['xn--n3h.com/myimage', 'xn--n3h.com', 'xn--n3h.com']],
  [
    `xn--7o8h.com/myimage:xn--7o8h.com@${SHA_FFFF}`,
    ['xn--7o8h.com/myimage', 'xn--7o8h.com', 'xn--7o8h.com', SHA_FFFF]
  ],
  ['foo_bar.com:8080', ['foo_bar.com', '', '8080']],
  ['foo/foo_bar.com:8080', ['foo/foo_bar.com', 'foo', '8080']],
  ['192.168.1.1', ['192.168.1.1', '']],
  ['192.168.1.1:tag', ['192.168.1.1', '', 'tag']],
  ['192.168.1.1:5000', ['192.168.1.1', '', '5000']],
  ['192.168.1.1/repo', ['192.168.1.1/repo', '192.168.1.1']],
  ['192.168.1.1:5000/repo', ['192.168.1.1:5000/repo', '192.168.1.1:5000']],
  ['192.168.1.1:5000/repo:5050', ['192.168.1.1:5000/repo', '192.168.1.1:5000', '5050']],
  ['[2001:db8::1]', 'invalid reference format'],
  ['[2001:db8::1]:5000', 'invalid reference format'],
  ['[2001:db8::1]:tag', 'invalid reference format'],
  ['[2001:db8::1]/repo', ['[2001:db8::1]/repo', '[2001:db8::1]']],
  [
    '[2001:db8:1:2:3:4:5:6]/repo:tag',
    ['[2001:db8:1:2:3:4:5:6]/repo', '[2001:db8:1:2:3:4:5:6]', 'tag']
  ],
  ['[2001:db8::1]:5000/repo', ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000']],
  ['[2001:db8::1]:5000/repo:tag', ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag']],
  [
    `[2001:db8::1]:5000/repo@${SHA_FFFF}`,
    ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', undefined, SHA_FFFF]
  ],
  [
    `[2001:db8::1]:5000/repo:tag@${SHA_FFFF}`,
    ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'tag', SHA_FFFF]
  ],
  ['[2001:db8::]:5000/repo', ['[2001:db8::]:5000/repo', '[2001:db8::]:5000']],
  ['[::1]:5000/repo', ['[::1]:5000/repo', '[::1]:5000']],
  ['[fe80::1%eth0]:5000/repo', 'invalid reference format'],
  ['[fe80::1%@invalidzone]:5000/repo', 'invalid reference format'],
  [`example.com/${'a'.repeat(255)}:tag`, [`example.com/${'a'.repeat(255)}`, 'example.com', 'tag']],
]

// TestWithNameFailure: [input, error]
const WITH_NAME_FAILURE: Array<[string, string]> = [
  ['', 'invalid reference format'],
  [':justtag', 'invalid reference format'],
  [`@${SHA_FFFF}`, 'invalid reference format'],
  [`validname@invaliddigest:${'f'.repeat(64)}`, 'invalid reference format'],
  ['example.com/repo:tag', 'invalid reference format'],
  [`example.com/${'a'.repeat(256)}`, 'repository name must not be more than 255 characters'],
  ['aa/asdf$$^/aa', 'invalid reference format'],
]

// TestDomainAndPath: [input, domain, path]
const DOMAIN_AND_PATH: Array<[string, string, string]> = [
  ['test.com/foo', 'test.com', 'foo'],
  ['test_com/foo', '', 'test_com/foo'],
  ['test:8080/foo', 'test:8080', 'foo'],
  ['test.com:8080/foo', 'test.com:8080', 'foo'],
  ['test-com:8080/foo', 'test-com:8080', 'foo'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
]

// TestSerialization: [description, input, {name, tag, digest} | error]
const SERIALIZATION: Array<[string, string, [string, string?, string?] | string]> = [
  ['empty value', '', 'repository name must have at least one component'],
  ['just a name', 'example.com:8000/named', ['example.com:8000/named']],
  ['name with a tag', 'example.com:8000/named:tagged', ['example.com:8000/named', 'tagged']],
  ['name with digest', `other.com/named@${SHA_1234}`, ['other.com/named', undefined, SHA_1234]],
]

// TestWithTag: [name, digest applied first, tag, combined]
const WITH_TAG: Array<[string, string | undefined, string, string]> = [
  ['test.com/foo', undefined, 'tag', 'test.com/foo:tag'],
  ['foo', undefined, 'tag2', 'foo:tag2'],
  ['test.com:8000/foo', undefined, 'tag4', 'test.com:8000/foo:tag4'],
  ['test.com:8000/foo', undefined, 'TAG5', 'test.com:8000/foo:TAG5'],
  [
    'test.com:8000/foo',
    'sha256:1234567890098765432112345667890098765',
    'TAG5',
    'test.com:8000/foo:TAG5@sha256:1234567890098765432112345667890098765'
  ],
]

// TestWithDigest: [name, tag applied first, digest, combined]
const WITH_DIGEST: Array<[string, string | undefined, string, string]> = [
  [
    'test.com/foo',
    undefined,
    'sha256:1234567890098765432112345667890098765',
    'test.com/foo@sha256:1234567890098765432112345667890098765'
  ],
  [
    'foo',
    undefined,
    'sha256:1234567890098765432112345667890098765',
    'foo@sha256:1234567890098765432112345667890098765'
  ],
  [
    'test.com:8000/foo',
    undefined,
    'sha256:1234567890098765432112345667890098765',
    'test.com:8000/foo@sha256:1234567890098765432112345667890098765'
  ],
  [
    'test.com:8000/foo',
    'latest',
    'sha256:1234567890098765432112345667890098765',
    'test.com:8000/foo:latest@sha256:1234567890098765432112345667890098765'
  ],
]

// TestParseNamed: [input, {domain, path} | error]
const PARSE_NAMED: Array<[string, [string, string] | string]> = [
  ['test.com/foo', ['test.com', 'foo']],
  ['test:8080/foo', ['test:8080', 'foo']],
  ['test_com/foo', 'repository name must be canonical'],
  ['test.com', 'repository name must be canonical'],
  ['foo', 'repository name must be canonical'],
  ['library/foo', 'repository name must be canonical'],
  ['docker.io/library/foo', ['docker.io', 'library/foo']],
  ['docker.io/foo', 'repository name must be canonical'],
]

// TestValidateReferenceName: [input, valid]
const VALIDATE_REFERENCE_NAME: Array<[string, boolean]> = [
  ['docker/docker', true],
  ['library/debian', true],
  ['debian', true],
  ['localhost/library/debian', true],
  ['localhost/debian', true],
  ['LOCALDOMAIN/library/debian', true],
  ['LOCALDOMAIN/debian', true],
  ['docker.io/docker/docker', true],
  ['docker.io/library/debian', true],
  ['docker.io/debian', true],
  ['index.docker.io/docker/docker', true],
  ['index.docker.io/library/debian', true],
  ['index.docker.io/debian', true],
  ['127.0.0.1:5000/docker/docker', true],
  ['127.0.0.1:5000/library/debian', true],
  ['127.0.0.1:5000/debian', true],
  ['192.168.0.1', true],
  ['192.168.0.1:80', true],
  ['192.168.0.1:8/debian', true],
  ['192.168.0.2:25000/debian', true],
  ['thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', true],
  ['[fc00::1]:5000/docker', true],
  ['[fc00::1]:5000/docker/docker', true],
  ['[fc00:1:2:3:4:5:6:7]:5000/library/debian', true],
  ['docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', true],
  ['Docker/docker', true],
  ['DOCKER/docker', true],
  ['https://github.com/docker/docker', false],
  ['docker/Docker', false],
  ['-docker', false],
  ['-docker/docker', false],
  ['-docker.io/docker/docker', false],
  ['docker///docker', false],
  ['docker.io/docker/Docker', false],
  ['docker.io/docker///docker', false],
  ['[fc00::1]', false],
  ['[fc00::1]:5000', false],
  ['fc00::1:5000/debian', false],
  ['[fe80::1%eth0]:5000/debian', false],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', false],
  ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', false],
]

// TestValidateRemoteName: [input, valid]
const VALIDATE_REMOTE_NAME: Array<[string, boolean]> = [
  ['docker/docker', true],
  ['thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', true],
  ['docker-rules/docker', true],
  ['docker---rules/docker', true],
  ['doc/docker', true],
  ['d/docker', true],
  ['jess/t', true],
  ['dock__er/docker', true],
  ['docker/Docker', false],
  ['docker///docker', false],
  ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', false],
  ['-docker/docker', false],
  ['docker-/docker', false],
  ['-docker-/docker', false],
  ['____/____', false],
  ['_docker/_docker', false],
  ['dock..er/docker', false],
  ['dock_.er/docker', false],
  ['dock-.er/docker', false],
  ['docker/', false],
  [
    `${LONG_NAMESPACE}/docker`,
    false
  ],
]

// TestParseRepositoryInfo: [case, inputKind, input, normalized, familiar, domain, path]
const REPOSITORY_INFO: Array<[number, string, string, string, string, string, string]> = [
  [0, 'familiar', 'localhost/fooo', 'localhost/fooo', 'localhost/fooo', 'localhost', 'fooo'],
  [0, 'full', 'localhost/fooo', 'localhost/fooo', 'localhost/fooo', 'localhost', 'fooo'],
  [0, 'ambiguous', 'localhost/fooo', 'localhost/fooo', 'localhost/fooo', 'localhost', 'fooo'],
  [
    1,
    'familiar',
    'localhost/fooo/bar',
    'localhost/fooo/bar',
    'localhost/fooo/bar',
    'localhost',
    'fooo/bar'
  ],
  [
    1,
    'full',
    'localhost/fooo/bar',
    'localhost/fooo/bar',
    'localhost/fooo/bar',
    'localhost',
    'fooo/bar'
  ],
  [
    1,
    'ambiguous',
    'localhost/fooo/bar',
    'localhost/fooo/bar',
    'localhost/fooo/bar',
    'localhost',
    'fooo/bar'
  ],
  [
    2,
    'familiar',
    'LOCALDOMAIN/fooo',
    'LOCALDOMAIN/fooo',
    'LOCALDOMAIN/fooo',
    'LOCALDOMAIN',
    'fooo'
  ],
  [2, 'full', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN', 'fooo'],
  [
    2,
    'ambiguous',
    'LOCALDOMAIN/fooo',
    'LOCALDOMAIN/fooo',
    'LOCALDOMAIN/fooo',
    'LOCALDOMAIN',
    'fooo'
  ],
  [
    3,
    'familiar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN',
    'fooo/bar'
  ],
  [
    3,
    'full',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN',
    'fooo/bar'
  ],
  [
    3,
    'ambiguous',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN/fooo/bar',
    'LOCALDOMAIN',
    'fooo/bar'
  ],
  [4, 'familiar', 'fooo/bar', 'docker.io/fooo/bar', 'fooo/bar', 'docker.io', 'fooo/bar'],
  [4, 'full', 'docker.io/fooo/bar', 'docker.io/fooo/bar', 'fooo/bar', 'docker.io', 'fooo/bar'],
  [
    4,
    'ambiguous',
    'index.docker.io/fooo/bar',
    'docker.io/fooo/bar',
    'fooo/bar',
    'docker.io',
    'fooo/bar'
  ],
  [5, 'familiar', 'ubuntu', 'docker.io/library/ubuntu', 'ubuntu', 'docker.io', 'library/ubuntu'],
  [
    5,
    'full',
    'docker.io/library/ubuntu',
    'docker.io/library/ubuntu',
    'ubuntu',
    'docker.io',
    'library/ubuntu'
  ],
  [
    5,
    'ambiguous',
    'library/ubuntu',
    'docker.io/library/ubuntu',
    'ubuntu',
    'docker.io',
    'library/ubuntu'
  ],
  [
    6,
    'familiar',
    'nonlibrary/ubuntu',
    'docker.io/nonlibrary/ubuntu',
    'nonlibrary/ubuntu',
    'docker.io',
    'nonlibrary/ubuntu'
  ],
  [
    6,
    'full',
    'docker.io/nonlibrary/ubuntu',
    'docker.io/nonlibrary/ubuntu',
    'nonlibrary/ubuntu',
    'docker.io',
    'nonlibrary/ubuntu'
  ],
  [
    7,
    'familiar',
    'other/library',
    'docker.io/other/library',
    'other/library',
    'docker.io',
    'other/library'
  ],
  [
    7,
    'full',
    'docker.io/other/library',
    'docker.io/other/library',
    'other/library',
    'docker.io',
    'other/library'
  ],
  [
    8,
    'familiar',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000',
    'private/moonbase'
  ],
  [
    8,
    'full',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000',
    'private/moonbase'
  ],
  [
    9,
    'familiar',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000',
    'privatebase'
  ],
  [
    9,
    'full',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000',
    'privatebase'
  ],
  [
    10,
    'familiar',
    'example.com/private/moonbase',
    'example.com/private/moonbase',
    'example.com/private/moonbase',
    'example.com',
    'private/moonbase'
  ],
  [
    10,
    'full',
    'example.com/private/moonbase',
    'example.com/private/moonbase',
    'example.com/private/moonbase',
    'example.com',
    'private/moonbase'
  ],
  [
    11,
    'familiar',
    'example.com/privatebase',
    'example.com/privatebase',
    'example.com/privatebase',
    'example.com',
    'privatebase'
  ],
  [
    11,
    'full',
    'example.com/privatebase',
    'example.com/privatebase',
    'example.com/privatebase',
    'example.com',
    'privatebase'
  ],
  [
    12,
    'familiar',
    'example.com:8000/private/moonbase',
    'example.com:8000/private/moonbase',
    'example.com:8000/private/moonbase',
    'example.com:8000',
    'private/moonbase'
  ],
  [
    12,
    'full',
    'example.com:8000/private/moonbase',
    'example.com:8000/private/moonbase',
    'example.com:8000/private/moonbase',
    'example.com:8000',
    'private/moonbase'
  ],
  [
    13,
    'familiar',
    'example.com:8000/privatebasee',
    'example.com:8000/privatebasee',
    'example.com:8000/privatebasee',
    'example.com:8000',
    'privatebasee'
  ],
  [
    13,
    'full',
    'example.com:8000/privatebasee',
    'example.com:8000/privatebasee',
    'example.com:8000/privatebasee',
    'example.com:8000',
    'privatebasee'
  ],
  [
    14,
    'familiar',
    'ubuntu-12.04-base',
    'docker.io/library/ubuntu-12.04-base',
    'ubuntu-12.04-base',
    'docker.io',
    'library/ubuntu-12.04-base'
  ],
  [
    14,
    'full',
    'docker.io/library/ubuntu-12.04-base',
    'docker.io/library/ubuntu-12.04-base',
    'ubuntu-12.04-base',
    'docker.io',
    'library/ubuntu-12.04-base'
  ],
  [
    14,
    'ambiguous',
    'index.docker.io/library/ubuntu-12.04-base',
    'docker.io/library/ubuntu-12.04-base',
    'ubuntu-12.04-base',
    'docker.io',
    'library/ubuntu-12.04-base'
  ],
  [15, 'familiar', 'foo', 'docker.io/library/foo', 'foo', 'docker.io', 'library/foo'],
  [15, 'full', 'docker.io/library/foo', 'docker.io/library/foo', 'foo', 'docker.io', 'library/foo'],
  [15, 'ambiguous', 'docker.io/foo', 'docker.io/library/foo', 'foo', 'docker.io', 'library/foo'],
  [
    16,
    'familiar',
    'library/foo/bar',
    'docker.io/library/foo/bar',
    'library/foo/bar',
    'docker.io',
    'library/foo/bar'
  ],
  [
    16,
    'full',
    'docker.io/library/foo/bar',
    'docker.io/library/foo/bar',
    'library/foo/bar',
    'docker.io',
    'library/foo/bar'
  ],
  [
    17,
    'familiar',
    'store/foo/bar',
    'docker.io/store/foo/bar',
    'store/foo/bar',
    'docker.io',
    'store/foo/bar'
  ],
  [
    17,
    'full',
    'docker.io/store/foo/bar',
    'docker.io/store/foo/bar',
    'store/foo/bar',
    'docker.io',
    'store/foo/bar'
  ],
  [18, 'familiar', 'Foo/bar', 'Foo/bar', 'Foo/bar', 'Foo', 'bar'],
  [18, 'full', 'Foo/bar', 'Foo/bar', 'Foo/bar', 'Foo', 'bar'],
  [19, 'familiar', 'FOO/bar', 'FOO/bar', 'FOO/bar', 'FOO', 'bar'],
  [19, 'full', 'FOO/bar', 'FOO/bar', 'FOO/bar', 'FOO', 'bar'],
]

// TestParseReferenceWithTagAndDigest: [input, normalized, familiar] (tagged and digested)
const TAG_AND_DIGEST: Array<[string, string, string]> = [
  [
    `busybox:latest@${SHA_86E0}`,
    `docker.io/library/busybox:latest@${SHA_86E0}`,
    `busybox:latest@${SHA_86E0}`
  ],
]

// TestParseAnyReference: [input, equivalent, digest when the result is digest-only]
const PARSE_ANY: Array<[string, string, string | undefined]> = [
  ['redis', 'docker.io/library/redis', undefined],
  ['redis:latest', 'docker.io/library/redis:latest', undefined],
  ['docker.io/library/redis:latest', 'docker.io/library/redis:latest', undefined],
  [`redis@${SHA_DBCC}`, `docker.io/library/redis@${SHA_DBCC}`, undefined],
  [`docker.io/library/redis@${SHA_DBCC}`, `docker.io/library/redis@${SHA_DBCC}`, undefined],
  ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp', undefined],
  ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest', undefined],
  ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest', undefined],
  [`dmcgowan/myapp@${SHA_DBCC}`, `docker.io/dmcgowan/myapp@${SHA_DBCC}`, undefined],
  [`docker.io/dmcgowan/myapp@${SHA_DBCC}`, `docker.io/dmcgowan/myapp@${SHA_DBCC}`, undefined],
  ['dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c', SHA_DBCC, SHA_DBCC],
  [SHA_DBCC, SHA_DBCC, SHA_DBCC],
  [
    'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
    'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
    undefined
  ],
  ['dbcc1', 'docker.io/library/dbcc1', undefined],
]

// TestNormalizedSplitHostname: [input, domain, path]
const NORMALIZED_SPLIT_HOSTNAME: Array<[string, string, string]> = [
  ['test.com/foo', 'test.com', 'foo'],
  ['test_com/foo', 'docker.io', 'test_com/foo'],
  ['docker/migrator', 'docker.io', 'docker/migrator'],
  ['test.com:8080/foo', 'test.com:8080', 'foo'],
  ['test-com:8080/foo', 'test-com:8080', 'foo'],
  ['foo', 'docker.io', 'library/foo'],
  ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
  ['docker.io/foo', 'docker.io', 'library/foo'],
  ['docker.io/library/foo', 'docker.io', 'library/foo'],
  ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
]

// TestParseDockerRef: [description, input, normalized]
const PARSE_DOCKER_REF: Array<[string, string, string]> = [
  ['nothing', 'busybox', 'docker.io/library/busybox:latest'],
  ['tag only', 'busybox:latest', 'docker.io/library/busybox:latest'],
  ['digest only', `busybox@${SHA_E669}`, `docker.io/library/busybox@${SHA_E669}`],
  ['path only', 'library/busybox', 'docker.io/library/busybox:latest'],
  ['hostname only', 'docker.io/busybox', 'docker.io/library/busybox:latest'],
  ['no tag', 'docker.io/library/busybox', 'docker.io/library/busybox:latest'],
  ['no path', 'docker.io/busybox:latest', 'docker.io/library/busybox:latest'],
  ['no hostname', 'library/busybox:latest', 'docker.io/library/busybox:latest'],
  [
    'full reference with tag',
    'docker.io/library/busybox:latest',
    'docker.io/library/busybox:latest'
  ],
  ['gcr reference without tag', 'gcr.io/library/busybox', 'gcr.io/library/busybox:latest'],
  [
    'both tag and digest',
    `gcr.io/library/busybox:latest@${SHA_E669}`,
    `gcr.io/library/busybox@${SHA_E669}`
  ],
]

// TestDomainRegexp: [input, match]
const DOMAIN_REGEXP: Array<[string, boolean]> = [
  ['test.com', true],
  ['test.com:10304', true],
  ['test.com:http', false],
  ['localhost', true],
  ['localhost:8080', true],
  ['a', true],
  ['a.b', true],
  ['ab.cd.com', true],
  ['a-b.com', true],
  ['-ab.com', false],
  ['ab-.com', false],
  ['ab.c-om', true],
  ['ab.-com', false],
  ['ab.com-', false],
  ['0101.com', true],
  ['001a.com', true],
  ['b.gbc.io:443', true],
  ['b.gbc.io', true],
  ['xn--n3h.com', true],
  ['Asdf.com', true],
  ['192.168.1.1:75050', true],
  ['192.168.1.1:750050', true],
  ['[fd00:1:2::3]:75050', true],
  ['[fd00:1:2::3]75050', false],
  ['[fd00:1:2::3]::75050', false],
  ['[fd00:1:2::3%eth0]:75050', false],
  ['[fd00123123123]:75050', true],
  ['[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:75050', true],
  ['[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:750505', true],
  ['fd00:1:2::3:75050', false],
]

// TestFullNameRegexp: [input, match, [domain, remainder]?]
const FULL_NAME_REGEXP: Array<[string, boolean, string[]?]> = [
  ['', false],
  ['short', true, ['', 'short']],
  ['simple/name', true, ['simple', 'name']],
  ['library/ubuntu', true, ['library', 'ubuntu']],
  ['docker/stevvooe/app', true, ['docker', 'stevvooe/app']],
  [
    'aa/aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb',
    true,
    ['aa', 'aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb']
  ],
  ['aa/aa/bb/bb/bb', true, ['aa', 'aa/bb/bb/bb']],
  ['a/a/a/a', true, ['a', 'a/a/a']],
  ['a/a/a/a/', false],
  ['a//a/a', false],
  ['a', true, ['', 'a']],
  ['a/aa', true, ['a', 'aa']],
  ['a/aa/a', true, ['a', 'aa/a']],
  ['foo.com', true, ['', 'foo.com']],
  ['foo.com/', false],
  ['foo.com:8080/bar', true, ['foo.com:8080', 'bar']],
  ['foo.com:http/bar', false],
  ['foo.com/bar', true, ['foo.com', 'bar']],
  ['foo.com/bar/baz', true, ['foo.com', 'bar/baz']],
  ['localhost:8080/bar', true, ['localhost:8080', 'bar']],
  ['sub-dom1.foo.com/bar/baz/quux', true, ['sub-dom1.foo.com', 'bar/baz/quux']],
  ['blog.foo.com/bar/baz', true, ['blog.foo.com', 'bar/baz']],
  ['a^a', false],
  ['aa/asdf$$^/aa', false],
  ['asdf$$^/aa', false],
  ['aa-a/a', true, ['aa-a', 'a']],
  [`${'a/'.repeat(128)}a`, true, ['a', `${'a/'.repeat(127)}a`]],
  ['a-/a/a/a', false],
  ['foo.com/a-/a/a', false],
  ['-foo/bar', false],
  ['foo/bar-', false],
  ['foo-/bar', false],
  ['foo/-bar', false],
  ['_foo/bar', false],
  ['foo_bar', true, ['', 'foo_bar']],
  ['foo_bar.com', true, ['', 'foo_bar.com']],
  ['foo_bar.com:8080', false],
  ['foo_bar.com:8080/app', false],
  ['foo.com/foo_bar', true, ['foo.com', 'foo_bar']],
  ['____/____', false],
  ['_docker/_docker', false],
  ['docker_/docker_', false],
  ['b.gcr.io/test.example.com/my-app', true, ['b.gcr.io', 'test.example.com/my-app']],
  ['xn--n3h.com/myimage', true, ['xn--n3h.com', 'myimage']],
  ['xn--7o8h.com/myimage', true, ['xn--7o8h.com', 'myimage']],
  ['example.com/xn--7o8h.com/myimage', true, ['example.com', 'xn--7o8h.com/myimage']],
  [
    'example.com/some_separator__underscore/myimage',
    true,
    ['example.com', 'some_separator__underscore/myimage']
  ],
  ['example.com/__underscore/myimage', false],
  ['example.com/..dots/myimage', false],
  ['example.com/.dots/myimage', false],
  ['example.com/nodouble..dots/myimage', false],
  ['example.com/nodouble..dots/myimage', false],
  ['docker./docker', false],
  ['.docker/docker', false],
  ['docker-/docker', false],
  ['-docker/docker', false],
  ['do..cker/docker', false],
  ['do__cker:8080/docker', false],
  ['do__cker/docker', true, ['', 'do__cker/docker']],
  ['b.gcr.io/test.example.com/my-app', true, ['b.gcr.io', 'test.example.com/my-app']],
  [
    'registry.io/foo/project--id.module--name.ver---sion--name',
    true,
    ['registry.io', 'foo/project--id.module--name.ver---sion--name']
  ],
  ['Asdf.com/foo/bar', true],
  ['Foo/FarB', false],
]

// TestReferenceRegexp: [input, match, [name, tag, digest]?]
const REFERENCE_REGEXP: Array<[string, boolean, string[]?]> = [
  ['registry.com:8080/myapp:tag', true, ['registry.com:8080/myapp', 'tag', '']],
  [`registry.com:8080/myapp@${SHA_BE17}`, true, ['registry.com:8080/myapp', '', SHA_BE17]],
  [`registry.com:8080/myapp:tag2@${SHA_BE17}`, true, ['registry.com:8080/myapp', 'tag2', SHA_BE17]],
  ['registry.com:8080/myapp@sha256:badbadbadbad', false],
  ['registry.com:8080/myapp:invalid~tag', false],
  ['bad_hostname.com:8080/myapp:tag', false],
  [`localhost:8080@${SHA_BE17}`, true, ['localhost', '8080', SHA_BE17]],
  [`localhost:8080/name@${SHA_BE17}`, true, ['localhost:8080/name', '', SHA_BE17]],
  [`localhost:http/name@${SHA_BE17}`, false],
  [`localhost@${SHA_BE17}`, true, ['localhost', '', SHA_BE17]],
  ['registry.com:8080/myapp@bad', false],
  ['registry.com:8080/myapp@2bad', false],
]

// TestIdentifierRegexp: [input, match]
const IDENTIFIER_REGEXP: Array<[string, boolean]> = [
  ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821', true],
  ['7EC43B381E5AEFE6E04EFB0B3F0693FF2A4A50652D64AEC573905F2DB5889A1C', false],
  ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf', false],
  [SHA_DA30, false],
  ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf98218482', false],
]

/** Asserts that `fn` throws InvalidReferenceError quoting `input` with distribution's `reason`. */
function assertInvalid(fn: () => unknown, input: string, reason: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InvalidReferenceError, `got ${String(e)}`)
    assert.ok(e instanceof UserError)
    assert.ok(
      e.message.startsWith(`invalid reference "${input}": ${reason}`),
      `${JSON.stringify(e.message)} does not start with ${JSON.stringify(reason)}`
    )
    return true
  })
}

/** Where a Docker Hub name lands: one-component names get the library/ prefix. */
function hubPath(path: string): string {
  return path.includes('/') ? path : `library/${path}`
}

// Parse() calls any first component a domain when more components follow; normalisation
// keeps these on Docker Hub as namespaces, because they have no '.', ':' or uppercase letter.
const PARSE_DOMAINS_THAT_ARE_HUB_NAMESPACES = new Set(['foo', 'a'])

for (const [input, expected] of REFERENCE_PARSE) {
  test(`TestReferenceParse ${JSON.stringify(input.slice(0, 60))}`, () => {
    if (input.includes('@sha512:')) {
      // The Go test does not register sha512; image-mirror verifies sha512 content.
      assert.equal(parseReference(input).digest, input.slice(input.indexOf('@') + 1))
      return
    }
    if (typeof expected === 'string') {
      return assertInvalid(() => parseReference(input), input, expected)
    }
    const [name, domain, tag, digest] = expected
    const onHub = domain === '' || PARSE_DOMAINS_THAT_ARE_HUB_NAMESPACES.has(domain)
    const ref = parseReference(input)
    assert.deepEqual(ref, {
      registry: onHub ? 'docker.io' : domain,
      repository: onHub ? hubPath(name) : name.slice(domain.length + 1),
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest })
    })
    assert.equal(familiarString(ref), input)
  })
}

for (const [input, reason] of WITH_NAME_FAILURE) {
  test(`TestWithNameFailure ${JSON.stringify(input.slice(0, 60))}`, () => {
    assertInvalid(() => parseRepository(input), input, reason)
  })
}

for (const [input, domain, path] of DOMAIN_AND_PATH) {
  test(`TestDomainAndPath ${input}`, () => {
    const expected = domain === ''
      ? { registry: 'docker.io', repository: hubPath(path) }
      : { registry: domain, repository: path }
    assert.deepEqual(parseRepository(input), expected)
  })
}

for (const [description, input, expected] of SERIALIZATION) {
  test(`TestSerialization ${description}`, () => {
    if (typeof expected === 'string') {
      return assertInvalid(() => parseReference(input), input, expected)
    }
    const [name, tag, digest] = expected
    const ref = parseReference(input)
    assert.equal(`${ref.registry}/${ref.repository}`, name)
    assert.equal(ref.tag, tag)
    assert.equal(ref.digest, digest)
    assert.equal(formatReference(ref), input)
  })
}

// The Go tests only pattern-check these 37-hex-digit digests; ours checks the sha256 length,
// so each row is run twice: as written (refused) and with the digest padded to 64 digits.
function padDigest(digest: string): string {
  return digest + '0'.repeat('sha256:'.length + 64 - digest.length)
}

for (const [name, digest, tag, combined] of WITH_TAG) {
  test(`TestWithTag ${combined}`, () => {
    let ref = parseRepository(name)
    let want = combined
    if (digest !== undefined) {
      const written = `${formatReference(ref)}@${digest}`
      assertInvalid(() => withDigest(ref, digest), written, 'invalid checksum digest length')
      ref = withDigest(ref, padDigest(digest))
      want = combined.replace(digest, padDigest(digest))
    }
    assert.equal(familiarString(withTag(ref, tag)), want)
  })
}

for (const [name, tag, digest, combined] of WITH_DIGEST) {
  test(`TestWithDigest ${combined}`, () => {
    const base = tag === undefined ? parseRepository(name) : withTag(parseRepository(name), tag)
    const written = `${formatReference(base)}@${digest}`
    assertInvalid(() => withDigest(base, digest), written, 'invalid checksum digest length')
    const padded = padDigest(digest)
    assert.equal(familiarString(withDigest(base, padded)), combined.replace(digest, padded))
  })
}

for (const [input, expected] of PARSE_NAMED) {
  test(`TestParseNamed ${input}`, () => {
    const ref = parseReference(input)
    if (typeof expected === 'string') {
      // "must be canonical": the normalised form differs from what was written.
      assert.equal(expected, 'repository name must be canonical')
      assert.notEqual(formatReference(ref), input)
      return
    }
    assert.deepEqual(ref, { registry: expected[0], repository: expected[1] })
    assert.equal(formatReference(ref), input)
  })
}

const VALIDATE_TABLES = [
  ['TestValidateReferenceName', VALIDATE_REFERENCE_NAME],
  ['TestValidateRemoteName', VALIDATE_REMOTE_NAME]
] as const
for (const [table, rows] of VALIDATE_TABLES) {
  for (const [input, valid] of rows) {
    test(`${table} ${JSON.stringify(input.slice(0, 60))} ${valid ? 'valid' : 'invalid'}`, () => {
      if (valid) assert.doesNotThrow(() => parseReference(input))
      else assert.throws(() => parseReference(input), InvalidReferenceError)
    })
  }
}

for (const [n, kind, input, normalized, familiar, domain, path] of REPOSITORY_INFO) {
  test(`TestParseRepositoryInfo case ${n} ${kind} ${input}`, () => {
    for (const ref of [parseReference(input), parseRepository(input)]) {
      assert.equal(formatReference({ ...ref }), normalized)
      assert.equal(familiarName(ref), familiar)
      assert.equal(ref.registry, domain)
      assert.equal(ref.repository, path)
    }
  })
}

for (const [input, normalized, familiar] of TAG_AND_DIGEST) {
  test(`TestParseReferenceWithTagAndDigest ${input}`, () => {
    const ref = parseReference(input)
    assert.equal(formatReference(ref), normalized)
    assert.equal(familiarString(ref), familiar)
    assert.ok(ref.tag !== undefined && ref.digest !== undefined)
  })
}

test('TestInvalidReferenceComponents', () => {
  assert.throws(() => parseReference('-foo'), InvalidReferenceError)
  const busybox = parseReference('busybox')
  const name = 'docker.io/library/busybox'
  assertInvalid(() => withTag(busybox, '-foo'), `${name}:-foo`, 'invalid tag format')
  assertInvalid(() => withDigest(busybox, 'foo'), `${name}@foo`, 'invalid checksum digest format')
})

for (const [input, equivalent, digest] of PARSE_ANY) {
  test(`TestParseAnyReference ${input}`, () => {
    if (digest === undefined) {
      assert.equal(formatReference(parseReference(input)), equivalent)
      return
    }
    // Digest-only references have no repository, so they are not References here: the
    // digest is recognised as one, and a bare image ID is refused as a repository name.
    assert.equal(isDigest(equivalent), true)
    if (!input.includes(':')) {
      const reason = 'cannot specify 64-byte hexadecimal strings'
      assertInvalid(() => parseReference(input), input, reason)
    }
  })
}

for (const [input, domain, path] of NORMALIZED_SPLIT_HOSTNAME) {
  test(`TestNormalizedSplitHostname ${input}`, () => {
    assert.deepEqual(parseReference(input), { registry: domain, repository: path })
  })
}

for (const [description, input, normalized] of PARSE_DOCKER_REF) {
  test(`TestParseDockerRef ${description}`, () => {
    assert.equal(formatReference(toDockerRef(parseReference(input))), normalized)
  })
}

for (const [input, match] of DOMAIN_REGEXP) {
  test(`TestDomainRegexp ${input}`, () => {
    assert.equal(referencePatterns.domainAndPort.test(input), match)
  })
}

for (const [input, match, subs] of FULL_NAME_REGEXP) {
  test(`TestFullNameRegexp ${JSON.stringify(input.slice(0, 60))}`, () => {
    const m = referencePatterns.anchoredName.exec(input)
    assert.equal(m !== null, match)
    if (m !== null && subs !== undefined) assert.deepEqual([m[1] ?? '', m[2] ?? ''], subs)
  })
}

for (const [input, match, subs] of REFERENCE_REGEXP) {
  test(`TestReferenceRegexp ${input}`, () => {
    const m = referencePatterns.reference.exec(input)
    assert.equal(m !== null, match)
    if (m !== null && subs !== undefined) {
      assert.deepEqual([m[1] ?? '', m[2] ?? '', m[3] ?? ''], subs)
    }
  })
}

for (const [input, match] of IDENTIFIER_REGEXP) {
  test(`TestIdentifierRegexp ${input}`, () => {
    assert.equal(referencePatterns.identifier.test(input), match)
  })
}

// AT-REF-PARSE (registry-protocol.md §5) and the messages users see.
const HUB_X = { registry: 'docker.io', repository: 'library/x' }
const AT_REF_PARSE: Array<[string, Reference | string]> = [
  ['ubuntu', { registry: 'docker.io', repository: 'library/ubuntu' }],
  ['docker.io/ubuntu', { registry: 'docker.io', repository: 'library/ubuntu' }],
  ['index.docker.io/foo/bar', { registry: 'docker.io', repository: 'foo/bar' }],
  ['localhost/foo', { registry: 'localhost', repository: 'foo' }],
  ['localhost:5000/foo/bar:v1', { registry: 'localhost:5000', repository: 'foo/bar', tag: 'v1' }],
  ['LOCALDOMAIN/fooo', { registry: 'LOCALDOMAIN', repository: 'fooo' }],
  ['foo/bar', { registry: 'docker.io', repository: 'foo/bar' }],
  ['library/foo/bar', { registry: 'docker.io', repository: 'library/foo/bar' }],
  ['127.0.0.1:8000/private/moon', { registry: '127.0.0.1:8000', repository: 'private/moon' }],
  ['[::1]:5000/x', { registry: '[::1]:5000', repository: 'x' }],
  [`x@${SHA_FFFF}`, { registry: 'docker.io', repository: 'library/x', digest: SHA_FFFF }],
  [`x:t@${SHA_FFFF}`, { ...HUB_X, tag: 't', digest: SHA_FFFF }],
  ['ghcr.io/Owner/repo', 'repository name must be lowercase'],
  ['Foo/Bar', 'repository name must be lowercase'],
  [`a/b:${'a'.repeat(129)}`, 'tag must not be more than 128 characters'],
  ['ff'.repeat(32), 'cannot specify 64-byte hexadecimal strings'],
  // The '.' makes ex_ample.com the domain, which may not contain '_' (distribution would fall
  // back to a domain-less path; a reference without a registry is useless to us).
  ['ex_ample.com/x', 'invalid reference format'],
  [`x@sha384:${'a'.repeat(96)}`, 'unsupported digest algorithm'],
  ['x:', 'invalid reference format']
]

for (const [input, expected] of AT_REF_PARSE) {
  test(`AT-REF-PARSE ${JSON.stringify(input.slice(0, 60))}`, () => {
    if (typeof expected === 'string') {
      return assertInvalid(() => parseReference(input), input, expected)
    }
    assert.deepEqual(parseReference(input), expected)
  })
}

test('toDockerRef: the digest wins over the tag, latest is the default', () => {
  const pinned = toDockerRef(parseReference(`x:tag@${SHA_FFFF}`))
  assert.deepEqual(pinned, { registry: 'docker.io', repository: 'library/x', digest: SHA_FFFF })
  assert.equal(parseReference('x').tag, undefined)
  assert.equal(toDockerRef(parseReference('x')).tag, 'latest')
})

test('parseRepository refuses a tag or a digest', () => {
  const reason = 'invalid reference format (a repository name takes no tag or digest)'
  assertInvalid(() => parseRepository('ghcr.io/o/app:v1'), 'ghcr.io/o/app:v1', reason)
  assertInvalid(() => parseRepository(`app@${SHA_FFFF}`), `app@${SHA_FFFF}`, reason)
  assertInvalid(() => parseRepository('App'), 'App', 'repository name must be lowercase')
  // No hint when the name itself is the problem.
  assert.throws(
    () => parseRepository('ex_ample.com/x'),
    (e: unknown) => e instanceof InvalidReferenceError && e.reason === 'invalid reference format'
  )
})

test('withTag and withDigest return new references and keep the other part', () => {
  const base = parseReference('ghcr.io/o/app:v1')
  const pinned = withDigest(base, SHA_FFFF)
  assert.deepEqual(pinned, { ...base, digest: SHA_FFFF })
  assert.deepEqual(base, { registry: 'ghcr.io', repository: 'o/app', tag: 'v1' })
  assert.equal(formatReference(withTag(pinned, 'v2')), `ghcr.io/o/app:v2@${SHA_FFFF}`)
  const long = 'a'.repeat(129)
  const reason = 'tag must not be more than 128 characters'
  assertInvalid(() => withTag(base, long), `ghcr.io/o/app:${long}`, reason)
})

const TAGS: Array<[string, boolean]> = [
  ['latest', true], ['v1.2.3', true], ['_x', true], ['A-b_c.D', true], ['a'.repeat(128), true],
  ['a'.repeat(129), false], ['', false], ['-x', false], ['.x', false], ['a:b', false],
  ['a/b', false], ['é', false]
]

for (const [tag, valid] of TAGS) {
  test(`isValidTag ${JSON.stringify(tag.slice(0, 20))} ${valid}`, () => {
    assert.equal(isValidTag(tag), valid)
  })
}

test('registryBaseUrl: Docker Hub is served from registry-1.docker.io', () => {
  assert.equal(registryBaseUrl('docker.io', 'https'), 'https://registry-1.docker.io')
  assert.equal(registryBaseUrl('ghcr.io', 'https'), 'https://ghcr.io')
  assert.equal(registryBaseUrl('127.0.0.1:5000', 'http'), 'http://127.0.0.1:5000')
  assert.equal(registryBaseUrl('[::1]:5000', 'http'), 'http://[::1]:5000')
})
