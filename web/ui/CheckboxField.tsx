import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

export type CheckboxFieldProps = {
  label: ReactNode;
  /** What ticking the box means, read with it (aria-describedby). */
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'>;

/** A labelled checkbox with an optional explanation tied to it; the whole label line is the click target. */
export function CheckboxField({ label, hint, id, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className="field">
      <label className="choice" htmlFor={fieldId}>
        <input
          {...input}
          type="checkbox"
          id={fieldId}
          aria-describedby={hint ? `${fieldId}-hint` : undefined}
        />
        <strong>{label}</strong>
      </label>
      {hint && (
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
