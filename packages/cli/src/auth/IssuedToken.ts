/** An access token and when it expires, in milliseconds since the epoch (null when nothing says). */
export interface IssuedToken {
  accessToken: string;
  expiresAt: number | null;
}
