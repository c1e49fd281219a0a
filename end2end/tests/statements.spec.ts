import { test, expect } from '@playwright/test';
import { visit } from './helpers';

test('the privacy and accessibility statements are one click from every page, in both languages', async ({ page }) => {
  await visit(page, '/manifest');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy');
  await expect(page.getByRole('heading', { name: 'Cookies' })).toBeVisible();
  await expect(page.getByText('Autoriteit Persoonsgegevens')).toBeVisible();
  await visit(page, page.url());

  await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheid');
  await expect(page.getByText('WCAG 2.1, niveau AA')).toBeVisible();
  await visit(page, page.url());

  await page.goto('/taal/en?terug=/toegankelijkheid');
  await page.goto('/toegankelijkheid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility');
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { name: 'Your rights' })).toBeVisible();
});
