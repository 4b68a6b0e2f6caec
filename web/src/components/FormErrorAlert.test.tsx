// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormErrorAlert } from './FormErrorAlert';

afterEach(cleanup);

describe('FormErrorAlert', () => {
  it('announces the form error', () => {
    render(
      <MantineProvider>
        <FormErrorAlert message="The campaign closed meanwhile" />
      </MantineProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The campaign closed meanwhile');
  });

  it('renders nothing without an error', () => {
    render(
      <MantineProvider>
        <FormErrorAlert message={null} />
      </MantineProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
