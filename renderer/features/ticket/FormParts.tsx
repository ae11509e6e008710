import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { controlProps, type ControlProps } from '../../components/control-props';
import { DiscardDraftDialog } from '../drafts/DiscardDraftDialog';
import { useDiscardGuard } from '../drafts/useDiscardGuard';
import type { FieldError } from './action-forms';
import type { MailDraft } from './mail-template';
import { dateLocale, formatCivilDate, formatDateTime, offsetLabel } from './sla-format';

/** What a form recorded; the toolbar moves the focus to its entry in the timeline. */
export interface Recorded {
  commandId: string | null;
}

/** Props every action form gets from the toolbar: closed with what was recorded, if anything. */
export interface ActionFormProps {
  onClose: (recorded?: Recorded) => void;
}

/** The part of a form's draft the frame needs: whether to ask before closing, and the note. */
export interface FrameDraft {
  blank: boolean;
  restored: boolean;
  discard: () => Promise<void>;
}

const closeOnEscape = (onClose: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    onClose();
  }
};

interface ActionFormFrameProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  refusal: string | null;
  onSubmit: () => void;
  onClose: () => void;
  /** A form that keeps a draft asks before «Отмена» or Escape throws typed text away. */
  draft?: FrameDraft;
  children: ReactNode;
}

const NO_DRAFT: FrameDraft = { blank: true, restored: false, discard: () => Promise.resolve() };

/** The inline panel an action opens: title, fields, the repo's refusal, submit and cancel. */
export function ActionFormFrame(props: ActionFormFrameProps) {
  const { t } = useTranslation();
  const guard = useDiscardGuard(props.draft ?? NO_DRAFT, props.onClose);
  const cancel = props.draft ? guard.requestClose : props.onClose;
  return (
    <form
      className="action-form"
      aria-label={props.title}
      noValidate
      onKeyDown={closeOnEscape(cancel)}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 className="action-form__title">{props.title}</h2>
      {props.draft?.restored && (
        <p className="draft-restored" data-testid="draft-restored">
          {t('drafts.restored')}
        </p>
      )}
      <div className="action-form__fields">{props.children}</div>
      {props.refusal && (
        <p className="action-form__refusal" role="alert">
          {t('ticket.actions.refused', { message: props.refusal })}
        </p>
      )}
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
        <button type="button" className="button" onClick={cancel}>
          {t('ticket.actions.cancel')}
        </button>
      </div>
      {guard.asking && <DiscardDraftDialog onKeep={guard.keep} onDiscard={guard.discard} />}
    </form>
  );
}

/** After a pause or a resolution: the prefilled e-mail the regulation asks for. */
export function MailStep({
  message,
  mail,
  onClose,
}: {
  message: string;
  mail: MailDraft;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // The form that had focus is gone: the e-mail is the one next step (React autoFocus skips links).
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <div className="action-form action-form--done" role="status" onKeyDown={closeOnEscape(onClose)}>
      <p className="action-form__done">{message}</p>
      <div className="action-form__mail">
        <span className="action-form__mail-to">{mail.to}</span>
        <span className="action-form__mail-subject">{mail.subject}</span>
      </div>
      <div className="action-form__buttons">
        <a className="button button--primary" href={mail.href} ref={link}>
          {t('ticket.forms.openMail')}
        </a>
        <button type="button" className="button" onClick={onClose}>
          {t('ticket.actions.close')}
        </button>
      </div>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and error, wired to it for screen readers. */
export function Field({ id, label, error, hint, wide = false, children }: FieldProps) {
  const classes = ['field', wide && 'field--wide', error && 'field--invalid']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(
        controlProps(id, {
          hintId: hint ? `${id}-hint` : null,
          errorId: error ? `${id}-error` : null,
        }),
      )}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Translates a field error key of `action-forms.ts`; the dates and instants it names are shown in
 * the interface language, instants on the customer's wall clock (`zone`) with its offset.
 */
export function useFieldError(errors: Record<string, FieldError>, zone = 'UTC') {
  const { t, i18n } = useTranslation();
  const locale = dateLocale(i18n.language);
  return (field: string): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    const values: Record<string, string | number> = { ...error.values };
    for (const [name, date] of Object.entries(error.dates ?? {}))
      values[name] = formatCivilDate(date, locale);
    for (const [name, iso] of Object.entries(error.instants ?? {}))
      values[name] = `${formatDateTime(iso, zone, locale)} ${offsetLabel(iso, zone, locale)}`;
    return t(`ticket.errors.${error.key}`, values);
  };
}
