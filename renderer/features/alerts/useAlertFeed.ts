import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createFeedSender } from '@shared/alerts/feed-update';
import { ALERT_LEVELS_DEFAULT } from '@shared/host/schemas';
import { navigate } from '../../app/route';
import { getHost } from '../../lib/host';
import { getDeviceZone } from '../../lib/device-zone';
import { currentLocale } from '../../lib/i18n';
import { correctedNowMs, currentClockOffset, subscribeClockOffset } from '../../lib/window-clock';
import { getQueueSource } from '../queue/queue-source';
import { createAlertFeedSource } from './alert-feed-source';
import { connectRecentAlerts } from './recent-alerts';

// A burst of changes (a sync page, a local action) is sent once: the first change opens this
// window, the rest join it, so even a long initial sync keeps the host up to date.
const BATCH_MS = 500;
const FIRST_FEED_DELAY_MS = 3000;
// Every push re-measures the offset, which wobbles by milliseconds; the host needs a new one only
// when it says something (a clock set by hand, a first measurement).
const OFFSET_RESEND_MS = 1_000;

/**
 * Keeps the host's alert scheduler fed: whenever the queue's lines change (tickets or
 * organizations changed in IndexedDB),
 * or the measured clock offset or the computer's zone changes, the open ones go to the host as
 * a compact feed (`alerts:update`, only what changed since the host's version), planned on ERP time and carrying the offset and the zone. A
 * notification click comes back as `alerts:open-ticket` and opens that ticket.
 */
export function useAlertFeed(levels: readonly number[] = ALERT_LEVELS_DEFAULT): void {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const levelsKey = levels.join(',');

  useEffect(() => {
    const host = getHost();
    const alertLevels = levelsKey.split(',').map(Number);
    // The queue's own copy of the open lines: it changes with every ticket change that matters
    // here, organizations included, and is read once for both.
    const queue = getQueueSource();
    const buildFeed = createAlertFeedSource((id, error) =>
      console.warn(`[alerts] ticket ${id} left out of the alerts`, error),
    );
    // Per mount: a new window (or a reload) starts with the whole feed.
    const sender = createFeedSender();
    let alive = true;
    let timer: number | null = null;
    let sending: Promise<void> | null = null;
    let lastSendMs = 0;
    let sentOffsetMs = 0;

    const send = async () => {
      timer = null;
      if (sending) await sending;
      if (!alive) return;
      const started = performance.now();
      sentOffsetMs = currentClockOffset()?.offsetMs ?? 0;
      const lines = queue.getSnapshot();
      // Until the whole queue is read, a feed would tell the host that most tickets closed.
      if (!lines.complete) return;
      sending = Promise.resolve()
        .then(() =>
          buildFeed(
            lines.entries,
            alertLevels,
            locale,
            correctedNowMs(),
            sentOffsetMs,
            getDeviceZone().current(),
          ),
        )
        .then(async (feed) => {
          // A mismatch (the host restarted, or lost an update) is answered with the whole feed.
          for (let attempt = 0; alive && attempt < 2; attempt += 1) {
            const update = sender.prepare(feed);
            const result = await host.request('alerts:update', update).catch(() => null);
            sender.settle(result?.ok ? result.value : null);
            if (result?.ok && result.value.applied) return;
            if (result && !result.ok) {
              console.warn(`[alerts] the host refused the feed: ${result.error.message}`);
              return;
            }
          }
        })
        .catch((error: unknown) => console.warn('[alerts] could not read the open tickets', error))
        .finally(() => {
          sending = null;
          lastSendMs = performance.now() - started;
        });
    };
    const schedule = () => {
      // Spaced at 4× the last send, like the queue: while 50,000 tickets stream in, re-planning
      // all of them must not take the main thread from the sync writing them.
      timer ??= window.setTimeout(() => void send(), Math.max(BATCH_MS, lastSendMs * 4));
    };

    const offOffset = subscribeClockOffset(() => {
      const offsetMs = currentClockOffset()?.offsetMs ?? 0;
      if (Math.abs(offsetMs - sentOffsetMs) >= OFFSET_RESEND_MS) schedule();
    });
    // The host words times and plans quiet hours in this zone; Electron's main may not see a
    // change of it by itself.
    const offZone = getDeviceZone().subscribe(schedule);
    const disconnect = connectRecentAlerts(host);
    const offOpen = host.on('alerts:open-ticket', ({ ticketId }) =>
      navigate({ name: 'ticket', ticketId }),
    );
    const offQueue = queue.subscribe(schedule);
    // The first feed re-plans every open ticket; it waits until the queue's first screen is up
    // (levels already reached by then go into the one summary anyway).
    timer = window.setTimeout(() => void send(), FIRST_FEED_DELAY_MS);
    return () => {
      alive = false;
      if (timer !== null) window.clearTimeout(timer);
      offQueue();
      offOffset();
      offZone();
      offOpen();
      disconnect();
    };
  }, [levelsKey, locale]);
}
