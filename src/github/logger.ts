import * as core from '@actions/core'
import type { Logger } from '../logger.js'

/**
 * The engine's Logger on GitHub: debug lines show with step debugging on,
 * warnings become annotations, groups are collapsible log sections.
 */
export function actionsLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    group: (name, fn) => core.group(name, fn)
  }
}
