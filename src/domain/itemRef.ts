// `P1#3`: how people name an item in Slack (plan code, `#`, item code). Full-width ＃ is accepted
// because Chinese input methods produce it.

export interface ItemRef {
  planCode: string;
  itemCode: string;
}

export function parseItemRef(text: string): ItemRef | undefined {
  const match = /^\s*([^#＃\s]+)\s*[#＃]\s*([^#＃\s]+)\s*$/.exec(text);
  if (!match) return undefined;
  return { planCode: match[1] as string, itemCode: match[2] as string };
}

export function formatItemRef(ref: ItemRef): string {
  return `${ref.planCode}#${ref.itemCode}`;
}
