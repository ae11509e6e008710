// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Organization } from '@shared/domain/ticket';
import type { PlanWindowPayload } from '@shared/maintenance';
import { PlanWindowForm } from '../../../../renderer/features/maintenance/PlanWindowForm';
import {
  EMPTY_WINDOW_FORM,
  type WindowForm,
} from '../../../../renderer/features/maintenance/window-form';
import { initI18n } from '../../../../renderer/lib/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const romashka: Organization = {
  id: 'org-romashka',
  name: 'ООО «Ромашка»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: [],
  contactEmails: ['it@romashka.ru'],
  version: 1,
};
const plan = vi.fn<(payload: PlanWindowPayload, organization: Organization) => Promise<void>>();
let container: HTMLElement;
let root: Root;

beforeAll(async () => {
  await initI18n();
});

beforeEach(async () => {
  vi.useFakeTimers();
  // Sunday 2027-01-10 12:00 in Moscow.
  vi.setSystemTime(Date.parse('2027-01-10T09:00:00Z'));
  plan.mockReset();
  plan.mockResolvedValue(undefined);
  await i18next.changeLanguage('ru');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<Planner />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

function Planner() {
  const [form, setForm] = useState<WindowForm>(EMPTY_WINDOW_FORM);
  return (
    <PlanWindowForm
      organizations={[romashka]}
      form={form}
      onChange={setForm}
      plan={plan}
      restored={false}
      onDiscard={() => undefined}
    />
  );
}

const byId = <T extends HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;
const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;

/** Sets a control's value as typing does: React hears the native input/change event. */
function type(id: string, value: string): void {
  const control = byId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value')!.set!;
  act(() => {
    setter.call(control, value);
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

const click = (element: HTMLElement) => act(() => element.click());
async function submit(): Promise<void> {
  await act(async () => {
    container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await Promise.resolve();
  });
}

function fillWorkingHoursWindow(): void {
  type('window-organizationId', romashka.id);
  // Monday 2027-01-11 is a working day: 06:00–08:00 touches 07:00–08:00.
  type('window-startsAt', '2027-01-11T06:00');
  type('window-endsAt', '2027-01-11T08:00');
  type('window-unavailable', 'Отчёты по звонкам');
  click(container.querySelector<HTMLInputElement>('input[name="window-mode"]')!);
}

describe('the planner', () => {
  it('shows the customer’s zone and the open spans of the typed day on their clock', () => {
    type('window-organizationId', romashka.id);
    type('window-startsAt', '2027-01-11T06:00');
    expect(text('[data-testid="window-zone"]')).toBe('По времени заказчика: Europe/Moscow, UTC+3');
    const spans = text('[data-testid="window-open-spans"]');
    expect(spans).toContain('пн 11.01.2027 00:00 – 07:00');
    expect(spans).toContain('пн 11.01.2027 18:00 – 24:00');
  });

  it('submitted empty, names every missing field and plans nothing', async () => {
    await submit();
    const summary = text('.maintenance-form__summary');
    expect(summary).toContain('Выберите организацию.');
    expect(summary).toContain('Укажите начало окна.');
    expect(summary).toContain('Укажите окончание окна.');
    expect(summary).toContain('Напишите, что будет недоступно');
    expect(summary).toContain('Выберите режим');
    expect(plan).not.toHaveBeenCalled();
  });

  it('refuses working hours in words; only a ticked override with a reason plans it', async () => {
    fillWorkingHoursWindow();
    await submit();
    expect(text('[data-testid="window-refusal"]')).toBe(
      'Окно задевает рабочее время заказчика: пн 11.01.2027 с 07:00 до 08:00 по времени заказчика (UTC+3). Техработы допускаются в рабочие дни с 18:00 до 07:00, в выходные и праздники — круглосуточно (регламент, §5).',
    );
    expect(plan).not.toHaveBeenCalled();

    click(byId('window-override'));
    await submit();
    expect(text('#window-overrideReason-error')).toContain('Напишите причину');
    expect(plan).not.toHaveBeenCalled();

    type('window-overrideReason', 'Авария на АТС заказчика');
    await submit();
    expect(plan).toHaveBeenCalledWith(
      {
        organizationId: romashka.id,
        startsAt: '2027-01-11T03:00:00.000Z',
        endsAt: '2027-01-11T05:00:00.000Z',
        unavailable: 'Отчёты по звонкам',
        mode: 'normal',
        overrideReason: 'Авария на АТС заказчика',
      },
      romashka,
    );
  });

  it('a window in the allowed hours plans without asking', async () => {
    fillWorkingHoursWindow();
    type('window-startsAt', '2027-01-11T19:00');
    type('window-endsAt', '2027-01-11T23:00');
    await submit();
    expect(container.querySelector('[data-testid="window-refusal"]')).toBeNull();
    expect(plan).toHaveBeenCalledTimes(1);
    expect(plan.mock.calls[0]![0]).not.toHaveProperty('overrideReason');
  });
});
