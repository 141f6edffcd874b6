import { z } from "zod";
import { id } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, administeredCentre, authorize } from "@/server/policy";
import { UnitFileError, parseUnitFile } from "./load";
import { insertUnit } from "./publish";

// Units are shared by every centre of the installation; any centre admin may upload and publish a
// version, and each step is audited in their centre's log (docs/decisions/0034).

export const UNIT_FILE_MAX_BYTES = 512 * 1024;
export const unitTarget = z.object({ unitId: id("Choose a unit version from the list") });

/** Every version of every unit, newest first within a code, with how many of the admin's centre's learners are enrolled on it. */
export async function unitCatalogueForAdmin(actor: Actor) {
  authorize(actor, "publish:unit");
  const centreId = administeredCentre(actor, "administer:centre");
  const [units, enrolled] = await Promise.all([
    db.unit.findMany({
      orderBy: [{ code: "asc" }, { version: "desc" }],
      select: { id: true, code: true, version: true, displayCode: true, title: true, status: true, publishedAt: true, retiredAt: true, createdAt: true },
    }),
    db.enrolment.groupBy({ by: ["unitId"], where: { centreId }, _count: { _all: true } }),
  ]);
  const countBy = new Map(enrolled.map((e) => [e.unitId, e._count._all]));
  return units.map((u) => ({ ...u, enrolments: countBy.get(u.id) ?? 0 }));
}

/** Reads an uploaded file's bytes as they stream in, stopping as soon as it is larger than the limit. */
async function readLimited(file: File): Promise<string> {
  const tooLarge = () => new UserFacingError("The file is too large.", { unitFile: `Choose a unit file of at most ${UNIT_FILE_MAX_BYTES / 1024} KB` });
  if (file.size > UNIT_FILE_MAX_BYTES) throw tooLarge();
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > UNIT_FILE_MAX_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UserFacingError("The file is not text.", { unitFile: "Choose a unit file saved as UTF-8 JSON" });
  }
}

/**
 * Validates an uploaded unit file and stores it as a draft version; every problem is reported with
 * its exact path (`sections[2].criteria[0].code: …`) and nothing is stored.
 */
export async function uploadUnitDraft(actor: Actor, file: unknown) {
  authorize(actor, "publish:unit");
  const centreId = administeredCentre(actor, "administer:centre");
  if (!(file instanceof File) || file.size === 0) throw new UserFacingError("Choose a unit file.", { unitFile: "Choose a unit file (.json)" });
  const source = file.name.slice(0, 200) || "upload.json";
  let loaded;
  try {
    loaded = parseUnitFile(source, await readLimited(file));
  } catch (e) {
    if (!(e instanceof UnitFileError)) throw e;
    const count = e.problems.length;
    throw new UserFacingError(`The unit file has ${count} ${count === 1 ? "problem" : "problems"}; nothing was stored.`, {
      unitFile: e.problems.slice(0, 100).join("\n") + (count > 100 ? `\n… and ${count - 100} more` : ""),
    });
  }
  const { code, version } = loaded.unit;
  return db.$transaction(async (tx) => {
    const existing = await tx.unit.findUnique({ where: { code_version: { code, version } }, select: { status: true } });
    if (existing)
      throw new UserFacingError(`${code} version ${version} already exists.`, {
        unitFile: `version: ${code} version ${version} already exists (${existing.status === "DRAFT" ? "as a draft" : "published"}). A version is never changed: give the file a new version number.`,
      });
    const unitId = await insertUnit(tx, loaded, { actorId: actor.userId, centreId });
    return { unitId, code, version };
  });
}

/** Publishes a draft: new enrolments may use it; learners already enrolled stay on their version. */
export async function publishUnitVersion(actor: Actor, input: unknown, now = new Date()) {
  authorize(actor, "publish:unit");
  const centreId = administeredCentre(actor, "administer:centre");
  const { unitId } = parseInput(unitTarget, input);
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { code: true, version: true, contentHash: true } });
    if (!unit) throw new NotFoundError();
    const { count } = await tx.unit.updateMany({
      where: { id: unitId, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: now, publishedById: actor.userId },
    });
    if (count !== 1) throw new UserFacingError(`${unit.code} version ${unit.version} is already published.`);
    await appendAudit(
      tx,
      { kind: "unit.published", actorId: actor.userId, data: { code: unit.code, version: unit.version, contentHash: unit.contentHash, source: "upload" } },
      { centreId, subject: `unit:${unitId}` },
    );
    return { code: unit.code, version: unit.version };
  });
}

/** Retires a published version for new enrolments; learners already enrolled on it carry on. */
export async function retireUnitVersion(actor: Actor, input: unknown, now = new Date()) {
  authorize(actor, "publish:unit");
  const centreId = administeredCentre(actor, "administer:centre");
  const { unitId } = parseInput(unitTarget, input);
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { code: true, version: true } });
    if (!unit) throw new NotFoundError();
    const { count } = await tx.unit.updateMany({ where: { id: unitId, status: "PUBLISHED", retiredAt: null }, data: { retiredAt: now } });
    if (count !== 1) throw new UserFacingError(`Only a published version that is not yet retired can be retired.`);
    await appendAudit(
      tx,
      { kind: "unit.retired", actorId: actor.userId, data: { unitId, code: unit.code, version: unit.version } },
      { centreId, subject: `unit:${unitId}` },
    );
    return { code: unit.code, version: unit.version };
  });
}
