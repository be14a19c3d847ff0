/**
 * Which Host and Origin a request may carry. The Host check defeats DNS rebinding (a page on
 * evil.example whose name resolves to 127.0.0.1 reaches the gateway with `Host: evil.example`);
 * the Origin check defeats cross-site writes (a page the user visits may POST a "simple" request
 * to the gateway; the browser names the page's origin in `Origin` and `Sec-Fetch-Site`).
 */
export interface HostPolicy {
  /** `host[:port]` values, lower case. */
  allowedHosts: ReadonlySet<string>;
  /** `scheme://host[:port]` values, lower case. */
  allowedOrigins: ReadonlySet<string>;
}

/** The host names a gateway listening on `listenHost:port` answers to when none are configured. */
export function defaultAllowedHosts(listenHost: string, port: number): string[] {
  const names = new Set([listenHost.includes(':') ? `[${listenHost}]` : listenHost, 'localhost']);
  if (listenHost === '127.0.0.1' || listenHost === '0.0.0.0') names.add('127.0.0.1');
  names.delete('0.0.0.0');
  names.delete('[::]');
  return [...names].flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
}

export function hostPolicy(allowedHosts: readonly string[], allowedOrigins?: readonly string[]): HostPolicy {
  const hosts = allowedHosts.map((host) => host.toLowerCase());
  const origins = allowedOrigins ?? hosts.flatMap((host) => [`http://${host}`, `https://${host}`]);
  return { allowedHosts: new Set(hosts), allowedOrigins: new Set(origins.map((origin) => origin.toLowerCase().replace(/:443$|\/$/, ''))) };
}

export function isAllowedHost(policy: HostPolicy, host: string | undefined): boolean {
  return host !== undefined && policy.allowedHosts.has(host.toLowerCase());
}

/**
 * A state-changing request comes from the viewer itself: its `Origin` is an allowed one, or, when
 * a browser sent no Origin, it says `Sec-Fetch-Site: same-origin`. Non-browser clients (the segqc
 * CLI) name the gateway's origin in `Origin`. A browser's cross-site or same-site request is
 * refused whatever else it says.
 */
export function isSameOriginWrite(policy: HostPolicy, origin: string | undefined, fetchSite: string | undefined): boolean {
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  if (origin !== undefined) return policy.allowedOrigins.has(origin.toLowerCase());
  return fetchSite === 'same-origin';
}
