import { getHostKind } from '../lib/host';
import { useHostValue } from '../lib/useHostValue';
import { QueuePage } from '../features/queue/QueuePage';
import { SettingsProblemBanner } from '../features/settings/SettingsProblemBanner';
import { AppHeader } from './AppHeader';
import { StatusBar } from './StatusBar';

export function App() {
  const settingsResult = useHostValue('settings:get');
  const infoResult = useHostValue('app:info');
  const snapshot = settingsResult?.ok ? settingsResult.value : null;
  const info = infoResult?.ok ? infoResult.value : null;

  return (
    <div className="app">
      <AppHeader settings={snapshot?.settings ?? null} />
      {snapshot?.problem && <SettingsProblemBanner problem={snapshot.problem} />}
      <main className="app__main">
        <QueuePage settings={snapshot?.settings ?? null} />
      </main>
      <StatusBar hostKind={getHostKind()} info={info} />
    </div>
  );
}
