import { test, expect } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll } from './helpers';

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
          if (box.width === 0 || style.visibility === 'hidden') return false;
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
