import { test, expect, Page } from '@playwright/test';
import { visit, uniqueEmail, confirmSignup, PASSWORD, headerMenu } from './helpers';

/** Signs up on the open registration page (reached from an invitation). */
async function signUpHere(page: Page, name: string) {
  await expect(page).toHaveURL(/\/registreren\?volgende=/);
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Account maken' }).click();
  return email;
}

// Before, the manifest's sign box offered only "Inloggen", and after signing
// up people landed on their profile instead of where they were.
test('a guest who wants to sign the manifest makes an account and comes back to sign', async ({ page }) => {
  await visit(page, '/manifest');
  await page.getByRole('link', { name: 'Teken het manifest' }).click();
  await expect(page).toHaveURL(/#tekenen$/);
  const box = page.locator('#tekenen');
  await box.getByRole('link', { name: 'Account maken' }).click();
  const email = await signUpHere(page, 'Ilse Teken');
  await confirmSignup(page, email, /\/manifest#tekenen$/);
  await expect(page.locator('#tekenen').getByRole('button', { name: 'Ondertekenen' })).toBeVisible();
});

test('a guest on a plan makes an account and lands at the conversation', async ({ page }) => {
  await visit(page, '/plannen');
  await page.locator('.plan-card a').first().click();
  const plan = new URL(page.url()).pathname;
  const join = page.locator('#reacties');
  await expect(join.getByRole('link', { name: 'Log in om mee te praten over dit plan' })).toBeVisible();
  await join.getByRole('link', { name: 'Account maken' }).click();
  const email = await signUpHere(page, 'Ravi Praat');
  await confirmSignup(page, email, new RegExp(`${plan}#reacties$`));
  await expect(page.getByLabel('Je reactie')).toBeVisible();
});

test('the login page keeps the way back when someone has no account yet', async ({ page }) => {
  await visit(page, '/inloggen?volgende=/groepen');
  await page.getByRole('main').getByRole('link', { name: 'Account maken' }).click();
  await expect(page).toHaveURL(/\/registreren\?volgende=%2Fgroepen$/);
  await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen\?volgende=%2Fgroepen$/);
});

test('my groups are in the menu and on the profile', async ({ page }) => {
  const email = uniqueEmail('groepjes');
  await visit(page, '/registreren');
  await page.getByLabel('Je naam').fill('Groep Zoeker');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Account maken' }).click();
  await confirmSignup(page, email);
  await expect(page.getByRole('main').getByRole('link', { name: 'Mijn groepen' })).toBeVisible();
  await (await headerMenu(page)).getByRole('link', { name: 'Mijn groepen', exact: true }).click();
  await expect(page).toHaveURL(/\/mijn-groepen$/);
});
