import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './router';
import { SessionProvider } from './session/SessionProvider';
import { accessibleColors } from './themeContrast';
import { theme } from './theme';

const Toasts = lazy(() => import('./Toasts').then((m) => ({ default: m.Toasts })));

/** Mounts the toast container once the first toast is shown (the store keeps it until then). */
export function ToastsOnFirstUse() {
  const { notifications, queue } = useNotifications();
  const [used, setUsed] = useState(false);
  if (!used && (notifications.length > 0 || queue.length > 0)) setUsed(true);
  return used ? (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  ) : null;
}

export function App() {
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={accessibleColors} defaultColorScheme="light">
      <I18nProvider>
        <ToastsOnFirstUse />
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
