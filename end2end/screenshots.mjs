// Takes screenshots of the main pages at 360 px and 1280 px, light and dark,
// into ../screenshots/, for a person to look at. Usage: BASE_URL=… node screenshots.mjs
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const pages = (process.env.PAGES ?? '/,/registreren,/inloggen').split(',');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [label, width] of [['phone', 360], ['desktop', 1280]]) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    if (process.env.LOGIN) {
      // LOGIN=email:password shows the pages as that person sees them.
      const [email, password] = process.env.LOGIN.split(':');
      await page.goto(base + '/inloggen');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForLoadState();
    }
    for (const path of pages) {
      await page.goto(base + path);
      await page.waitForTimeout(300);
      const who = process.env.LOGIN ? '-' + process.env.LOGIN.split('@')[0] : '';
      const name = (path === '/' ? 'home' : path.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')) + who;
      await page.screenshot({ path: `../screenshots/${name}-${label}-${scheme}.png`, fullPage: true });
    }
    await context.close();
  }
}
await browser.close();
