import { describe, expect, it } from 'vitest';
import { formatDate, formatInt, formatNumber, formatPercent } from './format';

describe('Russian formats', () => {
  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatInt(12345).replace(/\s/g, ' ')).toBe('12 345');
    expect(formatNumber(3.14159)).toBe('3,14');
    expect(formatPercent(0.125)).toMatch(/^12,5\s?%$/);
  });

  it('writes dates as дд.мм.гггг and a dash for nothing', () => {
    expect(formatDate('2025-09-01')).toBe('01.09.2025');
    expect(formatDate(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });
});
