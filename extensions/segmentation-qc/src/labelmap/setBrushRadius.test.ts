// The SOP's brush radius reaches every tool group's brush tools, and OHIF's toolbar is refreshed per
// tool group so that its "Radius (mm)" slider shows it; without the host's cornerstone tools the
// caller gets a typed error instead of a silent no-op.
import { LabelmapBridgeError } from './LabelmapBridgeError';
import type { HostGlobals } from './hostCornerstone';
import { setBrushRadiusMm } from './setBrushRadius';

function fakes(toolGroupIds: string[]) {
  const calls: string[] = [];
  const services = {
    toolGroupService: { getToolGroupIds: () => toolGroupIds },
    toolbarService: { refreshToolbarState: ({ toolGroupId }: { toolGroupId: string }) => void calls.push(`refresh ${toolGroupId}`) },
  };
  const scope = { cornerstoneTools: { utilities: { segmentation: { setBrushSizeForToolGroup: (id: string, mm: number) => void calls.push(`brush ${id} ${mm}`) } } } } as unknown as HostGlobals;
  return { services, scope, calls };
}

test('each tool group gets the radius, then its toolbar state is refreshed', () => {
  const { services, scope, calls } = fakes(['default', 'mpr']);
  setBrushRadiusMm(services, 1.5, scope);
  expect(calls).toEqual(['brush default 1.5', 'refresh default', 'brush mpr 1.5', 'refresh mpr']);
});

test('a viewer without cornerstone tools is a LabelmapBridgeError', () => {
  const { services } = fakes(['default']);
  expect(() => setBrushRadiusMm(services, 1.5, {} as HostGlobals)).toThrow(LabelmapBridgeError);
});
