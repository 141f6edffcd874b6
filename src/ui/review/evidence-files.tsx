import { inlineAllowed } from "@/lib/file-serving";
import { LazyPreview } from "./lazy-preview";

type File = { id: string; fileName: string; mediaType: string; size: string };

/** An item's files on the review screen: each downloadable, with a preview made only when opened. */
export function EvidenceFiles({ files }: { files: File[] }) {
  if (!files.length) return <p>No files.</p>;
  return (
    <ul className="list-none p-0">
      {files.map((f) => (
        <li key={f.id} className="border-t border-line py-2 wrap-anywhere">
          <p className="my-1">
            <a href={`/api/files/${f.id}`} download={f.fileName}>
              Download {f.fileName}
            </a>{" "}
            <span className="text-muted">({f.size})</span>
          </p>
          {inlineAllowed(f.mediaType) && <LazyPreview fileId={f.id} fileName={f.fileName} mediaType={f.mediaType} label={`Preview ${f.fileName}`} />}
        </li>
      ))}
    </ul>
  );
}
