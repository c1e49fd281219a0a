import { test, expect, Page } from '@playwright/test';
import { markNoScript, uniqueEmail, visit, confirmSignup, headerMenu } from './helpers';

async function registerAndGoToManifest(page: Page, name: string) {
  await visit(page, '/registreren');
  await page.getByLabel('Je naam').fill(name);
  const email = uniqueEmail('teken');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('Fietsbel-Lindeboom-42');
  await page.getByRole('button', { name: 'Account maken' }).click();
  await confirmSignup(page, email);
  await visit(page, '/manifest');
}

async function signatureCount(page: Page) {
  return Number(await page.getByTestId('signature-count').innerText());
}

test('read the manifest and open a principle by its link', async ({ page }) => {
  await visit(page, '/manifest');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Manifest voor een succesvolle wijkaanpak');
  await expect(page.getByRole('heading', { name: 'Een lange adem' })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Manifest voor een succesvolle wijkaanpak');
  await page.getByRole('link', { name: /Open dit principe.*Kies voor de lange termijn/ }).click();
  await expect(page).toHaveURL(/\/manifest\/principes\/lange-termijn$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kies voor de lange termijn');
  await expect(page.getByRole('heading', { name: 'In de praktijk' })).toBeVisible();
  await visit(page, '/manifest/principes/lange-termijn');
  // A principle no plan puts into practice yet says so kindly.
  await visit(page, '/manifest/principes/nieuwe-verantwoording');
  await expect(page.getByText('Nog geen wijkplannen')).toBeVisible();
  // A shared anchor opens at its pillar.
  await visit(page, '/manifest#pijler-2');
  await expect(page.locator('#pijler-2')).toBeInViewport();
  const missing = await visit(page, '/manifest/principes/bestaat-niet');
  expect(missing?.status()).toBe(404);
});

test('sign without a page load, see the count change, and withdraw', async ({ page }) => {
  await registerAndGoToManifest(page, 'Lotte Tekenaar');
  const before = await signatureCount(page);
  await page.evaluate(() => { (window as any).__stillHere = true; });
  await page.getByLabel('Ik teken als').selectOption('opbouwwerker');
  await page.getByLabel('Organisatie of groep').fill('Buurthuis De Linde');
  await page.getByLabel('Waarom teken je?').fill('Omdat bewoners het beste weten wat hun buurt nodig heeft.');
  await page.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(page.getByRole('status')).toContainText('Bedankt');
  await expect(page.getByTestId('signature-count')).toHaveText(String(before + 1));
  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
  await visit(page, '/manifest');
  await expect(page.locator('.signature-list')).toContainText('Lotte Tekenaar');
  await page.getByRole('button', { name: 'Handtekening intrekken' }).click();
  await expect(page.getByTestId('signature-count')).toHaveText(String(before));
  await expect(page.getByRole('button', { name: 'Ondertekenen' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(({ page }) => markNoScript(page));
  test('signing works as a plain form', async ({ page }) => {
    await registerAndGoToManifest(page, 'Bas Zonderscript');
    const before = await signatureCount(page);
    await page.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(page).toHaveURL(/getekend=1/);
    await expect(page.getByRole('status')).toContainText('Bedankt');
    await expect(page.getByTestId('signature-count')).toHaveText(String(before + 1));
    await expect(page.locator('.signature-list')).toContainText('Bas Zonderscript');
  });

  test('a guest without JavaScript is asked to turn it on or log in', async ({ page }) => {
    await visit(page, '/manifest');
    const form = page.locator('form.reaction-form');
    await form.getByLabel('Je reactie').fill('Zonder script probeer ik het ook.');
    await form.getByLabel('Je naam').fill('Gast Zonderscript');
    await form.getByLabel('E-mailadres').fill('zonder@voorbeeld.nl');
    await form.getByRole('button', { name: 'Reageren', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Zet JavaScript aan');
  });
});

test('react on a principle, reply, and filter by kind', async ({ page }) => {
  await registerAndGoToManifest(page, 'Mo Reageerder');
  await visit(page, '/manifest/principes/wat-goed-gaat');
  const marker = `burendag-${Date.now()}`;
  await page.getByLabel('Soort reactie').selectOption('voorbeeld');
  await page.getByLabel('Je reactie').fill(`Bij ons in de straat houden we elk jaar een **${marker}**.\n\n<script>alert(1)</script>`);
  await page.getByRole('button', { name: 'Reageren', exact: true }).click();
  await expect(page).toHaveURL(/\/manifest\/principes\/wat-goed-gaat#reactie-\d+$/);
  const reaction = page.locator('article.reaction').filter({ hasText: marker });
  await expect(reaction.locator('strong')).toHaveText(marker);
  await expect(reaction).toContainText('<script>alert(1)</script>'); // shown as text, never run
  await expect(reaction).toContainText('Voorbeeld uit onze wijk');
  await visit(page, page.url());

  const thread = page.locator('li.thread').filter({ hasText: marker });
  await thread.getByText('Reageer hierop').click();
  await thread.getByLabel('Je antwoord').fill('Mooi! Dat willen wij ook.');
  await thread.getByRole('button', { name: 'Antwoord plaatsen' }).click();
  await expect(thread.locator('.replies')).toContainText('Dat willen wij ook.');

  await page.getByRole('link', { name: 'Vraag', exact: true }).click();
  await expect(page).toHaveURL(/soort=vraag/);
  await expect(page.getByRole('link', { name: 'Vraag', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('article.reaction').filter({ hasText: marker })).toHaveCount(0);
  await visit(page, page.url());
});

test('a guest reaction waits for approval', async ({ page }) => {
  await visit(page, '/manifest');
  const form = page.locator('form.reaction-form');
  // Reading costs a phone nothing: the proof-of-work waits until a guest
  // starts writing, and is then solved without the person noticing.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#nieuw-nonce')).toHaveValue('');
  await form.getByLabel('Je reactie').fill('Ik heb geen account, maar wil wel iets zeggen.');
  await expect(page.locator('#nieuw-nonce')).not.toHaveValue('');
  await form.getByLabel('Je naam').fill('Gast Gerrit');
  await form.getByLabel('E-mailadres').fill('gerrit@voorbeeld.nl');
  await form.getByRole('button', { name: 'Reageren', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('verschijnt zodra');
  await expect(page.locator('article.reaction').filter({ hasText: 'geen account' })).toHaveCount(0);
});

test('an admin approves a guest reaction, and only admins see the queue', async ({ page, browser }) => {
  const guestContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const guestPage = await guestContext.newPage();
  await guestPage.goto('/manifest');
  await guestPage.waitForLoadState('networkidle');
  const form = guestPage.locator('form.reaction-form');
  const text = `Goedgekeurd door beheer ${Date.now()}`;
  await form.getByLabel('Je reactie').fill(text);
  await form.getByLabel('Je naam').fill('Gast Goedgekeurd');
  await form.getByLabel('E-mailadres').fill('goed@voorbeeld.nl');
  await form.getByRole('button', { name: 'Reageren', exact: true }).click();
  await expect(guestPage.getByRole('status')).toContainText('verschijnt zodra');
  const forbidden = await guestPage.goto('/beheer/reacties');
  expect(forbidden?.status()).toBe(401);
  await guestContext.close();

  await visit(page, '/inloggen');
  await page.getByLabel('E-mailadres').fill('beheer@demo.wijkplein.nl');
  await page.getByLabel('Wachtwoord').fill('buurt-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await (await headerMenu(page)).getByRole('link', { name: 'Beheer', exact: true }).click();
  await expect(page).toHaveURL(/\/moderatie$/);
  await page.getByRole('link', { name: 'Reacties van gasten' }).click();
  const item = page.locator('li.reaction').filter({ hasText: text });
  await expect(item).toBeVisible();
  await visit(page, '/beheer/reacties');
  await item.getByRole('button', { name: 'Plaatsen', exact: true }).click();
  await expect(page.locator('li.reaction').filter({ hasText: text })).toHaveCount(0);
  await visit(page, '/manifest');
  await expect(page.locator('article.reaction').filter({ hasText: text })).toBeVisible();
});
