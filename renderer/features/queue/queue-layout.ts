/** The height of one queue row in px: the virtualizer's estimate and the page step of the keys. */
export const QUEUE_ROW_HEIGHT = 46;
