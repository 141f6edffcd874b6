/** How a section is named wherever it is listed: "Element A: …", "Learning outcome 1: …", or the knowledge group. */
export function sectionLabel(s: { kind: string; code: string; title: string }, knowledgePrefix = ""): string {
  if (s.kind === "ELEMENT") return `Element ${s.code}: ${s.title}`;
  if (s.kind === "LEARNING_OUTCOME") return `Learning outcome ${s.code}: ${s.title}`;
  return `${knowledgePrefix}${s.title}`;
}
