import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { 'data-testid': string };

/** One labelled text field of the login card (sign-in and password change). */
export function LoginField({ label, value, onChange, ...input }: InputProps & {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="login__field">
      {label}
      <input required {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The card's error line, read out when it appears; nothing while there is no error. */
export function LoginError({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <p className="login__error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
