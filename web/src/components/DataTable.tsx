/**
 * The app's data table: a sideways-scrolling table with a caption for screen readers, one header row of column
 * labels (numbers right-aligned, an icon-only column with a hidden label) and the rows the screen renders.
 */
import { Table, VisuallyHidden, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './DataTable.module.css';

export interface DataColumn {
  /** The header cell's content (usually text; a select-all checkbox for a selection column). */
  label: ReactNode;
  /** `right` for numbers. */
  align?: 'left' | 'right' | 'center';
  /** The label is for screen readers only (an actions column). */
  hideLabel?: boolean;
  w?: number | string;
}

export interface DataTableProps extends Omit<TableProps, 'children' | 'captionSide'> {
  /** What the table lists, read out by screen readers. */
  caption: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  columns: ReadonlyArray<DataColumn>;
  /** Header labels never wrap. */
  nowrapHeader?: boolean;
  /** The last column (a row's actions) stays in view at the right edge while the table scrolls sideways. */
  pinLastColumn?: boolean;
  /** The rows (`<Table.Tr>`s). */
  children: ReactNode;
  'data-testid'?: string;
}

const NOWRAP_HEADER = { th: { whiteSpace: 'nowrap' } } as const;

export function DataTable({ caption, minWidth, columns, nowrapHeader, pinLastColumn, children, ...table }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...table} className={pinLastColumn ? classes.pinLast : undefined} styles={nowrapHeader ? NOWRAP_HEADER : undefined}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index} scope="col" ta={column.align} w={column.w}>
                {column.hideLabel ? <VisuallyHidden>{column.label}</VisuallyHidden> : column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
