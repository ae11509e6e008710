import { z } from 'zod';
import { PROTOCOL_VERSION, type SessionResponse } from '@shared/erp/protocol';
import { parseRedmine } from '@shared/erp/redmine/redmine-json';
import { ok, type HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { RedmineAnswer, RedmineHttp } from './redmine-http';

/** `GET /users/current.json`: who the API key belongs to (the push signs its writes with it). */
export const currentUser = z.object({
  user: z.object({
    id: z.number().int().positive(),
    login: z.string(),
    firstname: z.string(),
    lastname: z.string(),
    mail: z.string().optional(),
  }),
});

/**
 * Contract 2's `GET /sync/v1/session` from Redmine's `GET /users/current.json`: who the API key
 * belongs to (the id is the one project memberships name, so "my tickets" match) and Redmine's
 * clock from its Date header, to the second (the clock offset is measured within that).
 */
export async function redmineSession(http: RedmineHttp): Promise<HostResult<ErpResponse>> {
  const answered = await http.get('/users/current.json');
  if (!answered.ok) return answered;
  const answer = answered.value;
  if (answer.status === 401 || answer.status === 403)
    return ok(errorAnswer(answer, 401, 'unauthorized', 'Redmine does not accept the API key'));
  if (answer.status !== 200)
    return ok(
      errorAnswer(answer, answer.status, 'not_redmine', `Redmine answered ${answer.status}`),
    );
  const parsed = parseRedmine(currentUser, answer.body, 'GET /users/current.json');
  if (!parsed.ok || answer.serverDate === null) {
    const why = parsed.ok ? 'it sent no Date header' : parsed.reason;
    return ok(errorAnswer(answer, 502, 'not_redmine', `This is not a Redmine REST API: ${why}`));
  }
  const { user } = parsed.value;
  const name = displayNameOf(user);
  const session: SessionResponse = {
    user: { id: String(user.id), name, ...(user.mail ? { email: user.mail } : {}) },
    serverTime: answer.serverDate,
    protocolVersion: PROTOCOL_VERSION,
  };
  return ok({ status: 200, body: session, retryAfterSeconds: null });
}

/** A person's name as Redmine's default user format shows it, the login when both are empty. */
export function displayNameOf(user: { firstname: string; lastname: string; login: string }) {
  return `${user.firstname} ${user.lastname}`.trim() || user.login;
}

/** An answer in contract 2's error shape, so the renderer reads Redmine's failures like the ERP's. */
export function errorAnswer(
  answer: Pick<RedmineAnswer, 'retryAfterSeconds'>,
  status: number,
  code: string,
  message: string,
): ErpResponse {
  return {
    status,
    body: { error: { code, message } },
    retryAfterSeconds: answer.retryAfterSeconds,
  };
}
