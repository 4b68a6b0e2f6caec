/** The veil over content that is being refetched (the content stays, dimmed, with a small spinner). */
import { LoadingOverlay } from '@mantine/core';

export function RefreshOverlay({ visible }: { visible: boolean }) {
  return <LoadingOverlay visible={visible} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />;
}
