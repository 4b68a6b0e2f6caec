/** A definition list of label → value rows for profile cards. */
import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './InfoList.module.css';

export interface InfoItem {
  label: string;
  value: ReactNode;
}

export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <Box component="dl" className={classes.list}>
      {items.map((item) => (
        <div key={item.label} className={classes.row}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Box component="dd" className={classes.value}>
            {item.value}
          </Box>
        </div>
      ))}
    </Box>
  );
}
