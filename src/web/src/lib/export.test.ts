import { describe, expect, it } from 'vitest';
import { toCsv, type Column } from './csv';
import { columnName, crc32, sheetXml, toXlsx } from './xlsx';

interface Row { name: string; count: number | null }
const columns: Column<Row>[] = [{ title: 'Школа', value: (r) => r.name }, { title: 'Число', value: (r) => r.count }];

describe('CSV export', () => {
  it('separates by semicolons, quotes what needs it and starts with a BOM', () => {
    const csv = toCsv([{ name: 'МБОУ "СОШ № 1"; корпус 2', count: 1.5 }, { name: 'ООШ', count: null }], columns);
    expect(csv).toBe('\uFEFFШкола;Число\r\n"МБОУ ""СОШ № 1""; корпус 2";1,5\r\nООШ;\r\n');
  });
});

describe('XLSX export', () => {
  it('computes zip CRC-32 and column letters', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect([0, 25, 26, 27, 701].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });

  it('writes numbers as numbers and text as escaped inline strings', () => {
    const xml = sheetXml([{ name: 'A & B <1>', count: 7 }], columns);
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">A &amp; B &lt;1&gt;</t></is></c>');
    expect(xml).toContain('<c r="B2"><v>7</v></c>');
  });

  it('produces a zip with the five parts of a workbook', () => {
    const bytes = toXlsx('Школы', [{ name: 'x', count: 1 }], columns);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const view = new DataView(bytes.buffer);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(5);
  });
});
