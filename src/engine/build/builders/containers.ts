import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../../../logger.js'
import { writeAuthFile } from '../auth-files.js'
import type { Builder, BuildSpec } from '../builder.js'
import { runBuilderProcess } from '../run-process.js'

/**
 * buildah or podman: both build with the same flags (podman build is
 * buildah's bud) and push from local storage with `--digestfile`.
 *
 * Storage is the user's default; IMAGE_MIRROR_BUILDAH_ROOT=DIR moves it to
 * DIR/storage and DIR/run, and STORAGE_DRIVER picks the driver (passed as
 * --storage-driver: buildah 1.28 does not read the variable itself). Isolation
 * is chroot, which needs no daemon and no privileges (CI containers), unless
 * BUILDAH_ISOLATION says otherwise.
 */
export function containersBuilder(name: 'buildah' | 'podman', env: NodeJS.ProcessEnv, logger: Logger): Builder {
  const root = env.IMAGE_MIRROR_BUILDAH_ROOT
  const globals = root ? ['--root', join(root, 'storage'), '--runroot', join(root, 'run')] : []
  if (env.STORAGE_DRIVER) globals.push('--storage-driver', env.STORAGE_DRIVER)
  const builderEnv = withoutEmptyDockerConfig(env)
  const run = (args: string[], spec: BuildSpec) =>
    runBuilderProcess({ name, command: name, args: [...globals, ...args], env: builderEnv, cwd: spec.context }, logger)
  // Auth and cert files are written once per build, into its private work dir.
  const access = new Map<string, string[]>()
  const registryFlags = (spec: BuildSpec) => {
    if (!access.has(spec.workDir)) access.set(spec.workDir, registryAccess(spec, logger))
    return access.get(spec.workDir) as string[]
  }
  const buildFlags = (spec: BuildSpec) => [...buildArgs(name, spec, env), ...registryFlags(spec)]

  return {
    name,
    async build(spec) {
      await run([...buildFlags(spec), spec.context], spec)
    },
    async push(spec) {
      const digestFile = join(spec.workDir, 'digest')
      const flags = registryFlags(spec)
      if (spec.platforms.length > 1) {
        // A local manifest list private to this run, removed after the push.
        const list = `localhost/image-mirror-build-${randomBytes(6).toString('hex')}:latest`
        await run([...buildFlags(spec), '--manifest', list, spec.context], spec)
        try {
          await run(['manifest', 'push', '--all', ...flags, '--digestfile', digestFile, list, `docker://${spec.ref}`], spec)
        } finally {
          await run(['manifest', 'rm', list], spec).catch((error: unknown) => logger.debug(`manifest rm: ${String(error)}`))
        }
      } else {
        await run([...buildFlags(spec), '-t', spec.ref, spec.context], spec)
        await run(['push', ...flags, '--digestfile', digestFile, spec.ref, `docker://${spec.ref}`], spec)
      }
      return readFileSync(digestFile, 'utf8').trim()
    }
  }
}

/**
 * buildah and podman take $DOCKER_CONFIG/config.json as their default auth
 * file and refuse to push when it does not exist ("checking authfile: stat
 * …"). A DOCKER_CONFIG without a config.json holds no credentials, so the
 * builder runs without it.
 */
function withoutEmptyDockerConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!env.DOCKER_CONFIG || existsSync(join(env.DOCKER_CONFIG, 'config.json'))) return env
  const rest = { ...env }
  delete rest.DOCKER_CONFIG
  return rest
}

/** The build flags shared by both steps; the context directory is appended by the caller. */
function buildArgs(name: 'buildah' | 'podman', spec: BuildSpec, env: NodeJS.ProcessEnv): string[] {
  const args = [name === 'buildah' ? 'bud' : 'build', '--layers', '-f', spec.dockerfile]
  if (!env.BUILDAH_ISOLATION) args.push('--isolation', 'chroot')
  return [...args, ...specFlags(spec)]
}

/** Build args, target, platforms, secrets and labels: the flags buildah, podman and docker buildx share. */
export function specFlags(spec: BuildSpec): string[] {
  const args: string[] = []
  for (const [key, value] of Object.entries(spec.buildArgs)) args.push('--build-arg', `${key}=${value}`)
  if (spec.target) args.push('--target', spec.target)
  if (spec.platforms.length > 0) args.push('--platform', spec.platforms.join(','))
  for (const secret of spec.secrets) args.push('--secret', secretFlag(secret))
  for (const [key, value] of Object.entries(spec.labels)) args.push('--label', `${key}=${value}`)
  return args
}

/** `id=X,src=F` or `id=X,env=V`: the value itself never reaches the command line. */
export function secretFlag(secret: BuildSpec['secrets'][number]): string {
  return secret.src !== undefined ? `id=${secret.id},src=${secret.src}` : `id=${secret.id},env=${secret.env}`
}

/**
 * TLS and auth flags for the mirror registry, used when building (base
 * images may live there) and pushing.
 */
function registryAccess(spec: BuildSpec, logger: Logger): string[] {
  const args: string[] = []
  if (spec.insecure) args.push('--tls-verify=false')
  if (spec.caFile) {
    // --cert-dir trusts every *.crt in the directory (containers-certs.d(5)).
    const certDir = join(spec.workDir, 'certs')
    mkdirSync(certDir, { recursive: true })
    copyFileSync(spec.caFile, join(certDir, 'ca.crt'))
    args.push('--cert-dir', certDir)
  }
  if (spec.credential) {
    args.push('--authfile', writeAuthFile(spec.workDir, spec.registry, spec.credential, logger))
  }
  return args
}
