import { describe, expect, it } from 'vitest';
import { costMultiple, roiCampaigns } from './sampleRoi';

const t = ((key: string, values?: Record<string, unknown>) => (key === 'roi.multiple' ? `${String(values?.value)}×` : '—')) as never;

describe('sample ROI helpers', () => {
  it('shows GMV over cost as a multiple with two decimals, a dash without cost', () => {
    expect(costMultiple(27500, t)).toBe('2.75×');
    expect(costMultiple(0, t)).toBe('0.00×');
    expect(costMultiple(null, t)).toBe('—');
    expect(costMultiple(27500, t, 'vi-VN')).toBe('2,75×');
    expect(costMultiple(123450000, t, 'en-US')).toBe('12,345.00×');
  });
  it('lists each campaign of the rows once, in order', () => {
    const a = { id: 'A', name: 'Alpha' };
    const b = { id: 'B', name: 'Beta' };
    expect(roiCampaigns([{ campaign: a }, { campaign: null }, { campaign: b }, { campaign: a }])).toEqual([a, b]);
  });
});
