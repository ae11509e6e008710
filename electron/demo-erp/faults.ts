import { z } from 'zod';

/** The sync endpoints a fault can hit; /health and the admin routes never fail on purpose. */
export const FAULT_ENDPOINTS = ['push', 'changes', 'blobs'] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

const count = z.number().int().nonnegative();

/**
 * Fault knobs for tests. Counts are "the next N requests": each injected fault uses one up, so a
 * test says "fail twice, then work" and the client's retry path is exercised for real.
 */
export const faultKnobsSchema = z
  .object({
    /** Every affected request waits this long before it is handled. */
    delayMs: z.number().int().min(0).max(600_000),
    /**
     * Push: the transaction is rolled back and the socket destroyed (nothing was written). Blob
     * part upload: the socket is destroyed before the part is read (nothing stored).
     */
    resetBeforeCommit: count,
    /**
     * Push: committed, then the socket is destroyed before any response byte is sent. Blob part
     * upload: the part is stored, then the same (the client must ask which parts arrived).
     */
    resetAfterCommit: count,
    /** The response announces its full length, sends half, and the socket is destroyed. */
    truncateResponse: count,
    /** Answered with `serverErrorStatus` before anything is read or written. */
    serverErrors: count,
    serverErrorStatus: z.number().int().min(500).max(599),
    /** Answered with `retryAfterStatus` and a `Retry-After: retryAfterSeconds` header. */
    retryAfter: count,
    retryAfterStatus: z.union([z.literal(429), z.literal(503)]),
    retryAfterSeconds: z.number().int().min(0).max(86_400),
    /** Which endpoints the faults hit; `blobs` (all three blob endpoints) only when listed. */
    endpoints: z.array(z.enum(FAULT_ENDPOINTS)).min(1),
  })
  .strict();
export type FaultKnobs = z.infer<typeof faultKnobsSchema>;
export const faultPatchSchema = faultKnobsSchema.partial().strict();

const OFF: FaultKnobs = {
  delayMs: 0,
  resetBeforeCommit: 0,
  resetAfterCommit: 0,
  truncateResponse: 0,
  serverErrors: 0,
  serverErrorStatus: 500,
  retryAfter: 0,
  retryAfterStatus: 429,
  retryAfterSeconds: 1,
  endpoints: ['push', 'changes'],
};

type CountedFault =
  'resetBeforeCommit' | 'resetAfterCommit' | 'truncateResponse' | 'serverErrors' | 'retryAfter';

export interface FaultControl {
  /** Merges the patch into the current knobs (validated: a typo throws instead of doing nothing). */
  set(patch: Partial<FaultKnobs>): FaultKnobs;
  /** Everything off. */
  reset(): void;
  get(): FaultKnobs;
  /** Uses up one occurrence of a counted fault if it is armed for this endpoint. */
  take(fault: CountedFault, endpoint: FaultEndpoint): boolean;
  delayFor(endpoint: FaultEndpoint): number;
}

export function createFaults(): FaultControl {
  let knobs: FaultKnobs = { ...OFF };
  return {
    set(patch) {
      knobs = faultKnobsSchema.parse({ ...knobs, ...faultPatchSchema.parse(patch) });
      return { ...knobs };
    },
    reset() {
      knobs = { ...OFF };
    },
    get() {
      return { ...knobs };
    },
    take(fault, endpoint) {
      if (knobs[fault] <= 0 || !knobs.endpoints.includes(endpoint)) return false;
      knobs = { ...knobs, [fault]: knobs[fault] - 1 };
      return true;
    },
    delayFor(endpoint) {
      return knobs.endpoints.includes(endpoint) ? knobs.delayMs : 0;
    },
  };
}
