/**
 * One line for the first way a META file breaks its JSON Schema, pointing at the field:
 * `META segments[2].color: must be an array of 3 integers 0-255`. The message is the `x-error` of
 * the deepest schema part on the way to the field that has one, else Ajv's own.
 */
import type { ErrorObject } from 'ajv';

type SchemaNode = Record<string, unknown>;

/** `/segments/2/color` as `segments[2].color`; the root as ''. */
export function fieldPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? (path ? `${path}.${part}` : part) : `${path}[${JSON.stringify(part)}]`), '');
}

/** The field `property` of the object at JSON pointer `pointer`. */
function childPath(pointer: string, property: string): string {
  return fieldPath(`${pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

/** The schema parts met along `pointer`, $refs followed, one per depth reached. */
function schemaAlong(root: SchemaNode, pointer: string): SchemaNode[] {
  const resolve = (node: SchemaNode): SchemaNode => {
    const ref = node['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    const target = ref.slice(2).split('/').reduce<unknown>((at, key) => (at as SchemaNode)?.[key], root) as SchemaNode;
    const { $ref: _ref, ...siblings } = node;
    return { ...resolve(target), ...siblings };
  };
  const nodes = [resolve(root)];
  for (const part of pointer.split('/').slice(1)) {
    const node = nodes[nodes.length - 1];
    const properties = node['properties'] as Record<string, SchemaNode> | undefined;
    const items = node['items'] as SchemaNode | undefined;
    if (properties && Object.prototype.hasOwnProperty.call(properties, part)) nodes.push(resolve(properties[part]));
    else if (items && !Array.isArray(items) && /^\d+$/.test(part)) nodes.push(resolve(items));
    else break;
  }
  return nodes;
}

/** The one-line message for `error`, the first error Ajv reports for META. */
export function describeMetaError(error: ErrorObject, schema: SchemaNode): string {
  const at = (path: string, message: string): string => (path === '' ? `META: ${message}` : `META ${path}: ${message}`);
  const path = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return at(childPath(error.instancePath, String(params['missingProperty'])), 'is required');
    case 'additionalProperties':
      return at(childPath(error.instancePath, String(params['additionalProperty'])), 'is not a field of META (see packages/cli/schemas/seg-meta.schema.json)');
    case 'dependencies':
      return at(childPath(error.instancePath, String(params['missingProperty'])), `is required with ${String(params['property'])}`);
  }
  if (path === '' && error.keyword === 'type') return at('', 'must be a JSON object');
  const nodes = schemaAlong(schema, error.instancePath);
  for (let depth = nodes.length - 1; depth >= 1; depth--) {
    const message = nodes[depth]['x-error'];
    if (typeof message === 'string') return at(fieldPath(error.instancePath.split('/').slice(0, depth + 1).join('/')), message);
  }
  if (error.keyword === 'enum') return at(path, `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`);
  return at(path, error.message ?? 'is invalid');
}
