import { UserError } from '../errors.js'
import type { Platform } from './types.js'

/** A platform filter as users write it: os/arch[/variant], e.g. linux/arm64/v8. */
export interface PlatformFilter {
  os: string
  architecture: string
  variant?: string
}

/** Parses `os/arch[/variant]`; the error names the bad value. */
export function parsePlatform(value: string): PlatformFilter {
  const parts = value.split('/')
  const valid = parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^[a-z0-9._-]+$/.test(p))
  if (!valid) throw new UserError(`invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`)
  const [os, architecture, variant] = parts as [string, string, string | undefined]
  return variant === undefined ? { os, architecture } : { os, architecture, variant }
}

/** Formats a manifest's platform as os/arch[/variant]. */
export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

/** A filter without a variant matches every variant of its os/arch, as docker does. */
export function platformMatches(filter: PlatformFilter, p: Platform | undefined): boolean {
  if (p === undefined) return false
  if (filter.os !== p.os || filter.architecture !== p.architecture) return false
  return filter.variant === undefined || filter.variant === p.variant
}
