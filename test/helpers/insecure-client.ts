// A registry client for the plain test registries, closed when the test file ends.
import { after } from 'node:test'
import { RegistryClient } from '../../src/oci/client.js'
import { Transport } from '../../src/oci/transport.js'

/** A client with `insecure: true` (plain http on loopback); its connections close after the file's tests. */
export function insecureClient(): RegistryClient {
  const transport = new Transport({ insecure: true })
  after(() => transport.close())
  return new RegistryClient(transport)
}
