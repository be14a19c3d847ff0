/**
 * The body of a STOW-RS request (PS3.18 8.6.1.2, RFC 2387): one `application/dicom` part per
 * Part 10 file, joined into one buffer so that a retry sends the same bytes again.
 */
export interface MultipartRelatedBody {
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

const BOUNDARY_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A boundary of 32 random base-36 characters (≈ 165 bits) after a fixed prefix. */
export function randomBoundary(random: () => number): string {
  let boundary = 'segqc-';
  for (let i = 0; i < 32; i++) boundary += BOUNDARY_ALPHABET[Math.floor(random() * BOUNDARY_ALPHABET.length) % BOUNDARY_ALPHABET.length];
  return boundary;
}

export function multipartRelatedBody(instances: readonly Uint8Array[], boundary: string): MultipartRelatedBody {
  const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const partHeader = ascii(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`);
  const crlf = ascii('\r\n');
  const closing = ascii(`--${boundary}--\r\n`);
  const length = instances.reduce((n, instance) => n + partHeader.length + instance.length + crlf.length, closing.length);
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of instances.flatMap((instance) => [partHeader, instance, crlf]).concat([closing])) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`, body };
}
