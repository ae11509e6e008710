import type { ErpBlobPort } from '@shared/sync/blob-transport';
import type { ErpPort } from '@shared/sync/erp-transport';

export interface ErpGate {
  /** The port the sync engine uses: every exchange passes the gate. */
  port: ErpPort;
  /** The blob endpoints (uploads and downloads of attachments), through the same gate. */
  blobs: ErpBlobPort;
  /**
   * Closes the gate and resolves once no exchange is in flight; later exchanges wait. Resolves
   * with the function that opens it again.
   */
  hold(): Promise<() => void>;
}

/**
 * While the window switches to another ERP, nothing of this database may reach it: the host
 * starts sending to the new address the moment the settings are saved, and a push in flight at
 * that moment would deliver the old ERP's outbox there. So the switch first holds the gate (and
 * waits for what is under way), saves, and then either reloads onto the new ERP's database or,
 * when the save failed, opens the gate again. Exchanges held meanwhile wait; none fails.
 */
export function createErpGate(inner: ErpPort, innerBlobs?: ErpBlobPort): ErpGate {
  let closed: Promise<void> | null = null;
  let inFlight = 0;
  const onDrained: Array<() => void> = [];

  async function pass<T>(exchange: () => Promise<T>): Promise<T> {
    while (closed !== null) await closed;
    inFlight += 1;
    try {
      return await exchange();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of onDrained.splice(0)) resolve();
    }
  }

  const blobsOrNone = (): ErpBlobPort => {
    if (innerBlobs === undefined) throw new Error('this gate was made without the blob endpoints');
    return innerBlobs;
  };

  return {
    port: {
      push: (request) => pass(() => inner.push(request)),
      changes: (query) => pass(() => inner.changes(query)),
    },
    blobs: {
      parts: (sha256) => pass(() => blobsOrNone().parts(sha256)),
      put: (input) => pass(() => blobsOrNone().put(input)),
      get: (input) => pass(() => blobsOrNone().get(input)),
    },
    async hold() {
      while (closed !== null) await closed;
      let open!: () => void;
      closed = new Promise<void>((resolve) => {
        open = resolve;
      });
      if (inFlight > 0) await new Promise<void>((resolve) => onDrained.push(resolve));
      let opened = false;
      return () => {
        if (opened) return;
        opened = true;
        closed = null;
        open();
      };
    },
  };
}
