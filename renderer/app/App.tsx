import { getHostKind } from '../lib/host';
import { useHostValue } from '../lib/useHostValue';
import { DeskAlerts } from '../features/alerts/DeskAlerts';
import { ClockSkewBanner } from '../features/clock/ClockSkewBanner';
import { useWindowClock } from '../features/clock/useWindowClock';
import { DiagnosticsPage } from '../features/diagnostics/DiagnosticsPage';
import { IntakePage } from '../features/intake/IntakePage';
import { QueuePage } from '../features/queue/QueuePage';
import { SettingsProblemBanner } from '../features/settings/SettingsProblemBanner';
import { TicketPage } from '../features/ticket/TicketPage';
import { AppHeader } from './AppHeader';
import { PageErrorBoundary } from './PageErrorBoundary';
import { StatusBar } from './StatusBar';
import { useRoute } from './route';

export function App() {
  const settingsResult = useHostValue('settings:get');
  const infoResult = useHostValue('app:info');
  const snapshot = settingsResult?.ok ? settingsResult.value : null;
  const info = infoResult?.ok ? infoResult.value : null;
  const route = useRoute();
  useWindowClock();

  return (
    <div className="app">
      <AppHeader settings={snapshot?.settings ?? null} />
      <div className="app__notices">
        {snapshot?.problem && <SettingsProblemBanner problem={snapshot.problem} />}
        <ClockSkewBanner />
      </div>
      <main className="app__main">
        <PageErrorBoundary route={route}>
          {route.name === 'ticket' ? (
            <TicketPage key={route.ticketId} ticketId={route.ticketId} />
          ) : route.name === 'intake' ? (
            <IntakePage />
          ) : route.name === 'diagnostics' ? (
            <DiagnosticsPage />
          ) : (
            <QueuePage settings={snapshot?.settings ?? null} />
          )}
        </PageErrorBoundary>
      </main>
      <StatusBar hostKind={getHostKind()} info={info} />
      <DeskAlerts />
    </div>
  );
}
