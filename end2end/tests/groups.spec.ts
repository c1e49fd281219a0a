import { test, expect } from '@playwright/test';
import { visit, registerAs, markNoScript, randomPostcode, startGroup, newPerson } from './helpers';

test('start a group and find it by its postcode', async ({ page }) => {
  await registerAs(page, 'Ayla Demir');
  const postcode = randomPostcode();
  const name = `Binnenhof Groen ${Date.now()}`;
  const path = await startGroup(page, name, { postcode });
  await visit(page, path);
  await expect(page.getByRole('link', { name: 'Leden en aanvragen' })).toBeVisible();

  await visit(page, '/groepen');
  await page.getByLabel('Zoek een groep').fill(`${postcode} AB`);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { name: `Groepen bij “${postcode} AB”` })).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await visit(page, page.url());
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
});

test('join an open group, then leave it', async ({ page, browser }) => {
  await registerAs(page, 'Kees Visser');
  const name = `Speelstraat ${Date.now()}`;
  const path = await startGroup(page, name);

  const { context, page: other } = await newPerson(browser, 'Mila Jansen');
  await visit(other, path);
  await other.getByRole('button', { name: 'Doe mee' }).click();
  await expect(other.getByRole('status')).toContainText('Je doet nu mee');
  await expect(other.locator('.group-people')).toContainText('Mila Jansen');
  await expect(other.getByText('2 leden')).toBeVisible();
  await visit(other, other.url());

  await other.getByRole('button', { name: 'Verberg mijn naam voor niet-leden' }).click();
  await expect(other.getByText('naam verborgen')).toBeVisible();
  // A guest no longer sees the name, only that someone hides it.
  const guest = await browser.newPage();
  await guest.goto(path);
  await expect(guest.locator('.group-people')).not.toContainText('Mila Jansen');
  await expect(guest.locator('.group-people')).toContainText('1 lid dat de naam niet toont');
  await guest.close();

  await other.getByRole('button', { name: 'Niet meer meedoen' }).click();
  await expect(other.getByRole('status')).toContainText('Je doet niet meer mee');
  await expect(other.getByRole('button', { name: 'Doe mee' })).toBeVisible();
  await context.close();

  // The founder is the only coordinator and is told to hand over first.
  await page.goto(path);
  await page.getByRole('button', { name: 'Niet meer meedoen' }).click();
  await expect(page.getByRole('alert')).toContainText('minstens één coördinator');
});

test('ask to join, and the coordinator approves in another browser', async ({ page, browser }) => {
  await registerAs(page, 'Fenna Smit');
  const name = `Buurtkeuken ${Date.now()}`;
  const path = await startGroup(page, name, { onRequest: true });

  const { context, page: asker } = await newPerson(browser, 'Omar Haddad');
  await visit(asker, path);
  await asker.getByLabel('Wat wil je graag doen?').fill('Ik kook graag voor veertig mensen.');
  await asker.getByRole('button', { name: 'Vraag aan om mee te doen' }).click();
  await expect(asker.getByRole('status')).toContainText('Je aanvraag is verstuurd');
  await expect(asker.getByText('Je aanvraag wacht op een coördinator.')).toBeVisible();
  await visit(asker, '/mijn-groepen');
  await expect(asker.getByText('Wacht op een coördinator')).toBeVisible();

  await page.goto(path);
  await expect(page.getByText('1 aanvraag wacht op jou.')).toBeVisible();
  await page.getByRole('link', { name: 'Leden en aanvragen' }).click();
  const request = page.locator('.request-card', { hasText: 'Omar Haddad' });
  await expect(request).toContainText('Ik kook graag voor veertig mensen.');
  await visit(page, page.url());
  await request.getByLabel('Bericht aan de aanvrager (niet verplicht)').fill('Welkom in de keuken!');
  await request.getByRole('button', { name: 'Toelaten', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Je besluit is opgeslagen');
  await expect(page.locator('.member-row', { hasText: 'Omar Haddad' })).toBeVisible();

  await asker.reload();
  await expect(asker.getByText('Toegelaten')).toBeVisible();
  await expect(asker.getByText('Welkom in de keuken!')).toBeVisible();
  await asker.getByRole('link', { name }).first().click();
  await expect(asker.getByText('Jij doet mee met deze groep.')).toBeVisible();
  await context.close();
});

test('a request can be withdrawn', async ({ page, browser }) => {
  await registerAs(page, 'Bram Kok');
  const path = await startGroup(page, `Fietsenstalling ${Date.now()}`, { onRequest: true });
  const { context, page: asker } = await newPerson(browser, 'Lotte Vos');
  await asker.goto(path);
  await asker.getByLabel('Wat wil je graag doen?').fill('Meedenken over de plek.');
  await asker.getByRole('button', { name: 'Vraag aan om mee te doen' }).click();
  await asker.getByRole('button', { name: 'Aanvraag intrekken' }).click();
  await expect(asker.getByRole('status')).toContainText('Je aanvraag is ingetrokken');
  await expect(asker.getByRole('button', { name: 'Vraag aan om mee te doen' })).toBeVisible();
  await context.close();
});

test('joining works with the keyboard alone', async ({ page, browser }) => {
  await registerAs(page, 'Joris Bos');
  const path = await startGroup(page, `Toetsenbordclub ${Date.now()}`);
  const { context, page: other } = await newPerson(browser, 'Sara Meijer');
  await other.goto(path);
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'Doe mee'; i++) {
    await other.keyboard.press('Tab');
    focused = await other.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
  }
  expect(focused).toBe('Doe mee');
  await other.keyboard.press('Enter');
  await expect(other.getByRole('status')).toContainText('Je doet nu mee');
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('start and join a group', async ({ page, browser }) => {
    markNoScript(page);
    await registerAs(page, 'Noa Peters');
    const path = await startGroup(page, `Zonder script ${Date.now()}`);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const other = await context.newPage();
    await registerAs(other, 'Daan Mulder');
    await other.goto(path);
    await other.getByRole('button', { name: 'Doe mee' }).click();
    await expect(other.getByRole('status')).toContainText('Je doet nu mee');
    // A mistake in the form comes back with its message.
    await other.goto('/groepen/nieuw');
    await other.getByLabel('Naam van de groep').fill('Ab');
    await other.getByLabel('Wijk of buurt').fill('Noord');
    await other.getByLabel('Gemeente').fill('Zwolle');
    await other.getByLabel('Postcodegebied (niet verplicht)').fill('12');
    await other.getByLabel('Over de groep').fill('Een groep voor de straat.');
    await other.getByRole('button', { name: 'Groep starten' }).click();
    await expect(other.getByRole('alert')).toContainText('3 tot 80 tekens');
    await expect(other.getByRole('alert')).toContainText('vier cijfers');
    await context.close();
  });
});
