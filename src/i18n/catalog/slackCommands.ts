// The /reform command, item cards, plan files, `mine`, `stats`, and the shared UI fragments.
import { defineCatalog } from '../define.ts';

export const slackCommandsCatalog = defineCatalog({
  en: {
    'parts.due': (p: { date: string }) => `due ${p.date}`,
    'parts.noDue': 'no due date',
  },
  'zh-CN': {
    'parts.due': (p: { date: string }) => `截止 ${p.date}`,
    'parts.noDue': '无截止日期',
  },
});
