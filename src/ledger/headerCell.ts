// One cell of a ledger sheet's header and the column it was read as: shared by the header reader
// (header.ts) and the defects it reports (defects.ts) without either importing the other.
import type { Column } from './columns.ts';

export interface HeaderCell {
  position: number;
  text: string;
  column: Column | null;
}
