// Справки in a real browser against the real app with the demo region: the regional coordinator opens «Справки»,
// downloads the regional справка as PDF, narrows to a municipality and downloads the municipal one as XLSX; the files
// are real (a PDF and a zip workbook) and saved under their Russian names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explained, launch, openPage, screenshot, signIn } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function downloadOf(page, item, format) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('button', { name: format }).click(),
  ]);
  return { name: download.suggestedFilename(), file: readFileSync(await download.path()) };
}

test('a regional coordinator downloads the regional and a municipal справка', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'monitoring-reports', async () => {
    await signIn(page, 'REGION');
    await page.getByRole('link', { name: 'Справки' }).click();
    await page.getByRole('heading', { name: 'Справки' }).waitFor();
    const regional = page.locator('.ant-list-item').filter({ hasText: 'Справка по итогам мониторинга (регион)' });
    await regional.waitFor();
    await page.locator('.ant-list-item').filter({ hasText: 'Школы, вошедшие в список ШНОР/ШНСУ' }).waitFor();
    await screenshot(page, 'monitoring-reports');

    const pdf = await downloadOf(page, regional, 'PDF');
    assert.match(pdf.name, /^Справка_мониторинг_региона_.+_\d{4}\.pdf$/);
    assert.equal(pdf.file.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.file.length > 20_000, `PDF of ${pdf.file.length} bytes (the DejaVu subset alone is larger)`);

    // The first municipality of the region.
    await page.getByRole('combobox', { name: 'Муниципалитет' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    const municipal = page.locator('.ant-list-item').filter({ hasText: 'Справка по итогам мониторинга (муниципалитет)' });
    await municipal.waitFor();
    const xlsx = await downloadOf(page, municipal, 'XLSX');
    assert.match(xlsx.name, /^Справка_мониторинг_муниципалитета_.+\.xlsx$/);
    assert.equal(xlsx.file.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip archive');
  });
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
});
