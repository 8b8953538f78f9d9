// Russian formats for numbers and dates, shared by every page.

const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

export const DASH = '—';

export function formatInt(value: number | null | undefined): string {
  return value == null || Number.isNaN(value) ? DASH : integer.format(value);
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value == null || Number.isNaN(value)) return DASH;
  if (digits === 2) return decimal.format(value);
  return new Intl.NumberFormat('ru-RU', { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(share: number | null | undefined): string {
  return share == null || Number.isNaN(share) ? DASH : percent.format(share);
}

/** An ISO date (2025-09-01) or instant as дд.мм.гггг. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const parsed = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(parsed.getTime()) ? DASH : date.format(parsed);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? DASH : dateTime.format(parsed);
}
