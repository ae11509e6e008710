import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  freeAttachmentCache,
  useAttachmentStorage,
  type AttachmentStorage,
} from '../attachments/data';
import { useFileSize } from '../attachments/useFileSize';
import { SettingsSection, type SaveOutcome } from './SettingsSection';

const ROWS = ['pending', 'sent', 'cached'] as const;

/**
 * «Хранилище»: what the offline cache of attachments holds, and «Освободить место», which removes
 * only what the ERP already has (never a file waiting to be sent) and says how much it freed.
 */
export function StorageSection() {
  const { t } = useTranslation();
  const size = useFileSize();
  const storage = useAttachmentStorage();
  const [freeing, setFreeing] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });

  const free = async () => {
    setFreeing(true);
    try {
      const { freedBytes } = await freeAttachmentCache();
      setOutcome({
        kind: 'saved',
        text:
          freedBytes > 0
            ? t('attachments.storage.freed', { size: size(freedBytes) })
            : t('attachments.storage.nothingToFree'),
      });
    } catch (error) {
      setOutcome({ kind: 'failed', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setFreeing(false);
    }
  };

  return (
    <SettingsSection
      id="storage"
      lead={t('attachments.storage.intro')}
      outcome={outcome}
      actions={
        <button
          type="button"
          className="button"
          onClick={() => void free()}
          disabled={freeing || storage === undefined}
          data-testid="storage-free"
        >
          {freeing ? t('attachments.storage.freeing') : t('attachments.storage.free')}
        </button>
      }
    >
      {storage === undefined ? (
        <p>{t('attachments.storage.loading')}</p>
      ) : (
        <StorageFacts storage={storage} size={size} />
      )}
    </SettingsSection>
  );
}

function StorageFacts({
  storage,
  size,
}: {
  storage: AttachmentStorage;
  size: (bytes: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <dl className="storage-facts" data-testid="storage-facts">
      {ROWS.map((state) => (
        <div key={state} className="storage-facts__row" data-state={state}>
          <dt>{t(`attachments.storage.${state}`)}</dt>
          <dd>
            {t('attachments.storage.files', {
              count: storage[state].count,
              size: size(storage[state].bytes),
            })}
          </dd>
        </div>
      ))}
      <div className="storage-facts__row">
        <dt>{t('attachments.storage.limit')}</dt>
        <dd>{size(storage.limitBytes)}</dd>
      </div>
      <div className="storage-facts__row">
        <dt>{t('attachments.storage.deviceTitle')}</dt>
        <dd>
          {storage.deviceUsage
            ? t('attachments.storage.device', {
                usage: size(storage.deviceUsage.usage),
                quota: size(storage.deviceUsage.quota),
              })
            : t('attachments.storage.deviceUnknown')}
        </dd>
      </div>
    </dl>
  );
}
