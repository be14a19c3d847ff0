/**
 * A validator for the subset of JSON Schema (draft 2020-12 / draft-07) that
 * platform-config/sops/sop.schema.json uses. It interprets the schema object it is given, so the
 * schema file stays the single source of truth; packages/core is pure and cannot depend on ajv
 * (tests check that ajv agrees on the SOP files and on broken variants).
 *
 * Supported: type (one or a list; "integer" is a whole number), required, properties,
 * additionalProperties (false or a schema), enum, const, pattern (Unicode), minLength, maxLength,
 * minimum, maximum, exclusiveMinimum, exclusiveMaximum (numbers, draft 6+), items (one schema),
 * minItems, maxItems, and $ref to "#/$defs/…" or "#/definitions/…". Annotations ($schema, $id,
 * $comment, title, description, default, examples) are ignored. Any other keyword is refused with
 * UnsupportedSchemaError rather than silently not checked.
 */
import { SOP_ROOT_PATH, SopValidationError, childPath, itemPath } from './SopValidationError';

/** A schema that uses a keyword this validator does not implement, or a broken $ref. */
export class UnsupportedSchemaError extends Error {
  constructor(readonly schemaPath: string, reason: string) {
    super(`${schemaPath}: ${reason}`);
    this.name = 'UnsupportedSchemaError';
  }
}

type Schema = Readonly<Record<string, unknown>>;

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', '$defs', 'definitions']);
const ASSERTIONS = new Set([
  '$ref', 'type', 'required', 'properties', 'additionalProperties', 'enum', 'const', 'pattern', 'minLength', 'maxLength',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'items', 'minItems', 'maxItems',
]);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Every way `value` fails `schema`, in document order; empty when it conforms. */
export function validateJsonSchema(value: unknown, schema: object): SopValidationError[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new UnsupportedSchemaError('#', 'a schema must be an object');
  const errors: SopValidationError[] = [];
  new SchemaWalker(schema as Schema, errors).check(value, schema as Schema, SOP_ROOT_PATH, '#');
  return errors;
}

class SchemaWalker {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Schema, private readonly errors: SopValidationError[]) {}

  check(value: unknown, schema: Schema, path: string, schemaPath: string): void {
    for (const keyword of Object.keys(schema)) {
      if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) {
        throw new UnsupportedSchemaError(`${schemaPath}/${keyword}`, `keyword ${JSON.stringify(keyword)} is not supported by the SOP validator`);
      }
    }
    if (typeof schema.$ref === 'string') this.check(value, this.resolve(schema.$ref, schemaPath), path, schema.$ref);
    if (schema.type !== undefined && !this.checkType(value, schema.type, path, schemaPath)) return;
    if ('const' in schema && !deepEqual(value, schema.const)) this.fail(path, `must be ${JSON.stringify(schema.const)}`);
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => deepEqual(value, allowed))) {
      this.fail(path, `must be one of ${schema.enum.map((allowed) => JSON.stringify(allowed)).join(', ')}, not ${describe(value)}`);
    }
    if (typeof value === 'string') this.checkString(value, schema, path, schemaPath);
    if (typeof value === 'number') this.checkNumber(value, schema, path);
    if (Array.isArray(value)) this.checkArray(value, schema, path, schemaPath);
    else if (isObject(value)) this.checkObject(value, schema, path, schemaPath);
  }

  private checkType(value: unknown, type: unknown, path: string, schemaPath: string): boolean {
    const types = Array.isArray(type) ? type : [type];
    for (const name of types) {
      if (typeof name !== 'string' || !TYPES.has(name)) throw new UnsupportedSchemaError(`${schemaPath}/type`, `unknown type ${JSON.stringify(name)}`);
    }
    if (types.some((name) => hasType(value, name as string))) return true;
    this.fail(path, `must be ${types.join(' or ')}, not ${describe(value)}`);
    return false;
  }

  private checkString(value: string, schema: Schema, path: string, schemaPath: string): void {
    // JSON Schema counts code points, not UTF-16 units.
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) this.fail(path, `must have at least ${schema.minLength} character(s)`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) this.fail(path, `must have at most ${schema.maxLength} character(s)`);
    if (typeof schema.pattern === 'string' && !this.regExp(schema.pattern, schemaPath).test(value)) {
      this.fail(path, `${JSON.stringify(value)} does not match ${schema.pattern}`);
    }
  }

  private checkNumber(value: number, schema: Schema, path: string): void {
    if (typeof schema.minimum === 'number' && value < schema.minimum) this.fail(path, `${value} is below the minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) this.fail(path, `${value} is above the maximum ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) this.fail(path, `${value} must be greater than ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) this.fail(path, `${value} must be less than ${schema.exclusiveMaximum}`);
  }

  private checkArray(value: readonly unknown[], schema: Schema, path: string, schemaPath: string): void {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) this.fail(path, `must have at least ${schema.minItems} item(s), has ${value.length}`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) this.fail(path, `must have at most ${schema.maxItems} item(s), has ${value.length}`);
    if (schema.items !== undefined) {
      const items = asSchema(schema.items, `${schemaPath}/items`);
      value.forEach((item, index) => this.check(item, items, itemPath(path, index), `${schemaPath}/items`));
    }
  }

  private checkObject(value: Readonly<Record<string, unknown>>, schema: Schema, path: string, schemaPath: string): void {
    if (schema.required !== undefined) {
      if (!Array.isArray(schema.required)) throw new UnsupportedSchemaError(`${schemaPath}/required`, 'must be a list of names');
      for (const name of schema.required as unknown[]) {
        if (typeof name === 'string' && !Object.prototype.hasOwnProperty.call(value, name)) this.fail(childPath(path, name), 'is required');
      }
    }
    const properties = schema.properties === undefined ? {} : asSchema(schema.properties, `${schemaPath}/properties`);
    for (const key of Object.keys(value)) {
      const propertyPath = childPath(path, key);
      if (Object.prototype.hasOwnProperty.call(properties, key)) {
        this.check(value[key], asSchema(properties[key], `${schemaPath}/properties/${key}`), propertyPath, `${schemaPath}/properties/${key}`);
      } else if (schema.additionalProperties === false) {
        this.fail(propertyPath, `is not allowed here (allowed: ${Object.keys(properties).join(', ')})`);
      } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
        this.check(value[key], asSchema(schema.additionalProperties, `${schemaPath}/additionalProperties`), propertyPath, `${schemaPath}/additionalProperties`);
      }
    }
  }

  private resolve(ref: string, schemaPath: string): Schema {
    const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
    const definitions = match ? this.root[match[1]] : undefined;
    const target = match && isObject(definitions) ? definitions[match[2]] : undefined;
    if (target === undefined) throw new UnsupportedSchemaError(`${schemaPath}/$ref`, `cannot resolve ${JSON.stringify(ref)} (only #/$defs/name and #/definitions/name)`);
    return asSchema(target, ref);
  }

  private regExp(pattern: string, schemaPath: string): RegExp {
    let compiled = this.patterns.get(pattern);
    if (!compiled) {
      try {
        compiled = new RegExp(pattern, 'u');
      } catch {
        throw new UnsupportedSchemaError(`${schemaPath}/pattern`, `${JSON.stringify(pattern)} is not a valid regular expression`);
      }
      this.patterns.set(pattern, compiled);
    }
    return compiled;
  }

  private fail(path: string, reason: string): void {
    this.errors.push(new SopValidationError(path, reason));
  }
}

function asSchema(value: unknown, schemaPath: string): Schema {
  if (!isObject(value)) throw new UnsupportedSchemaError(schemaPath, 'must be a schema object (boolean schemas are not supported)');
  return value;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    default: return value === null;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && Number.isInteger(value)) return `the integer ${value}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}
