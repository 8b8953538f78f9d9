// Monitoring dashboards in a real browser (issue 16 item 3): the regional coordinator opens the region's dashboard,
// compares the municipalities (coloured table and chart), drills down from a number to the schools behind it, and
// downloads the regional справка as PDF and XLSX; the municipal coordinator sets a target of their municipality,
// sees it evaluated, and removes it again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { choose, explained, launch, openPage, screenshot, signIn } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const number = (text) => Number(text.replace(/\s/g, '').replace(',', '.'));

test('a coordinator opens the dashboard, drills down to the schools behind a number and downloads both справки', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'monitoring-dashboards', async () => {
    await signIn(page, 'REGION', '/monitoring');
    await page.getByRole('heading', { name: /^Показатели региона/ }).waitFor();
    const figures = page.locator('[data-testid="monitoring-figures"]');
    await figures.locator('tbody tr.ant-table-row').first().waitFor();
    assert.ok(await figures.locator('tbody tr.ant-table-row').count() >= 10, 'the catalogue is on the dashboard');
    // Every row is evaluated in Russian; the counts above add up to the rows.
    const evaluated = await figures.locator('[data-testid^="evaluation-"]').allInnerTexts();
    for (const label of evaluated) assert.match(label, /^(Достигнуто|Не достигнуто|Нет данных|Цель не задана)$/);
    const counted = await Promise.all(['ACHIEVED', 'NOT_ACHIEVED', 'NO_DATA', 'NO_TARGET']
      .map(async (e) => number(await page.locator(`[data-testid="count-${e}"]`).innerText())));
    assert.equal(counted.reduce((a, b) => a + b, 0), evaluated.length);
    // Shares in per cent with a comma, changes with arrows.
    const values = await figures.locator('[data-testid^="value-"]').allInnerTexts();
    assert.ok(values.some((v) => /^\d+(,\d)?\s?%$/.test(v)), `per-cent values: ${values.slice(0, 5)}`);
    const changes = await figures.locator('[data-testid^="change-"]').allInnerTexts();
    assert.ok(changes.some((c) => /^[▲▼=]/.test(c)), `changes: ${changes.slice(0, 5)}`);

    // The municipalities side by side: coloured cells and a drawn chart.
    const comparison = page.locator('[data-testid="comparison-table"]');
    await comparison.locator('tbody tr.ant-table-row').first().waitFor();
    const tones = await comparison.locator('td[data-tone]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-tone')));
    assert.ok(tones.some((t) => t !== 'none'), `conditional colouring: ${[...new Set(tones)]}`);
    assert.ok(await page.locator('[data-testid="comparison-chart"] canvas').count() > 0, 'the chart is drawn');
    await screenshot(page, 'monitoring-region');

    // Drill down from the first numerator that counts schools: the drawer lists exactly those schools.
    const numerators = figures.locator('[data-testid^="numerator-"]');
    let chosen = -1;
    let expected = 0;
    for (let i = 0; i < await numerators.count(); i++) {
      const n = number(await numerators.nth(i).innerText());
      if (n > 0 && n <= 50) { chosen = i; expected = n; break; }
    }
    assert.ok(chosen >= 0, 'some indicator counts between 1 and 50 schools');
    const code = (await numerators.nth(chosen).getAttribute('data-testid')).replace('numerator-', '');
    const denominator = number(await figures.locator(`[data-testid="denominator-${code}"]`).innerText());
    await numerators.nth(chosen).click();
    const drawer = page; // the drawer's rows, total and switch are unique on the page
    const rows = drawer.locator('[data-testid="drill-down-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), expected, `${code}: rows behind the numerator`);
    assert.equal(number((await drawer.locator('[data-testid="drill-down-total"] b').innerText())), expected);
    assert.equal(await drawer.locator('text=не учтена').count(), 0, 'only counted rows');
    await screenshot(page, 'monitoring-drill-down');
    // The whole base of the indicator is its denominator.
    await drawer.getByText('Вся база показателя').click();
    await page.waitForFunction((n) => {
      const b = document.querySelector('[data-testid="drill-down-total"] b');
      return b && Number(b.textContent.replace(/\s/g, '')) === n;
    }, denominator);
    // A school of the list opens its page.
    const school = rows.first().locator('a').first();
    const schoolName = await school.innerText();
    await school.click();
    await page.getByRole('heading', { name: schoolName }).first().waitFor();
    await page.goBack();
    await figures.locator('tbody tr.ant-table-row').first().waitFor();

    // Both справки of the region, as the server names them.
    for (const [format, magic] of [['pdf', '%PDF'], ['xlsx', 'PK']]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-testid="report-regional-${format}"]`).click(),
      ]);
      assert.match(download.suggestedFilename(), new RegExp(`[А-Яа-яЁё].*\\.${format}$`), download.suggestedFilename());
      const file = readFileSync(await download.path());
      assert.ok(file.length > 1000, `${format} of ${file.length} bytes`);
      assert.equal(file.subarray(0, magic.length).toString('latin1'), magic);
    }
  });
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
});

test('a municipal coordinator sets a target of their municipality and sees it evaluated', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'monitoring-targets', async () => {
    await signIn(page, 'MUNICIPAL', '/monitoring');
    await page.getByRole('heading', { name: /^Показатели муниципалитета/ }).waitFor();
    const figures = page.locator('[data-testid="monitoring-figures"]');
    await figures.locator('tbody tr.ant-table-row').first().waitFor();
    // The municipality's schools are compared below its indicators.
    await page.locator('[data-testid="comparison-table"] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid="comparison-table"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'monitoring-municipality');
    const year = (await page.locator('[data-testid="monitoring-year"]').innerText()).trim();

    // A share (higher is better) below 95 %: the municipality's own target of 99 % is stricter than any region's
    // (the API refuses a weaker one), so it is saved, and the value falls short of it.
    const values = figures.locator('[data-direction="HIGHER_IS_BETTER"][data-unit="SHARE"]');
    let code = null;
    for (let i = 0; i < await values.count(); i++) {
      const text = await values.nth(i).innerText();
      if (/%$/.test(text) && number(text.replace('%', '')) < 95) {
        code = await values.nth(i).getAttribute('data-code');
        break;
      }
    }
    assert.ok(code, 'a share below 95 %');

    await page.getByRole('link', { name: 'Целевые значения' }).click();
    await page.getByRole('heading', { name: 'Целевые значения показателей' }).waitFor();
    await choose(page, page.locator('[data-testid="targets-year"]'), year);
    const input = page.locator(`input[data-testid="target-input-${code}"], [data-testid="target-input-${code}"] input`).first();
    await input.waitFor();
    await input.fill('99');
    await page.locator(`[data-testid="target-save-${code}"]`).click();
    await page.getByText(/сохранена/).first().waitFor();
    await page.waitForFunction((c) => /≥ 99\s?%\s*своя/.test(document.querySelector(`[data-testid="target-${c}"]`)?.textContent ?? ''), code);

    await page.getByRole('link', { name: 'Показатели' }).click();
    await choose(page, page.locator('[data-testid="monitoring-year"]'), year);
    const tag = page.locator(`[data-testid="evaluation-${code}"]`);
    await page.waitForFunction((c) => document.querySelector(`[data-testid="evaluation-${c}"]`)?.textContent === 'Не достигнуто', code);
    assert.equal(await tag.innerText(), 'Не достигнуто');

    // Removed again, so that the demo keeps its targets.
    await page.getByRole('link', { name: 'Целевые значения' }).click();
    await choose(page, page.locator('[data-testid="targets-year"]'), year);
    const row = page.locator(`[data-testid="target-input-${code}"]`).locator('xpath=ancestor::tr');
    await row.getByRole('button', { name: 'Снять' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Снять' }).click();
    await page.getByText(/снята/).first().waitFor();
  });
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
});
