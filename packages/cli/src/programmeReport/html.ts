/** Text for HTML element content and attribute values (both quoted with "). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export type AttributeValue = string | number | boolean | null | undefined;

/** ` name="value"` for each attribute given; null and undefined are left out (an absent data-* reads as null). */
export function attributes(values: Readonly<Record<string, AttributeValue>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
}

/** 3 decimals, or — for none. */
export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}
