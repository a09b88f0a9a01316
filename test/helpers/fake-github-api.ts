// A local stand-in for the two GitHub REST endpoints the action calls
// (registry-protocol.md §8.1): create a commit status and create a check run.
// It answers with the documented status codes and bodies and records every
// request so tests can assert what the action sent.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown
}

export interface FakeGitHubApi {
  /** Base URL to use as GITHUB_API_URL. */
  url: string
  requests: RecordedRequest[]
  /** Makes every later request answer 403 "Resource not accessible by integration" (fork PR tokens). */
  forbid(on?: boolean): void
  close(): Promise<void>
}

const STATES = ['error', 'failure', 'pending', 'success']
const DOCS = 'https://docs.github.com/rest'

/** Starts the fake API on a loopback port. */
export async function startFakeGitHubApi(): Promise<FakeGitHubApi> {
  const requests: RecordedRequest[] = []
  let forbidden = false
  let nextId = 1

  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (d: string) => (raw += d))
    req.on('end', () => {
      let body: unknown = raw
      try {
        body = raw === '' ? undefined : JSON.parse(raw)
      } catch {
        // Keep the raw text: a test asserting on it will show what was sent.
      }
      const path = (req.url ?? '/').split('?')[0] as string
      requests.push({ method: req.method ?? '', path, headers: req.headers, body })
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-github-api-version-selected': '2022-11-28'
        })
        res.end(JSON.stringify(payload))
      }

      const status = /^\/repos\/([^/]+)\/([^/]+)\/statuses\/([0-9a-f]{40})$/.exec(path)
      const checkRun = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(path)
      if (req.method !== 'POST' || (!status && !checkRun))
        return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      if (!/^(Bearer|token) \S+$/.test(req.headers.authorization ?? '')) {
        return send(401, {
          message: 'Requires authentication',
          documentation_url: DOCS,
          status: '401'
        })
      }
      const docs = status
        ? `${DOCS}/commits/statuses#create-a-commit-status`
        : `${DOCS}/checks/runs#create-a-check-run`
      if (forbidden)
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: docs,
          status: '403'
        })
      if (typeof body !== 'object' || body === null)
        return send(400, {
          message: 'Problems parsing JSON',
          documentation_url: docs,
          status: '400'
        })
      const b = body as Record<string, unknown>
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
      const id = nextId++

      if (status) {
        const [, owner, repo, sha] = status as unknown as [string, string, string, string]
        const invalid = (field: string, message: string) =>
          send(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Status', code: 'custom', field, message }],
            documentation_url: docs,
            status: '422'
          })
        if (!STATES.includes(b.state as string))
          return invalid('state', `state is not included in the list`)
        if (typeof b.description === 'string' && b.description.length > 140) {
          return invalid('description', 'description is too long (maximum is 140 characters)')
        }
        return send(201, {
          url: `http://api.test/repos/${owner}/${repo}/statuses/${sha}`,
          avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
          id,
          node_id: `SC_${id}`,
          state: b.state,
          description: b.description ?? null,
          target_url: b.target_url ?? null,
          context: b.context ?? 'default',
          created_at: now,
          updated_at: now,
          creator: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
        })
      }

      const [, owner, repo] = checkRun as unknown as [string, string, string]
      const missing = ['name', 'head_sha'].find((k) => typeof b[k] !== 'string' || b[k] === '')
      if (missing) {
        return send(422, {
          message: `Invalid request.\n\n"${missing}" wasn't supplied.`,
          documentation_url: docs,
          status: '422'
        })
      }
      const output = (b.output ?? {}) as Record<string, unknown>
      return send(201, {
        id,
        head_sha: b.head_sha,
        node_id: `CR_${id}`,
        external_id: b.external_id ?? '',
        url: `http://api.test/repos/${owner}/${repo}/check-runs/${id}`,
        html_url: `http://github.test/${owner}/${repo}/runs/${id}`,
        details_url: b.details_url ?? null,
        status: b.status ?? 'queued',
        conclusion: b.conclusion ?? null,
        started_at: now,
        completed_at: b.status === 'completed' ? now : null,
        output: {
          title: output.title ?? null,
          summary: output.summary ?? null,
          text: output.text ?? null,
          annotations_count: 0,
          annotations_url: `http://api.test/repos/${owner}/${repo}/check-runs/${id}/annotations`
        },
        name: b.name,
        check_suite: { id: 5 },
        app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
        pull_requests: []
      })
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    forbid: (on = true) => {
      forbidden = on
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      })
  }
}
