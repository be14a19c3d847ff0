/**
 * Typed reads of naturalized attributes that name the attribute path when a value is missing or
 * wrong. They accept what our parser and what dcmjs produce (a single value or an array; a person
 * name as text or as `{ Alphabetic }`).
 */
import { joinAttributePath } from '../../dicom/DicomValueError';
import type { NaturalDataset } from '../../dicom/NaturalDataset';
import { SegParseError } from './SegParseError';

const { isFinite, isInteger } = Number;

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Text of a string attribute (its first value), or undefined when absent or empty. */
export function optionalString(dataset: NaturalDataset, keyword: string): string | undefined {
  const value = firstValue(dataset[keyword]);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function requireString(dataset: NaturalDataset, keyword: string, path: string, why = 'is required (type 1)'): string {
  const value = optionalString(dataset, keyword);
  if (value === undefined) throw new SegParseError(joinAttributePath(path, keyword), why);
  return value;
}

/** A person name as text (`Family^Given`), from a string or dcmjs's `{ Alphabetic }`. */
export function optionalPersonName(dataset: NaturalDataset, keyword: string): string | undefined {
  const value = firstValue(dataset[keyword]);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (value !== null && typeof value === 'object' && typeof (value as { Alphabetic?: unknown }).Alphabetic === 'string') {
    return (value as { Alphabetic: string }).Alphabetic || undefined;
  }
  return undefined;
}

/** Exactly `count` finite numbers. */
export function requireNumbers(dataset: NaturalDataset, keyword: string, count: number, path: string): number[] {
  const value = dataset[keyword];
  const at = joinAttributePath(path, keyword);
  if (value === undefined || value === null || value === '') throw new SegParseError(at, `is required (${count} numbers)`);
  const numbers = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? Number(v) : v));
  if (numbers.length !== count || !numbers.every((v) => typeof v === 'number' && isFinite(v))) {
    throw new SegParseError(at, `must be ${count} finite numbers, got ${describe(value)}`);
  }
  return numbers as number[];
}

/** A finite number, or undefined when absent. */
export function optionalNumber(dataset: NaturalDataset, keyword: string, path: string): number | undefined {
  const value = firstValue(dataset[keyword]);
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !isFinite(number)) throw new SegParseError(joinAttributePath(path, keyword), `must be a number, got ${describe(value)}`);
  return number;
}

/** An integer in [min, max]. */
export function requireInteger(dataset: NaturalDataset, keyword: string, path: string, min: number, max: number): number {
  const at = joinAttributePath(path, keyword);
  const value = optionalNumber(dataset, keyword, path);
  if (value === undefined) throw new SegParseError(at, 'is required (type 1)');
  if (!isInteger(value) || value < min || value > max) throw new SegParseError(at, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** The items of a sequence attribute; `required` demands at least one. */
export function sequenceItems(dataset: NaturalDataset, keyword: string, path: string, required: boolean): NaturalDataset[] {
  const value = dataset[keyword];
  if (value === undefined || value === null) {
    if (required) throw new SegParseError(joinAttributePath(path, keyword), 'is required and missing');
    return [];
  }
  if (!Array.isArray(value) || !value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
    throw new SegParseError(joinAttributePath(path, keyword), 'must be a sequence');
  }
  if (required && value.length === 0) throw new SegParseError(joinAttributePath(path, keyword), 'must have at least one item');
  return value as NaturalDataset[];
}

function describe(value: unknown): string {
  const text = Array.isArray(value) ? `[${value.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}]` : typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
