import type { Metadata } from "next";
import { roleLabels } from "@/lib/roles";
import { requireActor } from "@/server/edge/page";
import { assessorDashboard } from "@/server/home/assessor-dashboard";
import { learnerDashboard } from "@/server/home/learner-dashboard";
import { adminHome, assessorHome, iqaCover, learnerHome, verifierHome } from "@/server/home/queries";
import { assessorQuality, iqaQualitySummary, ivReadyQueue } from "@/server/home/quality-home";
import { adminSummary, iqaSummary, verifierSummary } from "@/server/home/staff-dashboards";
import { grantsAllowing, holds } from "@/server/policy";
import { AdminHome } from "@/ui/home/admin-home";
import { AssessorHome } from "@/ui/home/assessor-home";
import { AssessorQuality } from "@/ui/home/assessor-quality";
import { IqaQuality } from "@/ui/home/iqa-quality";
import { IqaHome } from "@/ui/home/iqa-home";
import { LearnerHome } from "@/ui/home/learner-home";
import { VerifierHome } from "@/ui/home/verifier-home";
import { setAccountActiveAction, signOutEverywhereAction } from "./centre/actions";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/");
  const params = await searchParams;
  const now = new Date();
  // One entry per centre the actor administers, with its name from the grant itself.
  const adminCentres = [...new Map(grantsAllowing(actor, "administer:account").map((g) => [g.centreId, g.centreName])).entries()];
  const [learner, assessor, iqa, verifier, admin, iqaQuality, assessorQa] = await Promise.all([
    holds(actor, "read:enrolment:own") ? Promise.all([learnerDashboard(actor, now), learnerHome(actor)]) : null,
    holds(actor, "read:enrolment:assessed") ? Promise.all([assessorDashboard(actor, now), assessorHome(actor, params.learners)]) : null,
    holds(actor, "read:enrolment:sampled") ? Promise.all([iqaSummary(actor, now), iqaCover(actor, params.cover)]) : null,
    holds(actor, "verify:centre:centre") ? Promise.all([verifierSummary(actor, now), verifierHome(actor, { enrolments: params.enrolments })]) : null,
    Promise.all(
      adminCentres.map(async ([id, name]) => ({
        id,
        name,
        data: await adminHome(actor, id, { users: params.users, enrolments: params.enrolments }),
        summary: await adminSummary(actor, id),
      })),
    ),
    holds(actor, "sample:enrolment:sampled") ? Promise.all([ivReadyQueue(actor, params.ready), iqaQualitySummary(actor, now)]) : null,
    holds(actor, "respond:action:assessed") ? assessorQuality(actor, now) : null,
  ]);
  const roles = [...new Set(actor.grants.map((g) => roleLabels[g.role]))];
  return (
    <>
      <h1>Welcome, {actor.name}</h1>
      <p className="lead">
        {roles.length ? `Signed in as ${roles.join(", ").toLowerCase()}.` : "You hold no role in any centre yet. Ask your centre's administrator."}
      </p>
      {learner && <LearnerHome board={learner[0]} kinds={learner[1]} now={now} />}
      {/* Open IQA actions are work to do: they come first; otherwise the feedback follows the caseload. */}
      {assessorQa && assessorQa.openTotal > 0 && <AssessorQuality quality={assessorQa} />}
      {assessor && <AssessorHome board={assessor[0]} learners={assessor[1]} />}
      {assessorQa && assessorQa.openTotal === 0 && <AssessorQuality quality={assessorQa} />}
      {iqaQuality && <IqaQuality queue={iqaQuality[0]} summary={iqaQuality[1]} />}
      {iqa && <IqaHome summary={iqa[0]} cover={iqa[1]} />}
      {verifier && <VerifierHome summary={verifier[0]} centres={verifier[1]} />}
      {admin.map(({ id, name, data, summary }) => (
        <AdminHome
          key={id}
          centreId={id}
          centreName={name}
          actorId={actor.userId}
          actions={{ signOutEverywhere: signOutEverywhereAction, setAccountActive: setAccountActiveAction }}
          data={data}
          summary={summary}
        />
      ))}
    </>
  );
}
