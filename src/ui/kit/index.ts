// The kit every screen is built from (decision record 0024). Import from "@/ui/kit".
export { Button } from "./button";
export { ButtonLink } from "./button-link";
export { type ButtonSize, type ButtonVariant, buttonClasses } from "./button-classes";
export { Card, CardList } from "./card";
export { Choice, type ChoiceOption, Choices } from "./choices";
export { cn } from "./cn";
export { DataTable, EmptyState } from "./data-table";
export { Dialog } from "./dialog";
export { ErrorSummary, type Problem } from "./error-summary";
export { type ControlProps, Field, TextAreaField, TextField } from "./field";
export { Pager } from "./pager";
export { ProgressBar } from "./progress-bar";
export { ProgressRing, type RingPart } from "./progress-ring";
export { type Sort, type SortDirection, ariaSort, nextSort } from "./sort";
export { SortableHeader } from "./sortable-header";
export { Badge, Status, type Tone } from "./status";
export { type Tab, Tabs } from "./tabs";
export { Timeline } from "./timeline";
