// Why: `segqc drift` hands the SOP library to its reading worker threads by structured clone, which
// drops the class of each SOP's reference; selectSop names a SOP by that reference's methods.
import { ctLungNoduleSop } from '../review/review.fixture';
import { revivedSop } from './revivedSop';

test('a cloned SOP gets a working reference back, with every other field as it was', () => {
  const sop = ctLungNoduleSop();
  const cloned = structuredClone(sop);
  expect(() => cloned.reference.toProtocolName()).toThrow(TypeError);
  const revived = revivedSop(cloned);
  expect(revived.reference.toProtocolName()).toBe(sop.reference.toProtocolName());
  expect(revived.reference.shortHash).toBe(sop.reference.sha256.slice(0, 16));
  expect({ ...revived, reference: { ...revived.reference } }).toEqual({ ...sop, reference: { ...sop.reference } });
});
