/** Texts of the ticket page (Russian first; `ticketEn` mirrors the keys). */
export const ticketRu = {
  back: 'К очереди',
};

export const ticketEn: typeof ticketRu = {
  back: 'Back to the queue',
};
