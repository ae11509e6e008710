import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getAppDb } from '../../../db/app-db';
import { blobTotals, storedBytes } from '../../../db/repos/blobs';
import type { AttachmentStorage } from './attachment-storage';
import { attachmentLimit, estimateDevice, type DeviceUsage } from './device-quota';

/**
 * What the offline store of attachments holds, live, with the device's limit. The browser's
 * estimate is asked again whenever the totals change (it is not observable itself).
 */
export function useAttachmentStorage(): AttachmentStorage | undefined {
  const totals = useLiveQuery(() => blobTotals(getAppDb()));
  const [device, setDevice] = useState<DeviceUsage | null | undefined>(undefined);
  const stored = totals === undefined ? null : storedBytes(totals);
  useEffect(() => {
    if (stored === null) return;
    let current = true;
    void estimateDevice().then((estimate) => {
      if (current) setDevice(estimate);
    });
    return () => {
      current = false;
    };
  }, [stored]);
  if (totals === undefined || device === undefined || stored === null) return undefined;
  return { ...totals, limitBytes: attachmentLimit(stored, device), deviceUsage: device };
}
