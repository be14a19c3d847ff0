// The demo cohort must be reproducible to the byte: the PACS seeding is idempotent by UID and
// bytes, and tests compare against a manifest computed separately. A case generated alone must
// equal the same case generated among others, on any machine's time zone.
import { createHash } from 'node:crypto';
import { generateDemoFiles } from './generateDemoFiles';

function digests(cases: string[], only?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of generateDemoFiles({ cases })) {
    if (!only || file.path.startsWith(`${only}/`)) out.set(file.path, createHash('sha256').update(file.bytes).digest('hex'));
  }
  return out;
}

describe('demo files are deterministic', () => {
  const first = digests(['ct-03']);

  it('gives identical SHA-256 for every file of a case generated twice', () => {
    const second = digests(['ct-03']);
    // 100 CT slices, three annotators' SEGs, the adjudication's reference SEG and QC report.
    expect(first.size).toBe(105);
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it('gives the same bytes for a case whether generated alone or after another case', () => {
    expect([...digests(['mr-02', 'ct-03'], 'ct-03').entries()]).toEqual([...first.entries()]);
  });

  it('names files by case, series folder and instance number', () => {
    expect([...first.keys()].slice(0, 2)).toEqual(['ct-03/ct/0001.dcm', 'ct-03/ct/0002.dcm']);
    expect([...first.keys()].slice(-5)).toEqual([
      'ct-03/seg/rivera.dcm', 'ct-03/seg/chen.dcm', 'ct-03/seg/okafor.dcm', 'ct-03/reference/adjudicated.dcm', 'ct-03/sr/adjudication.dcm',
    ]);
  });

  it('writes the adjudication with the same bytes whatever the time zone (its DA/TM are local time)', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = tz; // Node applies a change of TZ at once
        expect([...digests(['ct-03']).entries()]).toEqual([...first.entries()]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  }, 60_000);
});
