import type { ActionState } from "@/lib/action-state";
import { formatDateTime } from "@/lib/format";
import { ActionForm } from "../action-form";
import { FieldError } from "../field-error";

type Comment = { id: string; body: string; createdAt: Date; author: { name: string } };

function CommentBody({ c }: { c: Comment }) {
  return (
    <>
      <p className="comment-meta">
        <strong>{c.author.name}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
      </p>
      <p className="prose">{c.body}</p>
    </>
  );
}

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function Comments({ evidenceId, comments, canComment, action }: { evidenceId: string; comments: (Comment & { replies: Comment[] })[]; canComment: boolean; action: Action }) {
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {comments.length === 0 && <p>No comments yet.</p>}
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`}>
            <CommentBody c={c} />
            {c.replies.length > 0 && (
              <ol className="replies">
                {c.replies.map((r) => (
                  <li key={r.id} id={`comment-${r.id}`}>
                    <CommentBody c={r} />
                  </li>
                ))}
              </ol>
            )}
            {canComment && (
              <details>
                <summary>Reply to {c.author.name}</summary>
                <ActionForm action={action} submitLabel="Add reply" resetOnSuccess>
                  <input type="hidden" name="evidenceId" value={evidenceId} />
                  <input type="hidden" name="parentId" value={c.id} />
                  <label htmlFor={`reply-${c.id}`}>Your reply</label>
                  <FieldError name="body" />
                  <textarea id={`reply-${c.id}`} name="body" rows={3} required />
                </ActionForm>
              </details>
            )}
          </li>
        ))}
      </ol>
      {canComment && (
        <ActionForm action={action} submitLabel="Add comment" resetOnSuccess>
          <input type="hidden" name="evidenceId" value={evidenceId} />
          <label htmlFor="new-comment">New comment</label>
          <FieldError name="body" />
          <textarea id="new-comment" name="body" rows={3} required />
        </ActionForm>
      )}
    </section>
  );
}
