// Untagging on a GitLab container registry through the REST API
// (doc/api/container_registry.md): find the registry repository of the image
// in its project, then DELETE …/repositories/:id/tags/:tag_name, which removes
// that tag only (registry-protocol §6.2).
import { UserError } from '../../errors.js'
import { header } from '../response.js'
import { formatReference } from '../reference.js'
import type { Transport } from '../transport.js'
import type { Reference } from '../types.js'
import { apiError, callApi, jsonOf, type ApiAnswer } from './api.js'
import type { DeleteVendorOptions } from './strategy.js'

type GitLabOptions = NonNullable<DeleteVendorOptions['gitlab']>

const DEFAULT_API = 'https://gitlab.com/api/v4'
/** A project with more image repositories than this is unusual; stop paging there. */
const MAX_PAGES = 50

interface RegistryRepository {
  id: number
  path: string
}

/** Fails before any request when there is no token. */
export function checkGitLab(ref: Reference, opts: DeleteVendorOptions['gitlab'] = {}): void {
  if (opts.token === undefined || opts.token.value === '') {
    throw new UserError(
      `${formatReference(ref)}: the gitlab delete strategy needs a GitLab token: GITLAB_TOKEN (an access token with the api scope) or CI_JOB_TOKEN in a GitLab CI job`
    )
  }
}

/** Removes `ref`'s tag with the GitLab REST API. */
export async function gitlabUntag(
  transport: Transport,
  ref: Reference,
  opts: DeleteVendorOptions['gitlab'] = {}
): Promise<void> {
  checkGitLab(ref, opts)
  const label = formatReference(ref)
  const api = (opts.apiUrl ?? DEFAULT_API).replace(/\/+$/, '')
  const found = await findRepository(transport, ref, api, opts)
  const url = new URL(
    `${api}/projects/${encodeURIComponent(found.project)}/registry/repositories/${found.id}/tags/${encodeURIComponent(ref.tag!)}`
  )
  const what = `${label}: GitLab tag delete`
  const answer = await callApi(transport, what, url, {
    method: 'DELETE',
    headers: tokenHeader(opts),
    retry: false
  })
  if (answer.status !== 200 && answer.status !== 202 && answer.status !== 204) {
    throw apiError(what, answer, hint(answer))
  }
}

/**
 * The registry repository whose path is the image path. The project is a
 * prefix of that path (an image may sit below its project), so prefixes are
 * tried longest first; a 404 means "no such project".
 */
async function findRepository(
  transport: Transport,
  ref: Reference,
  api: string,
  opts: GitLabOptions
): Promise<{ project: string; id: number }> {
  const label = formatReference(ref)
  const segments = ref.repository.split('/')
  const tried: string[] = []
  for (let n = segments.length; n >= 2; n--) {
    const project = segments.slice(0, n).join('/')
    tried.push(project)
    const what = `${label}: GitLab registry repositories of ${project}`
    for (let page = '1', count = 0; page !== '' && count < MAX_PAGES; count++) {
      const url = new URL(
        `${api}/projects/${encodeURIComponent(project)}/registry/repositories?per_page=100&page=${page}`
      )
      const answer = await callApi(transport, what, url, { method: 'GET', headers: tokenHeader(opts) })
      if (answer.status === 404) break
      if (answer.status !== 200) throw apiError(what, answer, hint(answer))
      const match = jsonOf<RegistryRepository[]>(what, answer).find(
        (r) => r.path?.toLowerCase() === ref.repository.toLowerCase()
      )
      if (match !== undefined) return { project, id: match.id }
      page = header(answer.headers, 'x-next-page') ?? ''
    }
  }
  if (tried.length === 0) {
    throw new UserError(`${label}: a GitLab image path starts with its project (group/project)`)
  }
  throw new UserError(
    `${label}: GitLab has no container repository ${ref.repository} in project ${tried.join(', ')}`
  )
}

/** PRIVATE-TOKEN for access tokens, JOB-TOKEN for CI_JOB_TOKEN (doc/api/rest/authentication.md). */
function tokenHeader(opts: GitLabOptions): Record<string, string> {
  const token = opts.token!
  return token.kind === 'job' ? { 'job-token': token.value } : { 'private-token': token.value }
}

function hint(answer: ApiAnswer): string | undefined {
  if (answer.status === 401) return 'the GitLab token was refused'
  if (answer.status === 403) return 'the token may not delete tags here, or the tag is protected'
  return undefined
}
