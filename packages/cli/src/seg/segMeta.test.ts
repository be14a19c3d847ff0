// META is a contract with research groups' scripts: the schema shipped in the repository must
// close every object (a misspelt field is an error, never ignored), its own example must pass, and
// messages must point at the field in the notation a user types.
import { readFileSync } from 'node:fs';
import { fieldPath } from './metaErrors';
import { SEG_META_SCHEMA_PATH, parseSegMeta } from './segMeta';

const schema = JSON.parse(readFileSync(SEG_META_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

/** Every object-typed part of the schema, with where it is. */
function objectSchemas(node: unknown, at: string): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((item, n) => objectSchemas(item, `${at}[${n}]`));
  const record = node as Record<string, unknown>;
  const own: [string, Record<string, unknown>][] = record['type'] === 'object' ? [[at, record]] : [];
  return [...own, ...Object.entries(record).filter(([key]) => key !== 'examples').flatMap(([key, value]) => objectSchemas(value, `${at}/${key}`))];
}

describe('seg-meta.schema.json', () => {
  it('closes every object with additionalProperties: false', () => {
    const objects = objectSchemas(schema, '#');
    expect(objects.length).toBeGreaterThanOrEqual(5); // META, creator, sop, code, segment
    expect(objects.filter(([, node]) => node['additionalProperties'] !== false).map(([at]) => at)).toEqual([]);
  });

  it('accepts its own example', () => {
    const [example] = schema['examples'] as unknown[];
    const meta = parseSegMeta(JSON.stringify(example));
    expect(meta.segments.map((s) => s.label)).toEqual(['Right lung', 'Left lung', 'Lung nodule']);
  });

  it('accepts the least a META needs: the creator and one coded segment', () => {
    const minimal = {
      creator: { name: 'Chen^Wei', login: 'wchen', institution: 'X' },
      segments: [{ labelValue: 1, label: 'Lesion', category: { value: '49755003', scheme: 'SCT', meaning: 'Morphologically Abnormal Structure' }, type: { value: '52988006', scheme: 'SCT', meaning: 'Lesion' }, algorithmType: 'MANUAL' }],
    };
    expect(parseSegMeta(JSON.stringify(minimal)).segments).toHaveLength(1);
  });
});

describe('fieldPath', () => {
  it.each([
    ['', ''],
    ['/creator', 'creator'],
    ['/segments/2/color', 'segments[2].color'],
    ['/segments/0/category/meaning', 'segments[0].category.meaning'],
    ['/odd~1key/x y', '["odd/key"]["x y"]'],
  ])('writes the JSON pointer %j as %j', (pointer, path) => {
    expect(fieldPath(pointer)).toBe(path);
  });
});
