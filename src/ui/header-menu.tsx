"use client";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { cn } from "./kit/cn";

/**
 * On a narrow screen the header's links fold behind a "Menu" button (aria-expanded); from the md
 * width up they sit in the bar and the button is hidden. Without JavaScript the button never
 * shows and the links stay open, stacked.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setEnhanced(true), []);
  // Going to another page closes it.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      {enhanced && (
        <button
          type="button"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen((o) => !o)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
          className="ml-auto inline-flex items-center gap-2 md:hidden"
        >
          <svg aria-hidden="true" focusable="false" width="16" height="14" viewBox="0 0 16 14">
            {open ? <path d="M2 1l12 12M14 1 2 13" stroke="currentColor" strokeWidth="2" /> : <path d="M0 1h16M0 7h16M0 13h16" stroke="currentColor" strokeWidth="2" />}
          </svg>
          Menu
        </button>
      )}
      <div
        id="site-menu"
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            setOpen(false);
            document.querySelector<HTMLButtonElement>('[aria-controls="site-menu"]')?.focus();
          }
        }}
        className={cn("w-full flex-col gap-4 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:gap-x-8", enhanced && !open ? "hidden" : "flex")}
      >
        {children}
      </div>
    </>
  );
}
