/**
 * The dialogs of the seller's registration actions: withdraw, request cancellation, raise the sample quota, change
 * terms, history. A change that went through closes its dialog with a toast; one that did not keeps it open with
 * the server's answer.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationProblem, type MutationAnswer } from '../../../components/mutationResult';
import { RegistrationHistoryDrawer } from '../../../features/registrations/RegistrationHistoryDrawer';
import {
  RegistrationCancellationRequestDocument,
  RegistrationSampleQuotaIncreaseDocument,
  RegistrationWithdrawDocument,
} from '../../../generated/graphql';
import { useT } from '../../../i18n/context';
import type { UserErrorLike } from '../../../lib/userErrors';
import { formatCount } from '../../../lib/format';
import { marketTimeZone } from '../../../lib/markets';
import { CancellationRequestDialog } from './CancellationRequestDialog';
import { focusRowActions } from './focusRowActions';
import { SampleQuotaDialog } from './SampleQuotaDialog';
import { TermsEditDialog } from './TermsEditDialog';
import type { RegistrationDialogs } from './useRegistrationDialogs';
import { WithdrawDialog } from './WithdrawDialog';

export function MyRegistrationDialogs({ dialogs, onChanged }: { dialogs: RegistrationDialogs; onChanged: () => void }) {
  const t = useT();
  const { withdrawing, setWithdrawing, cancelling, setCancelling, raising, setRaising, historyOf, setHistoryOf, editing, setEditing } = dialogs;
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [{ fetching: withdrawBusy }, withdraw] = useMutation(RegistrationWithdrawDocument);
  const [{ fetching: cancelBusy }, requestCancellation] = useMutation(RegistrationCancellationRequestDocument);
  const [{ fetching: quotaBusy }, raiseQuota] = useMutation(RegistrationSampleQuotaIncreaseDocument);

  /** Runs a mutation; on success shows a toast and closes the dialog, on failure keeps it open with the error. */
  const run = async (mutate: () => Promise<[MutationAnswer, ReadonlyArray<UserErrorLike> | undefined]>, success: { title: string; message: string }, close: () => void) => {
    const message = mutationProblem(...(await mutate()));
    if (message) {
      setDialogError(message);
      return;
    }
    setDialogError(null);
    close();
    notifications.show({ color: 'teal', ...success });
    onChanged();
  };

  return (
    <>
      <WithdrawDialog
        opened={withdrawing !== null}
        title={withdrawing?.product?.title}
        busy={withdrawBusy}
        serverError={dialogError}
        onClose={() => {
          focusRowActions(withdrawing);
          setWithdrawing(null);
        }}
        onKeep={() => setWithdrawing(null)}
        onConfirm={() =>
          withdrawing &&
          void run(
            async () => {
              const r = await withdraw({ input: { id: withdrawing.id } });
              return [r, r.data?.registrationWithdraw.userErrors];
            },
            { title: t('seller.regs.withdrawn'), message: withdrawing.product?.title ?? '' },
            () => setWithdrawing(null),
          )
        }
      />
      <CancellationRequestDialog
        title={cancelling ? (cancelling.product?.title ?? t('seller.regs.thisProduct')) : null}
        busy={cancelBusy}
        serverError={cancelling ? dialogError : null}
        onClose={() => {
          focusRowActions(cancelling);
          setCancelling(null);
          setDialogError(null);
        }}
        onSend={(reason) =>
          cancelling &&
          void run(
            async () => {
              const r = await requestCancellation({ input: { id: cancelling.id, reason } });
              return [r, r.data?.registrationCancellationRequest.userErrors];
            },
            { title: t('seller.regs.cancellationRequested'), message: t('seller.regs.cancellationRequestedBody') },
            () => setCancelling(null),
          )
        }
      />
      <SampleQuotaDialog
        target={raising ? { title: raising.product?.title ?? t('seller.regs.thisProductCap'), current: raising.sampleQuota ?? 0 } : null}
        busy={quotaBusy}
        serverError={raising ? dialogError : null}
        onClose={() => {
          focusRowActions(raising);
          setRaising(null);
          setDialogError(null);
        }}
        onSave={(quota) =>
          raising &&
          void run(
            async () => {
              const r = await raiseQuota({ input: { id: raising.id, sampleQuota: quota } });
              return [r, r.data?.registrationSampleQuotaIncrease.userErrors];
            },
            { title: t('seller.regs.quotaRaised'), message: t('seller.regs.quotaRaisedBody', { title: raising.product?.title ?? '', count: quota, shown: formatCount(quota) }) },
            () => setRaising(null),
          )
        }
      />
      {editing && (
        <TermsEditDialog
          target={{
            id: editing.id,
            title: editing.product?.title ?? t('seller.regs.thisProductCap'),
            commissionRequirementBps: editing.campaign?.commissionRequirementBps ?? 100,
            totalRateBps: editing.totalRateBps ?? null,
            sampleQuota: editing.sampleQuota ?? null,
            shopAdsRateBps: editing.shopAdsRateBps ?? null,
            contactEmail: editing.contactEmail ?? null,
            contactWhatsapp: editing.contactWhatsapp ?? null,
          }}
          onClose={() => {
            focusRowActions(editing);
            setEditing(null);
          }}
          onSaved={() => {
            focusRowActions(editing);
            notifications.show({ color: 'teal', title: t('seller.regs.termsChanged'), message: t('seller.regs.termsChangedBody', { title: editing.product?.title ?? '' }) });
            setEditing(null);
            onChanged();
          }}
        />
      )}
      <RegistrationHistoryDrawer
        registrationId={historyOf?.id ?? null}
        title={historyOf?.product?.title ?? ''}
        timeZone={marketTimeZone(historyOf?.campaign?.market ?? null)}
        onClose={() => setHistoryOf(null)}
      />
    </>
  );
}
