import { useEffect, useRef } from 'react';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  title: string;
  body: string;
  /** The safe answer: it has the focus, and Escape gives it. */
  keepLabel: string;
  confirmLabel: string;
  onKeep: () => void;
  onConfirm: () => void;
  testId?: string;
}

/**
 * Asks before something the user typed is lost. A modal `<dialog>`: the page behind it is inert,
 * Tab stays inside, Escape keeps; the safe answer has the focus.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (!node.open) node.showModal();
    keep.current?.focus();
    return () => node.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby="confirm-dialog-title"
      aria-describedby="confirm-dialog-body"
      data-testid={props.testId}
      // Escape belongs to the dialog: a form around it would take it as «Отмена» again.
      onKeyDown={(event) => event.key === 'Escape' && event.stopPropagation()}
      onCancel={(event) => {
        event.preventDefault();
        props.onKeep();
      }}
    >
      <h2 className="confirm-dialog__title" id="confirm-dialog-title">
        {props.title}
      </h2>
      <p id="confirm-dialog-body">{props.body}</p>
      <div className="confirm-dialog__actions">
        <button type="button" className="button button--primary" ref={keep} onClick={props.onKeep}>
          {props.keepLabel}
        </button>
        <button type="button" className="button" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
