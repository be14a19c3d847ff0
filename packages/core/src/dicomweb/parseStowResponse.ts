import type { Part10Identity } from './part10Identity';
import { DUPLICATE_SOP_INSTANCE, NOT_LISTED, stowReason } from './stowReasons';
import type { StowInstanceFailure, StowInstanceWarning } from './StowResult';

/** The per-instance part of a StowResult. */
export interface StowAccounting {
  stored: string[];
  alreadyStored: string[];
  warnings: StowInstanceWarning[];
  failed: StowInstanceFailure[];
  retrieveURL?: string;
}

// Attributes of the Store Instances response (PS3.18 10.5.3).
const RETRIEVE_URL = '00081190';
const FAILED_SOP_SEQUENCE = '00081198';
const REFERENCED_SOP_SEQUENCE = '00081199';
const REFERENCED_SOP_INSTANCE_UID = '00081155';
const WARNING_REASON = '00081196';
const FAILURE_REASON = '00081197';

type DicomJsonDataset = Record<string, { Value?: unknown[] } | undefined>;

/**
 * Sorts the instances of one request into stored and failed from the answer's DICOM JSON
 * (PS3.18 F.2). Duplicate SOP Instance (0x0111) counts as stored: a retry after a lost answer finds
 * the PACS already holding the instance it sent before. An instance the answer does not name is
 * stored when the status is 200 (PS3.18 10.5.3: the server stored all instances; likewise any other
 * 2xx but 202) — a body the client cannot read changes nothing then — and failed, as NOT_LISTED,
 * otherwise (202 partial, 4xx).
 */
export function parseStowResponse(status: number, bodyText: string, sent: readonly Part10Identity[]): StowAccounting {
  const dataset = parseDataset(bodyText);
  const referenced = new Map<string, DicomJsonDataset>();
  for (const item of sequenceItems(dataset, REFERENCED_SOP_SEQUENCE)) {
    const uid = stringValue(item, REFERENCED_SOP_INSTANCE_UID);
    if (uid) referenced.set(uid, item);
  }
  const failedItems = new Map<string, DicomJsonDataset>();
  for (const item of sequenceItems(dataset, FAILED_SOP_SEQUENCE)) {
    const uid = stringValue(item, REFERENCED_SOP_INSTANCE_UID);
    if (uid) failedItems.set(uid, item);
  }
  const accounting: StowAccounting = { stored: [], alreadyStored: [], warnings: [], failed: [] };
  const retrieveURL = dataset ? stringValue(dataset, RETRIEVE_URL) : undefined;
  if (retrieveURL) accounting.retrieveURL = retrieveURL;
  const allStoredUnlessListed = status >= 200 && status < 300 && status !== 202;
  for (const { sopInstanceUID, sopClassUID } of sent) {
    const failedItem = failedItems.get(sopInstanceUID);
    const failureCode = failedItem ? numberValue(failedItem, FAILURE_REASON) : undefined;
    if (failedItem && failureCode !== DUPLICATE_SOP_INSTANCE) {
      accounting.failed.push({ sopInstanceUID, sopClassUID, failureReason: failureCode === undefined ? NOT_LISTED : stowReason(failureCode) });
    } else if (failedItem || referenced.has(sopInstanceUID) || allStoredUnlessListed) {
      accounting.stored.push(sopInstanceUID);
      if (failedItem) accounting.alreadyStored.push(sopInstanceUID);
      const warningCode = numberValue(referenced.get(sopInstanceUID), WARNING_REASON);
      if (warningCode !== undefined) accounting.warnings.push({ sopInstanceUID, sopClassUID, warningReason: stowReason(warningCode) });
    } else {
      accounting.failed.push({ sopInstanceUID, sopClassUID, failureReason: NOT_LISTED });
    }
  }
  return accounting;
}

function parseDataset(bodyText: string): DicomJsonDataset | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return undefined; // not JSON (an HTML error page, XML, empty): nothing is listed
  }
  // Some servers wrap the one response data set in an array.
  const dataset = Array.isArray(parsed) ? parsed[0] : parsed;
  return isObject(dataset) ? (dataset as DicomJsonDataset) : undefined;
}

function sequenceItems(dataset: DicomJsonDataset | undefined, tag: string): DicomJsonDataset[] {
  const value = dataset?.[tag]?.Value;
  return Array.isArray(value) ? value.filter(isObject).map((item) => item as DicomJsonDataset) : [];
}

function stringValue(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function numberValue(dataset: DicomJsonDataset | undefined, tag: string): number | undefined {
  const value = dataset?.[tag]?.Value?.[0];
  // US is a JSON number (PS3.18 F.2.3); some servers send a decimal string.
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
