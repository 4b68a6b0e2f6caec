/**
 * A history beside the thing it describes: a "History" button that opens it in a drawer named after the row. The
 * history itself (the list, its query and live refresh) is loaded only when it is first shown.
 */
import { Button, type ButtonProps } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { LoadingState } from '../../components/QueryState';
import { SideDrawer } from '../../components/SideDrawer';
import { useT } from '../../i18n/context';

const Subject = {
  campaign: lazy(() => import('./SubjectHistory').then((m) => ({ default: m.CampaignHistory }))),
  showcaseEntry: lazy(() => import('./SubjectHistory').then((m) => ({ default: m.ShowcaseEntryHistory }))),
  sampleRequest: lazy(() => import('./SubjectHistory').then((m) => ({ default: m.SampleRequestHistory }))),
};

export type HistorySubject = keyof typeof Subject;

/** The subject's history, loaded on first render, refreshed on its live events. */
export function History({ subject, id, timeZone }: { subject: HistorySubject; id: string; timeZone: string }) {
  const t = useT();
  const Shown = Subject[subject];
  return (
    <Suspense fallback={<LoadingState label={t('history.loading')} />}>
      <Shown id={id} timeZone={timeZone} />
    </Suspense>
  );
}

/** A history beside a row of a list (a showcase entry, a sample request): in a drawer named after the row. */
export function HistoryDrawer({ opened, title, onClose, children }: { opened: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const t = useT();
  return (
    <SideDrawer opened={opened} onClose={onClose} kicker={t('history.title')} title={title} closeLabel={t('history.close')}>
      {opened && children}
    </SideDrawer>
  );
}

/** A "History" button beside a row (a showcase entry, a sample request) that opens the row's history. */
export function HistoryButton({ title, subject, id, timeZone, ...button }: { title: string; subject: HistorySubject; id: string; timeZone: string } & ButtonProps) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" size="compact-sm" leftSection={<IconHistory size={16} aria-hidden />} aria-label={t('history.showFor', { title })} onClick={() => setOpened(true)} {...button}>
        {t('history.show')}
      </Button>
      <HistoryDrawer opened={opened} title={title} onClose={() => setOpened(false)}>
        <History subject={subject} id={id} timeZone={timeZone} />
      </HistoryDrawer>
    </>
  );
}
