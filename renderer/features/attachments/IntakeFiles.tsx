import { useTranslation } from 'react-i18next';
import { AttachProblems } from './AttachProblems';
import { FilePickButton } from './FilePickButton';
import type { IntakeFile } from './useIntakeFiles';
import { useFileSize } from './useFileSize';
import './attachments.css';

interface IntakeFilesProps {
  files: readonly IntakeFile[];
  problems: Parameters<typeof AttachProblems>[0]['problems'];
  onPick: (files: File[]) => void;
  onRemove: (key: string) => void;
  onDismiss: () => void;
}

/**
 * «Файлы» of a request not yet registered: picked, pasted (Ctrl+V outside a field) or from the
 * letter; attached to the request right after it is registered, in this order.
 */
export function IntakeFiles({ files, problems, onPick, onRemove, onDismiss }: IntakeFilesProps) {
  const { t } = useTranslation();
  const size = useFileSize();
  return (
    <section
      className="intake-card intake-files"
      aria-labelledby="intake-section-files"
      data-testid="intake-files"
    >
      <h2 className="intake-card__title" id="intake-section-files">
        {t('attachments.intake.title')}
      </h2>
      <p className="attachments__hint">{t('attachments.intake.lead')}</p>
      {files.length > 0 && (
        <ul className="intake-files__list">
          {files.map(({ key, file, fromLetter }) => (
            <li key={key} className="intake-files__item" data-testid="intake-file">
              <span className="attachment__main">
                <span className="attachment__name" title={file.name}>
                  {file.name}
                </span>
                <span className="attachment__meta">
                  {size(file.blob.size)}
                  {fromLetter && ` · ${t('attachments.intake.fromLetter')}`}
                </span>
              </span>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => onRemove(key)}
                aria-label={`${t('attachments.intake.remove')}: ${file.name}`}
              >
                {t('attachments.intake.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AttachProblems problems={problems} onDismiss={onDismiss} />
      <div className="attachments__add">
        <FilePickButton onFiles={onPick} />
        <span className="attachments__hint">{t('attachments.intake.hint')}</span>
      </div>
    </section>
  );
}
