import { storeRefusal } from './gatewaySession';

// The panel offers Sign and Record only to roles whose stores the gateway accepts (its role policy).
test('a reviewer is told they may not sign; an adjudicator is not; without sign-in nothing is refused', () => {
  const reviewer = { login: 'psingh', roles: ['reviewer'], stores: ['unverified-qc-report'] };
  expect(storeRefusal(reviewer, 'verified-qc-report', 'Signing an adjudication')).toBe('Signing an adjudication: your role (reviewer) may not; the gateway would refuse it');
  expect(storeRefusal(reviewer, 'unverified-qc-report', 'Recording a review')).toBeNull();
  expect(storeRefusal({ login: 'mlindqvist', roles: ['adjudicator'], stores: ['adjudicated-seg', 'verified-qc-report'] }, 'verified-qc-report', 'Signing an adjudication')).toBeNull();
  expect(storeRefusal(null, 'verified-qc-report', 'Signing an adjudication')).toBeNull();
});
