import { test, expect, Page } from '@playwright/test';
import { registerAs, startGroup, writePlan, newPerson, checkPage } from './helpers';

// The service worker registers once a page has loaded, from the first page on.
async function withServiceWorker(page: Page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // A page that was still loading when the worker took over can stay
  // unclaimed (seen after the sign-up's redirects, under load); the next
  // load of a page in scope always goes through the worker.
  const claimed = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 })
    .then(() => true, () => false);
  if (!claimed) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

async function personWithPlan(page: Page, name: string) {
  await registerAs(page, name);
  await startGroup(page, `Groep van ${name} ${Date.now()}`);
  const planPath = await writePlan(page, `Plan van ${name} ${Date.now()}`);
  await withServiceWorker(page);
  // Read through the worker, so that it keeps a copy.
  await page.goto(planPath);
  return planPath;
}

test('pages read before, and the manifest in both languages, can be read offline', async ({ page, context }) => {
  const planPath = await personWithPlan(page, 'Fenna de Wit');
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(title).toContain('Plan van Fenna');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.offline-copy')).toContainText('Je bent offline. Je leest de kopie van');

  // Never opened, but kept when the worker was installed.
  await page.goto('/manifest');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.offline-copy')).toBeVisible();

  // Anything else: the offline page, with a 503.
  const missing = await page.goto('/groepen/hier-was-ik-nooit');
  expect(missing?.status()).toBe(503);
  await expect(page.getByRole('heading', { level: 1, name: 'Je bent offline' })).toBeVisible();
  await checkPage(page);

  // Someone reading in English gets the English copy of the manifest.
  await context.setOffline(false);
  await page.goto(`/taal/en?terug=${planPath}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.setOffline(true);
  await page.goto('/manifest');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.offline-copy')).toContainText('You are offline');
  await context.setOffline(false);
});

test('personal pages are never kept offline, and kept pages leave with the session', async ({ page, context }) => {
  const planPath = await personWithPlan(page, 'Pien Smit');
  await page.goto('/profiel');
  // Test addresses end in @voorbeeld.nl (see uniqueEmail).
  await expect(page.locator('main')).toContainText('@voorbeeld.nl');

  await context.setOffline(true);
  // The profile was read through the worker, but it says no-store.
  const profile = await page.goto('/profiel');
  expect(profile?.status()).toBe(503);
  await expect(page.getByRole('heading', { level: 1, name: 'Je bent offline' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('@voorbeeld.nl');
  // An ordinary page read in this session is there.
  await page.goto(planPath);
  await expect(page.locator('.offline-copy')).toBeVisible();

  // The session ends (as after "log out everywhere" on another device):
  // the next page from the server names no session, and the copies go.
  await context.setOffline(false);
  await context.clearCookies();
  await page.goto('/');
  await context.setOffline(true);
  const gone = await page.goto(planPath);
  expect(gone?.status()).toBe(503);
  await context.setOffline(false);
});

test('a reaction written offline waits, and arrives exactly once when the connection is back', async ({ page, context, browser }) => {
  const planPath = await personWithPlan(page, 'Ilse Bakker');
  await context.setOffline(true);
  const text = `Offline geschreven bij de bushalte ${Date.now()}`;
  await page.getByLabel('Soort reactie').selectOption('vraag');
  await page.getByLabel('Je reactie').fill(text);
  await page.getByRole('button', { name: 'Reageren' }).click();
  const waiting = page.locator('.outbox-item');
  await expect(waiting).toContainText('Wacht op verbinding');
  await expect(waiting).toContainText(text);

  // Back online: the worker sends it and reloads the page it came from.
  await context.setOffline(false);
  const list = page.locator('#reactie-lijst');
  await expect(list.getByText(text)).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('.outbox-item')).toHaveCount(0);

  // Reading again, and in another browser, it is still there once.
  await page.reload();
  await expect(list.getByText(text)).toHaveCount(1);
  const { context: other, page: otherPage } = await newPerson(browser, 'Joost Mulder');
  await otherPage.goto(planPath);
  await expect(otherPage.locator('#reactie-lijst').getByText(text)).toHaveCount(1);
  await other.close();
});

test('a write that fails for good says why and keeps the text', async ({ page, context }) => {
  await personWithPlan(page, 'Tessa Smit');
  await context.setOffline(true);
  const text = `Deze tekst mag niet verloren gaan ${Date.now()}`;
  await page.getByLabel('Je reactie').fill(text);
  await page.getByRole('button', { name: 'Reageren' }).click();
  await expect(page.locator('.outbox-item')).toContainText('Wacht op verbinding');

  // Meanwhile the session ended (say, it expired): sending is refused.
  await context.clearCookies();
  await context.setOffline(false);
  const failed = page.locator('.outbox-item');
  await expect(failed).toContainText('Niet verstuurd', { timeout: 15_000 });
  await expect(failed).toContainText('Log eerst in');
  await expect(failed.getByLabel('Je tekst (kopieer hem, dan raak je hem niet kwijt)')).toHaveValue(text);
  await checkPage(page);

  await failed.getByRole('button', { name: 'Weggooien' }).click();
  await expect(page.locator('.outbox-item')).toHaveCount(0);
});

test('the server stores a reaction sent twice with one key once', async ({ page }) => {
  await registerAs(page, 'Ruben Hendriks');
  await startGroup(page, `Sleutelgroep ${Date.now()}`);
  const planPath = await writePlan(page, `Sleutelplan ${Date.now()}`);
  const id = planPath.split('/').pop();
  const text = `Twee keer verstuurd, één keer bewaard ${Date.now()}`;
  const form = { subject: `plan:${id}`, kind: 'vraag', body: text, back: planPath, client_key: `proef-${Date.now()}` };
  const answers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await page.request.post('/api/post_reaction', { form, headers: { accept: 'application/json' } });
    expect(res.status()).toBe(200);
    answers.push(await res.text());
  }
  expect(answers[1]).toBe(answers[0]);
  await page.goto(planPath);
  await expect(page.locator('#reactie-lijst').getByText(text)).toHaveCount(1);
});

test('a new version waits until the person chooses to update', async ({ page }) => {
  await page.goto('/');
  await page.goto('/manifest');
  await withServiceWorker(page);
  await page.reload();
  const notice = page.locator('#nieuwe-versie');
  await expect(notice).toBeHidden();

  // A worker under another address is a new version for the same scope.
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?versie=proef'));
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText('Er is een nieuwe versie van Wijkplein.');
  await checkPage(page);
  await notice.getByRole('button', { name: 'Nu bijwerken' }).click();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.includes('versie=proef'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('support and a signature given offline are sent when the connection is back', async ({ page, context, browser }) => {
  const planPath = await personWithPlan(page, 'Wim de Vries');
  // Support is a plain form: kept, and the plan page says it waits.
  const { context: other, page: neighbour } = await newPerson(browser, 'Sofie Jansen');
  await withServiceWorker(neighbour);
  await neighbour.goto(planPath);
  await other.setOffline(true);
  await neighbour.getByRole('button', { name: 'Ik steun dit plan' }).click();
  await expect(neighbour.locator('.outbox-item')).toContainText('Wacht op verbinding');
  await other.setOffline(false);
  await expect(neighbour.getByText('1 persoon steunt dit plan')).toBeVisible({ timeout: 15_000 });
  await other.close();

  // Signing is posted by the sign box's script: it shows that it waits.
  await page.goto('/manifest');
  await context.setOffline(true);
  await page.getByLabel('Waarom teken je?').fill('Omdat het in onze straat ook zo werkt.');
  await page.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(page.locator('#tekenen')).toContainText('Wacht op verbinding');
  await context.setOffline(false);
  await expect(page.locator('.signature-list')).toContainText('Wim de Vries', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Handtekening intrekken' })).toBeVisible();
});

// Before, the worker registered only on the second page and picked English
// when it knew no language: offline, a page just read said "You are offline
// ... You have not opened this page before".
test('offline from the first visit: the pages read before the worker came are kept, in Dutch', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto('/');
  await page.goto('/groepen');
  await withServiceWorker(page);
  // The worker keeps the pages read before it took over in the background.
  await expect.poll(() => page.evaluate(async () => {
    const cache = await caches.open('wijkplein-bezocht');
    return (await cache.keys()).map((k) => new URL(k.url).pathname).sort().join(' ');
  })).toContain('/groepen');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bewonersgroepen');
  await expect(page.locator('.offline-copy')).toContainText('Je bent offline');
  await page.goto('/');
  await expect(page.locator('.offline-copy')).toContainText('Je bent offline');
  // A page never read: the offline page, in Dutch.
  await page.goto('/plannen/999999');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Je bent offline' })).toBeVisible();
  await context.close();
});
