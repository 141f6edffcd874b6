import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ actor }: { actor: { name: string; unread: number; links: { href: string; label: string }[] } | null }) {
  return (
    <header className="site-header">
      <div className="bar">
        <Link className="brand" href="/">
          Attest
        </Link>
        {actor && (
          <>
            <nav aria-label="Main">
              <ul>
                {actor.links.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href}>{l.href === "/notifications" && actor.unread ? `${l.label} (${actor.unread} new)` : l.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="who">
              <span>{actor.name}</span>
              <Link href="/account/password">Change password</Link>
              <SignOutButton />
            </div>
          </>
        )}
      </div>
    </header>
  );
}
