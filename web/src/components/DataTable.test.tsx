// @vitest-environment happy-dom
import { MantineProvider, Table } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

afterEach(cleanup);

describe('the data table', () => {
  it('has a caption, a header of column labels and the rows it is given', () => {
    render(
      <MantineProvider>
        <DataTable
          caption="Orders"
          minWidth={600}
          data-testid="orders"
          nowrapHeader
          columns={[{ label: 'Product' }, { label: 'Price', align: 'right' }, { label: 'Actions', hideLabel: true }]}
        >
          <Table.Tr>
            <Table.Td>Soap</Table.Td>
            <Table.Td>฿10</Table.Td>
            <Table.Td>…</Table.Td>
          </Table.Tr>
        </DataTable>
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: 'Orders' });
    expect(table.dataset.testid).toBe('orders');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Product', 'Price', 'Actions']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('Soap')).toBeTruthy();
  });
});
