// Screenshots of the offline states at 360 px, light and dark, into
// ../screenshots/: a plan read offline with a reaction waiting, a reaction
// that could not be sent, the offline page and the update notice.
// Usage: BASE_URL=… node offline-screenshots.mjs (demo data needed).
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const scheme of ['light', 'dark']) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: scheme, locale: 'nl-NL' });
  const page = await context.newPage();
  const shot = (name) => page.screenshot({ path: `../screenshots/offline-${name}-phone-${scheme}.png`, fullPage: false });
  await page.goto(base + '/inloggen');
  await page.getByLabel('E-mailadres').fill('fatima@demo.wijkplein.nl');
  await page.getByLabel('Wachtwoord').fill('buurt-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(base + '/plannen/1');
  await context.setOffline(true);
  await page.getByLabel('Je reactie').fill('Ik kan zaterdag helpen met het opbouwen van de kraam.');
  await page.getByRole('button', { name: 'Reageren' }).click();
  await page.locator('.outbox-item').waitFor();
  await shot('waiting');
  await context.clearCookies();
  await context.setOffline(false);
  await page.locator('.outbox-item.notice--error').waitFor({ timeout: 15000 });
  await shot('failed');
  await context.setOffline(true);
  await page.goto(base + '/groepen/nooit-gezien');
  await shot('page');
  await context.setOffline(false);
  await page.goto(base + '/manifest');
  await page.evaluate(() => navigator.serviceWorker.register('/sw.js?versie=schermafdruk'));
  await page.locator('#nieuwe-versie').waitFor({ timeout: 15000 });
  await shot('update');
  await context.close();
}
await browser.close();
