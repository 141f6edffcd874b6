import Link from "next/link";
import { HeaderMenu } from "./header-menu";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ actor }: { actor: { name: string; unread: number; assessor: boolean } | null }) {
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
