// The monitoring calendar and the notifications panel in a real browser against the demo region: the regional
// coordinator adds a date of the region's own that the municipalities submit, due in three days; the municipal
// coordinator finds the reminder under the bell, marks it read, and marks their municipality's submission in the
// calendar; the regional coordinator sees it and deletes the date.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { explained, launch, openPage, screenshot, signIn } from './browser.mjs';

// One mark per run, so that the rows and notifications of this run are found by it alone.
const MARK = `проверка ${Date.now().toString(36)}`;
const TITLE = `Сведения о наставничестве (${MARK})`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function finish(session) {
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
}

function field(scope, label) {
  return scope.locator('.ant-form-item').filter({ has: scope.page().locator(`label[title="${label}"]`) });
}

function ddmmyyyy(date) {
  return `${String(date.getDate()).padStart(2, '0')}.${String(date.getMonth() + 1).padStart(2, '0')}.${date.getFullYear()}`;
}

async function typeDate(input, value) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function unread(page) {
  const label = await page.getByTestId('notifications-bell').getAttribute('aria-label');
  return Number(label.replace(/\D+/g, ''));
}

test('a regional date reminds the municipality, which reads the reminder and marks its submission', async () => {
  const today = new Date();
  const due = new Date(Date.now() + 3 * 24 * 3600 * 1000);
  const calendarPath = `/monitoring/calendar?year=${due.getFullYear()}`;

  const regional = await openPage(browser);
  await explained(regional, 'calendar-add', async () => {
    const { page } = regional;
    await signIn(page, 'REGION', calendarPath);
    await page.getByRole('heading', { name: 'Календарь мониторинга' }).waitFor();
    await page.locator('[data-testid="calendar-table"] tr', { hasText: 'Выявление ШНОР и ШНСУ' }).waitFor();
    await page.getByRole('button', { name: 'Добавить срок' }).click();
    const modal = page.locator('.ant-modal:visible');
    await field(modal, 'Что сдать').locator('input').fill(TITLE);
    const range = field(modal, 'Приём (начало и срок сдачи)').locator('.ant-picker-range input');
    await typeDate(range.nth(0), ddmmyyyy(today));
    await typeDate(range.nth(1), ddmmyyyy(due));
    // Close the date picker's popup (it lies over the select below) by clicking the dialog's title.
    await modal.locator('.ant-modal-title').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    // The option is clicked as a DOM event: while the dialog's own layers still animate, a pointer click on the
    // dropdown can land on the dialog instead (CI saw it), and the dropdown then closes.
    const who = field(modal, 'Кто сдаёт').locator('.ant-select');
    for (let attempt = 0; attempt < 3 && !(await who.innerText()).includes('Муниципалитеты'); attempt++) {
      await who.click();
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last()
        .locator('.ant-select-item-option', { hasText: 'Муниципалитеты' }).first();
      await option.waitFor({ timeout: 5_000 }).catch(() => {});
      await option.dispatchEvent('click').catch(() => {});
      await page.waitForTimeout(300);
    }
    assert.match(await who.innerText(), /Муниципалитеты/);
    await modal.getByRole('button', { name: 'Добавить' }).click();
    const row = page.locator('[data-testid="calendar-table"] tr', { hasText: MARK });
    await row.waitFor();
    assert.match(await row.innerText(), /идёт приём/);
    assert.match(await row.innerText(), /осталось дней: 3/);
    assert.match(await row.locator('[data-testid="deadline-count"]').innerText(), /^0 из \d+$/);
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('[data-testid="calendar-submitters"] .ant-tag', { hasText: 'не сдано' }).first().waitFor();
    await screenshot(page, 'monitoring-calendar');
  });
  await finish(regional);

  const municipal = await openPage(browser);
  await explained(municipal, 'calendar-reminder', async () => {
    const { page } = municipal;
    await signIn(page, 'MUNICIPAL', calendarPath);
    await page.getByRole('heading', { name: 'Календарь мониторинга' }).waitFor();
    // The reminder of this run: three days before the due date, stored for the municipality's coordinator.
    await page.getByTestId('notifications-bell').click();
    const reminder = page.locator('[data-testid="notifications-popover"] [data-testid="notification"]', { hasText: MARK });
    await reminder.waitFor();
    assert.equal(await reminder.getAttribute('data-kind'), 'CALENDAR_REMINDER');
    assert.equal(await reminder.getAttribute('data-read'), 'false');
    assert.match(await reminder.innerText(), new RegExp(`срок — ${ddmmyyyy(due).replace(/\./g, '\\.')}`));
    const before = await unread(page);
    assert.ok(before >= 1, `the bell counts the unread reminder (${before})`);
    await screenshot(page, 'notifications-panel');
    await reminder.getByTestId('notification-mark-read').click();
    await page.locator('[data-testid="notifications-popover"] [data-testid="notification"][data-read="true"]', { hasText: MARK }).waitFor();
    for (let wait = 0; wait < 50 && await unread(page) !== before - 1; wait++) await page.waitForTimeout(200);
    assert.equal(await unread(page), before - 1, 'marking read lowers the bell count');
    await page.keyboard.press('Escape');

    // The municipality sees only its own row and marks it submitted.
    const row = page.locator('[data-testid="calendar-table"] tr', { hasText: MARK });
    assert.match(await row.locator('[data-testid="deadline-count"]').innerText(), /^0 из 1$/);
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('[data-testid="calendar-submitters"]').getByRole('button', { name: 'Отметить сдачу' }).click();
    await page.locator('[data-testid="calendar-submitters"] .ant-tag', { hasText: /^сдано/ }).first().waitFor();
    await row.locator('[data-testid="deadline-count"]', { hasText: '1 из 1' }).waitFor();
  });
  await finish(municipal);

  const check = await openPage(browser);
  await explained(check, 'calendar-delete', async () => {
    const { page } = check;
    await signIn(page, 'REGION', calendarPath);
    const row = page.locator('[data-testid="calendar-table"] tr', { hasText: MARK });
    await row.waitFor();
    assert.match(await row.locator('[data-testid="deadline-count"]').innerText(), /^1 из \d+$/);
    await row.getByRole('button', { name: 'Удалить' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Удалить' }).click();
    await row.waitFor({ state: 'detached' });
  });
  await finish(check);
});
