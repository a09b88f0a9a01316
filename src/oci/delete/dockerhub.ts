// Untagging on Docker Hub through the Hub API (registry-protocol §3.5, §6.2):
// the registry's own tag DELETE leaves the Hub listing inconsistent, so the
// Hub's tag DELETE is used, with a short-lived Hub access token created from
// the docker.io login (POST /v2/auth/token; /v2/users/login is deprecated).
import { UserError } from '../../errors.js'
import { formatReference } from '../reference.js'
import type { Transport } from '../transport.js'
import type { Reference } from '../types.js'
import { apiError, callApi, jsonOf } from './api.js'
import type { DeleteVendorOptions } from './strategy.js'

const DEFAULT_API = 'https://hub.docker.com'

/** Fails before any request when the repository is not namespace/name or there is no login. */
export async function hubLogin(
  transport: Transport,
  ref: Reference
): Promise<{ username: string; password: string }> {
  const label = formatReference(ref)
  if (ref.repository.split('/').length !== 2) {
    throw new UserError(`${label}: a Docker Hub repository is <namespace>/<name>`)
  }
  const credential = await transport.credential(ref.registry)
  if (credential?.username === undefined || credential.password === undefined) {
    throw new UserError(
      `${label}: the dockerhub delete strategy needs the Docker Hub username and password or personal access token (docker login)`
    )
  }
  return { username: credential.username, password: credential.password }
}

/** Logs in to the Hub API, then deletes the tag there. */
export async function dockerHubUntag(
  transport: Transport,
  ref: Reference,
  opts: DeleteVendorOptions['dockerhub'] = {}
): Promise<void> {
  const label = formatReference(ref)
  const login = await hubLogin(transport, ref)
  const api = (opts.apiUrl ?? DEFAULT_API).replace(/\/+$/, '')
  const loginWhat = `${label}: Docker Hub login as ${login.username}`
  const answer = await callApi(transport, loginWhat, new URL(`${api}/v2/auth/token`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: Buffer.from(JSON.stringify({ identifier: login.username, secret: login.password })),
    secretBody: true
  })
  if (answer.status !== 200) {
    throw apiError(
      loginWhat,
      answer,
      answer.status === 401 ? 'with two-factor authentication, log in with a personal access token' : undefined
    )
  }
  const token = jsonOf<{ access_token?: string }>(loginWhat, answer).access_token
  if (!token) throw new UserError(`${loginWhat}: the answer has no access_token`)

  const [namespace, repository] = ref.repository.split('/') as [string, string]
  const url = new URL(
    `${api}/v2/namespaces/${encodeURIComponent(namespace)}/repositories/${encodeURIComponent(repository)}/tags/${encodeURIComponent(ref.tag!)}`
  )
  const what = `${label}: Docker Hub tag delete`
  const deleted = await callApi(transport, what, url, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    retry: false
  })
  if (deleted.status !== 200 && deleted.status !== 202 && deleted.status !== 204) {
    const hint = deleted.status === 401 || deleted.status === 403 ? 'a personal access token needs the Delete scope' : undefined
    throw apiError(what, deleted, hint)
  }
}
