// The release of image-mirror, as package.json names it (a test keeps the two
// equal). Printed by `image-mirror --version` and sent in the User-Agent.
export const VERSION = '0.1.0'

/** `image-mirror/<version>`, the User-Agent of every request. */
export const USER_AGENT = `image-mirror/${VERSION}`
