import { validationErrors } from '../redmine-json';

export type WriteAnswer =
  | { kind: 'ok' }
  /** 422 with no message: the lock_version was stale; read the issue again and plan again. */
  | { kind: 'stale' }
  /** 422 with Redmine's messages (localised): the write is refused for good. */
  | { kind: 'refused'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'gone'; message: string }
  /** Try later (5xx, 429, a network failure is the adapter's). */
  | { kind: 'retry'; message: string };

/**
 * Reads Redmine's answer to a write, as recorded from Redmine 5.0.4: 201 with the object on
 * POST, 204 with no body on PUT, 422 `{"errors":[…]}` on validation (an empty list on a stale
 * lock_version: Redmine has no 409), 401 for a wrong key, 403 without the permission, 404 gone.
 */
export function readWriteAnswer(status: number, body: unknown): WriteAnswer {
  if (status === 200 || status === 201 || status === 204) return { kind: 'ok' };
  if (status === 422) {
    const parsed = validationErrors.safeParse(body);
    if (parsed.success && parsed.data.errors.length === 0) return { kind: 'stale' };
    const message = parsed.success
      ? parsed.data.errors.join('; ')
      : 'Redmine refused the change (422) without saying why';
    return { kind: 'refused', message: `Redmine: ${message}` };
  }
  if (status === 401)
    return { kind: 'unauthorized', message: 'Redmine does not accept the API key (401)' };
  if (status === 403)
    return {
      kind: 'unauthorized',
      message: "the API key may not do this in Redmine (403): check the role's permissions",
    };
  if (status === 404)
    return { kind: 'gone', message: 'the issue no longer exists in Redmine (404)' };
  return { kind: 'retry', message: `Redmine answered ${status}` };
}
