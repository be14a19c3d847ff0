import { writerIdentity } from './writerIdentity';

// Why: with an access token, what the CLI writes names the token's user, authenticated; a
// --reviewer or --login naming someone else would be a forged record (and the gateway refuses the
// object), so it stops the command. Without a token, the writer is self-declared and both are needed.

const FLAGS = { name: '--reviewer', login: '--login' };
const TOKEN = { authentication: { issuer: 'https://login.example.org', subject: '3f2a-77' }, login: 'mlindqvist', name: 'Maria Lindqvist' };

test('the token\'s user, authenticated; the command line may repeat their login or name', () => {
  const expected = { name: 'Maria Lindqvist', login: 'mlindqvist', authentication: TOKEN.authentication };
  expect(writerIdentity({}, TOKEN, FLAGS)).toEqual(expected);
  expect(writerIdentity({ name: 'Maria Lindqvist', login: 'mlindqvist' }, TOKEN, FLAGS)).toEqual(expected);
});

test('another login or name than the token\'s is refused', () => {
  expect(() => writerIdentity({ login: 'achen' }, TOKEN, FLAGS)).toThrow(
    expect.objectContaining({ name: 'UsageError', message: "--login achen is not the access token's user (mlindqvist); what is written names the user signed in" }),
  );
  expect(() => writerIdentity({ name: 'Chen^Alex', login: 'mlindqvist' }, TOKEN, { name: '--observer', login: '--login' })).toThrow(
    "--observer Chen^Alex is not the access token's user (Maria Lindqvist); what is written names the user signed in",
  );
});

test('no token naming anyone: the self-declared name and login, both needed', () => {
  expect(writerIdentity({ name: 'Lindqvist^Maria', login: 'mlindqvist' }, null, FLAGS)).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist' });
  expect(() => writerIdentity({ login: 'mlindqvist' }, null, FLAGS)).toThrow(
    expect.objectContaining({ name: 'UsageError', message: 'without an access token that names the writer, give --reviewer NAME --login ID: the objects written name them (self-declared)' }),
  );
});
