// Roadmaps in a real browser: the municipal coordinator opens their municipality's demo roadmap, sees the overdue
// activities highlighted and counted, filters by status, and downloads the roadmap as a real XLSX workbook.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explained, launch, openPage, screenshot, signIn } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the municipal coordinator sees overdue activities highlighted and downloads the roadmap', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'support-roadmaps', async () => {
    await signIn(page, 'MUNICIPAL', '/roadmaps');
    await page.getByRole('heading', { name: 'Дорожные карты' }).waitFor();
    const table = page.locator('[data-testid="roadmap-table"]');
    await table.locator('tbody tr.ant-table-row').first().waitFor();

    // The demo keeps at least one overdue activity in every roadmap; each is a highlighted row with its tag.
    const overdueCount = Number((await page.locator('[data-testid="roadmap-overdue-count"] .ant-statistic-content-value').innerText()).trim());
    assert.ok(overdueCount > 0, `overdue count ${overdueCount}`);
    assert.equal(await table.locator('tr.row-overdue').count(), overdueCount);
    assert.equal(await table.locator('tr.row-overdue [data-testid="overdue-tag"]').count(), overdueCount);
    assert.ok(await page.locator('[data-testid="roadmap-timeline"] canvas').count() > 0, 'the timeline is drawn');
    // The kept screenshot shows the table with its highlighted rows (the counts and timeline are above it).
    await page.locator('[data-testid="roadmap-timeline"]').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 420);
    await page.waitForTimeout(300);
    await screenshot(page, 'roadmap');

    // «Только просроченные» leaves exactly the highlighted rows.
    await page.getByLabel('Только просроченные').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roadmap-table"] tbody tr.ant-table-row').length === n, overdueCount);
    assert.equal(await table.locator('tr.row-overdue').count(), overdueCount);
    await page.getByLabel('Только просроченные').click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="roadmap-download"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^Дорожная карта — .+\.xlsx$/);
    const file = readFileSync(await download.path());
    assert.ok(file.length > 3000, `workbook of ${file.length} bytes`);
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a zip archive');
  });
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
});
