import type { DeskAlerts } from '../alerts/desk-alerts';
import type { AlertFeedUpdate, AlertFeedUpdateResult } from '../alerts/feed-update';
import { fail, ok, type HostResult } from './result';

/** `alerts:update` in either host: the update applied, a version mismatch, or a refusal. */
export function answerAlertsUpdate(
  alerts: Pick<DeskAlerts, 'receive'>,
  update: AlertFeedUpdate,
): HostResult<AlertFeedUpdateResult> {
  const outcome = alerts.receive(update);
  switch (outcome.kind) {
    case 'applied':
      return ok({ applied: true, version: outcome.version, scheduled: outcome.scheduled });
    case 'mismatch':
      return ok({ applied: false, reason: 'version_mismatch', version: outcome.version });
    case 'refused':
      return fail('invalid_input', outcome.message);
  }
}
