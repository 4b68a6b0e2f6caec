/** The toast container (Mantine Notifications with its transitions): its own chunk, loaded by App on the first toast. */
import { Notifications } from '@mantine/notifications';
import classes from './App.module.css';

export function Toasts() {
  // Below the shell header, so toasts never cover the bell, the account menu or the navigation.
  return <Notifications position="top-right" limit={4} classNames={{ root: classes.toasts }} />;
}
