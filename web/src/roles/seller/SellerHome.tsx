import { Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/QueryState';
import { useT } from '../../i18n/context';
import { useViewer } from '../../session/context';
import { SellerWorkplace } from './home/SellerWorkplace';
import { ShopCard } from './ShopCard';

// Below the fold: its chunk loads after the first page, keeping that page inside the 200 kB budget.
const ProductCatalogue = lazy(() => import('./ProductCatalogue').then((m) => ({ default: m.ProductCatalogue })));

export function SellerHome() {
  const viewer = useViewer();
  const t = useT();
  return (
    <>
      <PageHeader title={t('seller.home.welcome', { name: viewer.user.fullName })} description={t('seller.home.description')} />
      <SellerWorkplace />
      <Stack gap="lg">
        <ShopCard />
        <Suspense fallback={<LoadingState />}>
          <ProductCatalogue />
        </Suspense>
      </Stack>
    </>
  );
}
