import type { ComponentProps } from "react";
import { type ButtonSize, type ButtonVariant, buttonClasses } from "./button-classes";

type Props = ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

/** A button; `type` defaults to "button" so only a form's real submit button submits it. */
export function Button({ variant = "primary", size = "md", className, type = "button", ...rest }: Props) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...rest} />;
}
