import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "lg";

const variants: Record<ButtonVariant, string> = {
  primary: "border-brand bg-brand text-brand-ink hover:bg-ink hover:border-ink",
  secondary: "border-brand bg-paper text-brand hover:bg-brand-tint",
  danger: "border-danger bg-danger text-paper hover:bg-ink hover:border-ink",
  link: "border-transparent bg-transparent text-brand underline underline-offset-[0.15em] hover:decoration-2 px-0!",
};

const sizes: Record<ButtonSize, string> = {
  sm: "px-2.5 py-0.5 text-sm",
  md: "px-[1.1rem] py-2 text-base",
  lg: "px-6 py-3 text-lg",
};

/** The classes of a button (or a link that looks like one) of a variant and size. */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md border-2 font-semibold no-underline cursor-pointer text-center",
    "disabled:cursor-progress disabled:opacity-70 focus-visible:focus-ring",
    variants[variant],
    sizes[size],
    className,
  );
}
