// The role pages (teachers, mentors, methodists, school administration) in a real browser against the real app with
// the demo region: the flows of the web application's part 2, with search-as-you-type timed in the browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BASE, choose, explained, graphqlInPage, launch, openPage, screenshot, SCREENSHOTS, signIn } from './browser.mjs';

const RELATION = process.env.E2E_RELATION_ID;
const COLLEAGUE = process.env.E2E_COLLEAGUE_ID;
const PROPOSED_MENTEE = process.env.E2E_PROPOSED_MENTEE_NAME;
const QUERY = 'наставничество молодых педагогов';
// One word per run, so that the proposed practice is found by that word alone.
const MARK = `Проверка${Date.now().toString(36)}`;
const PRACTICE_TITLE = `Исследовательские проекты пятиклассников ${MARK}`;
const SHARED_NOTE = `Разобрали урок: цели сформулированы для учеников (${MARK})`;
const PRIVATE_NOTE = `Личное: педагог волнуется перед открытым уроком (${MARK})`;
const timings = { suggestionsMs: [], resultsMs: [], facetsMs: [], suggestionsAfterResponseMs: [], resultsAfterResponseMs: [],
  suggestionsInPageRequestMs: [], resultsInPageRequestMs: [], searchRequestMs: [], searchTookMs: [], suggestRequestMs: [] };

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
  const max = (xs) => Math.max(...xs.filter((x) => x != null));
  const figures = { ...timings, suggestionsMedianMs: median(timings.suggestionsMs), suggestionsMaxMs: max(timings.suggestionsMs),
    resultsMedianMs: median(timings.resultsMs), resultsMaxMs: max(timings.resultsMs), facetsMedianMs: median(timings.facetsMs),
    suggestionsAfterResponseMedianMs: median(timings.suggestionsAfterResponseMs), resultsAfterResponseMedianMs: median(timings.resultsAfterResponseMs),
    suggestionsInPageRequestMedianMs: median(timings.suggestionsInPageRequestMs), resultsInPageRequestMedianMs: median(timings.resultsInPageRequestMs),
    searchRequestMedianMs: median(timings.searchRequestMs), searchTookMedianMs: median(timings.searchTookMs),
    suggestRequestMedianMs: median(timings.suggestRequestMs) };
  writeFileSync(path.join(SCREENSHOTS, 'roles-figures.json'), JSON.stringify(figures, null, 2));
  console.log('role figures', JSON.stringify(figures));
});

async function finish(session) {
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
}

/** Waits for a start page's data and notifications, then keeps a screenshot of it. */
async function startPage(page, name) {
  await page.locator('[data-testid="home-title"][data-ready="true"]').waitFor();
  await page.locator('[data-testid="home-notifications"] [data-ready="true"]').first().waitFor();
  await screenshot(page, name);
}


/** Time from a keydown to the first render that satisfies `selector`, measured inside the page. */
function timeToRender(page, selector, timeoutMs = 30_000) {
  return page.evaluate(({ selector, timeoutMs }) => new Promise((resolve) => {
    const started = () => window.__keyAt;
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector) && started() != null) {
        observer.disconnect();
        window.__renderedAt = { ...window.__renderedAt, [selector]: performance.now() };
        resolve(performance.now() - started());
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    setTimeout(() => { observer.disconnect(); resolve(null); }, timeoutMs);
  }), { selector, timeoutMs });
}

/**
 * Where the time of the last timed render went: the page's own GraphQL request (Resource Timing: the latest one started
 * after the key) and the time from its response to the render. Adds both to the named lists.
 */
async function splitTiming(page, selector, requestList, afterResponseList) {
  const split = await page.evaluate((selector) => {
    const entry = performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/graphql') && e.startTime >= window.__keyAt).pop();
    const rendered = window.__renderedAt?.[selector];
    return entry && rendered ? { request: entry.responseEnd - entry.startTime, after: rendered - entry.responseEnd } : null;
  }, selector);
  if (split) {
    requestList.push(Math.round(split.request));
    afterResponseList.push(Math.round(split.after));
  }
}

test('a teacher searches as they type, filters by grade, opens a practice and bookmarks it', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'roles1', async () => {
    await signIn(page, 'MENTEE');
    await page.getByTestId('tile-plan').waitFor();
    await startPage(page, 'home-teacher');

    await page.getByRole('link', { name: 'Банк практик' }).click();
    await page.getByTestId('results').waitFor();
    const box = page.getByLabel('Поиск практик');
    await box.click();
    // Playwright types Cyrillic with insertText (no keydown), so a typed character is timed from its input event and
    // Enter from its keydown; both listeners run before React's own (capture phase on the document).
    await page.evaluate(() => {
      for (const type of ['keydown', 'input']) {
        document.addEventListener(type, (e) => { window.__keyAt = e.timeStamp; }, true);
      }
    });
    // Each keystroke of the phrase: the time until suggestions for exactly what was typed are rendered.
    for (let i = 0; i < QUERY.length; i++) {
      const prefix = QUERY.slice(0, i + 1);
      // Titles complete the first word; later prefixes may have no suggestion at all, so only it is timed.
      const timed = i >= 2 && i < QUERY.indexOf(' ');
      const selector = `[data-testid="suggestion"][data-prefix="${prefix}"]`;
      const wait = timed ? timeToRender(page, selector, 5_000) : null;
      await page.keyboard.type(QUERY[i]);
      if (wait) {
        const ms = await wait;
        if (ms != null) {
          timings.suggestionsMs.push(Math.round(ms));
          await splitTiming(page, selector, timings.suggestionsInPageRequestMs, timings.suggestionsAfterResponseMs);
        }
      }
    }
    assert.ok(timings.suggestionsMs.length >= 5, `suggestions rendered for the typed prefixes: ${timings.suggestionsMs}`);
    const results = timeToRender(page, `[data-testid="results"][data-query="${QUERY}"]`);
    const facets = timeToRender(page, `[data-testid="facets"][data-query="${QUERY}"]`);
    await page.keyboard.press('Enter');
    const resultsMs = await results;
    assert.ok(resultsMs != null, 'results for the phrase rendered');
    timings.resultsMs.push(Math.round(resultsMs));
    await splitTiming(page, `[data-testid="results"][data-query="${QUERY}"]`, timings.resultsInPageRequestMs, timings.resultsAfterResponseMs);
    const facetsMs = await facets;
    if (facetsMs != null) timings.facetsMs.push(Math.round(facetsMs));
    const list = page.locator(`[data-testid="results"][data-query="${QUERY}"]`);
    await list.locator('mark').first().waitFor();
    const total = Number((await page.getByTestId('results-count').innerText()).replace(/\D/g, ''));
    assert.ok(total > 0, 'the phrase finds practices');
    await screenshot(page, 'practice-bank');

    // Grade facet: 5th grade narrows the results, each result then names grade 5.
    await page.getByTestId('facet-grades').getByText(/^5 класс/).click();
    await page.getByTestId('facet-grades').locator('.ant-checkbox-wrapper-checked', { hasText: '5 класс' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="results-count"] .ant-spin'));
    const filtered = Number((await page.getByTestId('results-count').innerText()).replace(/\D/g, ''));
    assert.ok(filtered > 0 && filtered <= total, `grade 5 keeps ${filtered} of ${total}`);
    for (const text of await list.getByTestId('result-meta').allInnerTexts()) {
      const grades = (text.match(/· ([\d, ]+) кл\./)?.[1] ?? '').split(',').map((g) => Number(g.trim()));
      assert.ok(grades.includes(5), `every result is for grade 5: ${text}`);
    }

    // More timings of Enter → results with a few other queries typed into the same box.
    for (const q of ['формирующее оценивание', 'функциональная грамотность', 'школа-лидер', 'родители']) {
      await box.fill('');
      await box.fill(q);
      const wait = timeToRender(page, `[data-testid="results"][data-query="${q}"]`);
      const waitFacets = timeToRender(page, `[data-testid="facets"][data-query="${q}"]`);
      await box.press('Enter');
      const ms = await wait;
      if (ms != null) {
        timings.resultsMs.push(Math.round(ms));
        await splitTiming(page, `[data-testid="results"][data-query="${q}"]`, timings.resultsInPageRequestMs, timings.resultsAfterResponseMs);
      }
      const facetMs = await waitFacets;
      if (facetMs != null) timings.facetsMs.push(Math.round(facetMs));
    }
    // The same searches as bare API calls from the page: request round trip and the engine's own time (tookMs).
    for (const q of [QUERY, 'формирующее оценивание', 'функциональная грамотность', 'школа-лидер', 'родители']) {
      const measured = await page.evaluate(async (q) => {
        const session = JSON.parse(sessionStorage.getItem('opora.session') ?? '{}');
        const post = async (query, variables) => {
          const started = performance.now();
          const response = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
            body: JSON.stringify({ query, variables }) });
          const body = await response.json();
          return { ms: performance.now() - started, body };
        };
        const search = await post(`query($q: String) { searchPractices(query: $q, first: 10) { totalCount tookMs
          edges { node { id title summary status grades evidenceLevel adoptionCount improvedAdoptionCount authorSchool { name municipalityName } } highlights { field fragments } }
          facets { subjects { value count } grades { value count } riskFactors { value count } levels { value count } evidenceLevels { value count } municipalities { value count } } } }`, { q });
        const suggest = await post('query($p: String!) { practiceSuggestions(prefix: $p, limit: 8) { id title } }', { p: q.slice(0, 5) });
        return { search: search.ms, took: search.body.data.searchPractices.tookMs, suggest: suggest.ms };
      }, q);
      timings.searchRequestMs.push(Math.round(measured.search));
      timings.searchTookMs.push(measured.took);
      timings.suggestRequestMs.push(Math.round(measured.suggest));
    }
    await box.fill(QUERY);
    await box.press('Enter');
    await page.locator(`[data-testid="results"][data-query="${QUERY}"] [data-testid="result"] a`).first().waitFor();

    const link = page.locator(`[data-testid="results"][data-query="${QUERY}"] [data-testid="result"] a`).first();
    const title = await link.innerText();
    await link.click();
    await page.getByTestId('practice-title').filter({ hasText: title }).waitFor();
    await page.getByTestId('adoptions').waitFor();
    await page.getByTestId('bookmark').click();
    await page.getByTestId('bookmark').filter({ hasText: 'В закладках' }).waitFor();
    const api = await graphqlInPage(page, '{ myBookmarks { title } }');
    assert.ok(api.body.data.myBookmarks.some((b) => b.title === title), 'the bookmark is stored');

    // The teacher records that their school adopted it (date: today by default, a note): the adopters list shows it.
    const note = `Начали с 5-х классов, ведёт методическое объединение (${MARK})`;
    await page.getByTestId('adopt').click();
    await page.getByTestId('adopt-note').fill(note);
    await page.getByRole('button', { name: 'Отметить', exact: true }).click();
    await page.getByText('Внедрение отмечено').first().waitFor();
    await page.getByTestId('adoptions').getByTestId('adoption').filter({ hasText: note }).waitFor();
    await page.getByTestId('own-adoption').filter({ hasText: 'Внедрена в моей школе' }).waitFor();
    await screenshot(page, 'practice');
  });
  await finish(session);
});

test('a teacher proposes a practice, a methodist rejects it, the teacher fixes and resubmits, the methodist approves; another teacher finds it', async () => {
  const teacher = await openPage(browser);
  const methodist = await openPage(browser);
  await explained(teacher, 'roles2', async () => {
    const page = teacher.page;
    await signIn(page, 'MENTEE', '/practices/new');
    await page.getByTestId('field-title').fill(PRACTICE_TITLE);
    // Sent incomplete: the form names what is missing next to each field, nothing is created.
    await page.getByTestId('submit-practice').click();
    await page.getByText('Полное описание — не короче 100 символов').waitFor();
    await page.getByText('Укажите классы').waitFor();
    await page.getByTestId('field-summary').fill('Пятиклассники ведут небольшие исследования по математике и окружающему миру.');
    await page.getByTestId('field-description').fill('Каждую четверть ученики 5 классов выбирают тему, собирают данные, '
      + 'оформляют вывод и защищают его перед классом; учитель математики ведёт консультации раз в неделю.');
    await choose(page, page.getByTestId('field-subjects'), 'Математика');
    await page.keyboard.press('Escape');
    await choose(page, page.getByTestId('field-grades'), '5 класс');
    await page.keyboard.press('Escape');
    await choose(page, page.getByTestId('field-riskFactors'), 'мотивац');
    await page.keyboard.press('Escape');
    await page.getByTestId('field-authors').fill('Учитель математики');
    await page.getByTestId('submit-practice').click();
    await page.getByTestId('practice-status').filter({ hasText: 'На рассмотрении' }).waitFor();
    const practiceUrl = page.url();

    await explained(methodist, 'roles2-methodist', async () => {
      const m = methodist.page;
      await signIn(m, 'METHODIST');
      await m.getByTestId('tile-queue').waitFor();
      await startPage(m, 'home-methodist');
      await m.goto(`${BASE}/review`);
      const item = m.getByTestId('queue-item').filter({ hasText: MARK });
      await waitWithReload(m, item);
      await item.getByRole('button', { name: 'Отклонить' }).click();
      await m.getByTestId('reject-reason').fill('Добавьте измерения до и после: сколько учеников защитили проекты');
      await m.getByRole('button', { name: 'Отклонить', exact: true }).last().click();
      await m.getByText('Практика отклонена').first().waitFor();
    });

    await page.goto(practiceUrl);
    await page.getByTestId('practice-status').filter({ hasText: 'Отклонена' }).waitFor();
    await page.getByTestId('rejection-reason').filter({ hasText: 'Добавьте измерения до и после' }).waitFor();
    await page.getByRole('button', { name: 'Изменить' }).click();
    await page.getByTestId('field-evidenceSummary').fill('Доля учеников, защитивших проект, выросла с 20 до 65 %.');
    await page.getByTestId('submit-practice').click();
    await page.getByTestId('practice-status').filter({ hasText: 'На рассмотрении' }).waitFor();

    await explained(methodist, 'roles2-approve', async () => {
      const m = methodist.page;
      await m.goto(`${BASE}/review`);
      const item = m.getByTestId('queue-item').filter({ hasText: MARK });
      await waitWithReload(m, item);
      await item.getByRole('button', { name: 'Одобрить' }).click();
      await m.getByText('Практика одобрена').first().waitFor();
    });
    await page.goto(practiceUrl);
    await page.getByTestId('practice-status').filter({ hasText: 'Одобрена' }).waitFor();
  });
  await finish(methodist);
  await finish(teacher);

  // Another teacher finds it in the bank by its word.
  const other = await openPage(browser);
  await explained(other, 'roles2-other', async () => {
    const page = other.page;
    await signIn(page, 'TEACHER', '/practices');
    await page.getByTestId('results').waitFor();
    const box = page.getByLabel('Поиск практик');
    const found = page.locator(`[data-testid="results"][data-query="${MARK}"] [data-testid="result"]`, { hasText: PRACTICE_TITLE });
    for (let attempt = 0; attempt < 30; attempt++) {
      await box.fill(MARK);
      await box.press('Enter');
      await page.locator(`[data-testid="results"][data-query="${MARK}"], .ant-empty`).first().waitFor();
      if (await found.count()) break;
      await page.waitForTimeout(1000);
      await box.fill('');
      await box.press('Enter');
    }
    await found.waitFor();
  });
  await finish(other);
});

/** The search index follows the database within moments: reload until the item shows. */
async function waitWithReload(page, locator) {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      await locator.waitFor({ timeout: 2_000 });
      return;
    } catch {
      await page.reload();
    }
  }
  await locator.waitFor();
}

test('a mentor logs a meeting with a shared and a private note; the mentee sees only the shared one', async () => {
  const mentor = await openPage(browser);
  await explained(mentor, 'roles3', async () => {
    const page = mentor.page;
    await signIn(page, 'MENTOR');
    await page.getByTestId('tile-mentees').waitFor();
    await startPage(page, 'home-mentor');
    await page.getByRole('link', { name: 'Наставничество' }).click();
    await page.getByTestId('mentee-card').first().waitFor();
    await screenshot(page, 'mentor-workspace');
    await page.goto(`${BASE}/mentoring/${RELATION}`);
    await page.getByTestId('log-meeting').click();
    await page.getByTestId('meeting-topic').fill('Разбор посещённого урока');
    await page.getByTestId('meeting-shared').fill(SHARED_NOTE);
    await page.getByTestId('meeting-private').fill(PRIVATE_NOTE);
    await page.getByTestId('meeting-steps').fill('Подготовить технологическую карту урока\nПосетить урок наставника');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('meeting').filter({ hasText: SHARED_NOTE }).waitFor();
    await page.getByTestId('private-note').filter({ hasText: PRIVATE_NOTE }).waitFor();

    // The mentor proposes a new relation for a colleague of their school: it waits in the workspace as proposed.
    await page.goto(`${BASE}/mentoring`);
    await page.getByTestId('propose-mentoring').click();
    await choose(page, page.getByTestId('propose-mentee'), PROPOSED_MENTEE, PROPOSED_MENTEE);
    await page.getByTestId('propose-goal').fill(`Освоить формирующее оценивание на уроках (${MARK})`);
    await screenshot(page, 'mentor-proposal');
    await page.getByRole('button', { name: 'Предложить', exact: true }).click();
    await page.getByText('Наставничество предложено').first().waitFor();
    const proposed = page.locator('[data-testid="mentee-card"][data-status="PENDING"]', { hasText: PROPOSED_MENTEE });
    await proposed.waitFor();
    // Its page offers the mentor only to cancel it: the school or a coordinator confirms a mentor's own proposal.
    await proposed.getByRole('link').first().click();
    await page.getByRole('button', { name: 'Отменить' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Начать', exact: true }).count(), 0, 'a mentor does not confirm their own proposal');
  });
  await finish(mentor);

  const mentee = await openPage(browser);
  await explained(mentee, 'roles3-mentee', async () => {
    const page = mentee.page;
    await signIn(page, 'MENTEE', '/development');
    await page.getByTestId('shared-meeting').filter({ hasText: SHARED_NOTE }).waitFor();
    assert.equal(await page.getByText(MARK).count(), 1, 'only the shared note of this run shows');
    assert.ok(!(await page.innerText('body')).includes(PRIVATE_NOTE), 'the private note is not on the page');
    await page.goto(`${BASE}/mentoring/${RELATION}`);
    await page.getByTestId('meeting').filter({ hasText: SHARED_NOTE }).waitFor();
    assert.ok(!(await page.innerText('body')).includes(PRIVATE_NOTE), 'nor on the relation page');
    const api = await graphqlInPage(page, `{ mentoringRelation(id: "${RELATION}") { meetings { sharedNotes privateNotes } } }`);
    assert.equal(api.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'the API refuses the private notes to the mentee');
    assert.ok(!JSON.stringify(api.body).includes(PRIVATE_NOTE));
    // A teacher opening another teacher's page: «Нет доступа».
    await page.goto(`${BASE}/teachers/${COLLEAGUE}`);
    await page.getByText('Нет доступа').waitFor();
    assert.ok(!(await page.innerText('body')).includes('Дефициты'), 'no personal data of the colleague');
  });
  await finish(mentee);

  const other = await openPage(browser);
  await explained(other, 'roles3-other-mentor', async () => {
    const page = other.page;
    await signIn(page, 'MENTOR2', `/mentoring/${RELATION}`);
    await page.getByText('Нет доступа').first().waitFor();
    assert.ok(!(await page.innerText('body')).includes(PRIVATE_NOTE));
    const api = await graphqlInPage(page, `{ mentoringRelation(id: "${RELATION}") { meetings { privateNotes } } }`);
    assert.equal(api.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.ok(!JSON.stringify(api.body).includes(PRIVATE_NOTE));
  });
  await finish(other);
});

test('a school admin sees the school, records a diagnostic and requests a mentor from the explained suggestions', async () => {
  const session = await openPage(browser);
  const { page } = session;
  await explained(session, 'roles4', async () => {
    await signIn(page, 'SCHOOLADMIN');
    await page.getByTestId('tile-diagnosed').waitFor();
    await startPage(page, 'home-school-admin');
    await page.getByRole('link', { name: 'Моя школа' }).first().click();
    await page.getByTestId('school-teachers').locator('tbody a').first().waitFor();
    await page.getByTestId('school-statuses').waitFor();
    await page.getByTestId('school-pair').locator('.ant-skeleton').waitFor({ state: 'detached' });
    await screenshot(page, 'my-school');
    await page.goto(`${BASE}/teachers/${COLLEAGUE}`);
    await page.getByTestId('teacher-name').waitFor();
    await page.getByTestId('record-diagnostic').click();
    await choose(page, page.getByTestId('deficit-competence-0'), 'Оценивание');
    await choose(page, page.getByTestId('deficit-level-0'), 'критический');
    await page.getByRole('button', { name: 'Добавить дефицит' }).click();
    await choose(page, page.getByTestId('deficit-competence-1'), 'Функциональная грамотность');
    await choose(page, page.getByTestId('deficit-level-1'), 'умеренный');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Диагностика записана').first().waitFor();
    await page.getByTestId('deficits').getByText('Оценивание').waitFor();
    const suggestion = page.getByTestId('mentor-suggestion').first();
    await suggestion.waitFor();
    assert.ok((await suggestion.locator('li').count()) > 0, 'each suggestion explains itself');
    await screenshot(page, 'mentor-suggestions');
    await suggestion.getByRole('button', { name: 'Предложить наставника' }).click();
    await page.getByText('Наставничество предложено').first().waitFor();
    const api = await graphqlInPage(page, `{ teacher(id: "${COLLEAGUE}") { diagnostics { date } } }`);
    assert.ok(api.body.data.teacher.diagnostics.length >= 1);
  });
  await finish(session);
});
