import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { currentActor } from "@/server/auth/current";
import { navigationFor } from "@/server/home/navigation";
import { unreadCount } from "@/server/notifications/notifications";
import { SiteHeader } from "@/ui/site-header";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Attest", template: "%s · Attest" }, description: "Competence evidence portfolios" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The script marks the page as having JavaScript before it is first painted (the `js` style variant).
    <html lang="en-GB" suppressHydrationWarning>
      <body>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: 'document.documentElement.classList.add("js")' }} />
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader actor={actor ? { name: actor.name, unread: await unreadCount(actor), links: navigationFor(actor) } : null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <ul>
            <li>
              <Link href="/accessibility">Accessibility statement</Link>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  );
}
