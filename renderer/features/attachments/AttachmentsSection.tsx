import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeRefusal, isMine } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { AttachmentPreview } from './AttachmentPreview';
import { AttachmentRow } from './AttachmentRow';
import { AttachProblems } from './AttachProblems';
import { detachFile, useTicketAttachments, type AttachmentItem } from './data';
import { DropOverlay } from './DropOverlay';
import { FilePickButton } from './FilePickButton';
import { useAttachFiles } from './useAttachFiles';
import { usePageFiles } from './usePageFiles';
import './attachments.css';

/**
 * «Вложения» of a ticket page: the files, and attaching by the picker, by dropping files on the
 * page or pasting a screenshot (Ctrl+V outside a field). Works offline: a file is stored here at
 * once and marked «ожидает отправки» until the ERP has it.
 */
export function AttachmentsSection({ ticketId, zone }: { ticketId: string; zone: string }) {
  const { t } = useTranslation();
  const items = useTicketAttachments(ticketId);
  const people = usePeople();
  const { me } = people;
  const { attach, busy, problems, attachedCount, dismiss } = useAttachFiles(ticketId);
  const [previewing, setPreviewing] = useState<AttachmentItem | null>(null);
  const [detaching, setDetaching] = useState<AttachmentItem | null>(null);
  const [detachProblem, setDetachProblem] = useState<string | null>(null);
  const onFiles = useCallback(
    (files: File[], source: 'drop' | 'paste' | 'pick' | 'letter') => {
      void attach(files, source);
    },
    [attach],
  );
  const { dragging } = usePageFiles(onFiles);

  const confirmDetach = async (item: AttachmentItem) => {
    setDetaching(null);
    const result = await detachFile(ticketId, item.sha256);
    setDetachProblem(
      result.ok
        ? null
        : t('attachments.detachFailed', {
            name: item.name,
            message: describeRefusal(result.error, people, t),
          }),
    );
  };

  return (
    <section
      className="ticket-card attachments"
      aria-labelledby="ticket-attachments-title"
      data-testid="ticket-attachments"
    >
      {dragging && <DropOverlay />}
      <h2 className="ticket-card__title" id="ticket-attachments-title">
        {t('attachments.title')}
        {items && items.length > 0 && <span className="attachments__count"> · {items.length}</span>}
      </h2>
      {items && items.length === 0 && <p className="attachments__none">{t('attachments.none')}</p>}
      {items && items.length > 0 && (
        <ul className="attachments__list">
          {items.map((item) => (
            <AttachmentRow
              key={item.sha256}
              item={item}
              zone={zone}
              authorText={isMine(item.authorId, me) ? t('ticket.me') : item.author}
              onOpen={() => setPreviewing(item)}
              onDetach={() => setDetaching(item)}
            />
          ))}
        </ul>
      )}
      <AttachProblems problems={problems} onDismiss={dismiss} />
      {detachProblem && (
        <p className="attach-problems" role="alert">
          {detachProblem}
        </p>
      )}
      <div className="attachments__add">
        <FilePickButton onFiles={(files) => onFiles(files, 'pick')} disabled={busy} />
        <span className="attachments__hint">{t('attachments.hint')}</span>
      </div>
      <p className="attachments__status" role="status" aria-live="polite">
        {busy
          ? t('attachments.attaching')
          : attachedCount
            ? t('attachments.attached', { count: attachedCount })
            : ''}
      </p>
      {previewing && <AttachmentPreview item={previewing} onClose={() => setPreviewing(null)} />}
      {detaching && (
        <ConfirmDialog
          title={t('attachments.detachTitle', { name: detaching.name })}
          body={t('attachments.detachBody')}
          keepLabel={t('attachments.detachKeep')}
          confirmLabel={t('attachments.detachConfirm')}
          onKeep={() => setDetaching(null)}
          onConfirm={() => void confirmDetach(detaching)}
          testId="detach-dialog"
        />
      )}
    </section>
  );
}
