// WWW-Authenticate parsing against the shared vectors (www-authenticate.json: the
// distribution, containerd and regclient tables) and AT-AUTH-1.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Challenge, parseChallenges } from '../../../src/oci/challenge.js'

const bearer = (params: Record<string, string>): Challenge => ({ scheme: 'bearer', params })
const basic = (params: Record<string, string>): Challenge => ({ scheme: 'basic', params })

const HUB = { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' }

// [name, header value, expected challenges]
type Case = [string, string, Challenge[]]

// distribution/distribution internal/client/auth/challenge/authchallenge_test.go
// (also in go-containerregistry's authchallenge_test.go)
const DISTRIBUTION: Case[] = [
  [
    'TestAuthChallengeParse',
    'Bearer realm="https://auth.example.com/token",service="registry.example.com",' +
      'other=fun,slashed="he\\"\\l\\lo"',
    [
      bearer({
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        other: 'fun',
        slashed: 'he"llo'
      })
    ]
  ]
]

// containerd/containerd core/remotes/docker/auth/parse_test.go. EmptyParam asserts only
// `empty` and `service` there; the full parse is asserted here.
const CONTAINERD: Case[] = [
  [
    'SingleScope',
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
      'scope="repository:foo/bar:pull,push"',
    [bearer({ ...HUB, scope: 'repository:foo/bar:pull,push' })]
  ],
  [
    'MultipleScopes',
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
      'scope="repository:foo/bar:pull,push repository:foo/baz:pull repository:foo/foo:push"',
    [
      bearer({
        ...HUB,
        scope: 'repository:foo/bar:pull,push repository:foo/baz:pull repository:foo/foo:push'
      })
    ]
  ],
  [
    'EmptyParam',
    'Bearer realm="https://auth.example.io/token",empty="",service="registry.example.io",' +
      'scope="repository:library/hello-world:pull,push"',
    [
      bearer({
        realm: 'https://auth.example.io/token',
        empty: '',
        service: 'registry.example.io',
        scope: 'repository:library/hello-world:pull,push'
      })
    ]
  ]
]

// regclient/regclient internal/auth/auth_test.go
const REGCLIENT: Case[] = [
  [
    'Bearer to auth.docker.io',
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
      'scope="repository:docker/docker:pull"',
    [bearer({ ...HUB, scope: 'repository:docker/docker:pull' })]
  ],
  [
    'Basic to GitHub',
    'Basic realm="GitHub Package Registry"',
    [basic({ realm: 'GitHub Package Registry' })]
  ],
  [
    'Basic case insensitive type and key',
    'BaSiC ReAlM="Case insensitive key"',
    [basic({ realm: 'Case insensitive key' })]
  ],
  ['Basic unquoted realm', 'Basic realm=unquoted', [basic({ realm: 'unquoted' })]],
  ['Basic unquoted token', 'Basic realm=/', [basic({ realm: '/' })]],
  [
    'Basic with charset',
    'Basic realm="Dev", charset="UTF-8"',
    [basic({ realm: 'Dev', charset: 'UTF-8' })]
  ],
  ['Quoted auth type and key', '"Basic" "realm"=/', [basic({ realm: '/' })]],
  [
    'Multiple challenges',
    'Bearer realm="https://auth.docker.io/token", service="registry.docker.io", ' +
      'scope="repository:docker/docker:pull", Basic realm="GitHub Package Registry"',
    [
      bearer({ ...HUB, scope: 'repository:docker/docker:pull' }),
      basic({ realm: 'GitHub Package Registry' })
    ]
  ]
]

// regclient rejects these headers (errs.ErrParsingFailed). We never throw on server input;
// instead each broken part is dropped so that no challenge carries a half-read value:
// - Missing commas: realm was read completely; the text after it, lacking a comma, is dropped.
// - Missing close quote / missing value after escape: the realm is cut off, so it is dropped;
//   the scheme itself was complete and stays (Basic needs no realm to work).
const REGCLIENT_ERRORS: Case[] = [
  ['Missing commas', 'Basic realm="Dev" charset="UTF-8"', [basic({ realm: 'Dev' })]],
  ['Missing close quote', 'Basic realm="GitHub Package Registry', [basic({})]],
  ['Missing value after escape', 'Basic realm="GitHub Package Registry\\\\', [basic({})]]
]

// AT-AUTH-1 (registry-protocol.md §2.3)
const AT_AUTH_1: Case[] = [
  [
    'Docker Hub',
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
      'scope="repository:library/alpine:pull"',
    [bearer({ ...HUB, scope: 'repository:library/alpine:pull' })]
  ],
  ['case and spacing', 'bearer REALM="x" , Service=y', [bearer({ realm: 'x', service: 'y' })]],
  [
    'two challenges in one header',
    'Basic realm="r", Bearer realm="x",service="y"',
    [basic({ realm: 'r' }), bearer({ realm: 'x', service: 'y' })]
  ],
  [
    'space-separated scopes',
    'Bearer realm="x",scope="repository:a:pull repository:b:pull,push"',
    [bearer({ realm: 'x', scope: 'repository:a:pull repository:b:pull,push' })]
  ],
  ['escape', 'Bearer realm="x\\"y"', [bearer({ realm: 'x"y' })]],
  [
    'no service (Artifact Registry)',
    'Bearer realm="https://us-central1-docker.pkg.dev/v2/token"',
    [bearer({ realm: 'https://us-central1-docker.pkg.dev/v2/token' })]
  ]
]

// Further behaviour users rely on.
const MORE: Case[] = [
  ['empty header', '', []],
  ['BWS around =', 'Bearer realm = "x" ,service= y', [bearer({ realm: 'x', service: 'y' })]],
  [
    'empty list elements',
    ', ,Basic realm="a",, ,Bearer realm="b",',
    [basic({ realm: 'a' }), bearer({ realm: 'b' })]
  ],
  ['scheme without parameters', 'Basic, Bearer realm="b"', [basic({}), bearer({ realm: 'b' })]],
  [
    'comma inside a quoted value',
    'Bearer realm="a,b",service="c"',
    [bearer({ realm: 'a,b', service: 'c' })]
  ],
  ['first of duplicate params wins', 'Bearer realm="a",realm="b"', [bearer({ realm: 'a' })]],
  ['parameter before any scheme is ignored', 'realm="a", Basic realm="b"', [basic({ realm: 'b' })]],
  [
    'garbage name is skipped to the next comma',
    'Bearer @x="1", realm="r"',
    [bearer({ realm: 'r' })]
  ],
  [
    'a token glued to garbage is no scheme',
    'Bearer realm:"x", service="s"',
    [bearer({ service: 's' })]
  ],
  [
    '__proto__ stays a plain parameter',
    'Bearer __proto__="x"',
    [bearer(Object.fromEntries([['__proto__', 'x']]))]
  ],
  [
    'quotes pair up as written',
    'Bearer realm="x, Basic realm="y"',
    [bearer({ realm: 'x, Basic realm=' })]
  ]
]

const TOKEN68: Array<[string, string, Challenge[]]> = [
  [
    'token68',
    'Negotiate YWxhZGRpbjpvcGVuc2VzYW1l==',
    [{ scheme: 'negotiate', params: {}, token68: 'YWxhZGRpbjpvcGVuc2VzYW1l==' }]
  ],
  [
    'token68 then another challenge',
    'Negotiate abc=, Basic realm="r"',
    [{ scheme: 'negotiate', params: {}, token68: 'abc=' }, basic({ realm: 'r' })]
  ]
]

const TABLES: Array<[string, Case[]]> = [
  ['distribution', DISTRIBUTION],
  ['containerd', CONTAINERD],
  ['regclient', REGCLIENT],
  ['regclient error case', REGCLIENT_ERRORS],
  ['AT-AUTH-1', AT_AUTH_1],
  ['parser', MORE],
  ['parser', TOKEN68]
]

for (const [table, cases] of TABLES) {
  for (const [name, header, expected] of cases) {
    test(`${table}: ${name}`, () => {
      assert.deepEqual(parseChallenges(header), expected)
    })
  }
}

test('several header values, as undici hands them over, give all challenges in order', () => {
  const values = ['Basic realm="r"', 'Bearer realm="x",service="y", Negotiate']
  const negotiate = { scheme: 'negotiate', params: {} }
  const expected = [basic({ realm: 'r' }), bearer({ realm: 'x', service: 'y' }), negotiate]
  assert.deepEqual(parseChallenges(values), expected)
  // fetch joins repeated headers with ", ": the same result.
  assert.deepEqual(parseChallenges(values.join(', ')), expected)
})

test('an absent header gives no challenge', () => {
  assert.deepEqual(parseChallenges(undefined), [])
  assert.deepEqual(parseChallenges([]), [])
})

test('never throws on arbitrary input', () => {
  const alphabet = 'ab =,"\\\t;:/@\u007f'
  let seed = 7
  for (let n = 0; n < 2000; n++) {
    let s = ''
    for (let i = 0; i < 24; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      s += alphabet[seed % alphabet.length]
    }
    for (const c of parseChallenges(s)) {
      assert.match(c.scheme, /^[a-z!#$%&'*+\-.^_`|~0-9]+$/)
      for (const key of Object.keys(c.params)) assert.match(key, /^[a-z!#$%&'*+\-.^_`|~0-9]+$/)
    }
  }
})
