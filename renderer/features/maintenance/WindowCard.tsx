import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { windowRefusalWords } from './window-errors';
import type { WindowView } from './window-groups';
import { intervalText } from './window-text';

interface WindowCardProps {
  window: WindowView;
  organization: Organization | undefined;
  /** Whether it can still be cancelled (not ended, not cancelled, not refused). */
  cancellable: boolean;
  onCancel: (id: string) => void;
  onLetter: (window: WindowView) => void;
}

/** One window: when (customer's clock), the mode, what is unavailable, and its state. */
export function WindowCard({
  window,
  organization,
  cancellable,
  onCancel,
  onLetter,
}: WindowCardProps) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const zone = organization?.timeZone ?? 'UTC';
  const when = intervalText(window, zone, i18n.language);
  return (
    <li
      className={`maintenance-window${window.cancelled ? ' maintenance-window--cancelled' : ''}`}
      data-testid="window-card"
    >
      <div className="maintenance-window__head">
        <span className="maintenance-window__when">{when}</span>
        <span className="badge">{t(`maintenance.modes.${window.mode}`)}</span>
        {window.cancelled && (
          <span className="badge maintenance-window__state">{t('maintenance.list.cancelled')}</span>
        )}
        {window.pending && (
          <span className="badge maintenance-window__state" data-testid="window-pending">
            {t('maintenance.list.pending')}
          </span>
        )}
      </div>
      <p className="maintenance-window__line">
        {t('maintenance.list.unavailable', { text: window.unavailable })}
      </p>
      {window.override && (
        <p
          className="maintenance-window__line maintenance-window__override"
          data-testid="window-override"
        >
          {t('maintenance.list.override', { reason: window.override.reason })}
        </p>
      )}
      {window.refusal && (
        <p className="maintenance-window__line maintenance-window__refusal" role="status">
          {t('maintenance.list.refused', { message: windowRefusalWords(t, window.refusal) })}
          <span className="maintenance-window__erp-message">{window.refusal.message}</span>
        </p>
      )}
      <p className="maintenance-window__line maintenance-window__meta">
        {t('maintenance.list.planned', { author: window.planned.author })}
      </p>
      <div className="maintenance-window__buttons">
        {organization && !window.refusal && !window.cancelled && (
          <button type="button" className="button button--small" onClick={() => onLetter(window)}>
            {t('maintenance.list.letter')}
          </button>
        )}
        {cancellable && (
          <button type="button" className="button button--small" onClick={() => setAsking(true)}>
            {t('maintenance.list.cancel')}
          </button>
        )}
      </div>
      {asking && (
        <ConfirmDialog
          title={t('maintenance.list.cancelTitle', { when })}
          body={t('maintenance.list.cancelBody')}
          keepLabel={t('maintenance.list.cancelKeep')}
          confirmLabel={t('maintenance.list.cancelConfirm')}
          onKeep={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onCancel(window.id);
          }}
          testId="window-cancel-dialog"
        />
      )}
    </li>
  );
}
