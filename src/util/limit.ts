/**
 * A concurrency limiter: `run(fn)` starts `fn` once fewer than `max` calls are
 * in flight. Used to bound parallel blob transfers per copy (R-RETRY-6).
 */
export function limiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []
  const release = () => {
    active--
    waiting.shift()?.()
  }
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await fn()
    } finally {
      release()
    }
  }
}
