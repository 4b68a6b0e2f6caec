// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, type DeferredStart } from './Deferred';

afterEach(cleanup);

/** A deferred overlay whose chunk arrives when the test says so. */
function setup(openOn: 'click' | 'hover') {
  let arrive: () => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<(props: { name: string } & DeferredStart) => React.ReactElement>((resolve) => {
        arrive = () =>
          resolve(function Loaded({ name, startOpen }) {
            return (
              <button type="button" data-loaded="yes" data-open={String(startOpen())}>
                {name}
              </button>
            );
          });
      }),
  );
  const Overlay = deferred<{ name: string }>(load, openOn);
  render(<Overlay name="Menu" trigger={<button type="button">Menu</button>} />);
  const finish = async () => {
    await act(async () => {
      arrive();
    });
  };
  return { load, finish };
}

describe('deferred overlays', () => {
  it('shows the plain trigger and loads nothing until the user reaches for it', () => {
    const { load } = setup('click');
    expect(screen.getByRole('button', { name: 'Menu' }).dataset.loaded).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads on pointer over and swaps in the overlay, closed', async () => {
    const { load, finish } = setup('click');
    fireEvent.pointerOver(screen.getByRole('button', { name: 'Menu' }));
    expect(load).toHaveBeenCalledTimes(1);
    await finish();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button.dataset.loaded).toBe('yes');
    expect(button.dataset.open).toBe('false');
  });

  it('opens the overlay when the trigger was clicked before it arrived', async () => {
    const { finish } = setup('click');
    fireEvent.click(screen.getByRole('button', { name: 'Menu' }));
    await finish();
    expect(screen.getByRole('button', { name: 'Menu' }).dataset.open).toBe('true');
  });

  it('opens the overlay when the chunk arrived between press and release (the click never reaches the swapped trigger)', async () => {
    const { finish } = setup('click');
    const plain = screen.getByRole('button', { name: 'Menu' });
    fireEvent.pointerOver(plain);
    fireEvent.pointerDown(plain);
    await finish();
    // The release lands on the overlay's own trigger; the browser fires no click on either.
    expect(screen.getByRole('button', { name: 'Menu' }).dataset.open).toBe('true');
  });

  it('a press that was cancelled (a scroll that began on the trigger) does not open the overlay', async () => {
    const { finish } = setup('click');
    const plain = screen.getByRole('button', { name: 'Menu' });
    fireEvent.pointerOver(plain);
    fireEvent.pointerDown(plain);
    fireEvent.pointerCancel(plain);
    await finish();
    expect(screen.getByRole('button', { name: 'Menu' }).dataset.open).toBe('false');
  });

  it('keeps keyboard focus on the trigger across the swap, and a focused tooltip starts open', async () => {
    const { load, finish } = setup('hover');
    act(() => screen.getByRole('button', { name: 'Menu' }).focus());
    expect(load).toHaveBeenCalledTimes(1);
    await finish();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button.dataset.loaded).toBe('yes');
    expect(document.activeElement).toBe(button);
    expect(button.dataset.open).toBe('true');
  });
});
