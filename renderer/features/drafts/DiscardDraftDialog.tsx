import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import './drafts.css';

/** «Отмена» on a form with typed text: keep editing (the focused, safe answer) or discard. */
export function DiscardDraftDialog({
  onKeep,
  onDiscard,
}: {
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('drafts.discardTitle')}
      body={t('drafts.discardBody')}
      keepLabel={t('drafts.keep')}
      confirmLabel={t('drafts.discard')}
      onKeep={onKeep}
      onConfirm={onDiscard}
      testId="draft-discard-dialog"
    />
  );
}
