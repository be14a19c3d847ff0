import { ROLE_POLICY, permissionsOf } from './rolePolicy';
import { SEGQC_ROLES } from './segqcRoles';

// The table of issue 12, and how several roles add up: the widest reads, every object any role stores.
test('each role reads and stores its row of the table', () => {
  expect(ROLE_POLICY).toEqual({
    annotator: { reads: 'source-images-and-own-segmentations', stores: ['annotation-seg'] },
    reviewer: { reads: 'everything', stores: ['unverified-qc-report'] },
    adjudicator: { reads: 'everything', stores: ['adjudicated-seg', 'verified-qc-report'] },
    'qa-lead': { reads: 'everything', stores: ['gold-seg'] },
  });
  expect(Object.keys(ROLE_POLICY).sort()).toEqual([...SEGQC_ROLES].sort());
});

test('an annotator who also reviews reads everything and stores both kinds', () => {
  expect(permissionsOf(['annotator', 'reviewer'])).toEqual({ reads: 'everything', stores: ['annotation-seg', 'unverified-qc-report'] });
  expect(permissionsOf(['annotator'])).toEqual({ reads: 'source-images-and-own-segmentations', stores: ['annotation-seg'] });
  expect(permissionsOf([])).toEqual({ reads: 'source-images-and-own-segmentations', stores: [] });
});
