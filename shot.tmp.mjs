import { chromium } from "@playwright/test";
const [,, base, email, path, out] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const width of [1280, 320]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
  await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email, password: "attest-demo", json: "true" } });
  await page.goto(`${base}${path}`);
  await page.screenshot({ path: `${out}-${width}.png`, fullPage: true });
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  console.log(width, "sideways scroll:", scroll);
}
await browser.close();
