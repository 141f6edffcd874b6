import type { ActionState } from "@/lib/action-state";
import { formatDateTime } from "@/lib/format";
import { ActionForm } from "@/ui/action-form";
import { TextAreaField } from "@/ui/kit";

type Comment = { id: string; body: string; createdAt: Date; author: { name: string } };

function CommentBody({ c }: { c: Comment }) {
  return (
    <>
      <p className="mb-0">
        <strong>{c.author.name}</strong> <span className="text-muted">{formatDateTime(c.createdAt)}</span>
      </p>
      <p className="whitespace-pre-wrap">{c.body}</p>
    </>
  );
}

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function Comments({
  evidenceId,
  comments,
  canComment,
  action,
}: {
  evidenceId: string;
  comments: (Comment & { replies: Comment[] })[];
  canComment: boolean;
  action: Action;
}) {
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {comments.length === 0 && <p>No comments yet.</p>}
      <ol className="list-none pl-0">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} className="mb-4 border-l-4 border-line pl-4">
            <CommentBody c={c} />
            {c.replies.length > 0 && (
              <ol className="ml-6 list-none pl-0">
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
                  <TextAreaField id={`reply-${c.id}`} name="body" label="Your reply" rows={3} required />
                </ActionForm>
              </details>
            )}
          </li>
        ))}
      </ol>
      {canComment && (
        <ActionForm action={action} submitLabel="Add comment" resetOnSuccess>
          <input type="hidden" name="evidenceId" value={evidenceId} />
          <TextAreaField id="new-comment" name="body" label="New comment" rows={3} required />
        </ActionForm>
      )}
    </section>
  );
}
