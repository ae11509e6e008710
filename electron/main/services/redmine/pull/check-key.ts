import { ok } from '@shared/host/result';
import type { RedmineContext } from '../redmine-context';
import type { Read } from './read-directory';
import { failedRead } from './redmine-failure';

/**
 * Whether Redmine accepts the API key, asked before every pull answer: with a wrong key Redmine
 * answers lists as the anonymous user (recorded: `GET /issues.json` → 200 and no issues), which
 * would read as "everything was deleted" instead of "the key is wrong".
 */
export async function checkKey(context: RedmineContext): Promise<Read<null>> {
  const answered = await context.http.get('/users/current.json');
  if (!answered.ok) return answered;
  if (answered.value.status === 200) return ok({ ok: true, value: null });
  return ok({ ok: false, answer: failedRead(answered.value, 'GET /users/current.json') });
}
