// Button values and private_metadata: what the bot writes into Slack and reads back later, from
// messages and modals that may have been built by an older version of the bot (a reminder stays on
// people's screens for weeks). Each shape is a zod schema tagged with a format version
// (`{"v":1,...}`); decoding tries the current shape, then the shapes older versions wrote, and
// anything else (a truncated or foreign value) is `undefined`, so the caller says "out of date"
// instead of guessing. Pure.
import { z } from 'zod';

export interface Codec<T> {
  encode(value: T): string;
  /** The value, or undefined when the text is not one this bot wrote (in any version). */
  decode(raw: string | undefined | null): T | undefined;
}

/** The envelope's version key. Legacy shapes may also use `v`: they are told apart by their schema. */
const VERSION_KEY = 'v';

export interface CodecSpec<Wire extends z.ZodRawShape, T> {
  version: number;
  /** The current wire fields (short keys: a button value holds at most 2,000 characters). */
  wire: Wire;
  toWire(value: T): z.infer<z.ZodObject<Wire>>;
  fromWire(wire: z.infer<z.ZodObject<Wire>>): T;
  /** Shapes written before this codec, still on people's screens. Tried in order. */
  legacy?: readonly ((raw: unknown) => T | undefined)[];
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function versionedCodec<Wire extends z.ZodRawShape, T>(spec: CodecSpec<Wire, T>): Codec<T> {
  // Strict: a legacy shape that happens to carry a `v` key must not pass for the current one.
  const current = z
    .object({ ...spec.wire, [VERSION_KEY]: z.literal(spec.version) } as Wire & { v: z.ZodLiteral<number> })
    .strict();
  return {
    encode: (value) => JSON.stringify({ [VERSION_KEY]: spec.version, ...spec.toWire(value) }),
    decode(raw) {
      if (typeof raw !== 'string' || raw === '') return undefined;
      const json = parseJson(raw);
      if (json === undefined) return undefined;
      const parsed = current.safeParse(json);
      if (parsed.success) return spec.fromWire(parsed.data as z.infer<z.ZodObject<Wire>>);
      for (const read of spec.legacy ?? []) {
        const value = read(json);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}

/** A positive database id or version as JSON carries it. */
export const wireId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Reads a legacy shape with its own schema. */
export function legacyShape<S extends z.ZodTypeAny, T>(
  schema: S,
  convert: (value: z.infer<S>) => T,
): (raw: unknown) => T | undefined {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? convert(parsed.data) : undefined;
  };
}
