// The golden SEG cases on synthetic source series (see goldenSeg.fixture.ts): every SEG SegQC
// writes must be valid for independent validators and read back to exactly what was written.
import { SYNTHETIC_GOLDEN_CASES } from './goldenSeg.fixture';
import { describeGoldenSeg } from './goldenSeg.runner.fixture';

SYNTHETIC_GOLDEN_CASES.forEach(describeGoldenSeg);
