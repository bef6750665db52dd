// Streams a part's XML through saxes, calling the handlers with element names stripped of their
// prefix (some writers use <x:row>), and guards against one node growing without end: saxes
// keeps a text or a tag in memory until it is complete, so a node longer than maxNodeChars is
// refused instead of buffered.
import { SaxesParser } from 'saxes';
import { asXlsxError, xlsxError } from './xlsxError.ts';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The attribute whose name, without its prefix, is `local` (r:id is written with any prefix). */
export function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (localName(name) === local) return value;
  return undefined;
}

/**
 * Parses `chunks` (the part `part`, UTF-8), yielding after each chunk so that a caller can hand
 * over what the chunk completed before the next is read.
 */
export async function* parseXmlPart(
  part: string,
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
  maxNodeChars: number,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ fileName: part });
  let events = 0;
  parser.on('opentag', (tag) => {
    events++;
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    events++;
    handlers.close?.(localName(tag.name));
  });
  parser.on('text', (text) => {
    events++;
    handlers.text?.(text);
  });
  const decoder = new TextDecoder('utf-8');
  // Characters written since the last event: no event means saxes is still collecting one node.
  let quiet = 0;
  const write = (text: string) => {
    const before = events;
    try {
      parser.write(text);
    } catch (error) {
      throw asXlsxError(error, `${part} is not well-formed XML`);
    }
    quiet = events === before ? quiet + text.length : 0;
    if (quiet > maxNodeChars) throw xlsxError(`${part} has an XML node longer than ${maxNodeChars} characters`);
  };
  for await (const chunk of chunks) {
    write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  write(decoder.decode());
  try {
    parser.close();
  } catch (error) {
    throw asXlsxError(error, `${part} is not well-formed XML`);
  }
}

/** Parses a whole part for its handlers' sake. */
export async function readXmlPart(
  part: string,
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
  maxNodeChars: number,
): Promise<void> {
  for await (const _ of parseXmlPart(part, chunks, handlers, maxNodeChars));
}
