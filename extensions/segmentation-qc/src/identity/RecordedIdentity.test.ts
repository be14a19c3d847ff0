// Wherever the viewer shows who made a stored SEG or report, it says how that person is known:
// "self-declared" in plain sight when the object records no sign-in, "authenticated" (with the
// issuer in the tooltip) when it does.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { RecordedIdentity } from './RecordedIdentity';

test('no sign-in recorded: "self-declared"', () => {
  expect(renderToStaticMarkup(createElement(RecordedIdentity, { authentication: undefined }))).toBe(
    '<span class="segqc-role" data-testid="segqc-recorded-identity" data-authenticated="false" title="No sign-in is recorded: the name and login were typed">self-declared</span>',
  );
});

test('a recorded sign-in: "authenticated", issuer and subject in the tooltip', () => {
  const html = renderToStaticMarkup(createElement(RecordedIdentity, { authentication: { issuer: 'https://login.hospital.example', subject: 'f3a9-77' } }));
  expect(html).toBe('<span class="segqc-role" data-testid="segqc-recorded-identity" data-authenticated="true" title="Signed in at https://login.hospital.example as f3a9-77">authenticated</span>');
});
