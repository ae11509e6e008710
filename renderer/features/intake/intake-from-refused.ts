import { wallTimeOf } from './created-at';
import { EMPTY_INTAKE, type IntakeForm } from './intake-form';

/**
 * The intake form as it was filled in for a registration the ERP refused (a creation time in its
 * future, a late registration without a reason…), so it can be corrected and sent instead of
 * typed again. The creation time is shown on the customer's wall clock; without the
 * organization's zone it is left to the moment of registration, which the form then shows.
 */
export function intakeFromRefused(
  payload: Record<string, unknown>,
  zone: string | null,
): IntakeForm {
  const text = (field: string) => {
    const value = payload[field];
    return typeof value === 'string' ? value : '';
  };
  const priority = typeof payload.priority === 'number' ? String(payload.priority) : '';
  const createdMs = Date.parse(text('createdAt'));
  const lateReason = text('lateRegistrationReason');
  return {
    ...EMPTY_INTAKE,
    organizationId: text('organizationId'),
    account: text('account'),
    reporterEmail: text('reporterEmail'),
    priority: (['1', '2', '3', '4'] as const).find((p) => p === priority) ?? '',
    title: text('title'),
    steps: text('steps'),
    expected: text('expected'),
    actual: text('actual'),
    diagnostics: text('diagnostics'),
    notUserSideConfirmed: payload.notUserSideConfirmed === true,
    createdAtLocal:
      zone !== null && Number.isFinite(createdMs) ? wallTimeOf(createdMs, zone) : null,
    lateConfirmed: lateReason !== '',
    lateReason,
  };
}

/** Whether the intake holds anything typed (redoing a refused registration would replace it). */
export function intakeHasInput(form: IntakeForm): boolean {
  return (Object.keys(EMPTY_INTAKE) as Array<keyof IntakeForm>).some(
    (key) => form[key] !== EMPTY_INTAKE[key],
  );
}
