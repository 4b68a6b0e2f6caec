import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createAppRouter } from './router';
import { SessionProvider } from './session/SessionProvider';
import { theme } from './theme';
import classes from './App.module.css';

export function App() {
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Below the shell header, so toasts never cover the bell, the account menu or the navigation. */}
      <Notifications position="top-right" limit={4} classNames={{ root: classes.toasts }} />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>
  );
}
