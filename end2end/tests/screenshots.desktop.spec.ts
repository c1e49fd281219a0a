import { test } from '@playwright/test';
import { visit } from './helpers';

// Desktop-width pass over the main pages: accessible, no overflow, and a
// screenshot in test-results/ to look at.
for (const path of ['/', '/registreren', '/inloggen', '/manifest', '/groepen', '/groepen?q=utrecht']) {
  test(`desktop ${path}`, async ({ page }, info) => {
    await visit(page, path);
    await page.screenshot({ path: info.outputPath('page.png'), fullPage: true });
  });
}
