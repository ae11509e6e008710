import { useMemo } from 'react';
import { evaluateSla, type SlaEvaluation } from '@shared/sla';
import type { QueueEntry } from '@shared/queue/queue-entry';
import { useDeviceZone } from '../../lib/device-zone';
import { useNow } from '../../lib/useNow';
import { SlaErrorNotice } from '../sla-error/SlaErrorNotice';
import { slaProblemOf, storedSlaProblem, type SlaProblem } from '../sla-error/sla-error';
import { SlaClockCell } from './SlaClockCell';

type Evaluated = { ok: true; value: SlaEvaluation } | { ok: false; problem: SlaProblem };

/**
 * Both live clocks of one visible row. Only these subscribe to the shared second, so a tick
 * re-renders the timers on screen and nothing else, and each row is evaluated once per tick.
 * A ticket the engine cannot evaluate (its stored line says why, or the evaluation at this
 * instant fails) gets one cell across both clocks with the reason and "copy diagnostics".
 */
export function QueueClocks({ entry }: { entry: QueueEntry }) {
  const now = useNow();
  const ownZone = useDeviceZone();
  const { sla } = entry;
  const evaluated = useMemo((): Evaluated => {
    if (!sla)
      return { ok: false, problem: storedSlaProblem(entry.invalidCode, entry.invalid ?? '') };
    try {
      return { ok: true, value: evaluateSla(sla, new Date(now)) };
    } catch (error) {
      return { ok: false, problem: slaProblemOf(error) };
    }
  }, [sla, now, entry.invalidCode, entry.invalid]);

  if (!evaluated.ok) {
    return (
      <div role="cell" className="queue-cell queue-cell--invalid">
        <SlaErrorNotice
          variant="cell"
          facts={{ ticketId: entry.id, number: entry.number, sla, problem: evaluated.problem }}
        />
      </div>
    );
  }
  return (
    <>
      {(['reaction', 'resolution'] as const).map((clock) => (
        <div
          key={clock}
          role="cell"
          className="queue-cell queue-cell--clock"
          data-testid={`${clock}-clock`}
        >
          <SlaClockCell
            sla={sla!}
            state={evaluated.value[clock]}
            timeZone={entry.timeZone}
            ownZone={ownZone}
            now={now}
          />
        </div>
      ))}
    </>
  );
}
