"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { Button } from "./button";
import type { ButtonVariant } from "./button-classes";

type Props = {
  /** The button that opens it. */
  trigger: string;
  triggerVariant?: ButtonVariant;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * A modal dialog (Radix: focus kept inside, Escape closes, focus goes back to the trigger, the
 * page behind hidden from screen readers). Radix's Overlay is not used: it injects a style
 * element to lock scrolling, which the CSP refuses; the backdrop here is a plain element.
 */
export function Dialog({ trigger, triggerVariant = "secondary", title, description, children, open, onOpenChange }: Props) {
  return (
    <RadixDialog.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      <RadixDialog.Trigger asChild>
        <Button variant={triggerVariant}>{trigger}</Button>
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <div className="fixed inset-0 z-40 bg-ink/60" aria-hidden="true" />
        <RadixDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(36rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-md border-2 border-ink bg-paper p-5 shadow-lg focus:outline-none">
          <RadixDialog.Title className="mt-0 mb-2 text-2xl font-bold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-0 text-muted">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          {children}
          <RadixDialog.Close asChild>
            <Button variant="link" className="mt-4">
              Close
            </Button>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
