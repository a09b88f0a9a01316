import { UserError } from '../../errors.js'
import { detectStrategy, parseDeleteStrategy, DELETE_STRATEGIES } from '../../oci/delete/strategy.js'
import { formatReference, parseReference } from '../../oci/reference.js'
import { registryClient } from '../client.js'
import type { Command } from '../command.js'
import { deleteVendorsFromEnv } from '../../delete-vendors.js'

export const command: Command = {
  usage: `delete REF --yes [--dry-run] [--no-dummy] [--delete-strategy ${DELETE_STRATEGIES.join('|')}] [--allow-ghcr-version-delete] [--json]`,
  description: [
    'Deletes a tag without touching any other tag. Registries that cannot untag (distribution 2.x)',
    'delete by digest, which removes every tag on that digest: image-mirror does that only when no',
    'other tag resolves to the digest or to an index listing it. Otherwise it isolates the tag on a',
    'unique placeholder manifest and deletes that (--no-dummy refuses instead). Afterwards it checks',
    'that every other tag still resolves to what it did, and restores any that do not.',
    '',
    'The registry host picks the strategy: ECR BatchDeleteImage by tag (AWS_ACCESS_KEY_ID,',
    'AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_ENDPOINT_URL_ECR), the GitLab REST API on',
    'registry.gitlab.com and $CI_REGISTRY (GITLAB_TOKEN or CI_JOB_TOKEN, CI_API_V4_URL), the Hub API',
    'on Docker Hub (the docker.io login), GHCR (refused unless --allow-ghcr-version-delete: the tag',
    'is isolated on a placeholder whose package version is deleted; GITHUB_TOKEN, GITHUB_API_URL),',
    'else the generic OCI steps above. --delete-strategy overrides it (harbor: the Harbor API with',
    'the registry login).',
    '',
    'REF@DIGEST deletes the manifest itself, with every tag on it; the tags it takes are listed first.',
    '--dry-run prints what would happen. --yes is required for anything else.'
  ].join('\n'),
  options: {
    yes: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'no-dummy': { type: 'boolean' },
    'delete-strategy': { type: 'string' },
    'allow-ghcr-version-delete': { type: 'boolean' }
  },
  positionals: [1, 1],
  async run(ctx, values, [input]) {
    const ref = parseReference(input!)
    const dryRun = values['dry-run'] === true
    const flag = values['delete-strategy']
    const chosen = typeof flag === 'string' ? parseDeleteStrategy(flag, '--delete-strategy') : undefined
    if (!dryRun && values.yes !== true) {
      throw new UserError(`refusing to delete ${formatReference(ref)} without --yes (or see what would happen with --dry-run)`)
    }
    const client = registryClient(ctx)
    if (ref.tag === undefined && ref.digest !== undefined) {
      if (!dryRun) await client.deleteManifest(ref.registry, ref.repository, ref.digest)
      const result = { reference: formatReference(ref), method: 'manifest-delete', digest: ref.digest, dryRun }
      ctx.out(ctx.global.json ? JSON.stringify(result) : `${dryRun ? 'would delete' : 'deleted'} ${result.reference}`)
      return
    }
    if (ref.tag === undefined) throw new UserError(`${input} names no tag or digest to delete`)
    const allowGhcr = values['allow-ghcr-version-delete'] === true
    const env = deleteVendorsFromEnv(ctx.env)
    const vendors = { ...env, ghcr: { ...env.ghcr, allowVersionDelete: allowGhcr } }
    const strategy = chosen ?? detectStrategy(ref.registry, vendors)
    if (strategy === 'ghcr' && !allowGhcr) {
      throw new UserError(
        `refusing to delete ${formatReference(ref)}: GHCR deletes package versions, and a version holds every tag of its digest, so deleting it removes them all; --allow-ghcr-version-delete moves the tag onto a unique placeholder image and deletes that version only (needs GITHUB_TOKEN with delete:packages); nothing was changed`
      )
    }
    const result = await client.deleteTag(ref, {
      dryRun,
      allowDummyFallback: values['no-dummy'] !== true,
      strategy,
      vendors
    })
    if (ctx.global.json) {
      ctx.out(JSON.stringify({ reference: formatReference(ref), ...result }))
      return
    }
    const kept = result.sharedWith.length > 0 ? `; kept ${result.sharedWith.join(', ')}` : ''
    ctx.out(`${dryRun ? 'would delete' : 'deleted'} ${formatReference(ref)} (${result.digest}, ${result.method})${kept}`)
  }
}
