import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineContext } from './redmine-context';
import { errorAnswer } from './redmine-session';

/** Contract 2's `GET /sync/v1/changes` from Redmine's lists (issue 15 part B builds it). */
export async function pullChanges(
  _context: RedmineContext,
  _query: { cursor: string | null; limit: number },
): Promise<HostResult<ErpResponse>> {
  return ok(errorAnswer({ retryAfterSeconds: null }, 501, 'not_supported', 'pull: not built yet'));
}
