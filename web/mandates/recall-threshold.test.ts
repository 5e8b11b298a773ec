import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECALL_THRESHOLD_PERCENT,
  recallSignaturesNeeded,
  thresholdPercentFrom,
} from './recall-threshold.ts';

describe('the recall threshold form', () => {
  it('reads a whole percent from 1 to 100, with or without the sign', () => {
    expect(thresholdPercentFrom('25')).toBe(25);
    expect(thresholdPercentFrom(' 30 % ')).toBe(30);
    expect(thresholdPercentFrom('0')).toBeNull();
    expect(thresholdPercentFrom('150')).toBeNull();
    expect(thresholdPercentFrom('12.5')).toBeNull();
  });

  it('starts from the server’s default and counts signatures as the server does', () => {
    expect(DEFAULT_RECALL_THRESHOLD_PERCENT).toBe(20);
    expect(recallSignaturesNeeded(48, 20)).toBe(10);
    expect(recallSignaturesNeeded(3, 20)).toBe(1);
  });
});
