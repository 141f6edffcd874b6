import Link from "next/link";
import { HeaderMenu } from "./header-menu";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ actor }: { actor: { name: string; unread: number; links: { href: string; label: string }[] } | null }) {
  return (
    <header className="site-header">
      <div className="mx-auto flex max-w-page flex-wrap items-center gap-x-8 gap-y-3 px-4 py-3">
        <Link className="brand" href="/">
          Attest
        </Link>
        {actor && (
          <HeaderMenu>
            <nav aria-label="Main">
              <ul className="m-0 flex list-none flex-col gap-x-5 gap-y-2 p-0 md:flex-row md:flex-wrap">
                {actor.links.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href}>{l.href === "/notifications" && actor.unread ? `${l.label} (${actor.unread} new)` : l.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 border-t border-brand-ink/40 pt-3 md:ml-auto md:border-0 md:pt-0">
              <span className="break-words">{actor.name}</span>
              <Link href="/account/password">Change password</Link>
              <SignOutButton />
            </div>
          </HeaderMenu>
        )}
      </div>
    </header>
  );
}
