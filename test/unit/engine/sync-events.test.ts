import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { EventSink } from '../../../src/engine/sync/events.js'
import type { Logger } from '../../../src/logger.js'

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    group: (_n, fn) => fn()
  }
}

const now = () => new Date('2026-01-01T00:00:00Z')

const failures: Array<{ name: string; status?: number; expect: RegExp }> = [
  { name: 'nothing listens', expect: /webhook: the started event of app could not be delivered/ },
  { name: 'the endpoint answers 500', status: 500, expect: /webhook: the started event of app got HTTP 500/ }
]

for (const tc of failures) {
  test(`a failing webhook (${tc.name}) is a warning that never shows its URL`, async () => {
    const server = createServer((_req, res) => {
      res.statusCode = tc.status ?? 200
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    if (tc.status === undefined) await new Promise((resolve) => server.close(resolve))
    try {
      const logger = recordingLogger()
      const sink = new EventSink(logger, `http://127.0.0.1:${port}/services/T0/B0/XSECRETX`, now)
      await sink.emit('started', 'app', 'sync app started')
      assert.deepEqual(sink.events, [{ kind: 'started', entry: 'app', time: '2026-01-01T00:00:00.000Z', text: 'sync app started' }])
      assert.ok(logger.lines.some((l) => tc.expect.test(l)), logger.lines.join('\n'))
      assert.ok(logger.lines.every((l) => !l.includes('XSECRETX') && !l.includes(String(port))), logger.lines.join('\n'))
    } finally {
      server.close()
    }
  })
}

test('a failed event is logged as a warning and posted with a Slack-compatible text', async () => {
  const bodies: unknown[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      bodies.push({ type: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const logger = recordingLogger()
    const sink = new EventSink(logger, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, now)
    await sink.emit('failed', 'db', 'sync db failed: boom')
    assert.deepEqual(logger.lines, ['warning: sync db failed: boom'])
    assert.deepEqual(bodies, [
      {
        type: 'application/json',
        body: { text: 'sync db failed: boom', event: 'failed', entry: 'db', time: '2026-01-01T00:00:00.000Z' }
      }
    ])
  } finally {
    server.close()
  }
})
