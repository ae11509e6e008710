/** What a form control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The ARIA wiring of a control to the hint and error paragraphs its field renders under it, so
 * screen readers read them with the control. Fields pass this to their render-prop child.
 */
export function controlProps(
  id: string,
  described: { hintId?: string | null | undefined; errorId?: string | null | undefined },
): ControlProps {
  const ids = [described.hintId, described.errorId].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': described.errorId ? true : undefined,
    'aria-describedby': ids || undefined,
  };
}
