import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ actor }: { actor: { name: string; unread: number; assessor: boolean } | null }) {
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
                <li>
                  <Link href="/">Home</Link>
                </li>
                {actor.assessor && (
                  <li>
                    <Link href="/caseload">Caseload</Link>
                  </li>
                )}
                <li>
                  <Link href="/evidence">Evidence</Link>
                </li>
                <li>
                  <Link href="/units">Units</Link>
                </li>
                <li>
                  <Link href="/notifications">Notifications{actor.unread ? ` (${actor.unread} new)` : ""}</Link>
                </li>
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
