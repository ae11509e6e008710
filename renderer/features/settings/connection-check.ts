import { z } from 'zod';
import { PROTOCOL_VERSION, sessionResponse } from '@shared/erp/protocol';
import type { MappingFinding } from '@shared/erp/redmine/mapping-check';
import type { HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';

/**
 * What «Проверить подключение» found, in terms a person can act on. The page turns each kind
 * into a sentence (settings-messages.ts); this module only decides which one applies.
 */
export type ConnectionCheck =
  | {
      kind: 'connected';
      user: { id: string; name: string; email?: string | undefined };
      serverTime: string;
      /** ERP clock minus this computer's, at the midpoint of the round trip (NTP's estimate). */
      offsetMs: number;
      roundTripMs: number;
      /** A Redmine check: the mapped ids the key cannot see, or why that was not checked. */
      redmine: RedmineReport | null;
    }
  | {
      kind: ProblemKind;
      /** The host's or the ERP's own words, for the person who set the ERP up; may be empty. */
      detail: string;
      status: number | null;
      /** What answered instead of the protocol (kind not_protocol). */
      bodyShape: BodyShape | null;
      /** The protocol version the ERP named (kind wrong_version). */
      serverVersion: number | null;
    };

export type ProblemKind =
  /** Refused, reset, DNS: nothing answers at that address. */
  | 'unreachable'
  | 'timeout'
  /** Untrusted, expired or mismatched certificate, or not TLS at all. */
  | 'tls'
  /** The address answers with a redirect (never followed: it could carry the token away). */
  | 'redirected'
  /** No ERP chosen or the host refused the address. */
  | 'not_configured'
  /** 401 with a token: the ERP does not accept it. */
  | 'token_refused'
  /** 401 and no token was sent (none typed, none stored for that address). */
  | 'token_missing'
  /** 403: the token is known but may not use the sync API. */
  | 'forbidden'
  /** 426, or a session naming another protocol version. */
  | 'wrong_version'
  /** 404, an HTML page, JSON of another shape: something answers, but not this protocol. */
  | 'not_protocol'
  | 'busy'
  | 'server_error'
  /** The host refused the request itself, or failed. */
  | 'failed';

export interface CheckInput {
  result: HostResult<ErpResponse>;
  /** Date.now() just before the request and just after the answer, this computer's clock. */
  sentAtMs: number;
  receivedAtMs: number;
  /** Whether a token went with the request (typed, or stored for that address). */
  tokenSent: boolean;
}

const problem = (
  kind: ProblemKind,
  detail: string,
  status: number | null = null,
  extra: { bodyShape?: BodyShape; serverVersion?: number } = {},
): ConnectionCheck => ({
  kind,
  detail,
  status,
  bodyShape: extra.bodyShape ?? null,
  serverVersion: extra.serverVersion ?? null,
});

const FAILURE_KINDS: Record<string, ProblemKind> = {
  erp_unreachable: 'unreachable',
  erp_timeout: 'timeout',
  erp_tls: 'tls',
  erp_redirected: 'redirected',
  erp_not_configured: 'not_configured',
};

export function classifyConnectionCheck(input: CheckInput): ConnectionCheck {
  const { result } = input;
  if (!result.ok) {
    return problem(FAILURE_KINDS[result.error.code] ?? 'failed', result.error.message);
  }
  const { status, body } = result.value;
  if (status === 401) {
    return problem(input.tokenSent ? 'token_refused' : 'token_missing', errorText(body), status);
  }
  if (status === 403) return problem('forbidden', errorText(body), status);
  if (status === 426) return problem('wrong_version', errorText(body), status);
  if (status === 429 || status === 503) return problem('busy', errorText(body), status);
  if (status >= 500) return problem('server_error', errorText(body), status);
  if (status !== 200) {
    return problem('not_protocol', errorText(body), status, { bodyShape: bodyShapeOf(body) });
  }

  const session = sessionResponse.safeParse(body);
  if (!session.success) {
    return problem('not_protocol', '', status, { bodyShape: bodyShapeOf(body) });
  }
  const { user, serverTime, protocolVersion } = session.data;
  if (protocolVersion !== PROTOCOL_VERSION) {
    return problem('wrong_version', '', status, { serverVersion: protocolVersion });
  }
  const midpoint = (input.sentAtMs + input.receivedAtMs) / 2;
  const report = redmineReport.safeParse((body as { redmineCheck?: unknown }).redmineCheck);
  return {
    kind: 'connected',
    user,
    serverTime,
    offsetMs: Math.round(Date.parse(serverTime) - midpoint),
    roundTripMs: Math.max(0, input.receivedAtMs - input.sentAtMs),
    redmine: report.success ? report.data : null,
  };
}

/** What answered instead of this protocol, for the sentence "…answered with <this>". */
export type BodyShape = 'html' | 'json' | 'text' | 'empty';

export function bodyShapeOf(body: unknown): BodyShape {
  if (body === null || body === '') return 'empty';
  if (typeof body === 'string') return /^\s*</.test(body) ? 'html' : 'text';
  return 'json';
}

/** Contract 2's `{ error: { message } }`, else nothing: the status already says enough. */
function errorText(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const { error } = body;
    if (typeof error === 'object' && error !== null && 'message' in error) {
      const { message } = error;
      if (typeof message === 'string') return message.slice(0, 300);
    }
  }
  return '';
}

// What main's Redmine check adds to the session (electron/main/services/redmine/redmine-check.ts).
const text = z.string().max(1000);
const id = z.number().int();
const redmineReport = z
  .object({
    findings: z
      .array(
        z.union([
          z.object({ kind: z.enum(['tracker', 'activity']), id }),
          z.object({
            kind: z.literal('status'),
            role: z.enum(['new', 'inProgress', 'paused', 'resolved', 'closed']),
            id,
          }),
          z.object({ kind: z.literal('priority'), level: z.literal([1, 2, 3, 4]), id }),
          z.object({ kind: z.literal('no_projects') }),
          z.object({ kind: z.literal('project_tracker'), project: text, id }),
          z.object({ kind: z.literal('issue_field'), project: text, role: text, id }),
          z.object({
            kind: z.literal('project_field'),
            project: text,
            role: text,
            id,
            problem: z.enum(['missing', 'empty']),
          }),
        ]),
      )
      .max(10_000),
    unreadable: text.nullable(),
  })
  .transform((report) => report as { findings: MappingFinding[]; unreadable: string | null });
export type RedmineReport = z.output<typeof redmineReport>;
