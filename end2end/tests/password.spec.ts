import { test, expect } from '@playwright/test';
import { visit, registerAs, PASSWORD, headerMenu } from './helpers';
import { waitForMail } from './mail';

const NEW_PASSWORD = 'kastanje vlieger moestuin';

test('a forgotten password is reset through a link by e-mail that works once', async ({ page }) => {
  test.skip(!process.env.MAILDIR, 'needs the SMTP sink of scripts/test.sh');
  const email = await registerAs(page, 'Fenna Bakker');
  await (await headerMenu(page)).getByRole('button', { name: 'Uitloggen', exact: true }).click();

  await visit(page, '/inloggen');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
  await visit(page, page.url());
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('status')).toContainText('staat de link nu in je inbox');

  const mail = await waitForMail(email, m => m.subject.includes('Een nieuw wachtwoord'));
  const link = mail.body.match(/https?:\/\/\S+\/wachtwoord-herstellen\?code=[0-9a-f]{64}/)?.[0];
  expect(link, mail.body).toBeTruthy();

  await visit(page, link!);
  await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('te makkelijk te raden');
  await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page).toHaveURL(/\/profiel\?hersteld=1/);
  await expect(page.getByRole('status')).toContainText('je bent ingelogd');

  // The link is used up.
  await visit(page, link!);
  await expect(page.getByText('Deze link werkt niet meer')).toBeVisible();
  await expect(page.getByLabel('Nieuw wachtwoord')).toHaveCount(0);

  // The new password logs in; the old one no longer does.
  await (await headerMenu(page)).getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('passen niet bij elkaar');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect((await headerMenu(page)).getByRole('link', { name: 'Fenna Bakker' })).toBeVisible();
});

test('a new password on the profile logs out the other browser, not this one', async ({ page, browser }) => {
  const email = await registerAs(page, 'Ravi Kok');
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto('/inloggen');
  await phone.getByLabel('E-mailadres').fill(email);
  await phone.getByLabel('Wachtwoord').fill(PASSWORD);
  await phone.getByRole('button', { name: 'Inloggen' }).click();
  await expect((await headerMenu(phone)).getByRole('link', { name: 'Ravi Kok' })).toBeVisible();

  await visit(page, '/profiel');
  await page.getByLabel('Je huidige wachtwoord').fill('niet goed');
  await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('alert')).toContainText('Dit wachtwoord klopt niet');
  await page.getByLabel('Je huidige wachtwoord').fill(PASSWORD);
  await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('status')).toContainText('Op andere apparaten ben je uitgelogd');
  await expect((await headerMenu(page)).getByRole('link', { name: 'Ravi Kok' })).toBeVisible();

  await phone.goto('/');
  await expect((await headerMenu(phone)).getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await other.close();
});
