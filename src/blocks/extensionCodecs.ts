// What the extension buttons and form carry (README "Extension requests"): the request id on
// Approve / Refuse, the item id and where the form was opened on the request form. Versioned
// like every value the bot writes into Slack (codec.ts).
import { z } from 'zod';
import { versionedCodec, wireId } from './codec.ts';

export interface ExtensionDecisionValue {
  requestId: number;
}

const decisionCodec = versionedCodec({
  version: 1,
  wire: { r: wireId },
  toWire: (v: ExtensionDecisionValue) => ({ r: v.requestId }),
  fromWire: (wire): ExtensionDecisionValue => ({ requestId: wire.r }),
});

export const encodeExtensionDecisionValue = (v: ExtensionDecisionValue) => decisionCodec.encode(v);
export const decodeExtensionDecisionValue = (raw: string | undefined) => decisionCodec.decode(raw);

export interface ExtensionFormMetadata {
  itemId: number;
  /** The channel of the message whose button opened the form (where the answer is told). */
  channel?: string;
}

const formCodec = versionedCodec({
  version: 1,
  wire: { i: wireId, ch: z.string().nullable() },
  toWire: (m: ExtensionFormMetadata) => ({ i: m.itemId, ch: m.channel ?? null }),
  fromWire: (wire): ExtensionFormMetadata => ({ itemId: wire.i, ...(wire.ch ? { channel: wire.ch } : {}) }),
});

export const encodeExtensionFormMetadata = (m: ExtensionFormMetadata) => formCodec.encode(m);
export const decodeExtensionFormMetadata = (raw: string | undefined) => formCodec.decode(raw);
