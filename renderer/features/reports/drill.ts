/** A number the user clicked: what it was and the tickets behind it. */
export interface DrillSelection {
  label: string;
  ticketIds: readonly string[];
}
