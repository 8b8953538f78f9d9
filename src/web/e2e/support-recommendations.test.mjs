// Addressed recommendations and the methodological help log in a real browser against the demo region: a methodist
// issues a recommendation to a ШНОР school, the school's administration answers it, the methodist checks and closes it;
// the methodist logs a visit to the school in the help log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, choose, explained, launch, openPage, screenshot, signIn } from './browser.mjs';

const SCHOOL_NAME = process.env.E2E_SUPPORT_SCHOOL_NAME;
// One mark per run, so that the rows of this run are found by it alone.
const MARK = `проверка ${Date.now().toString(36)}`;
const TEXT = `Разработать антирисковую программу по фактору «Низкая учебная мотивация» (${MARK})`;
const ANSWER = `Программа разработана и утверждена педагогическим советом (${MARK})`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function finish(session) {
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
}

/** The Ant Design field of a form item, found by the item's label. */
function field(scope, label) {
  return scope.locator('.ant-form-item').filter({ has: scope.page().locator(`label[title="${label}"]`) });
}


function ddmmyyyy(date) {
  return `${String(date.getDate()).padStart(2, '0')}.${String(date.getMonth() + 1).padStart(2, '0')}.${date.getFullYear()}`;
}

test('a methodist issues a recommendation to a school, the school answers it and the methodist closes it', async () => {
  assert.ok(SCHOOL_NAME, 'E2E_SUPPORT_SCHOOL_NAME is not set');
  const methodist = await openPage(browser);
  await explained(methodist, 'recommendation-issue', async () => {
    const { page } = methodist;
    await signIn(page, 'SUPPORT_METHODIST', '/recommendations');
    await page.getByRole('heading', { name: 'Адресные рекомендации' }).waitFor();
    await page.getByRole('button', { name: 'Выдать рекомендацию' }).click();
    const modal = page.locator('.ant-modal:visible');
    await choose(page, field(modal, 'Школа').locator('.ant-select'), SCHOOL_NAME, SCHOOL_NAME);
    await choose(page, field(modal, 'Статус').locator('.ant-select'), 'ШНОР');
    await field(modal, 'Текст рекомендации').locator('textarea').fill(TEXT);
    const due = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const dueInput = field(modal, 'Срок исполнения').locator('input');
    await dueInput.click();
    await dueInput.fill(ddmmyyyy(due));
    await dueInput.press('Enter');
    await modal.getByRole('button', { name: 'Выдать' }).click();
    const row = page.locator('[data-testid="recommendations-table"] tr', { hasText: MARK });
    await row.waitFor();
    assert.match(await row.innerText(), /Выдана/);
    assert.match(await row.innerText(), new RegExp(ddmmyyyy(due).replace(/\./g, '\\.')));
    assert.match(await row.innerText(), /Статус: ШНОР/);
  });
  await finish(methodist);

  const school = await openPage(browser);
  await explained(school, 'recommendation-answer', async () => {
    const { page } = school;
    await signIn(page, 'SUPPORT_SCHOOLADMIN', '/recommendations');
    await page.getByRole('tab', { name: 'Полученные школой' }).waitFor();
    const row = page.locator('[data-testid="recommendations-table"] tr', { hasText: MARK });
    await row.getByRole('button', { name: 'Ответить' }).click();
    const modal = page.locator('.ant-modal:visible');
    await field(modal, 'Что сделано').locator('textarea').fill(ANSWER);
    await modal.getByRole('button', { name: 'Отправить ответ' }).click();
    await row.locator('[data-testid="recommendation-status"]', { hasText: 'Получен ответ' }).waitFor();
    assert.equal(await row.getByRole('button', { name: 'Ответить' }).count(), 0, 'an answered recommendation takes no second answer');
    await screenshot(page, 'recommendations-received');
  });
  await finish(school);

  const check = await openPage(browser);
  await explained(check, 'recommendation-close', async () => {
    const { page } = check;
    await signIn(page, 'SUPPORT_METHODIST', '/recommendations');
    const row = page.locator('[data-testid="recommendations-table"] tr', { hasText: MARK });
    assert.match(await row.innerText(), new RegExp(ANSWER.slice(0, 30)));
    await row.getByRole('button', { name: 'Проверить и закрыть' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('Выполнена', { exact: true }).check();
    await field(modal, 'Комментарий').locator('textarea').fill('Программа проверена на выезде');
    await modal.getByRole('button', { name: 'Закрыть рекомендацию' }).click();
    await row.locator('[data-testid="recommendation-status"]', { hasText: 'Закрыта' }).waitFor();
    assert.match(await row.innerText(), /Программа проверена на выезде/);
    await screenshot(page, 'recommendations-given');
  });
  await finish(check);
});

test('a methodist logs a visit in the help log and sees the coverage', async () => {
  const session = await openPage(browser);
  await explained(session, 'help-log', async () => {
    const { page } = session;
    await signIn(page, 'SUPPORT_METHODIST', '/help-log');
    await page.locator('[data-testid="help-coverage"] .ant-statistic').first().waitFor();
    await page.getByRole('button', { name: 'Отметить помощь' }).click();
    const modal = page.locator('.ant-modal:visible');
    await choose(page, field(modal, 'Вид помощи').locator('.ant-select'), 'Выезд в школу');
    await choose(page, field(modal, 'Школа').locator('.ant-select'), SCHOOL_NAME, SCHOOL_NAME);
    await field(modal, 'Тема').locator('input').fill(`Анализ уроков математики (${MARK})`);
    await field(modal, 'Результат').locator('textarea').fill('Даны рекомендации по формирующему оцениванию');
    await modal.getByRole('button', { name: 'Сохранить' }).click();
    const row = page.locator('[data-testid="help-table"] tr', { hasText: MARK });
    await row.waitFor();
    assert.match(await row.innerText(), /Выезд в школу/);
    assert.match(await row.innerText(), new RegExp(SCHOOL_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await screenshot(page, 'help-log');
  });
  await finish(session);
});
