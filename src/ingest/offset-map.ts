/**
 * Offset maps: text derived from a source, with the source offset of every character.
 *
 * Each stage that rewrites text (HTML to visible text, dropping boilerplate, collapsing
 * whitespace) builds its output through a `MappedTextBuilder`, so any span of the output can be
 * mapped back to the exact span of the source it came from. Synthetic characters (paragraph
 * breaks a stage inserts) point at the source position where they were inserted.
 */

export interface MappedText {
  text: string;
  /** `origin[i]` is the source offset of `text[i]`; `origin[text.length]` is the end of the last piece. */
  origin: Int32Array;
  /** `synthetic[i]` is 1 when `text[i]` was inserted and has no source character of its own. */
  synthetic: Uint8Array;
}

export class MappedTextBuilder {
  #parts: string[] = [];
  #origin: number[] = [];
  #synthetic: number[] = [];
  #length = 0;
  #end = 0;

  get length(): number {
    return this.#length;
  }

  /** The last character appended, or '' when nothing has been. */
  lastChar(): string {
    const last = this.#parts[this.#parts.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  /** Appends `source.slice(start, end)` unchanged, character for character. */
  appendSlice(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.#parts.push(source.slice(start, end));
    for (let i = start; i < end; i++) {
      this.#origin.push(i);
      this.#synthetic.push(0);
    }
    this.#length += end - start;
    this.#end = end;
  }

  /** Appends `text` standing for the source span [start, end), e.g. a decoded `&amp;`. */
  appendReplacement(text: string, start: number, end: number): void {
    if (text === '') return;
    this.#parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.#origin.push(Math.min(start + i, end - 1));
      this.#synthetic.push(0);
    }
    this.#length += text.length;
    this.#end = end;
  }

  /** Appends characters with no source of their own, anchored at source offset `at`. */
  appendSynthetic(text: string, at: number): void {
    if (text === '') return;
    this.#parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.#origin.push(at);
      this.#synthetic.push(1);
    }
    this.#length += text.length;
  }

  build(): MappedText {
    const origin = new Int32Array(this.#length + 1);
    origin.set(this.#origin);
    origin[this.#length] = this.#end;
    return { text: this.#parts.join(''), origin, synthetic: Uint8Array.from(this.#synthetic) };
  }
}

/** The identity map: `text` is its own source. */
export function identityMap(text: string): MappedText {
  const builder = new MappedTextBuilder();
  builder.appendSlice(text, 0, text.length);
  return builder.build();
}

/**
 * Maps the span [start, end) of `mapped.text` to the source span it covers: from the source
 * offset of its first character to just past the source offset of its last.
 */
export function toSource(mapped: MappedText, start: number, end: number): { start: number; end: number } {
  if (start < 0 || end > mapped.text.length || end < start) {
    throw new RangeError(`toSource: span [${start}, ${end}) is outside the text (length ${mapped.text.length})`);
  }
  if (end === start) {
    const at = mapped.origin[start]!;
    return { start: at, end: at };
  }
  return { start: mapped.origin[start]!, end: mapped.origin[end - 1]! + 1 };
}

/** Composes two maps: `outer` was built from `inner.text`; the result maps `outer.text` to `inner`'s source. */
export function composeMaps(outer: MappedText, inner: MappedText): MappedText {
  const origin = new Int32Array(outer.origin.length);
  const synthetic = new Uint8Array(outer.synthetic);
  for (let i = 0; i < outer.text.length; i++) {
    const at = outer.origin[i]!;
    origin[i] = inner.origin[at] ?? inner.origin[inner.text.length]!;
    if (inner.synthetic[at]) synthetic[i] = 1;
  }
  const last = outer.origin[outer.text.length]!;
  origin[outer.text.length] = last === 0 ? 0 : inner.origin[last - 1]! + 1;
  return { text: outer.text, origin, synthetic };
}
