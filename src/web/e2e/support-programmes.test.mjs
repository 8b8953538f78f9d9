// School programmes in a real browser against the real app with the demo region: a school admin drafts a programme
// (goal from the school's status, measures, one of them already overdue) and the municipal coordinator agrees it from
// the municipality's list of ШНОР/ШНСУ schools without a programme in force.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { choose, explained, graphqlInPage, launch, openPage, screenshot, signIn } from './browser.mjs';

const SCHOOL = process.env.E2E_PROGRAMME_SCHOOL_ID;
const MARK = `Программа повышения качества образования ${Date.now().toString(36)}`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function finish(session) {
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
}


/** Types a date into an Ant Design picker input and confirms it. */
async function typeDate(page, input, value) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('a school admin drafts a programme and the municipal coordinator agrees it', async () => {
  assert.ok(SCHOOL, 'E2E_PROGRAMME_SCHOOL_ID is set by WebEndToEndTest');
  const school = await openPage(browser);
  let programmeId;
  await explained(school, 'support-programmes-school', async () => {
    const { page } = school;
    await signIn(school.page, 'PROGRAMME_ADMIN', '/programmes');
    await page.getByTestId('programmes-title').waitFor();
    await page.getByTestId('new-programme').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('programme-title').fill(MARK);
    const range = dialog.locator('.ant-picker-range input');
    await typeDate(page, range.nth(0), '01.09.2025');
    await typeDate(page, range.nth(1), '31.08.2028');
    const basis = (await graphqlInPage(page, 'query($s: ID!) { programmeBasis(schoolId: $s) { statuses { label } } }', { s: SCHOOL }))
      .body.data.programmeBasis.statuses[0].label;
    await choose(page, dialog.getByTestId('goal-basis').first(), basis);
    await dialog.getByTestId('goal-text').fill('Доля обучающихся, не справившихся с ВПР по математике, — не выше 10 %');
    await dialog.getByRole('button', { name: 'Создать черновик' }).click();

    await page.getByTestId('programme-title').filter({ hasText: MARK }).waitFor();
    assert.equal(await page.getByTestId('programme-status').innerText(), 'Черновик');
    programmeId = new URL(page.url()).pathname.split('/').pop();

    for (const [title, deadline] of [['Диагностика профессиональных дефицитов учителей математики', '01.11.2025'],
      ['Взаимопосещение уроков со школой-наставником', '15.05.2027']]) {
      await page.getByTestId('add-measure').click();
      const measure = page.locator('.ant-modal:visible');
      await measure.getByTestId('measure-title').fill(title);
      await measure.getByTestId('measure-responsible').fill('Заместитель директора по УВР');
      await typeDate(page, measure.locator('.ant-picker input'), deadline);
      await measure.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByTestId('programme-measures').getByText(title).waitFor();
    }
    // The first measure's deadline has passed: its row is highlighted and tagged.
    await page.locator('[data-testid="programme-measures"] tr.row-overdue').first().waitFor();
    assert.equal(await page.locator('[data-testid="programme-measures"] tr.row-overdue').count(), 1);
    // The school cannot agree its own programme: no such button, and the API refuses.
    assert.equal(await page.getByTestId('move-AGREED').count(), 0);
    const refused = await graphqlInPage(page, 'mutation($id: ID!) { changeSchoolProgrammeStatus(id: $id, status: AGREED) { id } }',
      { id: programmeId });
    assert.equal(refused.body.errors[0].extensions.code, 'FORBIDDEN');
    await screenshot(page, 'support-programme');
  });
  await finish(school);

  const municipal = await openPage(browser);
  await explained(municipal, 'support-programmes-municipal', async () => {
    const { page } = municipal;
    await signIn(page, 'MUNICIPAL', '/programmes');
    await page.getByTestId('programmes-title').waitFor();
    const agree = page.getByTestId(`agree-${SCHOOL}`);
    await agree.waitFor();
    await screenshot(page, 'support-programme-gaps');
    await agree.click();
    await page.getByText('Программа согласована').first().waitFor();
    await agree.waitFor({ state: 'detached' });
    const stored = await graphqlInPage(page, 'query($id: ID!) { schoolProgramme(id: $id) { status agreedBy measures { id } } }',
      { id: programmeId });
    assert.equal(stored.body.data.schoolProgramme.status, 'AGREED');
    assert.equal(stored.body.data.schoolProgramme.measures.length, 2);
    await page.goto(`${new URL(page.url()).origin}/programmes/${programmeId}`);
    assert.equal(await page.getByTestId('programme-status').innerText(), 'Согласована муниципалитетом');
  });
  await finish(municipal);
});
