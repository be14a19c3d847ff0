import { stepUpChallenge } from './stepUpChallenge';

// RFC 9470 §3: the gateway asks for a fresh sign-in before it signs; an expired token is not that.
describe('stepUpChallenge', () => {
  it.each([
    ['Bearer error="insufficient_user_authentication", error_description="sign in again to sign", max_age="300"', { maxAgeSeconds: 300 }],
    ['Bearer error="insufficient_user_authentication", max_age=0', { maxAgeSeconds: 0 }],
    ['bearer error="insufficient_user_authentication"', {}],
    ['Bearer error="invalid_token", error_description="the token expired"', null],
    ['Basic realm="pacs"', null],
    [null, null],
  ])('%p → %p', (header, challenge) => expect(stepUpChallenge(header)).toEqual(challenge));
});
