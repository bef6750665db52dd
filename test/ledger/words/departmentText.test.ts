import { describe, expect, it } from 'vitest';
import { readDepartmentText } from '../../../src/ledger/words/departmentText.ts';

const names = (text: string) => readDepartmentText(text).map((m) => m.name);

describe('readDepartmentText: splitting', () => {
  it.each([
    ['省财政厅、省教育厅'],
    ['省财政厅，省教育厅'],
    ['省财政厅,省教育厅'],
    ['省财政厅；省教育厅'],
    ['省财政厅;省教育厅'],
    ['省财政厅/省教育厅'],
    ['省财政厅／省教育厅'],
    ['省财政厅\n省教育厅'],
    ['省财政厅\r\n省教育厅'],
    [' 省财政厅 、 省教育厅 '],
  ])('splits %j into two names', (text) => {
    expect(names(text)).toEqual(['省财政厅', '省教育厅']);
  });

  it('reads one name as one mention without a role', () => {
    expect(readDepartmentText('省发展改革委')).toEqual([{ name: '省发展改革委', role: null }]);
  });

  it('drops empty parts and repeats, keeping the first order', () => {
    expect(names('、省财政厅、、省教育厅、省财政厅、 ；')).toEqual(['省财政厅', '省教育厅']);
  });

  it('treats names differing only in spaces or width as repeats', () => {
    expect(names('省财政厅、省 财政厅、省财政厅　')).toEqual(['省财政厅']);
  });

  it('keeps a parenthesised alias with its name (one office, two names)', () => {
    expect(names('省委宣传部（省新闻出版广电局）、省文化厅')).toEqual(['省委宣传部（省新闻出版广电局）', '省文化厅']);
    expect(names('省委宣传部（省新闻出版广电局、省版权局）')).toEqual(['省委宣传部（省新闻出版广电局、省版权局）']);
  });

  it('removes spaces between Chinese characters but keeps them in English names', () => {
    expect(names('省 发展 改革委; Finance  Department ')).toEqual(['省发展改革委', 'Finance Department']);
  });

  it('reads an empty cell as no departments', () => {
    expect(readDepartmentText('')).toEqual([]);
    expect(readDepartmentText(' 、；\n ')).toEqual([]);
  });
});

describe('readDepartmentText: roles', () => {
  it.each([
    ['省发展改革委（牵头）', 'lead'],
    ['省发展改革委(牵头)', 'lead'],
    ['省发展改革委（牵头单位）', 'lead'],
    ['省发展改革委 （ 牵头 ）', 'lead'],
    ['省发展改革委（配合）', 'cooperating'],
    ['省发展改革委(配合)', 'cooperating'],
    ['省发展改革委（配合单位）', 'cooperating'],
    ['省发展改革委（参与）', 'cooperating'],
  ] as const)('reads the annotation in %j as %s', (text, role) => {
    expect(readDepartmentText(text)).toEqual([{ name: '省发展改革委', role }]);
  });

  it('gives an annotation to its own name only', () => {
    expect(readDepartmentText('省发展改革委（牵头）、省财政厅、省国土资源厅（配合）')).toEqual([
      { name: '省发展改革委', role: 'lead' },
      { name: '省财政厅', role: null },
      { name: '省国土资源厅', role: 'cooperating' },
    ]);
  });

  it('gives a label to the names after it, up to the end of its clause', () => {
    expect(readDepartmentText('牵头：省发展改革委；配合：省财政厅，省国土资源厅')).toEqual([
      { name: '省发展改革委', role: 'lead' },
      { name: '省财政厅', role: 'cooperating' },
      { name: '省国土资源厅', role: 'cooperating' },
    ]);
    expect(readDepartmentText('牵头: 省发展改革委、省财政厅\n省教育厅')).toEqual([
      { name: '省发展改革委', role: 'lead' },
      { name: '省财政厅', role: 'lead' },
      { name: '省教育厅', role: null },
    ]);
  });

  it('carries a label standing alone on its line to the next line', () => {
    expect(readDepartmentText('牵头单位：\n省发展改革委\n配合单位：\n省财政厅、省教育厅')).toEqual([
      { name: '省发展改革委', role: 'lead' },
      { name: '省财政厅', role: 'cooperating' },
      { name: '省教育厅', role: 'cooperating' },
    ]);
  });

  it('ends a label’s reach at 责任单位：, which ranks nobody', () => {
    expect(readDepartmentText('牵头单位：省发展改革委，责任单位：省财政厅')).toEqual([
      { name: '省发展改革委', role: 'lead' },
      { name: '省财政厅', role: null },
    ]);
  });

  it('lets an annotation override the label', () => {
    expect(readDepartmentText('配合：省财政厅、省教育厅（牵头）')).toEqual([
      { name: '省财政厅', role: 'cooperating' },
      { name: '省教育厅', role: 'lead' },
    ]);
  });

  it('keeps a repeated name in its first place, with the first role given to it', () => {
    expect(readDepartmentText('省财政厅、省教育厅、省财政厅（牵头）')).toEqual([
      { name: '省财政厅', role: 'lead' },
      { name: '省教育厅', role: null },
    ]);
    expect(readDepartmentText('省财政厅（配合）、省财政厅（牵头）')).toEqual([
      { name: '省财政厅', role: 'cooperating' },
    ]);
  });

  it('leaves other parenthesised words in the name', () => {
    expect(names('省财政厅（待定）')).toEqual(['省财政厅（待定）']);
  });

  it('reads a label with no name after it as nothing', () => {
    expect(readDepartmentText('牵头：')).toEqual([]);
  });
});
