import { test, expect } from '@playwright/test';

// Installable: Chromium itself judges the web app manifest, icons and page.
// Playwright's contexts are always "incognito", which Chromium reports as an
// installability error of its own; every other error fails the test.
test('Chromium reports no installability errors for the home page', async ({ page }) => {
  await page.goto('/');
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const parsed = JSON.parse(manifest.data ?? '{}');
  expect(parsed.short_name).toBe('Wijkplein');
  expect(parsed.lang).toBe('nl');

  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(Array.isArray(installabilityErrors)).toBe(true);
  const errors = installabilityErrors.map(e => e.errorId).filter(id => id !== 'in-incognito');
  expect(errors).toEqual([]);

  // The same probe does see errors: a document without a manifest has them.
  await page.goto('/icons/icon-192.png');
  const bare = await cdp.send('Page.getInstallabilityErrors');
  expect(bare.installabilityErrors.map(e => e.errorId).filter(id => id !== 'in-incognito')).not.toEqual([]);

  // The icons the manifest names are there, at their sizes.
  for (const icon of parsed.icons) {
    const res = await page.request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  const touch = await page.request.get('/icons/apple-touch-icon.png');
  expect(touch.status()).toBe(200);
});
