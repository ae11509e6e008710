/** Exponential backoff with full jitter (AWS architecture blog): spreads a fleet's retries. */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A Retry-After beyond this is treated as this: a broken header must not silence sync for days. */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;

/**
 * The wait before retry number `attempt` (0-based): uniform in [0, min(cap, base·2^attempt)),
 * and never shorter than what the server asked for with Retry-After.
 */
export function backoffDelay(attempt: number, random: number, retryAfterMs: number | null): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 20));
  const jitter = Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
  if (retryAfterMs === null) return jitter;
  return Math.max(Math.min(retryAfterMs, RETRY_AFTER_CAP_MS), jitter);
}
