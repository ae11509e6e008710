import type { ReactNode } from 'react';
import { controlProps, type ControlProps } from '../../components/control-props';

interface SettingsFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** What is wrong with the value, already in words; shown under the control. */
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, after a save or a check, what is wrong with it. */
export function SettingsField({ id, label, hint, error, className, children }: SettingsFieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return (
    <div className={`settings-field${error ? ' settings-field--invalid' : ''} ${className ?? ''}`}>
      <label className="settings-field__label" htmlFor={id}>
        {label}
      </label>
      {children(controlProps(id, { hintId, errorId }))}
      {hint && (
        <p className="settings-field__hint" id={hintId ?? undefined}>
          {hint}
        </p>
      )}
      {error && (
        <p className="settings-field__error" id={errorId ?? undefined}>
          {error}
        </p>
      )}
    </div>
  );
}
