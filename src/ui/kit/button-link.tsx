import Link from "next/link";
import type { ComponentProps } from "react";
import { type ButtonSize, type ButtonVariant, buttonClasses } from "./button-classes";

type Props = ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize };

/** A link that looks like a button: for going somewhere (a new page), not for doing something. */
export function ButtonLink({ variant = "primary", size = "md", className, ...rest }: Props) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
