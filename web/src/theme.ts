import { Badge, Button, createTheme, Notification } from '@mantine/core';
import classes from './theme.module.css';
import { translate } from './i18n/runtime';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Focus rings for keyboard users on every interactive element.
  focusRing: 'auto',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Badge: Badge.extend({ classNames: { root: classes.badge } }),
    Button: Button.extend({ classNames: { root: classes.noShrink } }),
    // Every toast's close button gets a name (WCAG 4.1.2), wherever the toast is shown from, in the language in use
    // (a getter: read each time the props are spread, after a language switch too).
    Notification: Notification.extend({
      defaultProps: {
        closeButtonProps: {
          get 'aria-label'() {
            return translate('common.dismissNotification');
          },
        },
      },
    }),
  },
});
