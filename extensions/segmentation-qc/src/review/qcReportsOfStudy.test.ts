// Why: the review panel reads every QC report of the study's report series in its Web Worker. A
// report that cannot be read — here one in the deflated transfer syntax, which dcmjs would inflate
// without bound — failed the whole review; it is now refused before parsing, listed with its
// reason, and the readable reports still count.
import { DEFLATED_REFUSAL, qcReportSeriesUid, SOP_CLASS, writeQcReport } from '@segqc/core';
import { asDeflatedPart10, obHeader } from '../../../../packages/core/src/dicom/deflatedPart10.fixture';
import { fakePacs, ROOT } from '../../../../packages/core/src/inventory/inventory.fixture';
import { syntheticReportInit } from '../../../../packages/core/src/sr/syntheticReport.fixture';
import { qcReportsOfStudy } from './qcReportsOfStudy';

const init = syntheticReportInit();
const study = init.subject.StudyInstanceUID;
const good = writeQcReport(init);
const bomb = asDeflatedPart10(writeQcReport({ ...init, sopInstanceUid: '2.25.666' }), [obHeader(0x0099, 0x1000, 16 * 1024 * 1024), new Uint8Array(16 * 1024 * 1024)]);

test('a deflated report in the series is listed as unreadable with why; the readable one is read', async () => {
  const { fetch } = fakePacs([{
    studyInstanceUid: study,
    series: [{
      seriesInstanceUid: qcReportSeriesUid(study),
      modality: 'SR',
      instances: [
        { sopInstanceUid: init.sopInstanceUid, sopClassUid: SOP_CLASS.Comprehensive3dSrStorage, bytes: good },
        { sopInstanceUid: '2.25.666', sopClassUid: SOP_CLASS.Comprehensive3dSrStorage, bytes: bomb },
      ],
    }],
  }]);
  const { reports, unreadable } = await qcReportsOfStudy(ROOT, study, { fetch });
  expect(reports.map((stored) => [stored.sopInstanceUid, stored.report])).toEqual([[init.sopInstanceUid, init]]);
  expect(unreadable).toEqual([{ sopInstanceUid: '2.25.666', error: `TransferSyntaxUID: ${DEFLATED_REFUSAL}` }]);
});
