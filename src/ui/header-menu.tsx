"use client";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { cn } from "./kit/cn";

/**
 * On a narrow screen the header's links fold behind a "Menu" button (aria-expanded); from the md
 * width up they sit in the bar and the button is hidden. The folding is styled with the `js`
 * variant (set before the first paint), so the page does not jump when React starts, and without
 * JavaScript the button never shows and the links stay open, stacked.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // Going to another page closes it.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        className="ml-auto hidden items-center gap-2 js:max-md:inline-flex"
      >
        <svg aria-hidden="true" focusable="false" width="16" height="14" viewBox="0 0 16 14">
          {open ? (
            <path d="M2 1l12 12M14 1 2 13" stroke="currentColor" strokeWidth="2" />
          ) : (
            <path d="M0 1h16M0 7h16M0 13h16" stroke="currentColor" strokeWidth="2" />
          )}
        </svg>
        Menu
      </button>
      <div
        id="site-menu"
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            setOpen(false);
            button.current?.focus();
          }
        }}
        className={cn("flex w-full flex-col gap-4 md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:gap-x-8", !open && "js:max-md:hidden")}
      >
        {children}
      </div>
    </>
  );
}
