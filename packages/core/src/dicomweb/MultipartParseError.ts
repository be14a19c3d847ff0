/**
 * A multipart/related body (RFC 2046 5.1.1, RFC 2387) that cannot be split into its parts: no
 * boundary in the Content-Type, no delimiter in the body, a body cut off before its closing
 * delimiter, a part without the blank line that ends its headers.
 */
export class MultipartParseError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(`malformed multipart/related body: ${reason}`);
    this.name = 'MultipartParseError';
    this.reason = reason;
  }
}
