import { z } from 'zod';
import { parseInstant } from '../sla/instants';

// Its own module so that payload schemas outside shared/erp (shared/maintenance) can use it while
// commands.ts gathers them: a cycle through commands.ts would leave one side undefined at load.

// Instants outside these years are typos (year 0025, 20250), not real support history.
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2199, 11, 31);

export const isoInstant = z
  .string()
  .refine(
    (value) => parseInstant(value) !== null,
    'must be an ISO 8601 instant with Z or an offset',
  )
  .refine((value) => {
    const ms = parseInstant(value);
    return ms === null || (ms >= EARLIEST_INSTANT_MS && ms <= LATEST);
  }, 'must be between the years 2000 and 2199');
