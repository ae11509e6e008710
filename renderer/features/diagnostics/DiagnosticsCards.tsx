import { useTranslation } from 'react-i18next';
import type { HostDiagnostics } from '@shared/host/diagnostics';
import type { SyncStatus } from '@shared/sync/status';
import { hrefOf } from '../../app/route';
import type { SyncSnapshot } from '../../db/repos/sync-diagnostics';
import { useNowEvery } from '../../lib/useNow';
import { formatAgo, formatInstant, formatSpan } from './diagnostics-format';
import type { ErpCheck, Part } from './diagnostics-report';
import { Card, Facts } from './Facts';

const AGE_STEP_MS = 10_000;

/** The line a card shows instead of its content: loading, or why the part could not be read. */
function usePartState<T>(part: Part<T> | null): [string | null, T | null] {
  const { t } = useTranslation();
  if (part === null) return [t('diagnostics.loading'), null];
  if (!part.ok) return [t('diagnostics.unavailable', { error: part.error }), null];
  return [null, part.value];
}

export function AppCard({ host }: { host: Part<HostDiagnostics> | null }) {
  const { t } = useTranslation();
  const [state, value] = usePartState(host);
  const dash = '—';
  return (
    <Card title={t('diagnostics.app.title')} state={state} testId="diagnostics-app">
      {value && (
        <Facts
          facts={[
            {
              label: t('diagnostics.app.version'),
              value: value.app.version,
              testId: 'app-version',
            },
            {
              label: t('diagnostics.app.host'),
              value:
                value.host === 'electron'
                  ? t('diagnostics.app.hostElectron')
                  : t('diagnostics.app.hostBrowser'),
            },
            { label: t('diagnostics.app.electron'), value: value.versions.electron ?? dash },
            { label: t('diagnostics.app.chrome'), value: value.versions.chrome ?? dash },
            { label: t('diagnostics.app.node'), value: value.versions.node ?? dash },
            {
              label: t('diagnostics.app.os'),
              value: [value.os.platform, value.os.release, value.os.arch]
                .filter((part) => part !== null)
                .join(' '),
            },
          ]}
        />
      )}
    </Card>
  );
}

export function ErpCard({ host, check }: { host: Part<HostDiagnostics> | null; check: ErpCheck }) {
  const { t } = useTranslation();
  const [state, value] = usePartState(host);
  const reachable = check.state === 'reachable';
  return (
    <Card title={t('diagnostics.erp.title')} state={state} testId="diagnostics-erp">
      {value && (
        <Facts
          facts={[
            {
              label: t('diagnostics.erp.kind'),
              value: t(`diagnostics.erp.kinds.${value.erp.kind}`),
            },
            { label: t('diagnostics.erp.url'), value: value.erp.url ?? t('diagnostics.unknown') },
            {
              label: t('diagnostics.erp.token'),
              value:
                value.erp.tokenPresent === null
                  ? t('diagnostics.unknown')
                  : value.erp.tokenPresent
                    ? t('diagnostics.erp.tokenSet')
                    : t('diagnostics.erp.tokenNotSet'),
            },
            {
              label: t('diagnostics.erp.reachability'),
              testId: 'erp-reachability',
              value: (
                <span title={check.detail ?? undefined}>
                  <span
                    className={`pill ${reachable ? 'pill--ok' : check.state === 'checking' ? '' : 'pill--warn'}`}
                  >
                    <span className="pill__dot" aria-hidden="true" />
                    {t(`diagnostics.erp.states.${check.state}`)}
                  </span>
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export function SyncCard({
  status,
  store,
}: {
  status: SyncStatus;
  store: Part<SyncSnapshot> | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const now = useNowEvery(AGE_STEP_MS);
  const [state, value] = usePartState(store);
  const ago = (iso: string) => formatAgo(now - Date.parse(iso), locale);
  const lastSuccessAt = value?.lastSuccessAt ?? status.lastSuccessAt;
  const offset = value?.clockOffset ?? null;
  return (
    <Card title={t('diagnostics.sync.title')} state={state} testId="diagnostics-sync" layout="tall">
      {value && (
        <Facts
          facts={[
            {
              label: t('diagnostics.sync.connection'),
              value: t(`diagnostics.sync.connections.${status.connection}`),
            },
            {
              label: t('diagnostics.sync.lastSuccess'),
              value: lastSuccessAt
                ? `${formatInstant(lastSuccessAt, locale)} (${ago(lastSuccessAt)})`
                : t('diagnostics.sync.never'),
            },
            {
              label: t('diagnostics.sync.cursor'),
              testId: 'sync-cursor',
              value:
                value.cursor === null
                  ? t('diagnostics.sync.cursorNone')
                  : lastSuccessAt
                    ? t('diagnostics.sync.cursorAge', { ago: ago(lastSuccessAt) })
                    : t('diagnostics.unknown'),
            },
            {
              label: t('diagnostics.sync.clockOffset'),
              testId: 'sync-clock-offset',
              value:
                offset === null ? (
                  t('diagnostics.sync.clockUnknown')
                ) : (
                  <>
                    {t(
                      offset.offsetMs >= 0
                        ? 'diagnostics.sync.clockAhead'
                        : 'diagnostics.sync.clockBehind',
                      { value: formatSpan(offset.offsetMs, locale) },
                    )}
                    <span className="facts__note">
                      {t('diagnostics.sync.clockDetail', {
                        ago: formatAgo(now - offset.measuredAt, locale),
                        rtt: formatSpan(offset.rttMs, locale),
                      })}
                    </span>
                  </>
                ),
            },
            {
              label: t('diagnostics.sync.pending'),
              testId: 'sync-pending-count',
              value: value.oldestPendingAt
                ? `${value.pending} · ${t('diagnostics.sync.oldest', { ago: ago(value.oldestPendingAt) })}`
                : String(value.pending),
            },
            {
              label: t('diagnostics.sync.deadLetters'),
              testId: 'sync-dead-letter-count',
              value: String(value.deadLetterCount),
            },
            {
              label: t('diagnostics.sync.queue'),
              value: t('diagnostics.sync.queueValue', {
                open: value.queueSize,
                tickets: value.tickets,
              }),
            },
            {
              label: t('diagnostics.sync.lastError'),
              value: status.lastError
                ? `${t(`sync.errors.${status.lastError.kind}`)}: ${status.lastError.message}`
                : t('diagnostics.none'),
            },
            ...(status.nextRetryAt
              ? [
                  {
                    label: t('diagnostics.sync.nextRetry'),
                    value: formatInstant(status.nextRetryAt, locale),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

export function DeadLettersCard({ store }: { store: Part<SyncSnapshot> | null }) {
  const { t, i18n } = useTranslation();
  const [state, value] = usePartState(store);
  return (
    <Card title={t('diagnostics.deadLetters.title')} state={state} layout="wide">
      {value &&
        (value.deadLetters.length === 0 ? (
          <p className="diagnostics-card__state">{t('diagnostics.deadLetters.empty')}</p>
        ) : (
          <ul className="diagnostics-letters">
            {value.deadLetters.map((letter) => (
              <li key={letter.commandId} className="diagnostics-letters__item">
                <span className="diagnostics-letters__what">
                  {t(`deadLetters.types.${letter.type}`)} · {t(`deadLetters.${letter.status}`)} ·{' '}
                  <a href={hrefOf({ name: 'ticket', ticketId: letter.ticketId })}>
                    {t('diagnostics.deadLetters.ticket', { id: letter.ticketId.slice(0, 8) })}
                  </a>{' '}
                  · {formatInstant(letter.deadAt, i18n.language)}
                </span>
                <span className="diagnostics-letters__reason">
                  {letter.error.code}: {letter.error.message}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </Card>
  );
}

export function LogCard({ host }: { host: Part<HostDiagnostics> | null }) {
  const { t } = useTranslation();
  const [state, value] = usePartState(host);
  return (
    <Card title={t('diagnostics.log.title')} state={state} testId="diagnostics-log">
      {value && (
        <>
          <p className="diagnostics-card__note">
            {value.log.source === 'file'
              ? t('diagnostics.log.fileNote', {
                  count: value.log.lines.length,
                  location: value.log.location ?? 'main.log',
                })
              : t('diagnostics.log.memoryNote')}
          </p>
          {value.log.dropped !== null && value.log.dropped > 0 && (
            <p className="diagnostics-card__note" data-testid="diagnostics-log-dropped">
              {t('diagnostics.log.droppedNote', { count: value.log.dropped })}
            </p>
          )}
          {value.log.lines.length === 0 ? (
            <p className="diagnostics-card__state">{t('diagnostics.log.empty')}</p>
          ) : (
            <pre className="diagnostics-log" data-testid="diagnostics-log-lines">
              {value.log.lines.join('\n')}
            </pre>
          )}
        </>
      )}
    </Card>
  );
}
