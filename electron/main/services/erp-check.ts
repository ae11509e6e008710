import { fail, ok, type HostResult } from '@shared/host/result';
import type { RedmineMapping } from '@shared/erp/redmine/mapping';
import { erpOriginOf, type ErpKind, type ErpResponse } from '@shared/host/schemas';
import { createErpGateway, type FetchPort } from './erp-gateway';
import { checkRedmine } from './redmine/redmine-check';
import { createRedmineHttp } from './redmine/redmine-http';
import { createSecretRedactor, type SecretRedactor } from './secret-redactor';

export interface ErpCheckPorts {
  fetch: FetchPort;
  /** The origin the stored token was entered for; null: none stored. */
  storedOrigin(): Promise<string | null>;
  /** The stored token if it was entered for exactly this origin. */
  storedTokenFor(origin: string): Promise<string | null>;
  /** The kind the stored credential was saved for: a contract-2 token is not a Redmine key. */
  storedKind(): ErpKind;
  now?: () => number;
  timeoutMs?: number;
}

/** A person waits for the answer: half the sync's patience is plenty to tell "no answer". */
const CHECK_TIMEOUT_MS = 15_000;

/**
 * «Проверить подключение» before saving: GET /sync/v1/session at an address the user typed (for
 * Redmine: who the key belongs to, then every mapped id, ./redmine/redmine-check),
 * through the same gateway as every ERP request (fixed path and method, no redirects, the token
 * it sent scrubbed from the answer). The token is the one typed, or the one stored for exactly
 * that origin, so a stored token still never travels to another address; and since whatever
 * answers may echo more than it was sent, the stored token is scrubbed from every answer too.
 */
export function createErpChecker(ports: ErpCheckPorts) {
  const timeoutMs = ports.timeoutMs ?? CHECK_TIMEOUT_MS;
  return async function checkErp(candidate: {
    baseUrl: string;
    token: string | null;
    kind?: ErpKind;
    redmineMapping?: RedmineMapping | undefined;
  }): Promise<HostResult<ErpResponse>> {
    const storedOrigin = await ports.storedOrigin();
    const stored = storedOrigin === null ? null : await ports.storedTokenFor(storedOrigin);
    const sameOrigin = storedOrigin !== null && erpOriginOf(candidate.baseUrl) === storedOrigin;
    const sameKind = ports.storedKind() === (candidate.kind ?? 'prokontakt');
    const token = candidate.token ?? (sameOrigin && sameKind ? stored : null);
    const result =
      candidate.kind === 'redmine' && candidate.redmineMapping !== undefined
        ? await checkRedmine(
            createRedmineHttp({
              fetch: ports.fetch,
              endpoint: {
                baseUrl: candidate.baseUrl,
                apiKey: token,
                mapping: candidate.redmineMapping,
              },
              now: ports.now ?? Date.now,
              timeoutMs,
            }),
            candidate.redmineMapping,
          )
        : await createErpGateway({
            fetch: ports.fetch,
            timeoutMs,
            endpoint: async () => ({ baseUrl: candidate.baseUrl, token }),
          }).session();
    return stored === null || stored === token
      ? result
      : scrubbed(result, createSecretRedactor(stored));
  };
}

function scrubbed(result: HostResult<ErpResponse>, secret: SecretRedactor) {
  if (!result.ok) return fail(result.error.code, secret.redact(result.error.message));
  const { body } = result.value;
  if (typeof body === 'string') return ok({ ...result.value, body: secret.redact(body) });
  const text = JSON.stringify(body);
  return secret.mayHide(text)
    ? ok({ ...result.value, body: JSON.parse(text, secret.reviver) as unknown })
    : result;
}
