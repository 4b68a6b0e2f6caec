/** The messenger each market's sellers expect a campaign contact on (docs/domain.md "Campaign"). */
import type { Market, Messenger } from '../../generated/graphql';

export interface MarketMessenger {
  messenger: Messenger;
  required: boolean;
}

export const MARKET_MESSENGER: Readonly<Record<Market, MarketMessenger>> = {
  TH: { messenger: 'LINE', required: true },
  PH: { messenger: 'VIBER', required: true },
  VN: { messenger: 'ZALO', required: true },
  MY: { messenger: 'WHATSAPP', required: true },
  ID: { messenger: 'WHATSAPP', required: true },
  GB: { messenger: 'WHATSAPP', required: true },
  US: { messenger: 'WHATSAPP', required: false },
};

/** The messengers' own brand names, the same in every language (the handle field's label is a message). */
export const MESSENGER_LABEL: Readonly<Record<Messenger, string>> = {
  LINE: 'LINE',
  VIBER: 'Viber',
  ZALO: 'Zalo',
  WHATSAPP: 'WhatsApp',
};
