/** The shipment form of one sample, in a dialog titled with its product. */
import { Modal } from '@mantine/core';
import { useT } from '../../../i18n/context';
import { ShipmentForm, type SellerSample } from './ShipmentForm';

export function ShipmentDialog({ row, timeZone, onClose }: { row: SellerSample | null; timeZone: string; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('seller.samples.shipmentOf', { title: row.product?.title ?? t('seller.samples.theSample') }) : ''} centered size="lg">
      {row && <ShipmentForm key={row.id} row={row} timeZone={timeZone} onClose={onClose} />}
    </Modal>
  );
}
