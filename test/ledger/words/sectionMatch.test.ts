import { describe, expect, it } from 'vitest';
import { type GroupRef, matchSection } from '../../../src/ledger/words/sectionMatch.ts';

const economicAndEcological: GroupRef = {
  code: 'JJST',
  name: '经济体制和生态文明体制改革专项小组',
  domain: 'economic',
};
const political: GroupRef = { code: 'MZFZ', name: '民主法制领域改革专项小组', domain: 'political' };
const cultural: GroupRef = { code: 'WH', name: '文化体制改革专项小组', domain: 'cultural' };
const social: GroupRef = { code: 'SH', name: '社会体制改革专项组', domain: 'social' };
const partyBuilding: GroupRef = { code: 'DJ', name: '党的建设制度改革小组', domain: 'party_building' };
const discipline: GroupRef = { code: 'JJJC', name: '纪律检查体制改革专项小组', domain: 'discipline' };
const groups = [economicAndEcological, political, cultural, social, partyBuilding, discipline];

describe('matchSection: the group', () => {
  it('matches a whole heading to its group; a label naming two fields names no domain', () => {
    expect(matchSection('一、经济体制和生态文明体制改革（3个方案8项）', groups)).toEqual({
      group: economicAndEcological,
      domain: null,
    });
  });

  it('matches 二、民主法制领域改革 to its group and the political domain', () => {
    expect(matchSection('二、民主法制领域改革', groups)).toEqual({ group: political, domain: 'political' });
  });

  it.each([
    ['经济体制和生态文明体制改革', economicAndEcological],
    ['民主法制领域改革', political],
    ['民主法制领域', political],
    ['民主法制', political],
    ['文化体制改革', cultural],
    ['文 化 体 制 改 革', cultural],
    ['社会体制改革', social],
    ['党的建设制度改革', partyBuilding],
    ['纪律检查体制改革专项小组', discipline],
    ['第三部分 文化体制改革', cultural],
  ])('matches the label %j by name', (label, group) => {
    expect(matchSection(label, groups).group).toBe(group);
  });

  it('matches a label contained in a group’s name, or containing it', () => {
    expect(matchSection('生态文明体制改革', groups).group).toBe(economicAndEcological);
    expect(matchSection('深化文化体制改革', groups).group).toBe(cultural);
  });

  it('matches a label that is a group’s code', () => {
    expect(matchSection('MZFZ', groups).group).toBe(political);
    expect(matchSection(' wh ', groups).group).toBe(cultural);
  });

  it('prefers the one exact match over groups that merely contain the label', () => {
    const economic: GroupRef = { code: 'JJ', name: '经济体制改革专项小组', domain: 'economic' };
    const both: GroupRef = { code: 'JJ2', name: '经济体制改革和营商环境专项小组', domain: 'economic' };
    expect(matchSection('经济体制改革', [economic, both]).group).toBe(economic);
  });

  it('matches nothing when two groups fit equally well', () => {
    const a: GroupRef = { code: 'A', name: '经济体制改革专项小组', domain: 'economic' };
    const b: GroupRef = { code: 'B', name: '经济体制改革小组', domain: 'economic' };
    expect(matchSection('经济体制改革', [a, b]).group).toBeNull();
    const c: GroupRef = { code: 'C', name: '经济体制和生态文明体制改革专项小组', domain: 'economic' };
    const d: GroupRef = { code: 'D', name: '经济体制和营商环境改革专项小组', domain: 'economic' };
    expect(matchSection('经济体制', [c, d]).group).toBeNull();
  });

  it.each([
    ['an unrelated label', '国防和军队改革'],
    ['a bare 改革', '改革'],
    ['a one-character core', '经'],
    ['an empty label', ''],
  ])('matches no group for %s', (_why, label) => {
    expect(matchSection(label, groups).group).toBeNull();
  });

  it('matches no group when there are none', () => {
    expect(matchSection('经济体制改革', [])).toEqual({ group: null, domain: 'economic' });
  });

  it('matches English group names', () => {
    const english: GroupRef = { code: 'ECO', name: 'Economic Reform Group', domain: 'economic' };
    expect(matchSection('Economic reform', [english, political])).toEqual({ group: english, domain: 'economic' });
  });
});

describe('matchSection: the domain', () => {
  it.each([
    ['经济体制改革', 'economic'],
    ['民主法制领域改革', 'political'],
    ['民主法治领域改革', 'political'],
    ['法制建设', 'political'],
    ['政治体制改革', 'political'],
    ['文化体制改革', 'cultural'],
    ['社会体制改革', 'social'],
    ['生态文明体制改革', 'ecological'],
    ['生态保护', 'ecological'],
    ['党的建设制度改革', 'party_building'],
    ['党建工作', 'party_building'],
    ['纪律检查体制改革', 'discipline'],
    ['纪检监察', 'discipline'],
    ['社会主义市场经济体制改革', 'economic'],
    ['Economic reform', 'economic'],
    ['Political reform', 'political'],
    ['Democracy and rule of law', 'political'],
    ['Cultural reform', 'cultural'],
    ['Social reform', 'social'],
    ['Ecological civilisation', 'ecological'],
    ['Party building', 'party_building'],
    ['Discipline inspection', 'discipline'],
  ])('finds in %j the domain %s', (label, domain) => {
    expect(matchSection(label, []).domain).toBe(domain);
  });

  it.each([
    ['two fields', '经济体制和生态文明体制改革'],
    ['two fields in English', 'Economic and ecological reform'],
    ['no field word', '国防和军队改革'],
    ['nothing', ''],
  ])('finds no single domain for %s: %j', (_why, label) => {
    expect(matchSection(label, []).domain).toBeNull();
  });
});
