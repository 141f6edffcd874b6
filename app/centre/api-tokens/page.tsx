import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import { TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MAX, type TokenStatus, listApiTokens } from "@/server/api/tokens";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { CreateTokenForm } from "@/ui/api-tokens/create-token-form";
import { Card, DataTable, Dialog, Pager, Status, type Tone } from "@/ui/kit";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

const statusWords: Record<TokenStatus, [string, Tone]> = { active: ["Active", "success"], expired: ["Expired", "neutral"], revoked: ["Revoked", "danger"] };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/centre/api-tokens");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const data = await orNotFound(listApiTokens(actor, { centre: one(params.centre) ?? null, page: Number(one(params.page) ?? 1) }));
  return (
    <>
      <h1>API tokens</h1>
      <p className="text-lg text-muted">
        {data.centre.name}: tokens let your management information system (MIS) read and add people, enrolments and progress through the{" "}
        <Link href="/api/v1/openapi.json">Attest API</Link>. A token acts as an administrator of this centre, and every use is in the audit log.
      </p>
      <Card title="Create a token">
        <CreateTokenForm action={createApiTokenAction} centreId={data.centre.id} maxDays={TOKEN_DAYS_MAX} defaultDays={TOKEN_DAYS_DEFAULT} />
      </Card>
      <h2>Tokens</h2>
      <DataTable stack label="API tokens" caption="This centre's API tokens, newest first" isEmpty={data.tokens.length === 0} empty="No tokens yet.">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.tokens.map((t) => {
            const [word, tone] = statusWords[t.status];
            return (
              <tr key={t.id}>
                <th scope="row" data-label="Name">
                  {t.name}
                </th>
                <td data-label="Starts with">
                  <code>att_{t.prefix}_…</code>
                </td>
                <td data-label="Created">{formatDate(t.createdAt)}</td>
                <td data-label="Expires">{formatDate(t.expiresAt)}</td>
                <td data-label="Last used">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
                <td data-label="Status">
                  <Status tone={tone}>{word}</Status>
                </td>
                <td data-label="Actions">
                  {t.status === "active" && (
                    <Dialog
                      trigger={`Revoke ${t.name}`}
                      title={`Revoke the token “${t.name}”?`}
                      description="Systems using it are refused at once. This cannot be undone: create a new token instead."
                    >
                      <ActionForm action={revokeApiTokenAction} submitLabel="Revoke token" pendingLabel="Revoking…" done="The token is revoked.">
                        <input type="hidden" name="tokenId" value={t.id} />
                      </ActionForm>
                    </Dialog>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <Pager label="Pages of tokens" page={data.page} pages={data.pages} href={(p) => `?page=${p}`} />
    </>
  );
}
