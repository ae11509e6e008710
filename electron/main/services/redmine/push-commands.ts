import type { PushRequest } from '@shared/erp/protocol';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineContext } from './redmine-context';
import { errorAnswer } from './redmine-session';

/** Contract 2's `POST /sync/v1/push` as Redmine writes (issue 15 part B builds it). */
export async function pushCommands(
  _context: RedmineContext,
  _request: PushRequest,
): Promise<HostResult<ErpResponse>> {
  return ok(errorAnswer({ retryAfterSeconds: null }, 501, 'not_supported', 'push: not built yet'));
}
