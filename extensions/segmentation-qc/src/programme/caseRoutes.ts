import { ANNOTATE_ROUTE, REVIEW_ROUTE } from '../ids';

const onStudy = (route: string, studyInstanceUid: string): string => `${route}?StudyInstanceUIDs=${encodeURIComponent(studyInstanceUid)}`;

/** The review flow of a case: the Segmentation QC mode on its study. */
export const reviewRoute = (studyInstanceUid: string): string => onStudy(REVIEW_ROUTE, studyInstanceUid);

/** The annotator's view of a case (blinded to the others' SEGs): where a calibration case is annotated again. */
export const annotateRoute = (studyInstanceUid: string): string => onStudy(ANNOTATE_ROUTE, studyInstanceUid);
