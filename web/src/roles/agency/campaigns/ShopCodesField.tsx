/**
 * Shop codes pasted as a list. Below the text area every distinct code is shown as a chip: red when its
 * format is wrong, orange when the server reported it as unknown, so a long pasted list can be fixed at a glance.
 */
import { Badge, Group, Stack, Textarea, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../../../i18n/context';
import { MAX_TARGET_SHOPS, parseShopCodes } from './shopCodes';

const EXAMPLE_CODES = ['THCBELNL4Y', 'THAB12CD34'];

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
  const t = useT();
  const summary =
    count === 0
      ? t('campaigns.shopCodes.upTo', { max: MAX_TARGET_SHOPS })
      : [
          t('campaigns.shopCodes.count', { count, max: MAX_TARGET_SHOPS }),
          ...(parsed.invalid.length ? [t('campaigns.shopCodes.invalidCount', { count: parsed.invalid.length })] : []),
          ...(notFound ? [t('campaigns.shopCodes.notFoundCount', { count: notFound })] : []),
          ...(parsed.duplicates ? [t('campaigns.shopCodes.repeated', { count: parsed.duplicates })] : []),
        ].join(' · ');

  return (
    <Stack gap={6}>
      <Textarea
        label={t('campaigns.shopCodes.label')}
        description={
          <>
            {t('campaigns.shopCodes.hint')}{' '}
            <span data-testid="shop-code-summary" aria-live="polite">
              {summary}
            </span>
          </>
        }
        placeholder={EXAMPLE_CODES.join('\n')}
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
        <Group gap={6} component="ul" aria-label={t('campaigns.shopCodes.asRead')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
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
                  title={state === 'invalid' ? t('campaigns.shopCodes.invalidTitle') : state === 'unknown' ? t('campaigns.shopCodes.unknownTitle') : undefined}
                >
                  {token.code}
                  {state !== 'ok' && <VisuallyHidden component="span"> ({state === 'invalid' ? t('campaigns.shopCodes.invalidFormat') : t('campaigns.shopCodes.notFound')})</VisuallyHidden>}
                </Badge>
              </li>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
