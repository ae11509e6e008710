import type { WireCommand } from '../../../shared/erp';

/**
 * Checks, before anything is written, that the push's new commands continue the device's
 * sequence. Commands already stored (retries) are skipped whatever their seq; a new command whose
 * seq is already used is rejected later, one by one; a new command that skips a number is a gap,
 * and the whole push is refused (409) so the device resends from `lastSeq + 1`.
 * Returns the gap's description, or null.
 */
export function findSequenceGap(
  commands: readonly Pick<WireCommand, 'commandId' | 'seq'>[],
  lastSeq: number,
  stored: ReadonlySet<string>,
): string | null {
  const seen = new Set(stored);
  let last = lastSeq;
  for (const [index, command] of commands.entries()) {
    if (seen.has(command.commandId)) continue;
    seen.add(command.commandId);
    if (command.seq <= last) continue;
    if (command.seq !== last + 1) {
      return `commands[${index}].seq is ${command.seq}, but this device's last accepted seq is ${last}: expected ${last + 1}`;
    }
    last = command.seq;
  }
  return null;
}
