import { defaultAllowedHosts, hostPolicy, isAllowedHost, isSameOriginWrite } from './hostPolicy';

describe('the Host and Origin policy', () => {
  const policy = hostPolicy(defaultAllowedHosts('127.0.0.1', 3000));

  test('by default the listen address and localhost, with the port', () => {
    expect(defaultAllowedHosts('127.0.0.1', 3000)).toEqual(['127.0.0.1:3000', 'localhost:3000']);
    expect(defaultAllowedHosts('0.0.0.0', 80)).toEqual(['localhost', 'localhost:80', '127.0.0.1', '127.0.0.1:80']);
    expect(defaultAllowedHosts('::1', 3000)).toEqual(['[::1]:3000', 'localhost:3000']);
  });

  test.each([
    ['127.0.0.1:3000', true],
    ['LOCALHOST:3000', true],
    ['evil.example', false],
    ['evil.example:3000', false],
    ['127.0.0.1:3001', false],
    ['127.0.0.1', false],
    ['127.0.0.1:3000@evil.example', false],
    [undefined, false],
  ])('Host %s: %s', (host, allowed) => {
    expect(isAllowedHost(policy, host)).toBe(allowed);
  });

  test.each([
    ['http://127.0.0.1:3000', undefined, true],
    ['http://localhost:3000', 'same-origin', true],
    [undefined, 'same-origin', true],
    ['http://evil.example', undefined, false],
    ['http://evil.example', 'cross-site', false],
    ['http://127.0.0.1:3000', 'cross-site', false],
    ['http://127.0.0.1:3000', 'same-site', false],
    ['null', undefined, false],
    ['http://127.0.0.1:3000.evil.example', undefined, false],
    [undefined, undefined, false],
    [undefined, 'none', false],
  ])('a write with Origin %s and Sec-Fetch-Site %s: %s', (origin, site, allowed) => {
    expect(isSameOriginWrite(policy, origin, site)).toBe(allowed);
  });

  test('configured origins replace the default ones', () => {
    const configured = hostPolicy(['viewer.example.org'], ['https://viewer.example.org']);
    expect(isSameOriginWrite(configured, 'https://viewer.example.org', 'same-origin')).toBe(true);
    expect(isSameOriginWrite(configured, 'http://viewer.example.org', undefined)).toBe(false);
  });
});
