import { LOCAL_AUTHOR } from '../sync/ticket-actions-runtime';

/** This device's optimistic author until the ERP names the user its token belongs to. */
export const ME = LOCAL_AUTHOR;

/** "вы" for this computer's own pending actions, the ERP's user name otherwise. */
export function authorLabel(author: string, you: string): string {
  return author === ME ? you : author;
}
