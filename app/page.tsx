import type { Metadata } from "next";
import { roleLabels } from "@/lib/roles";
import { requireActor } from "@/server/edge/page";
import { adminHome, assessorHome, iqaHome, learnerHome, verifierHome } from "@/server/home/queries";
import { centresAllowing, holds } from "@/server/policy";
import { AdminHome } from "@/ui/home/admin-home";
import { AssessorHome } from "@/ui/home/assessor-home";
import { IqaHome } from "@/ui/home/iqa-home";
import { LearnerHome } from "@/ui/home/learner-home";
import { VerifierHome } from "@/ui/home/verifier-home";
import { setAccountActiveAction, signOutEverywhereAction } from "./centre/actions";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/");
  const params = await searchParams;
  const adminCentres = centresAllowing(actor, "administer:account");
  const [learner, assessor, iqa, verifier, admin] = await Promise.all([
    holds(actor, "read:enrolment:own") ? learnerHome(actor) : null,
    holds(actor, "read:enrolment:assessed") ? assessorHome(actor) : null,
    holds(actor, "read:enrolment:sampled") ? iqaHome(actor) : null,
    holds(actor, "verify:centre:centre") ? verifierHome(actor, { enrolments: params.enrolments }) : null,
    Promise.all(adminCentres.map((id) => adminHome(actor, id, { users: params.users, enrolments: params.enrolments }).then((data) => ({ id, data })))),
  ]);
  const roles = [...new Set(actor.grants.map((g) => roleLabels[g.role]))];
  return (
    <>
      <h1>Welcome, {actor.name}</h1>
      <p className="lead">{roles.length ? `Signed in as ${roles.join(", ").toLowerCase()}.` : "You hold no role in any centre yet. Ask your centre's administrator."}</p>
      {learner && <LearnerHome enrolments={learner} />}
      {assessor && <AssessorHome learners={assessor} />}
      {iqa && <IqaHome groups={iqa} />}
      {verifier && <VerifierHome centres={verifier} />}
      {admin.map(({ id, data }) => (
        <AdminHome key={id} actorId={actor.userId} actions={{ signOutEverywhere: signOutEverywhereAction, setAccountActive: setAccountActiveAction }} centreName={actor.grants.find((g) => g.centreId === id)!.centreName} data={data} />
      ))}
    </>
  );
}
