// docker-credential-helpers client protocol, `get` verb only (registry-protocol.md §3.9).
import { UserError } from '../errors.js'
import type { Credential } from './credentials.js'

/** Username a helper returns when Secret is an identity (refresh) token (native_store.go). */
const TOKEN_USERNAME = '<token>'
/** Helpers may prompt (desktop keychains) or call cloud APIs (ecr-login, gcloud); bound the wait. */
export const HELPER_TIMEOUT_MS = 30_000

export interface HelperRequest {
  /** Helper name as configured: `ecr-login` runs `docker-credential-ecr-login`. */
  helper: string
  /** Registry host the credentials are for, for messages. */
  host: string
  /** Server URL written to the helper's stdin (`https://index.docker.io/v1/` for Docker Hub). */
  serverUrl: string
  /** Where the helper was configured, for messages. */
  origin: string
  /** Environment of the helper; its PATH is where the helper is looked up. */
  env: NodeJS.ProcessEnv
  timeoutMs?: number
}

interface RunResult {
  stdout: string
  failure?: string
}

/**
 * Runs `docker-credential-<helper> get` with the server URL on stdin. Returns undefined when the
 * helper has no credentials for it. A helper that is missing, fails, times out or prints something
 * else is a UserError for this host: never fall back to other credentials (R-CRED-2, CVE-2021-41092).
 */
export async function helperGet(req: HelperRequest): Promise<Credential | undefined> {
  const program = `docker-credential-${req.helper}`
  const fail = (what: string) =>
    new UserError(`credential helper ${program} (configured in ${req.origin}) ${what} for ${req.host}`)
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(req.helper)) throw fail('has an invalid name')
  const run = await runHelper(program, req)
  // Not found is a normal answer (docker-credential-helpers errCredentialsNotFoundMessage).
  const notFound = !run.stdout.trimStart().startsWith('{') && /credentials not found/i.test(run.stdout)
  if (notFound) return undefined
  if (run.failure !== undefined) throw fail(run.failure)
  return parseHelperOutput(run.stdout, () => fail('printed invalid output'))
}

async function runHelper(program: string, req: HelperRequest): Promise<RunResult> {
  // Loaded on first use: child_process drags in modules every CLI start would pay for.
  const { execFile } = await import('node:child_process')
  return new Promise((resolve) => {
    const child = execFile(
      program,
      ['get'],
      { env: req.env, timeout: req.timeoutMs ?? HELPER_TIMEOUT_MS, maxBuffer: 1 << 20, windowsHide: true },
      (error, stdout) => {
        if (!error) return resolve({ stdout })
        // Helper output is not put in messages: it may echo what it was given or hold a secret.
        const err = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }
        const code = err.code as unknown
        const timeout = req.timeoutMs ?? HELPER_TIMEOUT_MS
        let failure: string
        if (code === 'ENOENT') failure = 'was not found on PATH'
        else if (code === 'EACCES') failure = 'is not executable'
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') failure = 'printed too much output'
        else if (err.killed) failure = `did not answer within ${timeout / 1000} s`
        else if (err.signal) failure = `was killed by ${err.signal}`
        else if (typeof code === 'number') failure = `failed with exit code ${code}`
        else failure = `could not run (${typeof code === 'string' ? code : 'unknown error'})`
        resolve({ stdout: typeof stdout === 'string' ? stdout : '', failure })
      }
    )
    // A helper that exits without reading stdin closes the pipe; its exit status tells the story.
    child.stdin?.on('error', () => {})
    child.stdin?.end(req.serverUrl)
  })
}

/** Maps `{"ServerURL","Username","Secret"}` to a credential; `<token>` means an identity token. */
function parseHelperOutput(stdout: string, invalid: () => UserError): Credential | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(stdout)
  } catch {
    throw invalid()
  }
  if (typeof doc !== 'object' || doc === null) throw invalid()
  const { Username: username, Secret: secret } = doc as Record<string, unknown>
  if ((username !== undefined && typeof username !== 'string') || (secret !== undefined && typeof secret !== 'string')) {
    throw invalid()
  }
  if (!secret) return undefined
  if (username === TOKEN_USERNAME) return { identityToken: secret }
  return username ? { username, password: secret } : { password: secret }
}
