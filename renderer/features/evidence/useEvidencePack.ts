import { useCallback, useState } from 'react';
import { getAppDb } from '../../db/app-db';
import { readEvidenceSource } from '../../db/repos/evidence-input';
import { saveBlob } from '../../lib/save-blob';
import { correctedNowMs } from '../../lib/window-clock';
import { buildEvidenceInWorker, EvidenceBuildError } from './evidence-in-worker';

export type EvidenceProblem =
  { kind: 'not_found' | 'no_organization' } | { kind: 'sla' | 'failed'; message: string };

export type EvidenceState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'saved'; pdf: string; json: string; sha256: string }
  | { status: 'failed'; problem: EvidenceProblem };

/**
 * "Evidence pack" for one ticket: reads it from IndexedDB (works offline), builds the JSON, its
 * SHA-256 and the PDF, and offers both files for saving.
 */
export function useEvidencePack(ticketId: string): {
  state: EvidenceState;
  make: () => Promise<void>;
} {
  const [state, setState] = useState<EvidenceState>({ status: 'idle' });
  const make = useCallback(async () => {
    setState({ status: 'busy' });
    try {
      const source = await readEvidenceSource(getAppDb(), ticketId);
      if (!source) return setState({ status: 'failed', problem: { kind: 'not_found' } });
      if (!source.organization)
        return setState({ status: 'failed', problem: { kind: 'no_organization' } });
      const files = await buildEvidenceInWorker({
        ticket: source.ticket,
        organization: source.organization,
        users: source.users,
        pendingCommandIds: source.pendingCommandIds,
        generatedAt: new Date(correctedNowMs()).toISOString(),
        appVersion: __APP_VERSION__,
      });
      const pdf = `${files.baseName}.pdf`;
      const json = `${files.baseName}.json`;
      saveBlob(files.pdf, pdf);
      saveBlob(files.json, json);
      setState({ status: 'saved', pdf, json, sha256: files.sha256 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({
        status: 'failed',
        problem: {
          kind: error instanceof EvidenceBuildError && error.sla ? 'sla' : 'failed',
          message,
        },
      });
    }
  }, [ticketId]);
  return { state, make };
}
