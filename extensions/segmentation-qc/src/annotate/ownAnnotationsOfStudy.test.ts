import type { ReadFetchLike } from '@segqc/core';
import { SELF_DECLARED_CREATOR } from './annotationContentDescription';
import { ownAnnotationsOfStudy } from './ownAnnotationsOfStudy';

// Blinding: the annotator view lists only the annotator's own earlier SEGs of the study, found in
// the PACS by the login in ContentCreatorIdentificationCodeSequence; others' are read no further.
const ROOT = 'https://pacs.test/dicom-web';
const STUDY = '2.25.1';

const ISSUER = 'https://login.hospital.example/realms/radiology';
const code = (value: string, scheme = '99SEGQC') => ({ '00080100': { vr: 'SH', Value: [value] }, '00080102': { vr: 'SH', Value: [scheme] } });
/** An annotation SEG's metadata; a creator with a subject is recorded as authenticated, as core buildBinarySeg writes it. */
function seg(sop: string, login: string | null, date: string, time: string, subject?: string) {
  return {
    '00080018': { vr: 'UI', Value: [sop] },
    '00080023': { vr: 'DA', Value: [date] },
    '00080033': { vr: 'TM', Value: [time] },
    '00700080': { vr: 'CS', Value: ['ANNOTATION'] },
    '00700081': { vr: 'LO', Value: [subject ? 'SegQC annotation; creator authenticated' : SELF_DECLARED_CREATOR] },
    ...(subject ? { '00080110': { vr: 'SQ', Value: [{ '00080102': { vr: 'SH', Value: ['99SEGQC-OIDC'] }, '00080116': { vr: 'ST', Value: [ISSUER] } }] } } : {}),
    '00181030': { vr: 'LO', Value: ['ct-lung-nodule@1.1.0+cf3198f0158d0b1c'] },
    '00620002': { vr: 'SQ', Value: [{ '00620005': { vr: 'LO', Value: ['Right lung'] } }, { '00620005': { vr: 'LO', Value: ['Lung nodule'] } }] },
    '00081115': { vr: 'SQ', Value: [{ '0020000E': { vr: 'UI', Value: ['2.25.7'] } }] },
    ...(login ? { '00700086': { vr: 'SQ', Value: [{ '00401101': { vr: 'SQ', Value: [code(login), ...(subject ? [code(subject, '99SEGQC-OIDC')] : [])] } }] } } : {}),
  };
}
const answers: Record<string, unknown> = {
  [`${ROOT}/studies/${STUDY}/series?Modality=SEG`]: [{ '0020000E': { vr: 'UI', Value: ['2.25.10'] } }, { '0020000E': { vr: 'UI', Value: ['2.25.11'] } }],
  [`${ROOT}/studies/${STUDY}/series/2.25.10/metadata`]: [seg('2.25.100', 'arivera', '20260601', '101500'), seg('2.25.101', 'ynakamura', '20260601', '090000')],
  [`${ROOT}/studies/${STUDY}/series/2.25.11/metadata`]: [seg('2.25.110', 'ynakamura', '20260602', '080000', 'ynakamura-sub'), seg('2.25.111', null, '20260603', '080000')],
};
const requested: string[] = [];
const fetch: ReadFetchLike = async (url, init) => {
  requested.push(`${init.headers.Accept} ${url}`);
  const body = JSON.stringify(answers[url]);
  return { status: 200, headers: { get: () => 'application/dicom+json' }, text: async () => body, arrayBuffer: async () => new TextEncoder().encode(body).buffer };
};

test('lists only the login\'s own SEGs, latest first, with their SOP, structures, source series and how the creator is known', async () => {
  const own = await ownAnnotationsOfStudy(ROOT, STUDY, 'ynakamura', { fetch, headers: { Authorization: 'Bearer t' } });
  expect(own.map((a) => a.sopInstanceUid)).toEqual(['2.25.110', '2.25.101']);
  expect(own[0]).toEqual({
    studyInstanceUid: STUDY,
    seriesInstanceUid: '2.25.11',
    sopInstanceUid: '2.25.110',
    contentDate: '20260602',
    contentTime: '080000',
    contentLabel: 'ANNOTATION',
    sop: { id: 'ct-lung-nodule', version: '1.1.0', shortHash: 'cf3198f0158d0b1c' },
    structures: ['Right lung', 'Lung nodule'],
    sourceSeriesInstanceUid: '2.25.7',
    authentication: { issuer: ISSUER, subject: 'ynakamura-sub' },
  });
  expect(own[1].authentication).toBeUndefined(); // saved without a sign-in: self-declared
  // QIDO for the study's SEG series, then each series' metadata: never another SEG's pixel data.
  expect(requested).toEqual([
    `application/dicom+json ${ROOT}/studies/${STUDY}/series?Modality=SEG`,
    `application/dicom+json ${ROOT}/studies/${STUDY}/series/2.25.10/metadata`,
    `application/dicom+json ${ROOT}/studies/${STUDY}/series/2.25.11/metadata`,
  ]);
  expect(await ownAnnotationsOfStudy(ROOT, STUDY, 'nobody', { fetch })).toEqual([]);
});
