import { test, expect, Page } from '@playwright/test';
import { uniqueEmail, visit, markNoScript, confirmSignup, headerMenu } from './helpers';
import { waitForMail } from './mail';

const PASSWORD = 'Fietsbel-Lindeboom-42';

async function register(page: Page, email: string, name: string) {
  await visit(page, '/registreren');
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByLabel('Wat is je rol in de wijk?').selectOption('opbouwwerker');
  await page.getByRole('button', { name: 'Account maken' }).click();
  await confirmSignup(page, email);
  await expect(page.getByRole('status')).toContainText('Welkom bij Wijkplein');
}

test('register, log out and log in again', async ({ page }) => {
  const email = uniqueEmail('noor');
  await register(page, email, 'Noor Jansen');
  await visit(page, '/profiel');
  await expect(page.getByLabel('Wat is je rol in de wijk?')).toHaveValue('opbouwwerker');

  await (await headerMenu(page)).getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect((await headerMenu(page)).getByRole('link', { name: 'Inloggen' })).toBeVisible();

  await page.getByRole('banner').getByRole('link', { name: 'Inloggen' }).click();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('passen niet bij elkaar');
  await visit(page, page.url());

  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect((await headerMenu(page)).getByRole('link', { name: 'Noor Jansen' })).toBeVisible();
});

test('log out everywhere ends the session in another browser too', async ({ page, browser }) => {
  const email = uniqueEmail('overal');
  await register(page, email, 'Sem de Vries');
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await visit(laptop, '/inloggen');
  await laptop.getByLabel('E-mailadres').fill(email);
  await laptop.getByLabel('Wachtwoord').fill(PASSWORD);
  await laptop.getByRole('button', { name: 'Inloggen' }).click();
  await expect((await headerMenu(laptop)).getByRole('link', { name: 'Sem de Vries' })).toBeVisible();

  await visit(page, '/profiel');
  await page.getByRole('button', { name: 'Overal uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen\?overal=1/);
  await expect(page.getByRole('status')).toContainText('op al je apparaten uitgelogd');

  await visit(laptop, '/');
  await expect((await headerMenu(laptop)).getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await expect(laptop.getByRole('link', { name: 'Sem de Vries' })).toHaveCount(0);
  await other.close();
});

test('a profile can be edited', async ({ page }) => {
  await register(page, uniqueEmail('sem'), 'Sem de Boer');
  await page.getByLabel('Wijk of buurt').fill('Transvaal');
  await page.getByLabel('Gemeente').fill('Den Haag');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('opgeslagen');
  await expect(page.getByLabel('Gemeente')).toHaveValue('Den Haag');
  await visit(page, '/profiel');
});

test('signing up with a taken address tells nothing, and mails its owner', async ({ page, browser }) => {
  const email = uniqueEmail('bezet');
  await register(page, email, 'Lotte Bezet');
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await visit(stranger, '/registreren');
  await stranger.getByLabel('Je naam').fill('Iemand Anders');
  await stranger.getByLabel('E-mailadres').fill(email);
  await stranger.getByLabel('Wachtwoord').fill('Kraai-Zolder-Paraplu-7');
  await stranger.getByRole('button', { name: 'Account maken' }).click();
  // The same page a new address gets: nothing says the address is known.
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Kijk in je inbox');
  await expect(stranger.getByText('al een account met dit e-mailadres')).toHaveCount(0);
  await visit(stranger, stranger.url());
  const note = await waitForMail(email, m => m.subject.includes('al een account'));
  expect(note.body).toContain('Hallo Lotte Bezet');
  expect(note.body).toContain('/wachtwoord-vergeten');
  await other.close();
});

test('mistakes are explained next to the field', async ({ page }) => {
  await visit(page, '/registreren');
  await page.getByLabel('Je naam').fill('A');
  await page.getByLabel('E-mailadres').fill('geen-adres');
  await page.getByLabel('Wachtwoord').fill('password');
  await page.getByRole('button', { name: 'Account maken' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Vul een geldig e-mailadres in');
  await expect(summary).toContainText('minstens 2 tekens');
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await visit(page, page.url());
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(({ page }) => markNoScript(page));
  test('registration works as a plain form', async ({ page }) => {
    await register(page, uniqueEmail('jip'), 'Jip Zonderscript');
    await expect((await headerMenu(page)).getByRole('link', { name: 'Jip Zonderscript' })).toBeVisible();
  });
});
