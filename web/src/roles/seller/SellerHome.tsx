import { Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/QueryState';
import { useViewer } from '../../session/context';
import { SellerWorkplace } from './home/SellerWorkplace';
import { ShopCard } from './ShopCard';

// Below the fold: its chunk loads after the first page, keeping that page inside the 200 kB budget.
const ProductCatalogue = lazy(() => import('./ProductCatalogue').then((m) => ({ default: m.ProductCatalogue })));

export function SellerHome() {
  const viewer = useViewer();
  return (
    <>
      <PageHeader title={`Welcome, ${viewer.user.fullName}`} description="What waits for you, what you owe this month, and your shop." />
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
