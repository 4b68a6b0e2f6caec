/** A message with React elements in its placeholders ("Offer from {agency}" with the agency in bold): the text is
 * formatted with markers in their places, then split around them, so each language keeps its own word order. */
import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from './catalogues';
import type { Translate } from './context';
import type { MessageValues } from './runtime';

const MARK = '\u0000';

export function richT(t: Translate, key: MessageKey, values: MessageValues, elements: Record<string, ReactNode>): ReactNode {
  const names = Object.keys(elements);
  const marked: MessageValues = { ...values };
  names.forEach((name, i) => {
    marked[name] = `${MARK}${i}${MARK}`;
  });
  const parts = t(key, marked).split(MARK);
  // split on the marker alternates text and element indices: text, index, text, index, …
  return parts.map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{elements[names[Number(part)]!]}</Fragment>));
}
