// Golden QC reports (see goldenQcReports.fixture.ts), in three files so that jest validates them in parallel.
import { GOLDEN_QC_REPORTS } from './goldenQcReports.fixture';
import { describeGoldenQcReport } from './goldenQcReports.runner.fixture';

jest.setTimeout(300_000);
describeGoldenQcReport(GOLDEN_QC_REPORTS.mr2);
describeGoldenQcReport(GOLDEN_QC_REPORTS.verified);
describeGoldenQcReport(GOLDEN_QC_REPORTS.unicode);
