// Button values and private_metadata: versioned round trips, values older versions wrote still
// read, and anything else (truncated, foreign) unreadable rather than guessed.
import { describe, expect, it } from 'vitest';
import { decodeItemButton, encodeItemButton } from '../../src/blocks/ids.ts';
import { decodeCloseoutValue, encodeCloseoutValue } from '../../src/blocks/messages/closeout.ts';
import { decodeRoundButton, encodeRoundButton } from '../../src/blocks/messages/roundSelfCheckPrompt.ts';
import { decodeArrangementMetadata, encodeArrangementMetadata } from '../../src/blocks/modals/arrangement.ts';
import { decodeMetadata, encodeMetadata } from '../../src/blocks/modals/itemUpdate.ts';
import { decodeSelfCheckMetadata, encodeSelfCheckMetadata } from '../../src/blocks/modals/roundSelfCheck.ts';

const GARBAGE = ['', '{"p":1,"i":4,"v', 'not json', '[]', 'null', '42', '{"x":1}'];

describe('item button value', () => {
  it('round-trips with its format version', () => {
    const raw = encodeItemButton({ itemId: 4, version: 3 });
    expect(JSON.parse(raw).v).toBe(1);
    expect(decodeItemButton(raw)).toEqual({ itemId: 4, version: 3 });
  });
  it('reads the buttons posted before the format version', () => {
    expect(decodeItemButton('{"i":4,"v":1}')).toEqual({ itemId: 4, version: 1 });
    expect(decodeItemButton('{"i":4,"v":3}')).toEqual({ itemId: 4, version: 3 });
  });
  it.each([...GARBAGE, '{"i":"4","v":1}', '{"i":4}', '{"v":2,"i":4,"n":1}', '{"i":-1,"v":1}', '{"i":1.5,"v":1}'])(
    'refuses %j',
    (raw) => {
      expect(decodeItemButton(raw)).toBeUndefined();
    },
  );
});

describe('status-update form metadata', () => {
  it('round-trips blank, plan only, and item with version', () => {
    for (const m of [{}, { planId: 2 }, { planId: 2, itemId: 4, version: 1 }])
      expect(decodeMetadata(encodeMetadata(m))).toEqual(m);
  });
  it('reads forms opened before the format version, keeping their version check', () => {
    expect(decodeMetadata('{}')).toEqual({});
    expect(decodeMetadata('{"p":1,"i":4,"v":1}')).toEqual({ planId: 1, itemId: 4, version: 1 });
    expect(decodeMetadata('{"p":2}')).toEqual({ planId: 2 });
  });
  it('carries the reminder a form was opened from, and still reads current metadata written without it', () => {
    const m = { planId: 2, itemId: 4, version: 1, reminder: { channel: 'D0REMIND', ts: '1467252000.000100' } };
    expect(decodeMetadata(encodeMetadata(m))).toEqual(m);
    expect(decodeMetadata('{"v":1,"p":2,"i":4,"n":1}')).toEqual({ planId: 2, itemId: 4, version: 1 });
  });
  it.each([
    ...GARBAGE,
    '{"p":"1"}',
    '{"v":1,"p":1,"i":4,"n":"x"}',
    '{"v":1,"p":1,"i":4,"n":1,"r":{"c":"D1"}}',
    '{"v":1,"p":1,"i":4,"n":1,"r":{"c":"","t":"1.2"}}',
  ])('finds %j unreadable (the form is out of date)', (raw) => {
    expect(decodeMetadata(raw)).toBeUndefined();
  });
});

describe('docking-arrangement metadata', () => {
  it('round-trips with and without the channel', () => {
    expect(decodeArrangementMetadata(encodeArrangementMetadata({ centralPlanId: 7 }))).toEqual({ centralPlanId: 7 });
    expect(decodeArrangementMetadata(encodeArrangementMetadata({ centralPlanId: 7, channel: 'C1' }))).toEqual({
      centralPlanId: 7,
      channel: 'C1',
    });
  });
  it('reads the older shape', () => {
    expect(decodeArrangementMetadata('{"c":7,"ch":"D1"}')).toEqual({ centralPlanId: 7, channel: 'D1' });
  });
  it.each([...GARBAGE, '{"c":"7"}'])('refuses %j', (raw) => expect(decodeArrangementMetadata(raw)).toBeUndefined());
});

describe('round self-check metadata and button', () => {
  it('round-trips', () => {
    const m = { roundId: 3, planId: 12, locale: 'en' as const, layout: 'lines' as const };
    expect(decodeSelfCheckMetadata(encodeSelfCheckMetadata(m))).toEqual(m);
    expect(decodeRoundButton(encodeRoundButton({ roundId: 3, planId: 12 }))).toEqual({ roundId: 3, planId: 12 });
  });
  it('reads the older shapes', () => {
    expect(decodeSelfCheckMetadata('{"r":3,"p":12,"l":"zh-CN","m":"select"}')).toEqual({
      roundId: 3,
      planId: 12,
      locale: 'zh-CN',
      layout: 'select',
    });
    expect(decodeRoundButton('{"roundId":3,"planId":12}')).toEqual({ roundId: 3, planId: 12 });
  });
  it.each(GARBAGE)('refuses %j', (raw) => {
    expect(decodeSelfCheckMetadata(raw)).toBeUndefined();
    expect(decodeRoundButton(raw)).toBeUndefined();
  });
});

describe('close-out button value', () => {
  it('round-trips and reads the older shape', () => {
    expect(decodeCloseoutValue(encodeCloseoutValue({ planId: 5, fingerprint: 'abc' }))).toEqual({
      planId: 5,
      fingerprint: 'abc',
    });
    expect(decodeCloseoutValue('{"planId":5,"fingerprint":"abc"}')).toEqual({ planId: 5, fingerprint: 'abc' });
  });
  it.each([...GARBAGE, '{"planId":5}'])('refuses %j', (raw) => expect(decodeCloseoutValue(raw)).toBeUndefined());
});
