// Link header parsing and next-page resolution against the shared vectors
// (link-header.json: nextPage, validatePaginationURL, regclientParseGet,
// regclientParseErr) and AT-TAG-2.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  CrossOriginLinkError,
  MalformedLinkError,
  nextPageUrl,
  parseLinkHeader
} from '../../../src/oci/link.js'

type Outcome = { url: string } | 'none' | 'cross-origin' | 'malformed'

function outcome(header: string | string[], base: string): Outcome {
  try {
    const url = nextPageUrl(header, new URL(base))
    return url === undefined ? 'none' : { url: url.href }
  } catch (e) {
    if (e instanceof CrossOriginLinkError) return 'cross-origin'
    if (e instanceof MalformedLinkError) return 'malformed'
    throw e
  }
}

// nextPage: [header, base, registry, expect, what this parser does]. For "noneOrError"
// rows either answer is allowed; the column pins ours. Sources: go-containerregistry
// pkg/v1/remote/list_test.go and pkg/v1/google/list_test.go (TestGetNextPageURL, _SSRF);
// distribution internal/client/repository_test.go (TestManifestTagsPaginated, derived:
// the origin stands in for the test server's).
const TAGS = 'http://127.0.0.1:5000/v2/test.example.com/repo/tags/list/tags/list'
const NEXT_PAGE: Array<[string, string, string | undefined, string, Outcome]> = [
  ['', 'https://example.com', 'example.com', 'noneOrError', 'none'],
  ['<', 'https://example.com', 'example.com', 'noneOrError', 'malformed'],
  ['><', 'https://example.com', 'example.com', 'noneOrError', 'malformed'],
  ['<>', 'https://example.com', 'example.com', 'noneOrError', 'none'],
  ['<\u007f>', 'https://example.com', 'example.com', 'noneOrError', 'malformed'],
  [
    '</v2/myrepo/tags/list?n=100>',
    'https://example.com/v2/myrepo/tags/list',
    'example.com',
    'url',
    { url: 'https://example.com/v2/myrepo/tags/list?n=100' }
  ],
  [
    '<http://169.254.169.254/latest/meta-data/>;rel="next"',
    'https://registry.example.com/v2/myrepo/tags/list',
    'registry.example.com',
    'error',
    'cross-origin'
  ],
  [
    '</v2/test.example.com/repo/tags/list/tags/list?n=1&last=tag1>; rel="next"',
    TAGS,
    undefined,
    'url',
    { url: `${TAGS}?n=1&last=tag1` }
  ],
  [
    `<${TAGS}?n=1&last=tag2>; rel="next"`,
    `${TAGS}?n=1&last=tag1`,
    undefined,
    'url',
    { url: `${TAGS}?n=1&last=tag2` }
  ]
]

for (const [header, base, registry, expect, ours] of NEXT_PAGE) {
  test(`nextPage ${JSON.stringify(header).slice(0, 70)} → ${expect}`, () => {
    const got = outcome(header, base)
    assert.deepEqual(got, ours)
    if (expect === 'noneOrError') assert.notEqual(typeof got, 'object')
    if (expect === 'error') assert.equal(typeof got, 'string')
    if (expect === 'url' && typeof got === 'object' && registry !== undefined) {
      assert.equal(new URL(got.url).host, registry)
    }
  })
}

// validatePaginationURL (go-containerregistry pkg/v1/google/list_test.go): a next page is
// valid only on the registry's own scheme and host. [name, url, registry, scheme, valid]
const VALIDATE: Array<[string, string, string, string, boolean]> = [
  [
    'same host - valid',
    'https://registry.example.com/v2/myrepo/tags/list?n=100&last=tag1',
    'registry.example.com',
    'https',
    true
  ],
  [
    'cloud metadata endpoint - SSRF attempt',
    'http://169.254.169.254/latest/meta-data/',
    'registry.example.com',
    'https',
    false
  ],
  [
    'localhost - SSRF attempt',
    'http://localhost:8080/internal',
    'registry.example.com',
    'https',
    false
  ],
  [
    'internal IP - SSRF attempt',
    'http://192.168.1.1/admin',
    'registry.example.com',
    'https',
    false
  ],
  [
    'different registry - SSRF attempt',
    'https://evil-registry.com/v2/myrepo/tags/list',
    'registry.example.com',
    'https',
    false
  ],
  [
    'scheme mismatch - potential downgrade',
    'http://registry.example.com/v2/myrepo/tags/list',
    'registry.example.com',
    'https',
    false
  ]
]

for (const [name, url, registry, scheme, valid] of VALIDATE) {
  test(`validatePaginationURL: ${name}`, () => {
    const got = outcome(`<${url}>; rel="next"`, `${scheme}://${registry}/v2/myrepo/tags/list`)
    assert.deepEqual(got, valid ? { url } : 'cross-origin')
  })
}

// regclientParseGet (regclient internal/httplink/httplink_test.go): parse every header
// value, then take the first link whose `param` equals `value`.
const COMPLEX = [
  '</path1>; rel="next", </path2> ; rel="next", / ; rel=index ',
  '</print>; media=print',
  '/link, /reader; media=reader; type=x'
]
const RFC_EXAMPLE =
  '</TheBook/chapter2>;\trel="previous"; title*=UTF-8\'de\'letztes%20Kapitel,\n\t\t\t' +
  '                   </TheBook/chapter4>; rel="next"; title*=UTF-8\'de\'n%c3%a4chstes%20Kapitel'
// [name, headers, param, value, uri or undefined when not found]
const PARSE_GET: Array<[string, string[], string, string, string | undefined]> = [
  ['quoted rel next', ['</path>; rel="next"'], 'rel', 'next', '/path'],
  ['complex rel=next', COMPLEX, 'rel', 'next', '/path1'],
  ['complex rel=index', COMPLEX, 'rel', 'index', '/'],
  ['complex media=print', COMPLEX, 'media', 'print', '/print'],
  ['complex not found', COMPLEX, 'rel', 'unknown', undefined],
  ['rfc example', [RFC_EXAMPLE], 'rel', 'next', '/TheBook/chapter4']
]

for (const [name, headers, param, value, uri] of PARSE_GET) {
  test(`regclientParseGet: ${name}`, () => {
    const link = parseLinkHeader(headers).find((l) => l.params[param] === value)
    assert.equal(link?.target, uri)
  })
}

test('parseLinkHeader: the RFC 8288 example, parameters and all', () => {
  assert.deepEqual(parseLinkHeader(RFC_EXAMPLE), [
    {
      target: '/TheBook/chapter2',
      params: { rel: 'previous', 'title*': "UTF-8'de'letztes%20Kapitel" }
    },
    {
      target: '/TheBook/chapter4',
      params: { rel: 'next', 'title*': "UTF-8'de'n%c3%a4chstes%20Kapitel" }
    }
  ])
})

// regclientParseErr (same file): regclient fails the whole parse. Ours leaves the broken
// link-value out, so nothing half-read is returned, and nextPageUrl reports the header as
// malformed rather than treating the page as the last one.
const PARSE_ERR: Array<[string, string]> = [
  ['open uri', '</path'],
  ['open quote', '</path>; rel="next'],
  ['backslash', '\\'],
  ['backslash uri', '/\\'],
  ['missing separator', '</path>; rel="next" media="print"'],
  ['invalid parm', '</path>; r&d="nope"'],
  ['invalid star', '</path>; r*d="nope"'],
  ['invalid val start', '</path>; rel=\\'],
  ['invalid val mid', '</path>; rel=a\\b']
]

for (const [name, header] of PARSE_ERR) {
  test(`regclientParseErr: ${name}`, () => {
    assert.deepEqual(parseLinkHeader([header]), [])
    assert.equal(outcome([header], 'https://r.example/v2/a/tags/list'), 'malformed')
  })
}

const BASE = 'https://r.example:8443/v2/app/tags/list?n=2'
// More next-page behaviour: [name, header(s), outcome]
const MORE: Array<[string, string | string[], Outcome]> = [
  [
    'relative query',
    '</v2/app/tags/list?n=2&last=b>; rel="next"',
    { url: 'https://r.example:8443/v2/app/tags/list?n=2&last=b' }
  ],
  ['rel with several types', '</p2>; rel="prev next"', { url: 'https://r.example:8443/p2' }],
  ['rel case-insensitive, unquoted', '</p2>; REL=Next', { url: 'https://r.example:8443/p2' }],
  [
    'next after another link',
    '</p0>; rel="prev", </p2>; rel="next"',
    { url: 'https://r.example:8443/p2' }
  ],
  [
    'next in a second header value',
    ['</p0>; rel="prev"', '</p2>; rel="next"'],
    { url: 'https://r.example:8443/p2' }
  ],
  ['first next wins', '</a>; rel=next, </b>; rel=next', { url: 'https://r.example:8443/a' }],
  ['comma inside the target', '</a,b>; rel="next"', { url: 'https://r.example:8443/a,b' }],
  [
    'a broken link does not hide a good one',
    '</x>; rel="next" junk, </p2>; rel="next"',
    { url: 'https://r.example:8443/p2' }
  ],
  ['only a prev link: last page', '</p0>; rel="prev"', 'none'],
  [
    'absolute, same origin',
    '<https://r.example:8443/p2>; rel="next"',
    { url: 'https://r.example:8443/p2' }
  ],
  ['other port (AT-TAG-2)', '<https://r.example:9443/p2>; rel="next"', 'cross-origin'],
  ['other host (AT-TAG-2)', '<https://other.host/v2/app/tags/list>; rel="next"', 'cross-origin'],
  ['scheme downgrade', '<http://r.example:8443/p2>; rel="next"', 'cross-origin'],
  ['protocol-relative to another host', '<//other.host/p2>; rel="next"', 'cross-origin']
]

for (const [name, header, expected] of MORE) {
  test(`nextPageUrl: ${name}`, () => {
    assert.deepEqual(outcome(header, BASE), expected)
  })
}

test('nextPageUrl: the default port is the same origin', () => {
  assert.deepEqual(outcome('<https://r.example:443/p2>; rel="next"', 'https://r.example/v2/x'), {
    url: 'https://r.example/p2'
  })
})

test('nextPageUrl: an absent header means the last page', () => {
  assert.equal(nextPageUrl(undefined, new URL(BASE)), undefined)
  assert.equal(nextPageUrl([], new URL(BASE)), undefined)
})

test('CrossOriginLinkError names both origins and never the query', () => {
  const header = '<https://other.host/v2/x?token=secret>; rel="next"'
  assert.throws(
    () => nextPageUrl(header, new URL('https://r.example/v2/x?n=1')),
    (e: unknown) =>
      e instanceof CrossOriginLinkError &&
      e.name === 'CrossOriginLinkError' &&
      e.message.includes('https://r.example') &&
      e.message.includes('https://other.host') &&
      !e.message.includes('secret')
  )
})

test('parseLinkHeader: parameter names lower-cased, values unescaped, first duplicate wins', () => {
  assert.deepEqual(parseLinkHeader('</a>; REL="n\\"x"; rel=other; crossorigin; ;'), [
    { target: '/a', params: { rel: 'n"x', crossorigin: '' } }
  ])
  assert.deepEqual(parseLinkHeader('</a>; __proto__=x'), [
    { target: '/a', params: Object.fromEntries([['__proto__', 'x']]) }
  ])
})
