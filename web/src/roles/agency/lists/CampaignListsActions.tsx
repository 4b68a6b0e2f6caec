/** The campaign detail page's way into its product lists and the CSV of its approved products. */
import { Button } from '@mantine/core';
import { IconFileSpreadsheet, IconListDetails } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/context';
import { approvedProductsCsvUrl, campaignListsPath } from './paths';

export function CampaignListsActions({ campaignId }: { campaignId: string }) {
  const t = useT();
  return (
    <>
      <Button component={Link} to={campaignListsPath(campaignId)} variant="default" leftSection={<IconListDetails size={16} aria-hidden />}>
        {t('agency.lists.title')}
      </Button>
      <ExportCsvButton campaignId={campaignId} />
    </>
  );
}

export function ExportCsvButton({ campaignId, variant = 'default' }: { campaignId: string; variant?: 'default' | 'subtle' | 'light' }) {
  const t = useT();
  return (
    <Button
      component="a"
      href={approvedProductsCsvUrl(campaignId)}
      download
      variant={variant}
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      title={t('agency.lists.csvHelp')}
    >
      {t('agency.lists.exportCsv')}
    </Button>
  );
}
