/**
 * Shop codes pasted as a list. Below the text area every distinct code is shown as a chip: red when its
 * format is wrong, orange when the server reported it as unknown, so a long pasted list can be fixed at a glance.
 */
import { Badge, Group, Stack, Textarea, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { MAX_TARGET_SHOPS, parseShopCodes } from './shopCodes';

export interface ShopCodesFieldProps {
  value: string;
  onChange: (text: string) => void;
  error?: string | null;
  /** Codes the server did not find (a UNKNOWN_SHOP_CODES userError). */
  unknownCodes?: ReadonlyArray<string>;
  disabled?: boolean;
}

export function ShopCodesField({ value, onChange, error, unknownCodes = [], disabled }: ShopCodesFieldProps) {
  const parsed = useMemo(() => parseShopCodes(value), [value]);
  const unknown = useMemo(() => new Set(unknownCodes.map((c) => c.toUpperCase())), [unknownCodes]);
  const count = parsed.tokens.length;
  const notFound = parsed.valid.filter((c) => unknown.has(c)).length;
  const summary =
    count === 0
      ? `Up to ${MAX_TARGET_SHOPS} shops.`
      : `${count} of ${MAX_TARGET_SHOPS} shops` +
        (parsed.invalid.length ? ` · ${parsed.invalid.length} in the wrong format` : '') +
        (notFound ? ` · ${notFound} not found` : '') +
        (parsed.duplicates ? ` · ${parsed.duplicates} repeated ${parsed.duplicates === 1 ? 'code' : 'codes'} ignored` : '');

  return (
    <Stack gap={6}>
      <Textarea
        label="Shop codes"
        description={
          <>
            One per line, or separated by commas or spaces.{' '}
            <span data-testid="shop-code-summary" aria-live="polite">
              {summary}
            </span>
          </>
        }
        placeholder={'THCBELNL4Y\nTHAB12CD34'}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        disabled={disabled}
        autosize
        minRows={3}
        maxRows={10}
        spellCheck={false}
        autoCapitalize="characters"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {count > 0 && (
        <Group gap={6} component="ul" aria-label="Codes as read" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {parsed.tokens.map((token) => {
            const isUnknown = token.valid && unknown.has(token.code);
            const state = !token.valid ? 'invalid' : isUnknown ? 'unknown' : 'ok';
            return (
              <li key={token.code}>
                <Badge
                  variant={state === 'ok' ? 'light' : 'filled'}
                  color={state === 'invalid' ? 'red' : state === 'unknown' ? 'orange' : 'gray'}
                  radius="sm"
                  tt="none"
                  ff="monospace"
                  data-testid="shop-code-chip"
                  data-state={state}
                  title={state === 'invalid' ? 'Not a valid shop code' : state === 'unknown' ? 'No shop has this code' : undefined}
                >
                  {token.code}
                  {state !== 'ok' && <VisuallyHidden component="span"> ({state === 'invalid' ? 'invalid format' : 'not found'})</VisuallyHidden>}
                </Badge>
              </li>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
