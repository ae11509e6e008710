import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** Label–value rows of a diagnostics card. */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((fact) => (
        <div className="facts__row" key={fact.label}>
          <dt className="facts__label">{fact.label}</dt>
          <dd className="facts__value" data-testid={fact.testId}>
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A card's frame: title, then its content, a loading line, or why it could not be read. */
export function Card({
  title,
  state,
  children,
  testId,
  layout,
}: {
  title: string;
  /** Where the card sits in the page's grid. */
  layout?: 'tall' | 'wide';
  /** null: the content; otherwise the line shown instead. */
  state: string | null;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      className={layout ? `diagnostics-card diagnostics-card--${layout}` : 'diagnostics-card'}
      aria-label={title}
      data-testid={testId}
    >
      <h2 className="diagnostics-card__title">{title}</h2>
      {state === null ? children : <p className="diagnostics-card__state">{state}</p>}
    </section>
  );
}
