// Platform strings normalised as containerd's platforms.Normalize does, so
// that spellings the builder treats alike hash alike (spec §3.5).
import { UserError } from '../../errors.js'

const PART = /^[a-z0-9._-]+$/

/**
 * Normalises, de-duplicates and sorts platform strings. Each entry may hold a
 * comma-separated list (as `--platform linux/amd64,linux/arm64`). Throws a
 * UserError naming any value that is not os/arch[/variant].
 */
export function normalisePlatforms(values: string[]): string[] {
  const out = new Set<string>()
  for (const value of values) {
    for (const item of value.split(',')) {
      const trimmed = item.trim()
      if (trimmed === '' && value.includes(',')) continue
      out.add(normalisePlatform(trimmed))
    }
  }
  return [...out].sort()
}

/** One `os/arch[/variant]` in containerd's normal form, e.g. `linux/aarch64` → `linux/arm64`. */
export function normalisePlatform(value: string): string {
  const parts = value.toLowerCase().split('/')
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PART.test(p))) {
    throw new UserError(`invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`)
  }
  let [os, arch, variant = ''] = parts as [string, string, string?]
  if (os === 'macos') os = 'darwin'
  switch (arch) {
    case 'i386':
      arch = '386'
      variant = ''
      break
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      arch = 'amd64'
      if (variant === 'v1') variant = ''
      break
    case 'aarch64':
    case 'arm64':
      arch = 'arm64'
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = ''
      else if (variant === '9' || variant === '9.0' || variant === 'v9.0') variant = 'v9'
      break
    case 'armhf':
      arch = 'arm'
      variant = 'v7'
      break
    case 'armel':
      arch = 'arm'
      variant = 'v6'
      break
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7'
      else if (variant === '5' || variant === '6' || variant === '8') variant = 'v' + variant
      break
  }
  return variant === '' ? `${os}/${arch}` : `${os}/${arch}/${variant}`
}
