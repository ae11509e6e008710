import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { MAINTENANCE_MODES, type ClosedOverlap, type PlanWindowPayload } from '@shared/maintenance';
import { controlProps } from '../../components/control-props';
import { correctedNowMs } from '../../lib/window-clock';
import { useNowEvery } from '../../lib/useNow';
import { instantOfWallTime } from '../intake/created-at';
import { OpenSpansHint } from './OpenSpansHint';
import {
  WINDOW_FIELDS,
  refusalText,
  windowControlId,
  windowErrorId,
  windowErrorText,
} from './window-errors';
import {
  validateWindowForm,
  type WindowField,
  type WindowFieldErrors,
  type WindowForm,
} from './window-form';
import { utcOffsetText } from './window-text';

interface PlanWindowFormProps {
  organizations: readonly Organization[];
  form: WindowForm;
  onChange: (form: WindowForm) => void;
  /** Queues the plan; resolves once it is in the outbox. */
  plan: (payload: PlanWindowPayload, organization: Organization) => Promise<void>;
  /** Restored from an earlier session: said so, with a way to clear it. */
  restored: boolean;
  onDiscard: () => void;
}

/**
 * «Запланировать окно»: every field checked with a message naming what is wrong; a window that
 * leaves the §5 hours is refused with the reason in words, and only an explicit override with a
 * reason (`overrideReason`) lets it through.
 */
export function PlanWindowForm(props: PlanWindowFormProps) {
  const { organizations, form, onChange, plan } = props;
  const { t, i18n } = useTranslation();
  const now = useNowEvery(60_000);
  // null until a submit was tried; from then on the errors follow the typing.
  const [errors, setErrors] = useState<WindowFieldErrors | null>(null);
  const [closed, setClosed] = useState<ClosedOverlap[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const organization = organizations.find((o) => o.id === form.organizationId);
  const zone = organization?.timeZone;

  useEffect(() => {
    if (attempts > 0) summary.current?.focus();
  }, [attempts]);

  const validate = (next: WindowForm) =>
    validateWindowForm(next, { now: correctedNowMs(), organizations });
  const update = (patch: Partial<WindowForm>) => {
    const next = { ...form, ...patch };
    onChange(next);
    if (errors !== null) {
      const result = validate(next);
      setErrors(result.ok ? {} : result.errors);
      setClosed(result.ok ? null : result.closed);
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const result = validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      setClosed(result.closed);
      setAttempts((n) => n + 1);
      return;
    }
    setErrors(null);
    setClosed(null);
    setFailure(null);
    setSaving(true);
    try {
      await plan(result.payload, result.organization);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  const listed = WINDOW_FIELDS.filter((field) => errors?.[field]);
  const showOverride = form.override || closed !== null;
  const offsetNow =
    zone && form.startsAt
      ? (() => {
          const wall = instantOfWallTime(form.startsAt, zone);
          return utcOffsetText(new Date(wall.ok ? wall.ms : now).toISOString(), zone);
        })()
      : zone
        ? utcOffsetText(new Date(now).toISOString(), zone)
        : null;

  const field = (name: WindowField, label: string, control: ReactNode, extra?: ReactNode) => {
    const error = errors?.[name];
    return (
      <div className={`maintenance-field${error ? ' maintenance-field--invalid' : ''}`}>
        <label className="maintenance-field__label" htmlFor={windowControlId(name)}>
          {label}
        </label>
        {control}
        {extra}
        {error && (
          <p className="maintenance-field__error" id={windowErrorId(name)}>
            {windowErrorText(t, error)}
          </p>
        )}
      </div>
    );
  };
  const control = (name: WindowField, hintId?: string) =>
    controlProps(windowControlId(name), {
      hintId: hintId ?? null,
      errorId: errors?.[name] ? windowErrorId(name) : null,
    });

  return (
    <form
      className="maintenance-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="window-form-title"
    >
      <h2 className="maintenance-form__title" id="window-form-title">
        {t('maintenance.form.title')}
      </h2>
      {props.restored && (
        <p className="maintenance-form__restored">
          {t('maintenance.form.restored')}{' '}
          <button type="button" className="button button--small" onClick={props.onDiscard}>
            {t('maintenance.form.discard')}
          </button>
        </p>
      )}
      {listed.length > 0 && (
        <div className="maintenance-form__summary" role="alert" tabIndex={-1} ref={summary}>
          <ul>
            {listed.map((name) => (
              <li key={name}>{windowErrorText(t, errors![name]!)}</li>
            ))}
          </ul>
        </div>
      )}
      {field(
        'organizationId',
        t('maintenance.form.organization'),
        <select
          {...control('organizationId')}
          className="select"
          value={form.organizationId}
          onChange={(e) => update({ organizationId: e.target.value })}
        >
          <option value="">{t('maintenance.form.chooseOrganization')}</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>,
      )}
      <p className="maintenance-form__zone" id="window-zone" data-testid="window-zone">
        {zone && offsetNow
          ? t('maintenance.form.zone', { zone, offset: offsetNow })
          : t('maintenance.form.chooseFirst')}
      </p>
      <div className="maintenance-form__times">
        {field(
          'startsAt',
          t('maintenance.form.startsAt'),
          <input
            {...control('startsAt', 'window-zone')}
            className="input"
            type="datetime-local"
            step={60}
            disabled={!organization}
            value={form.startsAt}
            onChange={(e) => update({ startsAt: e.target.value })}
          />,
        )}
        {field(
          'endsAt',
          t('maintenance.form.endsAt'),
          <input
            {...control('endsAt', 'window-zone')}
            className="input"
            type="datetime-local"
            step={60}
            disabled={!organization}
            value={form.endsAt}
            onChange={(e) => update({ endsAt: e.target.value })}
          />,
        )}
      </div>
      {errors?.hours && (
        <p className="maintenance-field__error" id={windowErrorId('hours')}>
          {windowErrorText(t, errors.hours)}
        </p>
      )}
      {organization && (
        <OpenSpansHint
          organization={organization}
          startsAt={form.startsAt}
          endsAt={form.endsAt}
          onUse={(startsAt, endsAt) => update({ startsAt, endsAt })}
        />
      )}
      {field(
        'unavailable',
        t('maintenance.form.unavailable'),
        <textarea
          {...control('unavailable', 'window-unavailable-hint')}
          className="input maintenance-form__text"
          rows={2}
          value={form.unavailable}
          onChange={(e) => update({ unavailable: e.target.value })}
        />,
        <p className="maintenance-field__hint" id="window-unavailable-hint">
          {t('maintenance.form.unavailableHint')}
        </p>,
      )}
      <fieldset
        className={`maintenance-field maintenance-form__modes${errors?.mode ? ' maintenance-field--invalid' : ''}`}
        aria-describedby={errors?.mode ? windowErrorId('mode') : undefined}
      >
        <legend className="maintenance-field__label">{t('maintenance.form.mode')}</legend>
        {MAINTENANCE_MODES.map((mode) => (
          <label key={mode} className="maintenance-form__mode">
            <input
              type="radio"
              name="window-mode"
              id={mode === 'normal' ? windowControlId('mode') : undefined}
              checked={form.mode === mode}
              onChange={() => update({ mode })}
            />
            <span>
              <strong>{t(`maintenance.form.modeNames.${mode}`)}</strong>
              {' — '}
              {t(`maintenance.form.modeHints.${mode}`)}
            </span>
          </label>
        ))}
        {errors?.mode && (
          <p className="maintenance-field__error" id={windowErrorId('mode')}>
            {windowErrorText(t, errors.mode)}
          </p>
        )}
      </fieldset>
      {closed && organization && (
        <div
          className="banner banner--inline banner--error"
          role="alert"
          data-testid="window-refusal"
        >
          <p>{refusalText(t, closed, organization.timeZone, i18n.language)}</p>
        </div>
      )}
      {showOverride && (
        <div className="maintenance-form__override">
          <label className="maintenance-form__check">
            <input
              type="checkbox"
              id={windowControlId('override')}
              checked={form.override}
              aria-describedby={errors?.override ? windowErrorId('override') : undefined}
              onChange={(e) => update({ override: e.target.checked })}
            />
            {t('maintenance.form.override')}
          </label>
          {errors?.override && (
            <p className="maintenance-field__error" id={windowErrorId('override')}>
              {windowErrorText(t, errors.override)}
            </p>
          )}
          {form.override &&
            field(
              'overrideReason',
              t('maintenance.form.overrideReason'),
              <textarea
                {...control('overrideReason', 'window-override-hint')}
                className="input maintenance-form__text"
                rows={2}
                value={form.overrideReason}
                onChange={(e) => update({ overrideReason: e.target.value })}
              />,
              <p className="maintenance-field__hint" id="window-override-hint">
                {t('maintenance.form.overrideHint')}
              </p>,
            )}
        </div>
      )}
      {failure && (
        <p className="maintenance-field__error" role="alert">
          {t('maintenance.form.failed', { message: failure })}
        </p>
      )}
      <div className="maintenance-form__submit">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('maintenance.form.saving') : t('maintenance.form.submit')}
        </button>
      </div>
    </form>
  );
}
