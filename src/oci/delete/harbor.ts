// Untagging on Harbor v2 (registry-protocol §6.2): DELETE
// /api/v2.0/projects/{project}/repositories/{repository}/artifacts/{digest}/tags/{tag}
// removes the tag only; the artifact and its other tags stay. The API lives
// on the registry host and takes the registry's Basic credentials.
import { UserError } from '../../errors.js'
import { formatReference } from '../reference.js'
import { basicAuthorization } from '../token.js'
import type { Transport } from '../transport.js'
import type { Reference } from '../types.js'
import { apiError, callApi } from './api.js'

/** Removes `ref`'s tag from the artifact `digest` it points at. */
export async function harborUntag(
  transport: Transport,
  ref: Reference,
  digest: string
): Promise<void> {
  const label = formatReference(ref)
  const authorization = await harborAuthorization(transport, ref)
  const [project, ...rest] = ref.repository.split('/')
  // "If it contains slash, encode it twice over with URL encoding" (Harbor swagger): a/b → a%252Fb
  const repository = encodeURIComponent(encodeURIComponent(rest.join('/')))
  const url = new URL(
    `/api/v2.0/projects/${encodeURIComponent(project!)}/repositories/${repository}/artifacts/${digest}/tags/${encodeURIComponent(ref.tag!)}`,
    transport.baseUrl(ref.registry)
  )
  const what = `${label}: Harbor tag delete`
  const answer = await callApi(transport, what, url, {
    method: 'DELETE',
    headers: { authorization, accept: 'application/json' },
    registry: ref.registry,
    retry: false
  })
  if (answer.status !== 200 && answer.status !== 202 && answer.status !== 204) {
    const hint =
      answer.status === 401 || answer.status === 403
        ? `the credentials for ${ref.registry} may not delete tags in project ${project}`
        : undefined
    throw apiError(what, answer, hint)
  }
}

/** Fails before any request when the repository has no project part or there is no login. */
export async function harborAuthorization(transport: Transport, ref: Reference): Promise<string> {
  const label = formatReference(ref)
  if (!ref.repository.includes('/')) {
    throw new UserError(`${label}: a Harbor repository is <project>/<name>`)
  }
  const credential = await transport.credential(ref.registry)
  if (credential?.username === undefined || credential.password === undefined) {
    throw new UserError(
      `${label}: the harbor delete strategy needs a username and password for ${ref.registry} (docker login ${ref.registry})`
    )
  }
  return basicAuthorization(credential.username, credential.password)
}
