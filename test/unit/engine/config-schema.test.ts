import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { parse as parseYaml } from 'yaml'
import { CHECKS } from '../../../src/engine/config/checks.js'
import { CONFIG_SCHEMA, parseConfig } from '../../../src/engine/config/load.js'
import {
  ANNOTATION_KEYWORDS,
  VALIDATION_KEYWORDS,
  type Schema
} from '../../../src/engine/config/schema.js'

// The loader validates with schema/image-mirror.schema.json itself, so the keys editors
// complete cannot drift from the keys the loader accepts. These tests keep the schema
// inside the subset the loader interprets, and keep fixtures and docs covering it.

type AnySchema = Schema & Record<string, unknown>
const ROOT = CONFIG_SCHEMA as AnySchema
const REPO = join(import.meta.dirname, '../../..')

/** Every schema object in the file with a readable location. */
function walk(
  schema: AnySchema,
  at: string,
  out: Array<[string, AnySchema]> = []
): Array<[string, AnySchema]> {
  out.push([at, schema])
  for (const group of ['properties', 'patternProperties', '$defs'] as const) {
    const children = schema[group] as Record<string, AnySchema> | undefined
    for (const [name, child] of Object.entries(children ?? {}))
      walk(child, `${at}/${group}/${name}`, out)
  }
  for (const single of ['items', 'additionalProperties'] as const) {
    const child = schema[single]
    if (typeof child === 'object' && child !== null)
      walk(child as AnySchema, `${at}/${single}`, out)
  }
  return out
}
const ALL = walk(ROOT, '#')

test('the schema uses only keywords the loader interprets', () => {
  const known = new Set([...VALIDATION_KEYWORDS, ...ANNOTATION_KEYWORDS])
  for (const [at, schema] of ALL) {
    for (const keyword of Object.keys(schema))
      assert.ok(known.has(keyword), `${at}: unsupported keyword ${keyword}`)
  }
})

test('every key has a description and every object refuses unknown keys', () => {
  for (const [at, schema] of ALL) {
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      assert.ok(
        typeof (child as AnySchema).description === 'string',
        `${at}/properties/${name} has no description`
      )
    }
    if (schema.properties !== undefined)
      assert.equal(schema.additionalProperties, false, `${at} accepts unknown keys`)
  }
})

test('every x-check exists, every pattern compiles and every $ref resolves', () => {
  for (const [at, schema] of ALL) {
    if (schema['x-check'] !== undefined)
      assert.ok(schema['x-check'] in CHECKS, `${at}: unknown x-check`)
    if (schema.pattern !== undefined)
      assert.doesNotThrow(() => new RegExp(schema.pattern as string, 'u'), at)
    if (schema.$ref !== undefined) {
      const name = schema.$ref.replace('#/$defs/', '')
      assert.ok(
        (ROOT.$defs as Record<string, unknown>)[name] !== undefined,
        `${at}: dangling ${schema.$ref}`
      )
    }
  }
})

const keyNames = (schemaList: Array<[string, AnySchema]>) =>
  new Set(schemaList.flatMap(([, s]) => Object.keys(s.properties ?? {})))

function yamlKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => yamlKeys(v, out))
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k)
      yamlKeys(v, out)
    }
  }
  return out
}

test('valid-full.yml uses every key the schema defines', () => {
  const text = readFileSync(join(REPO, 'test/fixtures/config/valid-full.yml'), 'utf8')
  const used = yamlKeys(parseYaml(text, { merge: true }))
  for (const key of keyNames(ALL)) assert.ok(used.has(key), `valid-full.yml never uses ${key}`)
})

test('docs/config.md documents every key the schema defines', () => {
  const docs = readFileSync(join(REPO, 'docs/config.md'), 'utf8')
  for (const key of keyNames(ALL))
    assert.ok(docs.includes(`\`${key}\``), `docs/config.md never mentions \`${key}\``)
})

test('defaults in the schema are the defaults the loader applies', () => {
  const yaml = [
    'version: 1',
    'mirror: { registry: r.example.com }',
    'registries: [{ host: r.example.com }]',
    'sync: [{ source: quay.io/a/b, tags: "*" }]',
    'promotions: [{ name: p, from: r.example.com/a, to: [{ repository: r.example.com/b }] }]'
  ].join('\n')
  const config = parseConfig(yaml, 'c.yml', {})
  const props = ROOT.properties as Record<string, AnySchema>
  const item = (key: string) =>
    (props[key]?.items as AnySchema).properties as Record<string, AnySchema>
  const mirror = props.mirror?.properties as Record<string, AnySchema>
  const to = ((item('promotions').to as AnySchema).items as AnySchema).properties as Record<
    string,
    AnySchema
  >
  const pairs: Array<[unknown, unknown, string]> = [
    [mirror.mode?.default, config.mirror?.mode, 'mirror.mode'],
    [mirror.repository?.default, config.mirror?.repository, 'mirror.repository'],
    [item('registries').insecure?.default, config.registries[0]?.insecure, 'registries[].insecure'],
    [
      item('sync')['delete-unmatched']?.default,
      config.sync[0]?.deleteUnmatched,
      'sync[].delete-unmatched'
    ],
    [item('sync').rollback?.default, config.sync[0]?.rollback, 'sync[].rollback'],
    [
      item('promotions').overwrite?.default,
      config.promotions[0]?.overwrite,
      'promotions[].overwrite'
    ],
    [
      item('promotions').referrers?.default,
      config.promotions[0]?.referrers,
      'promotions[].referrers'
    ],
    [to.tag?.default, config.promotions[0]?.to[0]?.tag, 'promotions[].to[].tag']
  ]
  for (const [schemaDefault, applied, key] of pairs) assert.equal(applied, schemaDefault, key)
})
