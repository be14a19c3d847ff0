import type { Page } from 'playwright-core';

/** The brush radii (mm) of the tool groups that have brush tools, each once: OHIF's "Radius (mm)". Runs in the page. */
export function brushRadii(): number[] {
  const tools = (window as any).cornerstoneTools;
  const radii = tools.ToolGroupManager.getAllToolGroups().map((group: any) => tools.utilities.segmentation.getBrushSizeForToolGroup(group.id));
  return [...new Set<number>(radii.filter((radius: unknown) => typeof radius === 'number'))];
}

/** Waits until every tool group with brush tools has this radius (mm), and fails saying the radii it has if they do not. */
export async function brushRadiusBecomes(page: Page, radiusMm: number | undefined, timeout = 30_000): Promise<void> {
  const reached = await page
    .waitForFunction(
      (radius) => {
        const tools = (window as any).cornerstoneTools;
        const radii = tools?.ToolGroupManager.getAllToolGroups().map((group: any) => tools.utilities.segmentation.getBrushSizeForToolGroup(group.id)).filter((r: unknown) => r !== undefined) ?? [];
        return radii.length > 0 && radii.every((r: number) => r === radius);
      },
      radiusMm,
      { timeout },
    )
    .then(() => true, () => false);
  if (!reached) throw new Error(`the brush radius did not become ${radiusMm} mm within ${timeout} ms; the tool groups have ${JSON.stringify(await page.evaluate(brushRadii))}`);
}
