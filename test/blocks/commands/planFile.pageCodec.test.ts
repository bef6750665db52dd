// The plan file's Previous/Next button value: versioned like every other button value, and the
// values older versions wrote (by id, and before that by code) still turn the page.
import { describe, expect, it } from 'vitest';
import { decodePlanPage, encodePlanPage } from '../../../src/blocks/commands/planFile.ts';

describe('plan page button value', () => {
  it('round-trips with its format version, carrying the plan id only', () => {
    const raw = encodePlanPage(12, 3);
    expect(JSON.parse(raw)).toEqual({ v: 1, p: 12, n: 3 });
    expect(decodePlanPage(raw)).toEqual({ plan: { id: 12 }, page: 3 });
  });

  it('reads the buttons posted before the format version: by id, and before ids by code', () => {
    expect(decodePlanPage('{"planId":12,"page":1}')).toEqual({ plan: { id: 12 }, page: 1 });
    expect(decodePlanPage('{"planCode":"SC-FA-001","page":2}')).toEqual({ plan: { code: 'SC-FA-001' }, page: 2 });
  });

  it.each([
    '',
    'not json',
    '[]',
    'null',
    '42',
    '{"x":1}',
    '{"v":1,"p":12',
    '{"v":1,"p":"12","n":1}',
    '{"v":2,"p":12,"n":1}',
    '{"v":1,"p":12,"n":1.5}',
    '{"v":1,"p":-1,"n":0}',
    '{"planId":12}',
    '{"planId":12,"page":"1"}',
  ])('refuses %j', (raw) => {
    expect(decodePlanPage(raw)).toBeUndefined();
  });
});
