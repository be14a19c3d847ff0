// The drift chart needs one time-ordered series per annotator × structure × modality; these tests
// pin the grouping, the order and what is refused (a case counted twice, a date that is not ISO).
import { agreementSeries, type AgreementObservation } from './agreementSeries';

const observation = (o: Partial<AgreementObservation> & Pick<AgreementObservation, 'caseId' | 'date'>): AgreementObservation => ({
  annotator: 'rivera', structure: 'Right lung', modality: 'CT', dice: 0.9, reference: 'adjudicated', ...o,
});

describe('agreementSeries', () => {
  const observations: AgreementObservation[] = [
    observation({ caseId: 'c3', date: '2024-03-18', dice: 0.93 }),
    observation({ caseId: 'c1', date: '2024-03-04', dice: 0.91 }),
    observation({ caseId: 'c2', date: '2024-03-11', dice: 0.92 }),
    observation({ caseId: 'c1', date: '2024-03-06', annotator: 'chen', dice: 0.81 }),
    observation({ caseId: 'c1', date: '2024-03-04', structure: 'Left lung', dice: 0.71 }),
    observation({ caseId: 'm1', date: '2024-03-05', modality: 'MR', structure: 'Lesion', dice: 0.61 }),
    observation({ caseId: 'cal', date: '2024-03-25', dice: 0.95, reference: 'gold' }),
    observation({ caseId: 'c4', date: '2024-03-20', dice: 0.5, reference: 'peer' }),
  ];
  const series = agreementSeries(observations);

  it('makes one series per annotator × structure × modality, sorted by those', () => {
    expect(series.map((s) => [s.annotator, s.structure, s.modality])).toEqual([
      ['chen', 'Right lung', 'CT'],
      ['rivera', 'Left lung', 'CT'],
      ['rivera', 'Lesion', 'MR'],
      ['rivera', 'Right lung', 'CT'],
    ]);
  });

  it('orders each series by date and keeps adjudicated and gold references, not peer agreement', () => {
    const rivera = series[3];
    expect(rivera.observations.map((o) => o.caseId)).toEqual(['c1', 'c2', 'c3', 'cal']);
    expect(rivera.values).toEqual([0.91, 0.92, 0.93, 0.95]);
  });

  it('includes peer agreement when asked', () => {
    const withPeers = agreementSeries(observations, { references: ['adjudicated', 'peer'] });
    expect(withPeers[3].observations.map((o) => o.caseId)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('orders by instant across offsets, and same instants by case id', () => {
    const [s] = agreementSeries([
      observation({ caseId: 'b', date: '2024-03-05T01:00:00Z' }),
      observation({ caseId: 'late', date: '2024-03-04T23:30:00-02:00' }), // 01:30 UTC
      observation({ caseId: 'a', date: '2024-03-05T01:00:00Z' }),
      observation({ caseId: 'first', date: '2024-03-04' }),
    ]);
    expect(s.observations.map((o) => o.caseId)).toEqual(['first', 'a', 'b', 'late']);
  });

  it('refuses a case counted twice in one series, naming both observations', () => {
    expect(() => agreementSeries([observation({ caseId: 'c1', date: '2024-03-04' }), observation({ caseId: 'c1', date: '2024-03-05', reference: 'gold' })]))
      .toThrow('observations[1]: case "c1" is already in the series of rivera / Right lung / CT (observations[0])');
  });

  it.each([
    [{ date: '04/03/2024' }, 'observations[0].date'],
    [{ dice: 1.2 }, 'observations[0].dice'],
    [{ dice: Number.NaN }, 'observations[0].dice'],
    [{ annotator: '' }, 'observations[0].annotator'],
    [{ reference: 'consensus' as never }, 'observations[0].reference'],
  ])('rejects %p naming %s', (bad, argument) => {
    expect(() => agreementSeries([observation({ caseId: 'c1', date: '2024-03-04', ...bad })])).toThrow(expect.objectContaining({ name: 'ProgrammeInputError', argument }));
  });
});
