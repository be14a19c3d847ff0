import { clientResponseHeaders, isDicomwebErrorBody, upstreamRequestHeaders } from './headerPolicy';

describe('headers towards the PACS', () => {
  const client = {
    host: '127.0.0.1:3000',
    accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*',
    'content-type': 'multipart/related; type="application/dicom"; boundary=b',
    'content-length': '42',
    authorization: 'Bearer user-token',
    cookie: 'session=secret',
    connection: 'keep-alive, x-drop-me',
    'x-drop-me': '1',
    'keep-alive': 'timeout=5',
    'transfer-encoding': 'chunked',
    forwarded: 'for=1.2.3.4;host=evil.example',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-for': '1.2.3.4',
    'x-http-method-override': 'DELETE',
    range: 'bytes=0-99',
  };

  test('a GET sends no body headers (a Content-Length would leave the PACS waiting)', () => {
    expect(upstreamRequestHeaders(client, { host: '127.0.0.1:3000', forwardedProto: 'http', withBody: false })).toEqual({
      accept: client.accept,
      range: 'bytes=0-99',
      authorization: 'Bearer user-token',
      host: '127.0.0.1:3000',
    });
  });

  test('only the allow-listed headers go, with the Host given', () => {
    expect(upstreamRequestHeaders(client, { host: '127.0.0.1:3000', forwardedProto: 'http', withBody: true })).toEqual({
      accept: client.accept,
      'content-type': client['content-type'],
      'content-length': '42',
      range: 'bytes=0-99',
      authorization: 'Bearer user-token',
      host: '127.0.0.1:3000',
    });
  });

  test("the gateway's own PACS credential replaces the client's; X-Forwarded-* are the gateway's when the PACS gets its own Host", () => {
    expect(upstreamRequestHeaders(client, { host: 'pacs.internal', upstreamAuthorization: 'Basic Z3c6cHc=', forwardedHost: '127.0.0.1:3000', forwardedProto: 'https', withBody: false })).toMatchObject({
      authorization: 'Basic Z3c6cHc=',
      host: 'pacs.internal',
      'x-forwarded-host': '127.0.0.1:3000',
      'x-forwarded-proto': 'https',
    });
  });
});

describe('headers back to the client', () => {
  test('what describes the answer passes; the PACS\'s server, cookies and auth challenge do not', () => {
    expect(
      clientResponseHeaders({
        'content-type': 'application/dicom+json',
        'content-length': '10',
        etag: '"1"',
        server: 'ORTHANC',
        'set-cookie': ['a=b'],
        'www-authenticate': 'Basic realm="Orthanc"',
        connection: 'close',
        'access-control-allow-origin': '*',
        'retry-after': '7',
      }),
    ).toEqual({ 'content-type': 'application/dicom+json', 'content-length': '10', etag: '"1"', 'retry-after': '7' });
  });

  test('a STOW failure list is DICOMweb; Orthanc\'s JSON error page is not', () => {
    expect(isDicomwebErrorBody('application/dicom+json; charset=utf-8')).toBe(true);
    expect(isDicomwebErrorBody('application/json')).toBe(false);
    expect(isDicomwebErrorBody(undefined)).toBe(false);
  });
});
