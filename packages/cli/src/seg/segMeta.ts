/**
 * META, the JSON file that says what `segqc seg` writes besides the voxels, validated by the JSON
 * Schema shipped at packages/cli/schemas/seg-meta.schema.json (additionalProperties false at every
 * level, as dcmqi's seg-schema.json). A file that breaks it is a UsageError naming the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import type { SegContentLabel, SegmentDescriptionInit, SopReferenceInit } from '@segqc/core';
import { UsageError } from '../usageError';
import { describeMetaError } from './metaErrors';

/** A segment as META describes it: the writer's segment description, placed by label value (colour optional). */
export type SegMetaSegment = Omit<SegmentDescriptionInit, 'segmentNumber' | 'color'> & {
  /** 0-based index of the VOLUME argument; default 0. */
  volume?: number;
  /** 0-based layer of a multi-layer volume; default 0. */
  layer?: number;
  labelValue: number;
  color?: SegmentDescriptionInit['color'];
};

export interface SegMeta {
  creator: { name: string; login: string; institution: string };
  contentLabel?: SegContentLabel;
  contentDescription?: string;
  contentDate?: string;
  contentTime?: string;
  seriesDescription?: string;
  seriesNumber?: number;
  instanceNumber?: number;
  seriesInstanceUid?: string;
  sopInstanceUid?: string;
  sop?: SopReferenceInit;
  segments: SegMetaSegment[];
}

/** The schema file, beside the package's src/ and dist/. */
export const SEG_META_SCHEMA_PATH = join(__dirname, '..', '..', 'schemas', 'seg-meta.schema.json');

let compiled: { schema: Record<string, unknown>; validate: ValidateFunction<SegMeta> } | undefined;

function validator(): NonNullable<typeof compiled> {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SEG_META_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    // Strict, except that the `if`/`then` on algorithmType names no type and requires a property
    // the `then` part does not itself define (both on purpose).
    const ajv = new Ajv({ allErrors: false, strict: true, strictTypes: false, strictRequired: false });
    ajv.addKeyword('x-error');
    compiled = { schema, validate: ajv.compile<SegMeta>(schema) };
  }
  return compiled;
}

/** META from its JSON text; a UsageError naming the field when it breaks the schema. */
export function parseSegMeta(text: string): SegMeta {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`META: not JSON: ${(error as Error).message}`);
  }
  const { schema, validate } = validator();
  if (!validate(value)) throw new UsageError(describeMetaError(validate.errors![0], schema));
  return value;
}

export function readSegMeta(path: string): SegMeta {
  return parseSegMeta(readFileSync(path, 'utf8'));
}
