import { expect, test } from "@playwright/test";

// The second server binds 0.0.0.0 with ADMIN_PASSWORD set: every page and API needs a session.
const AUTH = process.env.E2E_AUTH_URL!;

test("off loopback, pages redirect to sign-in and the API answers 401 until signed in", async ({ page, request }) => {
  const api = await request.get(`${AUTH}/api/jobs`);
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthorized:session");

  await page.goto(`${AUTH}/settings`);
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings/);
  await page.getByLabel("Admin password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong password.")).toBeVisible();
  await page.getByLabel("Admin password").fill("e2e-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${AUTH}/settings`);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  const authed = await page.request.get(`${AUTH}/api/jobs`);
  expect(authed.status()).toBe(200);
});
