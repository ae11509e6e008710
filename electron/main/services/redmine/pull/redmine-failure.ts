import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineAnswer } from '../redmine-http';
import { errorAnswer } from '../redmine-session';

/**
 * A Redmine answer that is not the 200 a read expects, as the contract-2 answer the sync engine
 * understands: 401/403 → 401 (the key is wrong or lost its rights), 5xx and 429 → the same status
 * with Retry-After (retried with backoff, as the gateway's), anything else → 502 naming it.
 */
export function failedRead(answer: RedmineAnswer, what: string): ErpResponse {
  const { status } = answer;
  if (status === 401 || status === 403)
    return errorAnswer(
      answer,
      401,
      'unauthorized',
      `Redmine does not accept the API key (HTTP ${status} on ${what}): check the key in Settings`,
    );
  if (status >= 500 || status === 429)
    return errorAnswer(
      answer,
      status,
      'redmine_unavailable',
      `Redmine answered ${status} on ${what}`,
    );
  return errorAnswer(answer, 502, 'not_redmine', `Redmine answered ${status} on ${what}`);
}

/** A 200 whose body is not what Redmine's REST API sends: the address is not a Redmine. */
export function notRedmine(answer: RedmineAnswer, reason: string): ErpResponse {
  return errorAnswer(answer, 502, 'not_redmine', `This is not a Redmine REST API: ${reason}`);
}
