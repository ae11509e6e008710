import { useEffect } from 'react';
import { getHost, getHostKind } from '../lib/host';
import { useHostValue } from '../lib/useHostValue';
import { DeskAlerts } from '../features/alerts/DeskAlerts';
import { ClockSkewBanner } from '../features/clock/ClockSkewBanner';
import { useWindowClock } from '../features/clock/useWindowClock';
import { SignedInAs } from '../features/identity/SignedInAs';
import { DiagnosticsPage } from '../features/diagnostics/DiagnosticsPage';
import { IntakePage } from '../features/intake/IntakePage';
import { MaintenancePage } from '../features/maintenance/MaintenancePage';
import { QueuePage } from '../features/queue/QueuePage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { FirstRunScreen } from '../features/settings/FirstRunScreen';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SettingsProblemBanner } from '../features/settings/SettingsProblemBanner';
import { useSettingsSnapshot } from '../features/settings/settings-source';
import { TicketPage } from '../features/ticket/TicketPage';
import { AppHeader } from './AppHeader';
import { PageErrorBoundary } from './PageErrorBoundary';
import { StatusBar } from './StatusBar';
import { navigate, useRoute } from './route';

export function App() {
  const snapshot = useSettingsSnapshot();
  const infoResult = useHostValue('app:info');
  const info = infoResult?.ok ? infoResult.value : null;
  const route = useRoute();
  const settings = snapshot?.settings ?? null;
  // Until an ERP is chosen only the first-run screen and the Settings page open: everything
  // else works on that ERP's database.
  const erpChosen = settings?.erp.mode !== 'unset';
  useWindowClock();

  // The tray menu's «Настройки».
  useEffect(() => getHost().on('app:navigate', ({ page }) => navigate({ name: page })), []);

  return (
    <div className="app">
      <AppHeader settings={settings} signedInAs={erpChosen && <SignedInAs />} />
      <div className="app__notices">
        {snapshot?.problem && <SettingsProblemBanner problem={snapshot.problem} />}
        <ClockSkewBanner />
      </div>
      <main className="app__main">
        <PageErrorBoundary route={route}>
          {route.name === 'settings' ? (
            <SettingsPage />
          ) : !erpChosen ? (
            <FirstRunScreen />
          ) : route.name === 'ticket' ? (
            <TicketPage key={route.ticketId} ticketId={route.ticketId} />
          ) : route.name === 'intake' ? (
            <IntakePage />
          ) : route.name === 'reports' ? (
            <ReportsPage />
          ) : route.name === 'maintenance' ? (
            <MaintenancePage />
          ) : route.name === 'diagnostics' ? (
            <DiagnosticsPage />
          ) : (
            <QueuePage settings={settings} />
          )}
        </PageErrorBoundary>
      </main>
      <StatusBar hostKind={getHostKind()} info={info}>
        {erpChosen && <DeskAlerts />}
      </StatusBar>
    </div>
  );
}
