import { useTranslation } from 'react-i18next';
import { useEvidencePack } from './useEvidencePack';
import './evidence.css';

/** One click: the ticket's evidence pack (PDF and JSON) saved from this computer's copy. */
export function EvidencePackButton({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { state, make } = useEvidencePack(ticketId);
  const busy = state.status === 'busy';
  return (
    <div className="evidence-pack">
      <button
        type="button"
        className="button evidence-pack__make"
        title={t('evidence.makeHint')}
        aria-busy={busy}
        disabled={busy}
        onClick={() => void make()}
        data-testid="evidence-pack"
      >
        {busy ? t('evidence.busy') : t('evidence.make')}
      </button>
      <div aria-live="polite">
        {state.status === 'saved' && (
          <p className="evidence-pack__saved" data-testid="evidence-pack-saved">
            {t('evidence.saved', { pdf: state.pdf, json: state.json, hash: state.sha256 })}
          </p>
        )}
      </div>
      {state.status === 'failed' && (
        <p className="ticket-error" role="alert" data-testid="evidence-pack-error">
          {t(`evidence.problems.${state.problem.kind}`, {
            message: 'message' in state.problem ? state.problem.message : '',
          })}
        </p>
      )}
    </div>
  );
}
