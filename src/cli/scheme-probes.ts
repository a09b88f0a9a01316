// Scheme probes for the registries named on an --insecure command line,
// started before the command's code loads. A probe is a connection and one
// round trip (scheme-sniff.ts); started here, it overlaps the engine's load
// instead of following it, and the transport picks up its answer.
import { hostAndPort, sniffScheme, type Scheme } from '../oci/scheme-sniff.js'

export interface SchemeProbes {
  /** Answers by registry (`host:port`), as the transport looks them up. */
  probes: ReadonlyMap<string, Promise<Scheme | undefined>>
  /** Ends the probes no request waited for. */
  stop(): void
}

/**
 * A probe for every argument that starts with a registry with an explicit
 * port (`host:port/repository…`): only such registries are probed at all. An
 * argument that merely looks like one (an option's value) costs a probe that
 * no request uses.
 */
export function startSchemeProbes(args: string[]): SchemeProbes {
  const controller = new AbortController()
  const probes = new Map<string, Promise<Scheme | undefined>>()
  for (const arg of args) {
    const slash = arg.indexOf('/')
    if (arg.startsWith('-') || slash <= 0) continue
    const registry = arg.slice(0, slash)
    const target = probes.has(registry) ? undefined : hostAndPort(registry)
    if (target === undefined) continue
    probes.set(registry, sniffScheme(target.host, target.port, { signal: controller.signal }))
  }
  return { probes, stop: () => controller.abort() }
}
