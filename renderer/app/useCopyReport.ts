import { useState } from 'react';
import { copyText } from '../lib/clipboard';

export type CopyOutcome =
  | { state: 'idle' }
  | { state: 'copied' }
  /** The text is kept so the screen can offer it for copying by hand. */
  | { state: 'refused'; text: string };

/** "Copy diagnostics": builds the text at the click (so it is current) and says how it went. */
export function useCopyReport(buildReport: () => string): {
  outcome: CopyOutcome;
  copy: () => Promise<void>;
} {
  const [outcome, setOutcome] = useState<CopyOutcome>({ state: 'idle' });
  async function copy(): Promise<void> {
    const text = buildReport();
    setOutcome((await copyText(text)) ? { state: 'copied' } : { state: 'refused', text });
  }
  return { outcome, copy };
}
