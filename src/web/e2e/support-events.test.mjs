// Events of the support cycle in a real browser against the real app with the demo region: the regional coordinator
// organises a seminar, the administration of a ШНОР school registers the school on the events page, and the organiser
// marks its attendance there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { explained, graphqlInPage, launch, openPage, screenshot, signIn } from './browser.mjs';

const REGION = process.env.E2E_REGION_ID;
const MARK = `Проверка${Date.now().toString(36)}`;
const TITLE = `Семинар «Разбор ВПР по математике» ${MARK}`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function finish(session) {
  await session.context.close();
  assert.deepEqual(session.problems, [], 'CSP violations, page errors or requests to other origins');
}

/** Opens «Мероприятия и курсы» from the menu and returns the card of the test's seminar once the list is loaded. */
async function eventCard(page) {
  await page.getByRole('link', { name: 'Мероприятия и курсы' }).click();
  await page.locator('[data-testid="events"][data-ready="true"]').waitFor();
  const card = page.getByTestId('event').filter({ hasText: TITLE });
  await card.waitFor();
  return card;
}

test('a school admin registers the school for a seminar and the organiser marks its attendance', async () => {
  const organiser = await openPage(browser);
  let eventId;
  await explained(organiser, 'support-events-create', async () => {
    await signIn(organiser.page, 'REGION');
    await organiser.page.getByRole('link', { name: 'Мероприятия и курсы' }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const created = await graphqlInPage(organiser.page, `mutation($in: SupportEventInput!) { createSupportEvent(input: $in) { id canMarkAttendance } }`,
      { in: { regionId: REGION, kind: 'SEMINAR', level: 'REGIONAL', format: 'IN_PERSON', title: TITLE, topic: 'Дефициты по итогам ВПР',
        targetGroup: 'учителя математики ШНОР', audience: 'SCHOOLS_AND_TEACHERS', startDate: today,
        organiserName: 'Институт развития образования', capacity: 30 } });
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    eventId = created.body.data.createSupportEvent.id;
    assert.equal(created.body.data.createSupportEvent.canMarkAttendance, true);
  });

  const school = await openPage(browser);
  await explained(school, 'support-events-register', async () => {
    await signIn(school.page, 'SCHOOLADMIN');
    const card = await eventCard(school.page);
    await card.getByRole('button', { name: 'Зарегистрировать школу' }).click();
    await card.getByText('школа зарегистрирована').waitFor();
    await card.getByTestId('event-counts').filter({ hasText: 'Зарегистрировано: 1 из 30' }).waitFor();
    // The school cannot mark its own attendance: the organiser's buttons are not there, and the API refuses.
    assert.equal(await card.getByRole('button', { name: 'был', exact: true }).count(), 0);
    const own = await graphqlInPage(school.page, `query($id: ID!) { supportEvent(id: $id) { canMarkAttendance registrations { id } } }`, { id: eventId });
    assert.equal(own.body.data.supportEvent.canMarkAttendance, false);
    const refused = await graphqlInPage(school.page, `mutation($r: ID!) { markEventAttendance(registrationId: $r, attended: true) { id } }`,
      { r: own.body.data.supportEvent.registrations[0].id });
    assert.equal(refused.body.errors[0].extensions.code, 'FORBIDDEN');
  });
  await finish(school);

  await explained(organiser, 'support-events-attendance', async () => {
    const card = await eventCard(organiser.page);
    const row = card.getByTestId('registration').first();
    await row.getByRole('button', { name: 'был', exact: true }).click();
    await row.getByText('посетил').waitFor();
    await card.getByTestId('event-counts').filter({ hasText: 'посетили: 1' }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(organiser.page, 'support-events');
    const check = await graphqlInPage(organiser.page, `query($id: ID!) { supportEvent(id: $id) { attendedCount registrations { attended markedBy } } }`,
      { id: eventId });
    assert.equal(check.body.data.supportEvent.attendedCount, 1);
    assert.equal(check.body.data.supportEvent.registrations[0].attended, true);
  });
  await finish(organiser);
});
