/** What a Bearer challenge says about a refused token (RFC 6750 §3), e.g. `invalid_token` and why. */
export interface BearerChallenge {
  error?: string;
  errorDescription?: string;
}

const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
/** One auth-param (RFC 9110 §11.2): name = token or quoted-string, then a comma or the end. */
const AUTH_PARAM = new RegExp(`^\\s*(${TOKEN})\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(${TOKEN}))\\s*(?:,|$)`);

/**
 * The `error` and `error_description` of the Bearer challenge in a WWW-Authenticate value, or null
 * when it has none. openid-client parses challenges only for the requests it makes itself, so the
 * CLI reads the two parameters of the gateway's answer here; a value it cannot read gives null.
 */
export function bearerChallenge(header: string | null): BearerChallenge | null {
  const start = header === null ? null : /(?:^|,)\s*Bearer(?:\s+|$)/i.exec(header);
  if (header === null || start === null) return null;
  const params = new Map<string, string>();
  let rest = header.slice(start.index + start[0].length);
  for (let match = AUTH_PARAM.exec(rest); match !== null; match = AUTH_PARAM.exec(rest)) {
    params.set(match[1].toLowerCase(), match[2] === undefined ? match[3] : match[2].replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  const error = params.get('error');
  const errorDescription = params.get('error_description');
  return { ...(error !== undefined ? { error } : {}), ...(errorDescription !== undefined ? { errorDescription } : {}) };
}
