/** The attachments' share of this device by default: 2 GiB. */
export const ATTACHMENT_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

/** What `navigator.storage.estimate()` said; null where the browser does not tell. */
export interface DeviceUsage {
  usage: number;
  quota: number;
}

/** `navigator.storage.estimate()`, or null where it is missing or fails (nothing is known then). */
export async function estimateDevice(): Promise<DeviceUsage | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.usage === undefined || estimate.quota === undefined) return null;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return null;
  }
}

/**
 * How many bytes attachments may hold on this device: the default share, but never more than
 * what they hold now plus what the browser still leaves free.
 */
export function attachmentLimit(storedBytes: number, device: DeviceUsage | null): number {
  if (device === null) return ATTACHMENT_QUOTA_BYTES;
  const free = Math.max(0, device.quota - device.usage);
  return Math.min(ATTACHMENT_QUOTA_BYTES, storedBytes + free);
}

export function freeBytesOf(device: DeviceUsage | null): number | undefined {
  return device === null ? undefined : Math.max(0, device.quota - device.usage);
}
