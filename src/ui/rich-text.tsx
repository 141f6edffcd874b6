import { Fragment } from "react";

/** Printed text with its **bold** and *italic* runs, as the source documents mark them. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(\*\*.+?\*\*|\*[^*]+\*)/g).filter(Boolean);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("**") ? (
          <strong key={i}>{part.slice(2, -2)}</strong>
        ) : part.startsWith("*") && part.endsWith("*") && part.length > 2 ? (
          <em key={i}>{part.slice(1, -1)}</em>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function Paragraphs({ items }: { items: string[] }) {
  return (
    <>
      {items.map((p, i) => (
        <p key={i}>
          <RichText text={p} />
        </p>
      ))}
    </>
  );
}
