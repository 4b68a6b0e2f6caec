/** A campaign row's menu: duplicate (any campaign), delete (a draft never published), archive or bring back (closed). */
import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCopy, IconDots, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CampaignArchiveDocument, CampaignDeleteDocument, type AgencyCampaignsQuery } from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import { mutationProblem } from '../../../components/mutationResult';
import { DuplicateCampaignDialog } from './DuplicateCampaignDialog';

type Row = AgencyCampaignsQuery['campaigns']['edges'][number]['node'];

export function CampaignRowActions({ campaign, onChanged }: { campaign: Row; onChanged: () => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<'delete' | 'duplicate' | null>(null);
  const [{ fetching: deleting }, remove] = useMutation(CampaignDeleteDocument);
  const [, archive] = useMutation(CampaignArchiveDocument);
  const deletable = campaign.status === 'READY' && !campaign.firstPublishedAt;
  const closed = campaign.status === 'CLOSED';

  const doDelete = async () => {
    const result = await remove({ input: { id: campaign.id } }, { additionalTypenames: ['Campaign'] });
    const problem = mutationProblem(result, result.data?.campaignDelete.userErrors);
    setDialog(null);
    notifications.show(
      problem ? { color: 'red', title: t('campaigns.list.notDeleted'), message: problem } : { color: 'teal', title: t('campaigns.list.draftDeleted'), message: campaign.name },
    );
    onChanged();
  };

  const doArchive = async (archived: boolean) => {
    const result = await archive({ input: { id: campaign.id, archived } }, { additionalTypenames: ['Campaign'] });
    const problem = mutationProblem(result, result.data?.campaignArchive.userErrors);
    notifications.show(
      problem
        ? { color: 'red', title: archived ? t('campaigns.list.notArchived') : t('campaigns.list.notRestored'), message: problem }
        : {
            color: 'teal',
            title: archived ? t('campaigns.list.archivedTitle') : t('campaigns.list.restored'),
            message: archived ? t('campaigns.list.archivedMessage') : t('campaigns.list.restoredMessage'),
          },
    );
    onChanged();
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('campaigns.list.actionsFor', { name: campaign.name })} data-testid="campaign-actions">
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setDialog('duplicate')}>
            {t('campaigns.list.duplicate')}
          </Menu.Item>
          {closed &&
            (campaign.archivedAt ? (
              <Menu.Item leftSection={<IconArchiveOff size={16} aria-hidden />} onClick={() => void doArchive(false)}>
                {t('campaigns.list.unarchive')}
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconArchive size={16} aria-hidden />} onClick={() => void doArchive(true)}>
                {t('campaigns.list.archive')}
              </Menu.Item>
            ))}
          {deletable && (
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('delete')}>
              {t('campaigns.list.deleteDraftMenu')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog opened={dialog === 'delete'} title={t('campaigns.list.deleteTitle')} confirmLabel={t('campaigns.list.deleteDraft')} busy={deleting} onConfirm={() => void doDelete()} onClose={() => setDialog(null)}>
        {t('campaigns.list.deleteBody', { name: campaign.name })}
      </ConfirmDialog>
      <DuplicateCampaignDialog campaign={dialog === 'duplicate' ? campaign : null} onClose={() => setDialog(null)} />
    </>
  );
}
