/** The part of OHIF's app-config (window.config) read here: its OpenID Connect clients (OHIF signs in with oidc[0] only). */
export interface SignInConfig {
  oidc?: Array<{ authority?: string }>;
}

/** The app-config the viewer runs with, as OHIF's appInit leaves it on window.config. */
export function viewerConfig(): SignInConfig | undefined {
  return (window as unknown as { config?: SignInConfig }).config;
}

/** The OpenID Provider users sign in with, or null when the viewer has no sign-in (no `oidc` in the app-config). */
export function signInAuthority(config: SignInConfig | undefined): string | null {
  return config?.oidc?.[0]?.authority?.trim() || null;
}
