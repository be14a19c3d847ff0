import { createHash } from 'node:crypto';

/**
 * The demo provider's pages, rendered on the server: sign-in, sign-out confirmation, signed out,
 * and errors. No scripts; one stylesheet, allowed by its hash in the pages' CSP (providerHeaders.ts).
 */
export const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;background:#0b1a2a;color:#e8eef4;margin:0}' +
  'main{max-width:22rem;margin:12vh auto;padding:2rem;background:#132b44;border-radius:8px}' +
  'h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem}' +
  'input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}' +
  'button{margin-top:1.2rem;padding:.5rem 1rem;font-size:1rem;cursor:pointer}' +
  '.error{background:#5c1a1a;padding:.6rem;border-radius:4px}.note{color:#9fb3c8;font-size:.85rem}';

export const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')}'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body><main>${body}</main></body></html>\n`;
}

export interface SignInPageOptions {
  /** Where the form posts. */
  action: string;
  /** The application asking for the sign-in. */
  clientName: string;
  /** The login typed before, kept after a failed attempt. */
  login?: string;
  /** Why the last attempt failed. */
  error?: string;
}

export function signInPage(options: SignInPageOptions): string {
  return page(
    'Sign in to SegQC',
    `<h1>Sign in to ${escapeHtml(options.clientName)}</h1>` +
      (options.error ? `<p class="error" role="alert" data-testid="sign-in-error">${escapeHtml(options.error)}</p>` : '') +
      `<form method="post" action="${escapeHtml(options.action)}">` +
      `<label for="login">Login</label><input id="login" name="login" autocomplete="username" required autofocus value="${escapeHtml(options.login ?? '')}">` +
      `<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>` +
      `<button type="submit">Sign in</button></form>` +
      '<p class="note">SegQC demo identity provider: the demo users are listed in the README.</p>',
  );
}

/** oidc-provider's logout confirmation: `form` is its hidden form (id `op.logoutForm`, with its XSRF token). */
export function signOutPage(form: string): string {
  return page(
    'Sign out of SegQC',
    `<h1>Sign out of SegQC?</h1>${form}` +
      '<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button> ' +
      '<button type="submit" form="op.logoutForm">Stay signed in</button>',
  );
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>You are signed out of SegQC</h1>');
}

export function errorPage(error: string, description?: string): string {
  return page('Sign-in error', `<h1>Sign-in failed</h1><p class="error" role="alert">${escapeHtml(description ?? error)}</p><p class="note">Go back to SegQC and sign in again.</p>`);
}
