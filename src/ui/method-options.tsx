import { methodLabels } from "@/lib/portfolio/schemas";

/** The <option>s of an assessment-method select, in the order given. */
export function MethodOptions({ methods }: { methods: readonly string[] }) {
  return (
    <>
      {methods.map((m) => (
        <option key={m} value={m}>
          {methodLabels[m as keyof typeof methodLabels]}
        </option>
      ))}
    </>
  );
}
