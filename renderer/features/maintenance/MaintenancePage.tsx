import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { PlanWindowPayload } from '@shared/maintenance';
import { useFormDraft, type FormDraft } from '../drafts/useFormDraft';
import { useOrganizations } from '../intake/useOrganizations';
import type { MailDraft } from '../ticket/mail-template';
import { useMaintenanceWindows } from './data/useMaintenanceWindows';
import {
  cancelMaintenanceWindow,
  planMaintenanceWindow,
  WindowActionError,
} from './data/window-actions';
import { NoticeLetter } from './NoticeLetter';
import { PlanWindowForm } from './PlanWindowForm';
import { windowRefusalWords } from './window-errors';
import { EMPTY_WINDOW_FORM, windowFormSchema, type WindowForm } from './window-form';
import type { WindowView } from './window-groups';
import { windowNoticeMail } from './window-letter';
import { WindowList } from './WindowList';
import './maintenance.css';

/**
 * «Техработы»: the planner (regulation §2, §5) and the windows per organization. What is typed
 * is kept as a draft until the window is queued, so a reload or a crash loses nothing.
 */
export function MaintenancePage() {
  const draft = useFormDraft('maintenance_window', null, windowFormSchema, EMPTY_WINDOW_FORM);
  // The form mounts with its draft, so nothing typed in the first milliseconds is overwritten.
  return draft.loaded ? <MaintenancePlanner draft={draft} /> : null;
}

function MaintenancePlanner({ draft }: { draft: FormDraft<WindowForm> }) {
  const { t } = useTranslation();
  const organizations = useOrganizations() ?? [];
  const windows = useMaintenanceWindows() ?? [];
  const [letter, setLetter] = useState<MailDraft | null>(null);
  const [cancelFailure, setCancelFailure] = useState<string | null>(null);

  // This device refuses what the ERP would (an overlap with another window, say): in words.
  const failureText = useCallback(
    (error: unknown) =>
      error instanceof WindowActionError
        ? windowRefusalWords(t, error)
        : error instanceof Error
          ? error.message
          : String(error),
    [t],
  );
  const plan = useCallback(
    async (payload: PlanWindowPayload, organization: Organization) => {
      try {
        await planMaintenanceWindow(payload);
      } catch (error) {
        throw new Error(failureText(error));
      }
      await draft.discard();
      setLetter(
        windowNoticeMail(
          {
            ...payload,
            override: payload.overrideReason ? { reason: payload.overrideReason } : null,
          },
          organization,
        ),
      );
    },
    [draft, failureText],
  );
  const cancel = (id: string) => {
    setCancelFailure(null);
    cancelMaintenanceWindow(id).catch((error: unknown) => setCancelFailure(failureText(error)));
  };
  const showLetter = (window: WindowView) => {
    const organization = organizations.find((o) => o.id === window.organizationId);
    if (organization) setLetter(windowNoticeMail(window, organization));
  };

  return (
    <div className="maintenance">
      <div className="maintenance__intro">
        <h1 className="maintenance__title">{t('maintenance.title')}</h1>
        <p className="maintenance__lead">{t('maintenance.lead')}</p>
      </div>
      <div className="maintenance__columns">
        <div className="maintenance__plan">
          {letter ? (
            <NoticeLetter mail={letter} onClose={() => setLetter(null)} />
          ) : (
            <PlanWindowForm
              organizations={organizations}
              form={draft.value}
              onChange={draft.set}
              plan={plan}
              restored={draft.restored}
              onDiscard={() => void draft.discard()}
            />
          )}
        </div>
        <div className="maintenance__windows">
          {cancelFailure && (
            <p className="maintenance-field__error" role="alert">
              {t('maintenance.list.cancelFailed', { message: cancelFailure })}
            </p>
          )}
          <WindowList
            windows={windows}
            organizations={organizations}
            onCancel={cancel}
            onLetter={showLetter}
          />
        </div>
      </div>
    </div>
  );
}
