// Runs golden QC report cases as jest `describe`s: build and write each once, then prove it valid
// (dciodvfy, dsrdump, PixelMed's DicomSRValidator for TID 1500, dcentvfy against the SEGs and
// source images it refers to: no counted error) and lossless (readQcReport gives back the input).
import { expectSrValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';
import { writeQcReport } from './buildQcReport';
import type { GoldenQcReport } from './goldenQcReports.fixture';
import type { DemoReportCase } from './qcReport.fixture';
import { readQcReport } from './readQcReport';

export function describeGoldenQcReport(golden: GoldenQcReport): void {
  describe(`golden QC report: ${golden.name}`, () => {
    let built: DemoReportCase;
    let bytes: Uint8Array;
    beforeAll(() => {
      built = golden.build();
      bytes = writeQcReport(built.init);
    }, 120_000);

    it('passes dciodvfy, dsrdump, PixelMed (TID 1500) and dcentvfy with no counted error', () => {
      // Required, not optional: without the validators the test fails, saying why (issue 14).
      expect(validatorUnavailable()).toBeUndefined();
      expectSrValidatorsPass(validateDicom(bytes, built.evidence), 'Comprehensive3DSR');
    }, 180_000);

    it('reads back to the report it was written from', () => {
      expect(readQcReport(bytes).qc).toEqual(built.init);
    });

    if (golden.check) {
      it('writes what the case is about', () => {
        golden.check!(readQcReport(bytes).document, built.init);
      });
    }
  });
}
