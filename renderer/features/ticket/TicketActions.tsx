import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain/ticket';
import { describeRefusal } from '../identity/people';
import { usePeople } from '../identity/usePeople';
import { HandOverForm } from './HandOverForm';
import { LogWorkForm } from './LogWorkForm';
import { PauseForm } from './PauseForm';
import { ResolveForm } from './ResolveForm';
import {
  ChangePriorityForm,
  CommentForm,
  ExtendForm,
  ReopenForm,
  ScheduleFixForm,
} from './SmallForms';
import { ONE_CLICK_ACTIONS, availableActions, type ToolbarAction } from './available-actions';
import { useTicketAction } from './useTicketAction';
import type { Recorded } from './FormParts';
import { focusNextStep, focusRecordedEntry } from './focus-recorded';
import { useTicketDrafts } from '../drafts/useTicketDrafts';
import { DraftPreloadContext } from '../drafts/draft-preload';
import type { DraftForm } from '../../db/repos/drafts';
import { useRedoStore, type RedoRequest } from '../sync/redo-request';
import './ticket-actions.css';
import { correctedNowMs } from '../../lib/window-clock';

/** The likely next step: the first of these the ticket allows is drawn as the primary button. */
const NEXT_STEPS: readonly ToolbarAction[] = ['react', 'resume', 'resolve', 'reopen'];

/**
 * Actions that change the ticket's state, and with it the toolbar: after them the focus goes to
 * the next step (resume after a pause, reopen after a resolution), which the state label beside
 * it explains. The other actions add a record and leave the toolbar as it was: the focus goes to
 * that record in the timeline, the one place that shows what was recorded.
 */
const STATE_CHANGES: ReadonlySet<ToolbarAction> = new Set(['pause', 'resolve', 'reopen']);

interface TicketActionsProps {
  ticket: Ticket;
  zone: string;
}

/**
 * The actions valid in the ticket's current state. One-click actions (take into work, resume)
 * act at once; the others open a small inline form under the toolbar. Every action is written
 * locally first, so all of them work offline.
 */
export function TicketActions({ ticket, zone }: TicketActionsProps) {
  const { t } = useTranslation();
  const people = usePeople();
  const [open, setOpen] = useState<{ type: ToolbarAction; openedAt: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { perform, busy } = useTicketAction(ticket.id);
  const buttons = useRef(new Map<ToolbarAction, HTMLButtonElement>());
  const drafts = useTicketDrafts(ticket.id);
  const actions = availableActions(ticket);
  const primary = NEXT_STEPS.find((type) => actions.includes(type));
  // A refused action to redo here (from the list of refused actions): its form opens prefilled,
  // once per request (React's "adjust state when an input changes" pattern, not an effect).
  const redo = useRedoStore((state) => state.request);
  const redoHere = redo?.ticketId === ticket.id ? redo : null;
  const redoForm = redoHere && redoHere.form !== 'create' ? redoHere.form : null;
  const [seenRedo, setSeenRedo] = useState<RedoRequest | null>(null);
  if (redoHere !== seenRedo) {
    setSeenRedo(redoHere);
    if (redoForm) setOpen({ type: redoForm, openedAt: new Date(correctedNowMs()).toISOString() });
  }

  const close = (recorded?: Recorded) => {
    const type = open?.type;
    setOpen(null);
    // Cancelled or done, the prefill is spent; the refused action stays listed until redone.
    if (redoForm) useRedoStore.getState().clearRedo();
    // Back to the button that opened the form, or the first one if the action no longer applies.
    const opener = () =>
      (type && buttons.current.get(type)) || buttons.current.values().next().value;
    if (recorded && type && STATE_CHANGES.has(type)) {
      focusNextStep(buttons.current, type, NEXT_STEPS);
      return;
    }
    // Recorded: to the new timeline entry; cancelled: back where the user was.
    if (recorded?.commandId) {
      focusRecordedEntry(recorded.commandId, opener);
      return;
    }
    requestAnimationFrame(() => {
      const target = opener();
      if (target?.isConnected) target.focus();
    });
  };

  const choose = async (type: ToolbarAction) => {
    setRefusal(null);
    if (redoForm && type !== redoForm) useRedoStore.getState().clearRedo();
    if (ONE_CLICK_ACTIONS.has(type)) {
      setOpen(null);
      const result =
        type === 'release'
          ? await perform('assign', { to: null })
          : await perform(type as 'react' | 'resume', {});
      if (!result.ok) setRefusal(describeRefusal(result.error, people, t));
      return;
    }
    setOpen((current) =>
      current?.type === type ? null : { type, openedAt: new Date(correctedNowMs()).toISOString() },
    );
  };

  return (
    <section className="ticket-actions" aria-label={t('ticket.actions.label')}>
      <div className="ticket-actions__bar" role="group" aria-label={t('ticket.actions.label')}>
        {actions.map((type) => (
          <button
            key={type}
            type="button"
            ref={(node) => {
              if (node) buttons.current.set(type, node);
              else buttons.current.delete(type);
            }}
            className={type === primary ? 'button button--primary' : 'button'}
            aria-expanded={ONE_CLICK_ACTIONS.has(type) ? undefined : open?.type === type}
            disabled={busy && ONE_CLICK_ACTIONS.has(type)}
            onClick={() => void choose(type)}
          >
            {t(`ticket.actions.${type}`)}
            {drafts.forms.has(type as DraftForm) && (
              <span className="draft-badge" data-testid="draft-badge">
                {t('drafts.badge')}
              </span>
            )}
          </button>
        ))}
      </div>
      {refusal && (
        <p className="action-form__refusal" role="alert">
          {t('ticket.actions.refused', { message: refusal })}
        </p>
      )}
      {open && (
        <DraftPreloadContext value={drafts.preload}>
          <ActionPanel
            type={open.type}
            openedAt={open.openedAt}
            ticket={ticket}
            zone={zone}
            onClose={close}
          />
        </DraftPreloadContext>
      )}
    </section>
  );
}

interface ActionPanelProps extends TicketActionsProps {
  type: ToolbarAction;
  openedAt: string;
  onClose: () => void;
}

function ActionPanel({ type, openedAt, ticket, zone, onClose }: ActionPanelProps) {
  switch (type) {
    case 'pause':
      return <PauseForm ticket={ticket} zone={zone} onClose={onClose} />;
    case 'resolve':
      return <ResolveForm ticket={ticket} zone={zone} onClose={onClose} />;
    case 'schedule_fix':
      return <ScheduleFixForm ticket={ticket} zone={zone} onClose={onClose} />;
    case 'extend':
      return <ExtendForm ticket={ticket} onClose={onClose} />;
    case 'change_priority':
      return <ChangePriorityForm ticket={ticket} onClose={onClose} />;
    case 'comment':
      return <CommentForm ticket={ticket} onClose={onClose} />;
    case 'log_work':
      return <LogWorkForm ticket={ticket} zone={zone} openedAt={openedAt} onClose={onClose} />;
    case 'reopen':
      return <ReopenForm ticket={ticket} onClose={onClose} />;
    case 'assign':
      return <HandOverForm ticket={ticket} onClose={onClose} />;
    case 'react':
    case 'resume':
    case 'release':
      return null;
  }
}
