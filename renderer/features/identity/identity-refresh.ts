import { sessionResponse } from '@shared/erp/protocol';
import type { HostResult } from '@shared/host/result';
import type { ErpResponse } from '@shared/host/schemas';
import type { SyncStatus } from '@shared/sync/status';
import type { SignedInUser } from '../../db/repos/meta';

/** Asked again after this long, so a token changed behind the app is noticed within it. */
export const IDENTITY_MAX_AGE_MS = 15 * 60_000;

export type IdentityOutcome =
  | { kind: 'known'; me: SignedInUser }
  /** The ERP did not say (no answer, 401, an answer that is not contract 2): "me" stays as it was. */
  | { kind: 'unknown'; reason: string };

export interface IdentityDeps {
  /** `erp:session`: GET /sync/v1/session through the host. */
  askSession: () => Promise<HostResult<ErpResponse>>;
  save: (me: SignedInUser) => Promise<void>;
  /** Device clock, epoch ms. */
  now: () => number;
  onProblem?: (message: string) => void;
}

/**
 * "Who am I": asks the ERP whose the token is and stores the answer as `meta.me`. Asked at start,
 * on the first successful sync after a failed one (a new connection: possibly a new address or
 * token), when the last answer is older than `IDENTITY_MAX_AGE_MS`, and when `refresh` is called
 * (the settings page, after the ERP address or token changed). One request at a time.
 */
export function createIdentityRefresher(deps: IdentityDeps) {
  let inFlight: Promise<IdentityOutcome> | null = null;
  let lastAnswerAt = -Infinity;
  let connected = false;

  async function ask(): Promise<IdentityOutcome> {
    const answer = await deps.askSession();
    if (!answer.ok)
      return { kind: 'unknown', reason: `${answer.error.code}: ${answer.error.message}` };
    const { status, body } = answer.value;
    if (status !== 200) return { kind: 'unknown', reason: `the ERP answered HTTP ${status}` };
    const parsed = sessionResponse.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const reason = `session answer: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`;
      deps.onProblem?.(reason);
      return { kind: 'unknown', reason };
    }
    const { id, name, email } = parsed.data.user;
    const me: SignedInUser = {
      id,
      name,
      ...(email === undefined ? {} : { email }),
      checkedAt: new Date(deps.now()).toISOString(),
    };
    await deps.save(me);
    lastAnswerAt = deps.now();
    return { kind: 'known', me };
  }

  function refresh(): Promise<IdentityOutcome> {
    inFlight ??= ask()
      .catch((error: unknown): IdentityOutcome => {
        const reason = error instanceof Error ? error.message : String(error);
        deps.onProblem?.(`who am I: ${reason}`);
        return { kind: 'unknown', reason };
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    refresh,
    /** Feed it every status the sync engine reports. */
    onSyncStatus(status: SyncStatus): void {
      if (status.running) return;
      if (status.lastError !== null) {
        connected = false;
        return;
      }
      if (status.lastSuccessAt === null) return;
      const stale = deps.now() - lastAnswerAt > IDENTITY_MAX_AGE_MS;
      if (!connected || stale) void refresh();
      connected = true;
    },
  };
}
