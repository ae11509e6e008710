import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './drafts.css';

/**
 * Asks before typed text is thrown away. A modal `<dialog>`: the page behind it is inert, Tab
 * stays inside, Escape keeps the text; the safe answer (keep editing) has the focus.
 */
export function DiscardDraftDialog({
  onKeep,
  onDiscard,
}: {
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (!node.open) node.showModal();
    keep.current?.focus();
    return () => node.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="draft-dialog"
      role="alertdialog"
      aria-labelledby="draft-discard-title"
      aria-describedby="draft-discard-body"
      data-testid="draft-discard-dialog"
      // Escape belongs to the dialog: the form around it would take it as «Отмена» again.
      onKeyDown={(event) => event.key === 'Escape' && event.stopPropagation()}
      onCancel={(event) => {
        event.preventDefault();
        onKeep();
      }}
    >
      <h2 className="draft-dialog__title" id="draft-discard-title">
        {t('drafts.discardTitle')}
      </h2>
      <p id="draft-discard-body">{t('drafts.discardBody')}</p>
      <div className="draft-dialog__actions">
        <button type="button" className="button button--primary" ref={keep} onClick={onKeep}>
          {t('drafts.keep')}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t('drafts.discard')}
        </button>
      </div>
    </dialog>
  );
}
