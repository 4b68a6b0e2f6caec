import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useViewer } from '../../session/context';
import { ProductCatalogue } from './ProductCatalogue';
import { ShopCard } from './ShopCard';

export function SellerHome() {
  const viewer = useViewer();
  return (
    <>
      <PageHeader title={`Welcome, ${viewer.user.fullName}`} description="Your shop and its product catalogue." />
      <Stack gap="lg">
        <ShopCard />
        <ProductCatalogue />
      </Stack>
    </>
  );
}
