// The two parts of undici the transport uses: Agent and the request API.
// undici's index loads fetch, WebSocket, caches and mocks too, which costs
// more start-up time than the whole of a repeat copy's network round trips;
// every CLI invocation pays start-up, so only these modules are loaded.
import type { Agent, Dispatcher } from 'undici'
import AgentImpl from 'undici/lib/dispatcher/agent.js'
import requestApi from 'undici/lib/api/api-request.js'

export type { Agent, Dispatcher }

/** Creates an undici Agent (connection pools per origin). */
export function newAgent(options: Agent.Options): Agent {
  return new AgentImpl(options)
}

/** Sends one request through `dispatcher`; redirects are not followed here. */
export function undiciRequest(
  url: URL,
  opts: Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher }
): Promise<Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = opts
  return requestApi.call(dispatcher, { ...rest, origin: url.origin, path: `${url.pathname}${url.search}` })
}
