import { test, expect } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, markNoScript, registerAs } from './helpers';

// The phone experience at 360 px: what a thumb can hit, what the keyboard
// offers, and what the device asks for (dark theme, less motion).
const PAGES = ['/', '/manifest', '/groepen', '/plannen', '/inloggen', '/registreren', '/zoeken?q=speeltuin'];

test('every control is at least 44 by 44 px, and nothing scrolls sideways', async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
    const small = await page.evaluate(() => {
      // Controls and stand-alone links; links inside running text are exempt
      // (WCAG 2.5.5), as are checkboxes, whose label is the target.
      const selector = 'button, select, textarea, summary, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), '
        + 'a.button, a.chip, header a, nav a';
      return [...document.querySelectorAll(selector)]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          // Not for people: the guest form's honeypot, out of reach by design.
          if (el.closest('[aria-hidden=true]') || el.getAttribute('tabindex') === '-1') return false;
          if (box.width === 0 || style.visibility === 'hidden' || !el.checkVisibility()) return false;
          return box.height < 43.5 || box.width < 43.5;
        })
        .map((el) => {
          const box = el.getBoundingClientRect();
          const name = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30);
          return `${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`;
        });
    });
    expect(small, path).toEqual([]);
  }
});

test('forms bring up the right keyboard and fill in what the phone knows', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('type', 'email');
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('autocomplete', /email|username/);
  await expect(page.getByLabel('Wachtwoord')).toHaveAttribute('autocomplete', 'current-password');
  await page.goto('/registreren');
  await expect(page.getByLabel('Je naam')).toHaveAttribute('autocomplete', /^(nick)?name$/);
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('type', 'email');
  await expect(page.getByLabel('Wachtwoord')).toHaveAttribute('autocomplete', 'new-password');
  // Zooming stays possible.
  await expect(page.locator('meta[name=viewport]')).not.toHaveAttribute('content', /user-scalable|maximum-scale/);
});

test('a dark theme and less motion when the device asks for them', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 }, locale: 'nl-NL', colorScheme: 'dark', reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  for (const path of ['/', '/manifest', '/groepen']) {
    await page.goto(path);
    const [r, g, b] = await page.evaluate(() =>
      (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number));
    expect(r + g + b, `${path}: a dark background`).toBeLessThan(150);
    // Contrast is checked again in the dark colours.
    await expectAccessible(page);
    const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
      .map((el) => getComputedStyle(el))
      .filter((s) => parseFloat(s.transitionDuration) > 0 || parseFloat(s.animationDuration) > 0).length);
    expect(moving, `${path}: nothing moves`).toBe(0);
  }
  await context.close();
});

/** The header's height, in CSS pixels. */
async function headerHeight(page: import('@playwright/test').Page) {
  return page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().height);
}

test('the first screen is for the page: a one-row header whose menu and search open without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL', javaScriptEnabled: false });
  const page = await context.newPage();
  markNoScript(page);
  await page.goto('/plannen');
  expect(await headerHeight(page), 'guest header').toBeLessThanOrEqual(120);
  const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
  expect(Math.abs((await top('.site-menu > summary')) - (await top('.brand'))), 'one row').toBeLessThan(8);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav).toBeHidden();
  // The results start on the first screen: the filters are one button.
  await expect(page.getByLabel('Fase')).toBeHidden();
  const firstPlan = page.locator('.plan-card').first();
  expect((await firstPlan.boundingBox())!.y, 'first plan within the first screen').toBeLessThan(780 - 60);

  // The menu, by keyboard: the button is reached with Tab and opens with Enter.
  const menu = page.locator('.site-menu summary');
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('link', { name: 'Groepen' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Account maken' })).toBeVisible();
  // It opens over the page: the header keeps its height.
  expect(await headerHeight(page)).toBeLessThanOrEqual(120);
  await nav.getByRole('link', { name: 'Groepen' }).click();
  await expect(page).toHaveURL(/\/groepen$/);

  // The search button opens a box with room for its whole hint.
  await page.getByRole('banner').locator('.site-search summary').click();
  const box = page.getByRole('banner').getByLabel('Zoek in Wijkplein');
  await expect(box).toBeVisible();
  expect((await box.boundingBox())!.width).toBeGreaterThan(200);
  await box.fill('speeltuin');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/zoeken\?q=speeltuin/);
  await context.close();
});

test('logged in, the header stays one row and the menu button tells of unread notifications', async ({ page }) => {
  await registerAs(page, 'Mila Postma');
  await page.goto('/plannen');
  expect(await headerHeight(page), 'logged-in header').toBeLessThanOrEqual(120);
  // One row: the menu button beside the name, even with an unread count.
  const row = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
  expect(Math.abs((await row('.site-menu > summary')) - (await row('.brand')))).toBeLessThan(8);
  await expectAccessible(page);
  await page.locator('.site-menu summary').click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Mila Postma' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Mijn groepen' })).toBeVisible();
  await expectAccessible(page);
});
