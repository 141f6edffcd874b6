import { inlineAllowed } from "@/lib/file-serving";
import { formatBytes } from "@/lib/format";

type File = { id: string; fileName: string; mediaType: string; size: bigint };

/** A version's files, each downloadable, with images, PDFs, audio and video previewed in the page. */
export function FileList({ files, removable }: { files: File[]; removable?: (file: File) => React.ReactNode }) {
  if (!files.length) return <p>No files yet.</p>;
  return (
    <ul className="file-list">
      {files.map((f) => {
        const href = `/api/files/${f.id}`;
        const preview = `${href}?inline=1`;
        const canPreview = inlineAllowed(f.mediaType);
        return (
          <li key={f.id}>
            <p>
              <a href={href} download={f.fileName}>
                Download {f.fileName}
              </a>{" "}
              <span className="text-muted">({formatBytes(Number(f.size))})</span> {removable?.(f)}
            </p>
            {canPreview && f.mediaType.startsWith("image/") && <img src={preview} alt={`Preview of ${f.fileName}`} className="preview" />}
            {canPreview && f.mediaType === "application/pdf" && <iframe src={preview} title={`Preview of ${f.fileName}`} className="preview pdf" />}
            {canPreview && f.mediaType.startsWith("audio/") && (
              <audio controls preload="metadata" src={preview} aria-label={`Play ${f.fileName}`}>
                <a href={href}>Download {f.fileName}</a>
              </audio>
            )}
            {canPreview && f.mediaType.startsWith("video/") && (
              <video controls preload="metadata" src={preview} aria-label={`Play ${f.fileName}`} className="preview">
                <a href={href}>Download {f.fileName}</a>
              </video>
            )}
          </li>
        );
      })}
    </ul>
  );
}
