import { useState, type FormEvent } from 'react';
import type { Identity, IdentityError } from './Identity';
import type { SelfDeclaredIdentityInput } from './selfDeclaredIdentity';

export interface IdentityFormProps {
  /** From useIdentity. */
  identity: Identity | null;
  /** From useIdentity: why the last declaration was refused. */
  error: IdentityError | null;
  /** useIdentity's declare: true when accepted. */
  onDeclare(input: SelfDeclaredIdentityInput): boolean;
  /** useIdentity's forget. */
  onForget?(): void;
}

/** One labelled input of the form, marked invalid when the refused declaration names its field. */
function IdentityField({ field, label, value, onChange, placeholder, autoComplete, error }: {
  field: 'name' | 'login';
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder: string;
  autoComplete: string;
  error: IdentityError | null;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        data-testid={`segqc-identity-${field}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        aria-invalid={error?.field === field}
        autoComplete={autoComplete}
      />
    </label>
  );
}

/**
 * Who is working: the signed-in user (read-only), or a name and login the user types when the
 * viewer has no login. A name written `Family^Given` is recorded in DICOM that way; any other text
 * is recorded as typed (see personName.ts).
 */
export function IdentityForm({ identity, error, onDeclare, onForget }: IdentityFormProps) {
  const [editing, setEditing] = useState(identity === null);
  const declared = identity !== null && identity.authentication === undefined;
  const [name, setName] = useState(declared ? identity.name : '');
  const [login, setLogin] = useState(declared ? identity.login : '');

  if (identity?.authentication) {
    return (
      <section className="segqc-identity" data-testid="segqc-identity" data-self-declared="false" title={`Signed in at ${identity.authentication.issuer}`}>
        Signed in as <span className="segqc-identity-name">{identity.name}</span> <span className="segqc-login">({identity.login})</span>
      </section>
    );
  }

  if (identity && !editing) {
    return (
      <section className="segqc-identity" data-testid="segqc-identity" data-self-declared="true">
        <span className="segqc-identity-name">{identity.name}</span> <span className="segqc-login">({identity.login})</span>{' '}
        <span className="segqc-role">self-declared</span>
        <button type="button" className="segqc-toggle" data-testid="segqc-identity-change" onClick={() => setEditing(true)}>
          Change
        </button>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onDeclare({ name, login })) setEditing(false);
  };
  return (
    <form className="segqc-identity segqc-identity-form" data-testid="segqc-identity-form" onSubmit={submit}>
      <p className="segqc-identity-hint">This viewer has no login: say who you are. It is recorded as self-declared with what you save.</p>
      {/* Placeholders that read as instructions, not as a name someone already typed; the examples are in the hint. */}
      <IdentityField field="name" label="Name" value={name} onChange={setName} placeholder="type your name" autoComplete="name" error={error} />
      <IdentityField field="login" label="Login" value={login} onChange={setLogin} placeholder="type your login" autoComplete="username" error={error} />
      <p className="segqc-identity-hint">Write the name as Family^Given (for example Rivera^Ana) to record it that way in DICOM; otherwise it is recorded as typed. The name is remembered in this tab until it closes.</p>
      {error && (
        <div className="segqc-error" role="alert" data-testid="segqc-identity-error" data-field={error.field}>
          {error.message}
        </div>
      )}
      <div className="segqc-identity-actions">
        <button type="submit" className="segqc-toggle" data-testid="segqc-identity-save">
          Save
        </button>
        {identity && (
          <button type="button" className="segqc-toggle" onClick={() => setEditing(false)}>
            Cancel
          </button>
        )}
        {identity && onForget && (
          <button
            type="button"
            className="segqc-toggle"
            data-testid="segqc-identity-forget"
            onClick={() => {
              onForget();
              setName('');
              setLogin('');
            }}
          >
            Forget me
          </button>
        )}
      </div>
    </form>
  );
}
