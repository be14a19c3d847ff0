/**
 * The MAC stream as DCMTK's dcmsign (3.6.7, and the code is unchanged up to 3.7) actually feeds it
 * to the MAC — which differs from the PS3.15 stream (macStream.ts) for large nested objects.
 *
 * dcmsign encodes the signed elements into a 16384-byte buffer (SiMACConstructor) and, whenever the
 * buffer is full, digests it and resumes the interrupted element (writeSignatureFormat). On resume,
 * an item re-checks each pending child with isSignable(); for a sequence that check
 * (containsUnknownVR) walks the sequence's item list and leaves its cursor past the end. So when
 * the buffer fills while a sequence nested inside an item of a top-level sequence is being written,
 * the resumed nested sequence finds no current item: the rest of its content — the remainder of a
 * value cut at the buffer boundary included — is skipped, and only its Sequence Delimitation tag is
 * written. dcmsign verifies with the same code, so its signatures are over this stream; the skipped
 * bytes are not protected by them.
 *
 * This module replays that: the same traversal, states and cursors as dcmdata's DcmElement::write,
 * DcmItem / DcmSequenceOfItems::writeSignatureFormat and their header space checks, with the same
 * buffer size and flush points (a flush after the Data Elements Signed, one after the signature
 * item). Elements are in tag order as dcmdata keeps them. Encapsulated (fragmented) values are not
 * replayed (SegQC writes none).
 */
import { joinChunks } from '../bytes/joinChunks';
import { DicomValueError } from '../dicom/DicomValueError';
import { ITEM_TAG, LONG_LENGTH_VRS, SEQUENCE_DELIMITATION_TAG, tagString, type RawElement } from './rawDataset';

/** SiMACConstructor_BlockSize. */
export const DCMTK_MAC_BUFFER_SIZE = 16384;

type State = 'init' | 'inWork' | 'ready';

interface Node {
  kind: 'leaf' | 'item' | 'sequence';
  element?: RawElement;
  children: Node[];
  state: State;
  /** Leaf: value bytes written. Item/sequence: index of the current child (children.length: none). */
  position: number;
  signableTag: boolean;
}

function nodeOf(element: RawElement, isSignableTag: (tag: number) => boolean): Node {
  if (element.fragments) throw new DicomValueError(tagString(element.tag), 'encapsulated values are not replayed in the DCMTK MAC stream');
  if (element.items) {
    return {
      kind: 'sequence',
      element,
      state: 'init',
      position: 0,
      signableTag: isSignableTag(element.tag),
      children: element.items.map((item) => ({
        kind: 'item' as const,
        state: 'init' as State,
        position: 0,
        signableTag: true,
        children: [...item].sort((a, b) => a.tag - b.tag).map((child) => nodeOf(child, isSignableTag)),
      })),
    };
  }
  return { kind: 'leaf', element, children: [], state: 'init', position: 0, signableTag: isSignableTag(element.tag) };
}

class Replay {
  private chunks: Uint8Array[] = [];
  private length = 0;
  private avail = DCMTK_MAC_BUFFER_SIZE;

  emit(bytes: Uint8Array | number[]): void {
    this.chunks.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
    this.length += bytes.length;
    this.avail -= bytes.length;
  }
  emitTag(tag: number): void {
    this.emit([(tag >>> 16) & 0xff, (tag >>> 24) & 0xff, tag & 0xff, (tag >>> 8) & 0xff]);
  }
  flush(): void {
    this.avail = DCMTK_MAC_BUFFER_SIZE;
  }
  bytes(): Uint8Array {
    return joinChunks(this.chunks, this.length);
  }

  /** DcmTag::isUnknownVR through containsUnknownVR, with its side effect: every cursor below moved past the end. */
  containsUnknownVr(node: Node): boolean {
    if (node.kind === 'leaf') return node.element!.vr === 'UN';
    for (let i = 0; i < node.children.length; i++) {
      node.position = i;
      if (this.containsUnknownVr(node.children[i])) return true;
    }
    node.position = node.children.length;
    return false;
  }

  isSignable(node: Node): boolean {
    if (node.kind === 'sequence') return node.signableTag && !this.containsUnknownVr(node);
    if (node.kind === 'leaf') return node.signableTag && node.element!.vr !== 'UN';
    return true; // item tag (FFFE,E000)
  }

  /** One writeSignatureFormat call: true when the node is complete, false when the buffer is full (EC_StreamNotifyClient). */
  write(node: Node): boolean {
    if (node.kind === 'leaf') return this.writeLeaf(node);
    if (node.kind === 'item') return this.writeItem(node);
    return this.writeSequence(node);
  }

  private writeLeaf(node: Node): boolean {
    const element = node.element!;
    const value = element.value ?? new Uint8Array(0);
    const long = LONG_LENGTH_VRS.has(element.vr) || value.length > 0xffff;
    if (node.state === 'init') {
      if (!(this.avail >= 12 || this.avail >= (long ? 12 : 8))) return false;
      this.emitTag(element.tag);
      this.emit([element.vr.charCodeAt(0), element.vr.charCodeAt(1)]);
      if (long) this.emit([0, 0, value.length & 0xff, (value.length >>> 8) & 0xff, (value.length >>> 16) & 0xff, (value.length >>> 24) & 0xff]);
      else this.emit([value.length & 0xff, (value.length >>> 8) & 0xff]);
      node.state = 'inWork';
      node.position = 0;
    }
    if (value.length > 0 && node.state === 'inWork') {
      const n = Math.min(this.avail, value.length - node.position);
      this.emit(value.subarray(node.position, node.position + n));
      node.position += n;
      if (node.position === value.length) node.state = 'ready';
      else return false;
    }
    return true;
  }

  private writeItem(node: Node): boolean {
    if (node.state === 'ready') return true;
    if (node.state === 'init') {
      if (this.avail < 4) return false;
      this.emitTag(ITEM_TAG);
      node.position = 0;
      node.state = 'inWork';
    }
    while (node.position < node.children.length) {
      const child = node.children[node.position];
      if (this.isSignable(child) && child.state !== 'ready' && !this.write(child)) return false;
      node.position += 1;
    }
    node.state = 'ready';
    return true;
  }

  private writeSequence(node: Node): boolean {
    if (node.state === 'ready') return true;
    if (node.state === 'init') {
      if (this.avail < 12) return false;
      this.emitTag(node.element!.tag);
      this.emit([0x53, 0x51, 0, 0]); // "SQ" and the reserved bytes; no length
      node.state = 'inWork';
      node.position = 0;
    }
    while (node.position < node.children.length) {
      const item = node.children[node.position];
      if (item.state !== 'ready' && !this.write(item)) return false;
      node.position += 1;
    }
    node.state = 'ready';
    if (this.avail < 4) {
      node.state = 'inWork';
      return false;
    }
    this.emitTag(SEQUENCE_DELIMITATION_TAG);
    return true;
  }

  /** SiMACConstructor::encodeElement: write, flushing whenever the buffer is full. */
  encodeElement(element: RawElement, isSignableTag: (tag: number) => boolean): void {
    const node = nodeOf(element, isSignableTag);
    while (!this.write(node)) this.flush();
  }
}

/**
 * The bytes dcmsign digests for `dataset`'s elements with tags in `tags` (encodeDataset /
 * encodeDatasetForVerification), then for `signatureItem` without the four excluded elements
 * (encodeDigitalSignatureItem). `isSignableTag` and `excluded` are macStream.ts's rules.
 */
export function dcmtkMacStream(
  dataset: readonly RawElement[],
  tags: ReadonlySet<number>,
  signatureItem: readonly RawElement[],
  isSignableTag: (tag: number) => boolean,
  excluded: ReadonlySet<number>,
): Uint8Array {
  const replay = new Replay();
  for (const element of [...dataset].sort((a, b) => a.tag - b.tag)) {
    if (!tags.has(element.tag)) continue;
    replay.encodeElement(element, isSignableTag);
  }
  replay.flush();
  for (const element of [...signatureItem].sort((a, b) => a.tag - b.tag)) {
    if (excluded.has(element.tag)) continue;
    const node = nodeOf(element, isSignableTag);
    if (!replay.isSignable(node)) continue;
    replay.encodeElement(element, isSignableTag);
  }
  return replay.bytes();
}
