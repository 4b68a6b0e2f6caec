// @vitest-environment happy-dom
import { MantineProvider, ScrollArea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { scrollAreaMergeRefs } from '../vite-scrollarea-refs';
import { ToastsOnFirstUse } from './App';

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

describe('toasts', () => {
  it('mount no container until the first toast, then show it', async () => {
    render(
      <MantineProvider>
        <ToastsOnFirstUse />
      </MantineProvider>,
    );
    expect(document.querySelector('.mantine-Notifications-root')).toBeNull();
    act(() => {
      notifications.show({ title: 'Saved', message: 'The list was saved.' });
    });
    expect(await screen.findByText('The list was saved.')).toBeTruthy();
    expect(document.querySelector('.mantine-Notifications-root')).not.toBeNull();
  });
});

describe('ScrollArea without floating-ui', () => {
  it('resolves only ScrollArea’s @floating-ui/react import to the hooks helper', () => {
    const plugin = scrollAreaMergeRefs();
    const resolve = plugin.resolveId as (source: string, importer?: string) => string | null;
    const scrollArea = '/x/node_modules/@mantine/core/esm/components/ScrollArea/ScrollArea.mjs';
    const tooltip = '/x/node_modules/@mantine/core/esm/components/Tooltip/Tooltip.mjs';
    const id = resolve('@floating-ui/react', scrollArea);
    expect(id).toBeTruthy();
    expect(resolve('@floating-ui/react', tooltip)).toBeNull();
    expect((plugin.load as (id: string) => string)(id!)).toContain("from '@mantine/hooks'");
  });

  it('still hands the viewport to viewportRef (the build and these tests use the helper)', () => {
    const viewport = createRef<HTMLDivElement>();
    render(
      <MantineProvider>
        <ScrollArea h={100} viewportRef={viewport}>
          <p>rows</p>
        </ScrollArea>
      </MantineProvider>,
    );
    expect(viewport.current?.textContent).toContain('rows');
    cleanup();
    expect(viewport.current).toBeNull();
  });
});
