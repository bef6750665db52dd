// The text of a string: a shared string <si> or an inline string <is>. Plain text is one <t>;
// rich text is runs <r><t>…</t></r> whose texts join; a phonetic guide <rPh> (furigana, pinyin)
// also holds a <t>, which is not part of what the cell shows.

/** OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return as _x000D_). */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export class StringItem {
  private phonetic = 0;
  private inText = false;
  private value = '';

  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't') this.inText = this.phonetic === 0;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.value += text;
  }

  /** Characters collected so far, for limits. */
  get length(): number {
    return this.value.length;
  }

  /** The string, and a fresh start for the next one. */
  take(): string {
    const value = unescapeOoxml(this.value);
    this.value = '';
    this.phonetic = 0;
    this.inText = false;
    return value;
  }
}
