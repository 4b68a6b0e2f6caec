import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useViewer } from '../../session/context';
import { ProductCatalogue } from './ProductCatalogue';
import { SellerWorkplace } from './home/SellerWorkplace';
import { ShopCard } from './ShopCard';

export function SellerHome() {
  const viewer = useViewer();
  return (
    <>
      <PageHeader title={`Welcome, ${viewer.user.fullName}`} description="What waits for you, what you owe this month, and your shop." />
      <SellerWorkplace />
      <Stack gap="lg">
        <ShopCard />
        <ProductCatalogue />
      </Stack>
    </>
  );
}
