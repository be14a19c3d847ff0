// The validator interprets whatever schema it is given, so these pin the subset on small schemas
// (tests/unit/sopLibrary.test.ts checks the real schema against ajv).
import { UnsupportedSchemaError, validateJsonSchema } from './validateJsonSchema';

const errorsOf = (value: unknown, schema: object): Array<[string, string]> => validateJsonSchema(value, schema).map((e) => [e.path, e.reason]);

test('paths follow $ref into $defs and name the array item and field', () => {
  const schema = {
    type: 'object',
    properties: { rows: { type: 'array', items: { $ref: '#/$defs/row' } } },
    $defs: { row: { type: 'object', additionalProperties: false, required: ['n'], properties: { n: { type: 'integer', minimum: 1 } } } },
  };
  expect(errorsOf({ rows: [{ n: 1 }, { n: 0 }, { m: 2 }, { n: 1.5 }] }, schema)).toEqual([
    ['rows[1].n', '0 is below the minimum 1'],
    ['rows[2].n', 'is required'],
    ['rows[2].m', 'is not allowed here (allowed: n)'],
    ['rows[3].n', 'must be integer, not number 1.5'],
  ]);
});

test('const, enum, pattern, lengths and exclusive bounds', () => {
  const schema = {
    type: 'object',
    properties: {
      c: { const: 'SCT' }, e: { enum: ['a', 'b'] }, p: { type: 'string', pattern: '^x+$', minLength: 2, maxLength: 3 },
      x: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, l: { type: 'array', minItems: 1, maxItems: 1 },
    },
  };
  expect(errorsOf({ c: 'SCT', e: 'a', p: 'xx', x: 0.5, l: [1] }, schema)).toEqual([]);
  expect(errorsOf({ c: 'SRT', e: 'c', p: 'y', x: 1, l: [] }, schema).map(([path]) => path)).toEqual(['c', 'e', 'p', 'p', 'x', 'l']);
  expect(errorsOf({ x: 0 }, schema)).toEqual([['x', '0 must be greater than 0']]);
});

test('a type failure stops further checks of that value, and NaN is not a number', () => {
  expect(errorsOf('7', { type: 'number', minimum: 10 })).toEqual([['(root)', 'must be number, not string "7"']]);
  expect(errorsOf(Number.NaN, { type: 'number' })).toHaveLength(1);
});

test('a keyword the validator does not implement is refused, not silently skipped', () => {
  expect(() => validateJsonSchema({}, { type: 'object', oneOf: [] })).toThrow(UnsupportedSchemaError);
  expect(() => validateJsonSchema({ a: 1 }, { properties: { a: { $ref: '#/$defs/missing' } } })).toThrow(/cannot resolve "#\/\$defs\/missing"/);
});
