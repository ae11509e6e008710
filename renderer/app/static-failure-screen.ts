import { redactSecrets } from '@shared/host/redact';
import { errorSummary, type Failure } from '../features/diagnostics/error-report';
import { copyText } from '../lib/clipboard';
import { failureEn, failureRu, type FailureTexts } from './failure-messages';
import { failureReportText } from './failure-report';

/**
 * Which story the screen tells: the start failed, the Electron bridge is missing, or an error
 * escaped every boundary once the app was running.
 */
export type StaticFailure = 'start' | 'bridge' | 'window';

const LANGUAGES: ReadonlyArray<readonly ['ru' | 'en', FailureTexts]> = [
  ['ru', failureRu],
  ['en', failureEn],
];

/**
 * The error screen for what React cannot show. Plain DOM in Russian and English, since i18n may
 * not be running; no inline style (the CSP forbids it): failure.css, which the entry's HTML links
 * before any script runs, styles these classes. Replaces the whole page.
 */
export function showStaticFailure(which: StaticFailure, failure: Failure): void {
  const card = element('section', 'failure failure--window', { role: 'alert' });
  card.dataset['testid'] = 'failure-static';
  for (const [language, texts] of LANGUAGES) {
    const block = element('div', language === 'ru' ? '' : 'failure__translation', {
      lang: language,
    });
    block.append(
      element(language === 'ru' ? 'h1' : 'h2', 'failure__title', {}, texts[which].title),
      element('p', 'failure__body', {}, texts[which].body),
    );
    card.append(block);
  }
  card.append(element('p', 'failure__error', {}, redactSecrets(errorSummary(failure.error))));

  const status = element('div', 'failure__status', { role: 'status' });
  status.hidden = true;
  const reload = button('button button--primary', 'reload', () => window.location.reload());
  const copy = button('button', 'copy', async () => {
    const report = failureReportText(failure);
    const copied = await copyText(report);
    status.className = `failure__status failure__status--${copied ? 'ok' : 'refused'}`;
    status.replaceChildren(...bilingual(copied ? 'copied' : 'copyRefused'));
    if (!copied) {
      const text = element('textarea', 'failure__report', { 'aria-label': failureRu.report });
      text.readOnly = true;
      text.value = report;
      status.append(text);
    }
    status.hidden = false;
  });
  card.append(element('div', 'failure__actions', {}, reload, copy), status);

  const screen = element('div', 'failure-window', {}, brand(), card);
  document.body.replaceChildren(screen);
}

type Phrase = 'reload' | 'copy' | 'copied' | 'copyRefused';

function bilingual(phrase: Phrase): HTMLElement[] {
  return LANGUAGES.map(([language, texts]) =>
    element('span', 'failure__phrase', { lang: language }, texts[phrase]),
  );
}

function button(className: string, phrase: Phrase, onClick: () => unknown): HTMLButtonElement {
  const node = element('button', className, { type: 'button' });
  node.textContent = `${failureRu[phrase]} · ${failureEn[phrase]}`;
  node.addEventListener('click', () => void onClick());
  return node;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  attributes: Record<string, string>,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function svgElement(tag: string, attributes: Record<string, string>, ...children: Element[]) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// The product mark as ProductMark.tsx draws it, so the screen still looks like the app.
function brand(): HTMLElement {
  const mark = svgElement(
    'svg',
    {
      class: 'product-mark',
      viewBox: '0 0 24 24',
      width: '24',
      height: '24',
      'aria-hidden': 'true',
    },
    svgElement('rect', { width: '24', height: '24', rx: '5', fill: 'currentColor' }),
    svgElement('path', {
      d: 'M8 18V6h5.2a3.8 3.8 0 0 1 0 7.6H8',
      fill: 'none',
      stroke: '#fff',
      'stroke-width': '2.2',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    }),
  );
  return element('div', 'failure-window__brand', {}, mark, 'PROконтакт');
}
