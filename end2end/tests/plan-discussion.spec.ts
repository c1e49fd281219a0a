import { test, expect } from '@playwright/test';
import { visit, checkPage, registerAs, startGroup, newPerson, writePlan, waitForLive, headerMenu, managePlan } from './helpers';

test('two people discuss a plan and see each other live, three levels deep', async ({ page, browser }) => {
  await registerAs(page, 'Noor Visser');
  await startGroup(page, `Bankjesgroep ${Date.now()}`);
  const planPath = await writePlan(page, `Twee bankjes ${Date.now()}`);
  await expect(page.getByRole('heading', { name: 'Gesprek', exact: true })).toBeVisible();

  // A guest reads along and is invited to log in.
  const guest = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL' });
  const guestPage = await guest.newPage();
  await visit(guestPage, planPath);
  await expect(guestPage.getByRole('link', { name: 'Log in om mee te praten over dit plan' })).toBeVisible();
  await guest.close();

  // Sam has the plan open; nothing reloads Sam's page from here on.
  const { context, page: sam } = await newPerson(browser, 'Sam Peeters');
  await visit(sam, planPath);
  await waitForLive(sam);
  await sam.evaluate(() => { (window as any).stillHere = true; });

  await page.getByLabel('Soort reactie').selectOption('vraag');
  await page.getByLabel('Je reactie').fill('Wie wil er meehelpen met schilderen?');
  await page.getByRole('button', { name: 'Reageren' }).click();
  await expect(page.locator('#reactie-lijst')).toContainText('Wie wil er meehelpen met schilderen?');

  const list = sam.locator('#reactie-lijst');
  await expect(list).toContainText('Wie wil er meehelpen met schilderen?', { timeout: 3_000 });
  await expect(sam.getByRole('heading', { name: 'Gesprek (1 reactie)' })).toBeVisible();
  expect(await sam.evaluate(() => (window as any).stillHere)).toBe(true);

  // Sam answers (second level), Noor answers Sam (third level): no deeper.
  // A reply to a question is proposed as an answer, and can be another kind.
  await list.getByText('Reageer hierop').click();
  await expect(list.getByLabel('Soort antwoord')).toHaveValue('antwoord');
  await list.getByLabel('Je antwoord').fill('Ik! Zaterdag kan ik.');
  await list.getByRole('button', { name: 'Antwoord plaatsen' }).click();
  await expect(sam.locator('.replies')).toContainText('Ik! Zaterdag kan ik.');
  await expect(sam.locator('.replies .reaction').first().locator('.tag--kind')).toHaveText('Antwoord');
  // Sam's own post was a normal form post; from here on, again no reloads.
  await waitForLive(sam);
  await sam.evaluate(() => { (window as any).stillHere = true; });
  await expect(page.locator('#reactie-lijst .replies')).toContainText('Ik! Zaterdag kan ik.', { timeout: 3_000 });
  const samsReply = page.locator('#reactie-lijst .replies > li').first();
  await samsReply.getByText('Reageer hierop').first().click();
  await expect(samsReply.getByLabel('Soort antwoord')).toHaveValue('aanvulling');
  await samsReply.getByLabel('Soort antwoord').selectOption('herkenning');
  await samsReply.getByLabel('Je antwoord').fill('Top, tot zaterdag!');
  await samsReply.getByRole('button', { name: 'Antwoord plaatsen' }).click();
  // Each "Reageer hierop" stays with its own reaction, above the replies.
  const thread = page.locator('#reactie-lijst li.thread').first();
  const ownReply = thread.locator(':scope > details.reply > summary');
  const replies = thread.locator(':scope > .replies');
  expect((await ownReply.boundingBox())!.y).toBeLessThan((await replies.boundingBox())!.y);
  const deepest = page.locator('.replies .replies > li').first();
  await expect(deepest).toContainText('Top, tot zaterdag!');
  await expect(deepest.locator('.tag--kind')).toHaveText('Herkenning');
  await expect(deepest.getByText('Reageer hierop')).toHaveCount(0);
  await expect(sam.locator('.replies .replies')).toContainText('Top, tot zaterdag!', { timeout: 3_000 });

  // A phase change shows up live as well.
  await managePlan(page);
  await page.getByLabel('Nieuwe fase').selectOption('in_gesprek');
  await page.getByRole('button', { name: 'Fase opslaan' }).click();
  await expect(sam.locator('.plan__phase [aria-current="step"]')).toHaveText('In gesprek', { timeout: 3_000 });
  await expect(sam.locator('#tijdlijn li')).toHaveCount(2);
  expect(await sam.evaluate(() => (window as any).stillHere)).toBe(true);
  await checkPage(sam);

  // Noor edits her question; everyone sees "bewerkt".
  const question = page.locator('#reactie-lijst .thread > .reaction').first();
  await question.getByRole('link', { name: 'Bewerken' }).click();
  await page.locator('#reactie-lijst textarea[name="body"]').first().fill('Wie wil er meehelpen met schilderen en plaatsen?');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(question).toContainText('bewerkt');
  await expect(sam.locator('#reactie-lijst .thread > .reaction').first()).toContainText('en plaatsen?', { timeout: 3_000 });
  await context.close();
});

test('a reply shows up as a notification, which can be marked read', async ({ page, browser }) => {
  await registerAs(page, 'Daan Bos');
  await startGroup(page, `Meldgroep ${Date.now()}`);
  const planPath = await writePlan(page, `Buurtfeest ${Date.now()}`);
  await page.getByLabel('Je reactie').fill('Wie neemt er een tafel mee?');
  await page.getByRole('button', { name: 'Reageren' }).click();
  await expect(page.locator('#reactie-lijst')).toContainText('Wie neemt er een tafel mee?');

  const { context, page: eva } = await newPerson(browser, 'Eva Mulder');
  await visit(eva, planPath);
  await eva.locator('#reactie-lijst').getByText('Reageer hierop').click();
  await eva.getByLabel('Je antwoord').fill('Ik! En stoelen.');
  await eva.getByRole('button', { name: 'Antwoord plaatsen' }).click();
  await expect(eva.locator('.replies')).toContainText('Ik! En stoelen.');
  await context.close();

  await visit(page, '/');
  // On a phone the menu button carries the count too.
  await expect(page.locator('.site-menu summary')).toHaveText(/Menu\s*1\s*ongelezen/);
  const link = (await headerMenu(page)).getByRole('link', { name: 'Meldingen 1 ongelezen' });
  await expect(link).toBeVisible();
  await link.click();
  await checkPage(page);
  const item = page.locator('.notification--unread').first();
  await expect(item).toContainText('Eva Mulder reageerde op je reactie bij');
  await item.getByRole('button', { name: 'Markeer als gelezen' }).click();
  await expect(page.locator('.notification--unread')).toHaveCount(0);
  await expect((await headerMenu(page)).getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
  // The open menu lies over the page until its button closes it again.
  await page.locator('.site-menu > summary').click();
  await page.getByRole('link', { name: /Eva Mulder reageerde/ }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}\\?na=[0-9-]+#reactie-`));
});
