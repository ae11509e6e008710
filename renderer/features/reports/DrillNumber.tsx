import type { DrillSelection } from './drill';

interface DrillNumberProps {
  label: string;
  ticketIds: readonly string[];
  onDrill: (selection: DrillSelection) => void;
  /** The number as shown. */
  children: string | number;
}

/** A number that opens the list of the tickets behind it; plain text when there are none. */
export function DrillNumber({ label, ticketIds, onDrill, children }: DrillNumberProps) {
  if (ticketIds.length === 0) return <span className="reports__zero">{children}</span>;
  return (
    <button
      type="button"
      className="reports__drill"
      aria-label={`${label}: ${children}`}
      onClick={() => onDrill({ label, ticketIds })}
    >
      {children}
    </button>
  );
}
