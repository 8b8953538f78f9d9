// The coordinators' workspace in a real browser against the real app with the demo region.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BASE, explained, graphqlInPage, launch, openPage, screenshot, signIn, SCREENSHOTS } from './browser.mjs';

const REGION = process.env.E2E_REGION_ID ?? 'R74';
const MUNICIPALITY = process.env.E2E_MUNICIPALITY_ID;
const OTHER_SCHOOL = process.env.E2E_OTHER_SCHOOL_ID;
const EXPECTED = JSON.parse(process.env.E2E_EXPECTED_TOTALS ?? '{}');
const STATUSES = ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT', 'RISK_ZONE', 'RESILIENT', 'LEADER'];
const figures = {};

let browser;
const allProblems = [];

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(path.join(SCREENSHOTS, 'figures.json'), JSON.stringify(figures, null, 2));
  console.log('figures', JSON.stringify(figures));
});

function digits(text) {
  return Number(text.replace(/\D/g, ''));
}

async function finish(session) {
  allProblems.push(...session.problems);
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
}

test('a regional coordinator signs in and the overview shows the demo counts', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test1', async () => {
    const started = Date.now();
    await signIn(page, 'REGION');
    await page.getByTestId('total-LOW_RESULTS').waitFor();
    await page.getByText('Последняя идентификация').waitFor();
    figures.signInToOverviewMs = Date.now() - started;
    assert.equal(digits(await page.getByTestId('total-schools').innerText()), EXPECTED.SCHOOLS);
    for (const status of STATUSES) {
      assert.equal(digits(await page.getByTestId(`total-${status}`).innerText()), EXPECTED[status] ?? 0, status);
    }
    await page.locator('canvas').first().waitFor();
    await page.getByText(/Карта школ \(\d/).waitFor({ timeout: 120_000 });
    const js = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .reduce((sum, e) => sum + e.transferSize, 0));
    figures.javascriptTransferredBytes = js;
    // Time to an interactive overview on a reload (token kept, cache warm as for a returning user).
    const reloadStart = Date.now();
    await page.reload();
    await page.getByTestId('total-LOW_RESULTS').waitFor();
    figures.overviewReloadMs = Date.now() - reloadStart;
    const nav = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0];
      return { domInteractive: entry.domInteractive, loadEventEnd: entry.loadEventEnd };
    });
    figures.overviewNavigation = nav;
    await page.getByText(/Карта школ \(\d/).waitFor({ timeout: 120_000 });
    await screenshot(page, 'overview');
  });
  await finish(session);
});

test('the schools list filters, and a school shows the evidence behind its statuses', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test2', async () => {
    await signIn(page, 'REGION', '/schools?status=LOW_RESULTS');
    const table = page.getByTestId('schools-table');
    await table.locator('tbody a').first().waitFor();
    await screenshot(page, 'schools');
    const name = await table.locator('tbody a').first().innerText();
    await table.locator('tbody a').first().click();
    await page.getByTestId('school-name').filter({ hasText: name }).waitFor();
    const evidence = page.getByTestId('status-evidence');
    await evidence.getByText('ШНОР').first().waitFor();
    await evidence.getByText('Индекс результатов').waitFor();
    await page.getByRole('img', { name: /Диаграмма рассеяния/ }).waitFor();
    await screenshot(page, 'school');
  });
  await finish(session);
});

test('an expired session returns to sign-in and then to the page the user was on', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test3', async () => {
    await signIn(page, 'REGION');
    await page.getByTestId('total-LOW_RESULTS').waitFor();
    await page.evaluate(() => sessionStorage.setItem('opora.session',
      JSON.stringify({ token: 'expired.token.value', expiresAt: Date.now() + 3_600_000 })));
    await page.goto(`${BASE}/schools?type=${encodeURIComponent('СОШ')}`);
    await page.waitForURL(/\/signin\?next=/);
    await signIn(page, 'REGION', new URL(page.url()).pathname + new URL(page.url()).search);
    await page.waitForURL(/\/schools\?type=/);
    await page.getByTestId('schools-table').locator('tbody a').first().waitFor();
    // An expired 401 is expected in the console; nothing else is.
    session.problems.splice(0, session.problems.length, ...session.problems.filter((p) => !p.includes('401')));
  });
  await finish(session);
});

test('a municipal coordinator sees only their municipality', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test4', async () => {
    await signIn(page, 'MUNICIPAL');
    await page.getByTestId('total-LOW_RESULTS').waitFor();
    const rows = page.getByTestId('overview-table').locator('tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1, 'one municipality in the overview');
    await page.goto(`${BASE}/schools/${OTHER_SCHOOL}`);
    await page.getByText('Нет доступа').waitFor();
    const api = await graphqlInPage(page, `mutation { proposeNetworkPairs(regionId: "${REGION}", municipalityId: "${otherMunicipality()}") { id } }`);
    assert.equal(api.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
  await finish(session);
});

function otherMunicipality() {
  return MUNICIPALITY === `${REGION}-M02` ? `${REGION}-M01` : `${REGION}-M02`;
}

test('a teacher cannot reach coordinator pages, and the API refuses too', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test5', async () => {
    await signIn(page, 'TEACHER', '/pairing');
    await page.getByText('Нет доступа').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Сетевые пары' }).count(), 0, 'no coordinator navigation');
    await screenshot(page, 'forbidden');
    const api = await graphqlInPage(page, `{ pairingSettings(regionId: "${REGION}") { capacity } }`);
    assert.equal(api.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
  await finish(session);
});


test('a pair accepted from the proposal is agreed, activated and shown in the graph', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test6', async () => {
    await signIn(page, 'REGION', '/pairing');
    await page.getByRole('button', { name: 'Сформировать предложение' }).click();
    const proposal = page.getByTestId('proposal-pairs');
    await proposal.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 180_000 });
    await page.getByTestId('proposal-summary').getByText('Жадное: пар').waitFor();
    // The page then shows the stored proposal (reloaded after the mutation's own answer): open it afresh, so
    // that the rows are not re-rendered under the click.
    await page.reload();
    await proposal.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 180_000 });
    await screenshot(page, 'pairing');
    const firstRow = proposal.locator('tbody tr.ant-table-row').first();
    const mentee = await firstRow.locator('td').nth(2).innerText();
    await firstRow.locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: /Принять выбранные/ }).click();
    await page.getByText('Создано пар: 1').waitFor();
    await firstRow.getByRole('link', { name: 'создана' }).click();
    await page.waitForURL(/\/pairs\/[^/]+$/);
    const pairId = page.url().split('/').pop();
    await page.getByTestId('pair-status').filter({ hasText: 'Предложена' }).waitFor();
    assert.ok((await page.getByRole('main').innerText()).includes(mentee.trim()), 'the pair page names the school');

    await page.getByRole('button', { name: 'Согласовать' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Дата соглашения').fill('01.09.2026');
    await dialog.getByLabel('Дата соглашения').press('Enter');
    await dialog.getByLabel('Реквизиты документа').fill('Соглашение № 17-С');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('pair-status').filter({ hasText: 'Согласована' }).waitFor();
    await page.getByText('Соглашение № 17-С от 01.09.2026').waitFor();

    await page.getByRole('button', { name: 'Начать работу' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('pair-status').filter({ hasText: 'Действует' }).waitFor();

    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await page.getByRole('dialog').getByLabel('Название').fill('Взаимное посещение уроков');
    await page.getByRole('dialog').getByLabel('Срок').fill('01.02.2020');
    await page.getByRole('dialog').getByLabel('Срок').press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('tr.row-overdue').getByText('Взаимное посещение уроков').waitFor();
    await screenshot(page, 'pair');

    const started = Date.now();
    await page.getByRole('link', { name: 'Граф сети' }).click();
    const graph = page.getByTestId('graph');
    await page.locator('[data-testid=graph][data-render-ms]').waitFor({ timeout: 180_000 });
    figures.graphOpenToRenderedMs = Date.now() - started;
    figures.graphRenderMs = Number(await graph.getAttribute('data-render-ms'));
    figures.graphNodes = Number(await graph.getAttribute('data-nodes'));
    figures.graphEdges = Number(await graph.getAttribute('data-edges'));
    assert.equal(figures.graphNodes, EXPECTED.SCHOOLS);
    assert.ok((await graph.getAttribute('data-pair-ids')).split(' ').includes(pairId), 'the new pair is an edge of the graph');
    await screenshot(page, 'graph');
  });
  await finish(session);
});

test('a rejected CSV shows its row errors and writes nothing', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'test7', async () => {
    await signIn(page, 'REGION', '/import');
    const csv = [
      'school_id,name,region_id,region_name,municipality_id,municipality_name,type,locality,enrolment,small_school,latitude,longitude',
      `${REGION}-S9901,Школа проверки 1,${REGION},Уральская область,${REGION}-M01,Городской округ Камнегорск,СОШ,город,много,false,56.6,60.9`,
      `${REGION}-S9902,Школа проверки 2,${REGION},Уральская область,${REGION}-M01,Городской округ Камнегорск,СОШ,город,300,false,56.6,60.9`,
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'schools.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const problems = page.getByTestId('import-problems');
    await problems.locator('tbody tr.ant-table-row').first().waitFor();
    const text = await problems.innerText();
    assert.match(text, /\b2\b/, 'the row number');
    assert.match(text, /enrolment/, 'the column');
    await screenshot(page, 'import-rejected');
    const api = await graphqlInPage(page, `{ school(id: "${REGION}-S9902") { id } }`);
    assert.equal(api.body.data.school, null, 'nothing written');
  });
  await finish(session);
});

test('no request left the app\'s origin', () => {
  assert.deepEqual(allProblems.filter((p) => p.startsWith('request left')), []);
});
