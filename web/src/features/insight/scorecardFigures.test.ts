import { describe, expect, it } from 'vitest';
import en from '../../i18n/messages/en.json';
import { scorecardFigures, scorecardKind, scorecardPeriod, tipMessage } from './scorecardFigures';

const period = { periodStart: '2026-06-08T00:00:00Z', periodEnd: '2026-12-05T00:00:00Z' };

describe('scorecard figures', () => {
  it('tells the three cards apart by their fields and keeps each figure with its sample', () => {
    const shop = {
      sampleShipping: { hours: 31, sampleSize: 12, ...period },
      cancellationRequests: { bps: 500, part: 1, sampleSize: 20, ...period },
      refunds: null,
    };
    expect(scorecardKind(shop)).toBe('shop');
    expect(scorecardFigures(shop).map((f) => [f.key, f.kind, f.figure?.sampleSize ?? null])).toEqual([
      ['sampleShipping', 'hours', 12],
      ['cancellationRequests', 'rate', 20],
      ['refunds', 'rate', null],
    ]);
    const agency = { reviewLatency: null, approvals: { bps: 7500, part: 3, sampleSize: 4, ...period }, cancellationDecisions: null };
    expect(scorecardKind(agency)).toBe('agency');
    expect(scorecardFigures(agency).map((f) => f.key)).toEqual(['reviewLatency', 'approvals', 'cancellationDecisions']);
    const creator = { samplesPostedOnTime: null, refunds: null };
    expect(scorecardKind(creator)).toBe('creator');
    expect(scorecardPeriod(creator)).toBeNull();
    expect(scorecardPeriod(agency)).toEqual({ start: period.periodStart, end: period.periodEnd });
  });

  it('names every label and sample message that exists in the catalogue', () => {
    const cards = [
      { sampleShipping: null, cancellationRequests: null, refunds: null },
      { reviewLatency: null, approvals: null, cancellationDecisions: null },
      { samplesPostedOnTime: null, refunds: null },
    ];
    for (const card of cards) {
      for (const f of scorecardFigures(card)) {
        expect(en).toHaveProperty([f.label]);
        expect(en).toHaveProperty([f.sample]);
      }
    }
  });

  it('turns every tip code the server gives into a message with its target, and leaves unknown codes to the server text', () => {
    for (const code of ['SHIP_SAMPLES_FASTER', 'FEWER_CANCELLATIONS', 'LOWER_REFUNDS', 'REVIEW_FASTER', 'DECIDE_CANCELLATIONS_FASTER', 'POST_ON_TIME']) {
      const tip = tipMessage(code);
      expect(tip, code).not.toBeNull();
      expect(en).toHaveProperty([tip!.key]);
    }
    expect(tipMessage('SHIP_SAMPLES_FASTER')!.values).toEqual({ hours: 48 });
    expect(tipMessage('NEW_CODE')).toBeNull();
  });
});
