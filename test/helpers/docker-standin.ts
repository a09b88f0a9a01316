// A stand-in for the `docker` CLI with buildx, for tests only: Docker and
// BuildKit cannot run on the test machines (no daemon), so this program
// implements the part of the documented docker buildx CLI contract that
// image-mirror uses, and does the work with buildah:
//
//   docker info                        exit 0 as a reachable daemon does;
//                                      DOCKER_STANDIN_DAEMON=down: exit 1 with
//                                      docker's "Cannot connect" error
//   docker buildx version              one version line
//   docker buildx build -f FILE [--build-arg K=V]... [--target T] [--platform P[,P]]
//       [--secret id=X,src=F|env=V]... [--label K=V]... [-t REF]...
//       [--push | --output type=image,name=REF,push=true[,registry.insecure=true]]
//       [--metadata-file FILE] CONTEXT
//
// Without --push/--output it only builds (filling the layer cache, as a
// BuildKit build without output does); with them it builds, pushes with
// buildah and writes the metadata file with `containerimage.digest` and
// `image.name`, as buildx does. Registry credentials come from
// $DOCKER_CONFIG/config.json (else ~/.docker/config.json), as BuildKit's
// client reads them. Any flag, output attribute or secret field outside this
// contract fails loudly (exit 1, an `ERROR:` line), so an argument
// image-mirror should not send is caught.
//
// Pushes verify TLS unless the output says registry.insecure=true. Not
// emulated: BuildKit's provenance attestations (real buildx pushes an index
// holding an attestation manifest by default), Docker media types (buildah
// pushes OCI ones), registry CAs from buildkitd.toml, BuildKit's fallback to
// plain HTTP for loopback registries.
//
// Environment: DOCKER_STANDIN_ROOT (required for builds) holds buildah's
// storage; DOCKER_STANDIN_LOG, when set, receives one JSON line per
// invocation: its argv and, for builds, what it found in DOCKER_CONFIG
// (directory, entries, config.json mode, registry → user name; never a password).
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, appendFileSync, constants, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

interface BuildCall {
  file?: string
  buildArgs: string[]
  target?: string
  platforms: string[]
  secrets: string[]
  labels: string[]
  names: string[]
  push: boolean
  insecure: boolean
  metadataFile?: string
  context?: string
}

/** What the stand-in saw of DOCKER_CONFIG: enough for a test to check how credentials arrived. */
interface ConfigSeen {
  dir: string
  entries: string[]
  mode?: number
  auths: Record<string, string>
}

function fail(message: string): never {
  process.stderr.write(`ERROR: ${message}\n`)
  process.exit(1)
}

function configDir(): string {
  return process.env.DOCKER_CONFIG || join(process.env.HOME || homedir(), '.docker')
}

function configSeen(): ConfigSeen {
  const dir = configDir()
  const file = join(dir, 'config.json')
  const seen: ConfigSeen = { dir, entries: existsSync(dir) ? readdirSync(dir).sort() : [], auths: {} }
  if (!existsSync(file)) return seen
  seen.mode = statSync(file).mode & 0o777
  const config = JSON.parse(readFileSync(file, 'utf8')) as { auths?: Record<string, { auth?: string }> }
  for (const [host, entry] of Object.entries(config.auths ?? {})) {
    seen.auths[host] = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8').split(':')[0] ?? '' : ''
  }
  return seen
}

function record(argv: string[], build: boolean): void {
  const log = process.env.DOCKER_STANDIN_LOG
  if (!log) return
  appendFileSync(log, `${JSON.stringify(build ? { argv, dockerConfig: configSeen() } : { argv })}\n`)
}

/** `key=value,key=value` as buildx's CSV flags are written (no quoting is sent by image-mirror). */
function fields(flag: string, value: string, allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of value.split(',')) {
    const eq = part.indexOf('=')
    const key = eq > 0 ? part.slice(0, eq) : part
    if (!allowed.includes(key)) fail(`docker stand-in: ${flag} field "${key}" is not supported (in "${value}")`)
    out[key] = part.slice(eq + 1)
  }
  return out
}

/** A secret as buildx takes it, handed to buildah as `id=X,src=F` or `id=X,env=V`. */
function secret(value: string): string {
  const f = fields('--secret', value, ['id', 'src', 'source', 'env', 'type'])
  if (!f.id) fail(`docker stand-in: --secret "${value}" has no id`)
  if (f.type !== undefined && f.type !== 'file' && f.type !== 'env') fail(`docker stand-in: --secret type "${f.type}" is not supported`)
  const src = f.src ?? f.source
  const env = f.type === 'env' && f.env === undefined ? src : f.env
  const file = f.type === 'env' ? undefined : src
  if ((file === undefined) === (env === undefined)) fail(`docker stand-in: --secret "${value}" needs one of src= or env=`)
  if (file !== undefined) {
    try {
      accessSync(file, constants.R_OK)
    } catch {
      fail(`failed to solve: secret ${f.id}: cannot read ${file}`)
    }
    return `id=${f.id},src=${file}`
  }
  if (process.env[env as string] === undefined) fail(`failed to solve: secret ${f.id}: environment variable ${env} is not set`)
  return `id=${f.id},env=${env}`
}

/** `--output`: only a pushed image, the one output image-mirror asks for. */
function output(call: BuildCall, value: string): void {
  const f = fields('--output', value, ['type', 'name', 'push', 'registry.insecure'])
  if (f.type !== 'image' && f.type !== 'registry') fail(`docker stand-in: --output type "${f.type}" is not supported`)
  const push = f.type === 'registry' || f.push === 'true'
  if (!push) fail('docker stand-in: an --output that does not push is not supported')
  if (f.name) call.names.push(f.name)
  call.push = true
  call.insecure = f['registry.insecure'] === 'true'
}

const VALUE_FLAGS: Record<string, (call: BuildCall, value: string) => void> = {
  '--file': (c, v) => (c.file = v),
  '--build-arg': (c, v) => c.buildArgs.push(v),
  '--target': (c, v) => (c.target = v),
  '--platform': (c, v) => c.platforms.push(...v.split(',').filter(Boolean)),
  '--secret': (c, v) => c.secrets.push(secret(v)),
  '--label': (c, v) => c.labels.push(v),
  '--tag': (c, v) => c.names.push(v),
  '--output': output,
  '--metadata-file': (c, v) => (c.metadataFile = v)
}
const SHORT: Record<string, string> = { '-f': '--file', '-t': '--tag', '-o': '--output' }

function parseBuild(args: string[]): BuildCall {
  const call: BuildCall = { buildArgs: [], platforms: [], secrets: [], labels: [], names: [], push: false, insecure: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (!arg.startsWith('-')) {
      if (call.context !== undefined) {
        fail(`docker stand-in: "docker buildx build" requires exactly 1 argument (got ${call.context} and ${arg})`)
      }
      call.context = arg
      continue
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const name = eq > 0 ? arg.slice(0, eq) : (SHORT[arg] ?? arg)
    if (name === '--push' && eq < 0) {
      call.push = true
      continue
    }
    const handler = VALUE_FLAGS[name]
    if (handler === undefined) fail(`docker stand-in: unknown flag: ${name}`)
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
    if (value === undefined) fail(`docker stand-in: flag needs an argument: ${name}`)
    handler(call, value)
  }
  if (call.context === undefined) fail('docker stand-in: "docker buildx build" requires exactly 1 argument')
  if (call.names.length > 0 && !call.push) fail('docker stand-in: -t without --push or --output (a load into the daemon) is not supported')
  if (call.push && call.names.length === 0) fail('docker stand-in: nothing to push: no -t and no --output name')
  if (call.metadataFile !== undefined && !call.push) fail('docker stand-in: --metadata-file without a push is not supported')
  return call
}

function buildah(args: string[]): void {
  const root = process.env.DOCKER_STANDIN_ROOT
  if (!root) fail('docker stand-in: DOCKER_STANDIN_ROOT is not set')
  const globals = ['--root', join(root, 'storage'), '--runroot', join(root, 'run'), '--storage-driver', 'vfs']
  // Credentials reach buildah only as the --authfile this stand-in passes,
  // read from DOCKER_CONFIG as BuildKit's client does: buildah must not find
  // them on its own paths (it reads DOCKER_CONFIG and REGISTRY_AUTH_FILE too).
  const env = { ...process.env }
  delete env.DOCKER_CONFIG
  delete env.REGISTRY_AUTH_FILE
  // buildah's output goes to stderr, where buildx prints its progress.
  const run = spawnSync('buildah', [...globals, ...args], { env, stdio: ['ignore', 2, 2] })
  if (run.error) fail(`docker stand-in: cannot run buildah: ${run.error.message}`)
  if (run.status !== 0) fail(`failed to solve: buildah ${args[0]} exited with ${run.status ?? run.signal}`)
}

function build(call: BuildCall): void {
  const context = resolve(call.context as string)
  const config = join(configDir(), 'config.json')
  const auth = existsSync(config) ? ['--authfile', config] : []
  const bud = ['bud', '--layers', '--isolation', 'chroot', '-f', call.file ?? join(context, 'Dockerfile'), ...auth]
  for (const a of call.buildArgs) bud.push('--build-arg', a)
  if (call.target) bud.push('--target', call.target)
  if (call.platforms.length > 0) bud.push('--platform', call.platforms.join(','))
  for (const s of call.secrets) bud.push('--secret', s)
  for (const l of call.labels) bud.push('--label', l)
  if (!call.push) {
    process.stderr.write('WARNING: No output specified: the build result will only remain in the build cache\n')
    buildah([...bud, context])
    return
  }
  const names = [...new Set(call.names)]
  const pushFlags = [...(call.insecure ? ['--tls-verify=false'] : []), ...auth]
  const digestFile = join(process.env.DOCKER_STANDIN_ROOT as string, `digest-${randomBytes(6).toString('hex')}`)
  if (call.platforms.length > 1) {
    const list = `localhost/docker-standin-${randomBytes(6).toString('hex')}:latest`
    buildah([...bud, '--manifest', list, context])
    for (const name of names) buildah(['manifest', 'push', '--all', ...pushFlags, '--digestfile', digestFile, list, `docker://${name}`])
    buildah(['manifest', 'rm', list])
  } else {
    buildah([...bud, ...names.flatMap((n) => ['-t', n]), context])
    for (const name of names) buildah(['push', ...pushFlags, '--digestfile', digestFile, name, `docker://${name}`])
  }
  const digest = readFileSync(digestFile, 'utf8').trim()
  if (call.metadataFile !== undefined) {
    writeFileSync(call.metadataFile, JSON.stringify({ 'containerimage.digest': digest, 'image.name': names.join(',') }, null, 2))
  }
}

const argv = process.argv.slice(2)
const isBuild = argv[0] === 'buildx' && argv[1] === 'build'
record(argv, isBuild)
if (argv.length === 1 && argv[0] === 'info') {
  if (process.env.DOCKER_STANDIN_DAEMON === 'down') {
    process.stdout.write('Client:\n Context:    default\n\nServer:\n')
    fail('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?')
  }
  process.stdout.write('Client:\n Context:    default\n\nServer:\n Server Version: stand-in (buildah)\n')
} else if (argv.length === 2 && argv[0] === 'buildx' && argv[1] === 'version') {
  process.stdout.write('github.com/docker/buildx v0.0.0-image-mirror-test-stand-in 0000000\n')
} else if (isBuild) {
  build(parseBuild(argv.slice(2)))
} else {
  fail(`docker stand-in: "docker ${argv.join(' ')}" is not supported`)
}
