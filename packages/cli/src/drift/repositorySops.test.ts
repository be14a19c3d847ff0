// The floor of each drift chart's σ comes from the SOP library's meaningful Dice change (issue 14).
import { meaningfulDiceChangesOf } from '@segqc/core';
import { repositorySops } from './readProgramme';

it('reads the repository SOP library: 0.02 for the lungs and 0.05 for nodules (CT lung SOP), by label and synonym', () => {
  const changes = meaningfulDiceChangesOf(repositorySops());
  expect([changes['Right lung'], changes['Left lung'], changes['Lung nodule']]).toEqual([0.02, 0.02, 0.05]);
});

it('gives no SOP for a folder that is not a SOP library, so that core’s defaults apply', () => {
  expect(repositorySops('/nonexistent/sops')).toEqual([]);
});
