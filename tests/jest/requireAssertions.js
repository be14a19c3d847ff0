// A test that asserts nothing proves nothing (issue 14): every `it`/`test` in every project must
// make at least one assertion, so a test that passes by returning early or by merely not throwing
// fails instead. Tests that really assert by not throwing say so with `await expect(...).resolves`
// or an explicit `expect`.
beforeEach(() => {
  expect.hasAssertions();
});
