import { z } from 'zod';

/*
 * The team in contract 2. `GET /sync/v1/session` names the user a token belongs to; the changes
 * feed carries every user as a `user` entity, so devices can name assignees and authors and offer
 * colleagues to hand a ticket to.
 */

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** A user as a record names them: id, and the name as it was at that moment. */
export const userRef = z.object({ id, name });

/** `data` of a `user` change. Loose like the other entities: a field a newer ERP adds is kept. */
export const userEntity = z
  .object({
    id,
    name,
    email: z.string().max(254, 'must be at most 254 characters').optional(),
    active: z.boolean(),
    version: z.number().int().positive(),
  })
  .loose();
export type UserEntity = z.infer<typeof userEntity>;
