// Upload sessions (registry-protocol §1.5): the Location each answer names,
// and the upload status: `GET <location>` answers 204 with `Range: 0-<last>`,
// the bytes the registry holds, and the Location to go on with. A chunked
// upload asks for it after a 416 to learn where to resume (AT-UP-3).
import { UserError } from '../errors.js'
import { redactedLocation } from './errors.js'
import { header, type RegistryResponse } from './response.js'
import type { Transport } from './transport.js'

/** The upload Location of an answer, resolved against the URL that answered (R-UP-1). */
export function locationOf(res: RegistryResponse): URL {
  const location = header(res.headers, 'location')
  if (!location)
    throw new UserError(`${res.url.host}: upload response ${res.status} has no Location header`)
  return new URL(location, res.url)
}

export interface UploadStatus {
  /** Bytes the registry holds: the next PATCH starts here. */
  received: number
  /** Where to send the next PATCH (the one asked about when the registry names none). */
  location: URL
}

/** GETs the status of the upload session at `location`. */
export async function getUploadStatus(
  transport: Transport,
  registry: string,
  location: URL,
  scopes: string[]
): Promise<UploadStatus> {
  const res = await transport.request({
    method: 'GET',
    registry,
    url: location,
    scopes,
    expect: [204]
  })
  await res.dump()
  const range = header(res.headers, 'range')
  const received = receivedBytes(range)
  if (received === undefined) {
    throw new UserError(
      `${redactedLocation(res.url)}: upload status has an unreadable Range header "${range}"`
    )
  }
  const next = header(res.headers, 'location')
  // R-UP-1: resolved against the URL that answered.
  return { received, location: next ? new URL(next, res.url) : location }
}

/**
 * Bytes held according to a status `Range` (`0-<last>`, inclusive; `bytes=`
 * tolerated as regclient does). No header means nothing received. `0-0` is
 * read as 0: distribution writes it for an empty session as for a one-byte
 * one, and a one-byte chunk is never sent in practice; were it wrong, the
 * next PATCH gets another 416 and the resume bound ends the upload.
 * Undefined when the value cannot be read.
 */
export function receivedBytes(range: string | undefined): number | undefined {
  if (range === undefined || range.trim() === '') return 0
  const m = /^\s*(?:bytes=)?0-(\d+)\s*$/.exec(range)
  if (!m) return undefined
  const last = Number(m[1])
  if (!Number.isSafeInteger(last)) return undefined
  return last === 0 ? 0 : last + 1
}
