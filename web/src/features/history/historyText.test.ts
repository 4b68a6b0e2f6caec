import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/context';
import { actionText, actorText, fieldText, valueText } from './historyText';

const t: Translate = (key, values) => (values ? `${key}${JSON.stringify(values)}` : key);

describe('terms history text', () => {
  it('names known actions and fields, and falls back to the code', () => {
    expect(actionText(t, 'product_list_item.reprice')).toBe('history.action.reprice');
    expect(actionText(t, 'campaign.something_new')).toBe('history.action.other{"action":"campaign.something_new"}');
    expect(fieldText(t, 'creatorRateBps')).toBe('history.field.creatorRate');
    expect(fieldText(t, 'unknownField')).toBe('unknownField');
  });

  it('shows rates as percent, times in the zone, codes as words, objects flattened, nothing as a dash', () => {
    expect(valueText(t, 'creatorRateBps', '1250', 'UTC')).toBe('12.5%');
    expect(valueText(t, 'status', 'CONTENT_POSTED', 'UTC')).toBe('Content posted');
    expect(valueText(t, 'targetingMode', 'OPEN', 'UTC')).toBe('history.value.targetingOpen');
    expect(valueText(t, 'published', 'true', 'UTC')).toBe('history.yes');
    expect(valueText(t, 'name', null, 'UTC')).toBe('common.dash');
    expect(valueText(t, 'targetShopCodes', '["TH-001","TH-002"]', 'UTC')).toBe('TH-001, TH-002');
    expect(valueText(t, 'contact', '{"email":"a@b.test","phone":null}', 'UTC')).toBe('a@b.test');
    expect(valueText(t, 'campaignEnd', '2030-01-31T17:00:00+00:00', 'Asia/Bangkok')).toMatch(/2030/);
    expect(valueText(t, 'name', 'Summer sale', 'UTC')).toBe('Summer sale');
  });

  it('names the person only when the API gives it, the platform when nobody acted', () => {
    expect(actorText(t, { action: 'x', actorRole: null, actorName: null, actorPersonName: null })).toBe('history.actor.platform');
    expect(actorText(t, { action: 'x', actorRole: 'AGENCY', actorName: null, actorPersonName: null })).toBe('role.agency');
    expect(actorText(t, { action: 'x', actorRole: 'AGENCY', actorName: 'Northstar', actorPersonName: null })).toBe(
      'history.actor.organisation{"organisation":"Northstar","role":"role.agency"}',
    );
    expect(actorText(t, { action: 'x', actorRole: 'AGENCY', actorName: 'Northstar', actorPersonName: 'Ann' })).toBe(
      'history.actor.person{"person":"Ann","organisation":"Northstar","role":"role.agency"}',
    );
  });
});
