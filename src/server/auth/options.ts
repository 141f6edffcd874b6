import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appendAudit } from "@/server/audit/append";
import { clientIp } from "@/server/client-ip";
import { db } from "@/server/db/client";
import { nextAuthSecret, sessionLimits } from "@/server/env";
import { endSession, touchLiveSession } from "./sessions";
import { SignInError, signInWithPassword } from "./sign-in";

/** Thrown when a cookie names a session that has ended: next-auth then clears the cookie and reports no user. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

export function authOptions(): AuthOptions {
  return {
    secret: nextAuthSecret(),
    // The cookie never outlives the absolute limit; the Session row decides whether it still counts.
    session: { strategy: "jwt", maxAge: Math.ceil(sessionLimits().lifetimeMs / 1000) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword(db, credentials, clientIp(req?.headers));
          } catch (e) {
            // next-auth shows the message of an error thrown here on the sign-in page.
            if (e instanceof SignInError) throw new Error(e.message);
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      // The token carries only who signed in and which session; roles and the active state are read per request.
      async jwt({ token, user }) {
        if (user)
          return { sub: user.id, sid: (user as { sessionId?: string }).sessionId, signedInAt: Date.now(), iat: token.iat, exp: token.exp, jti: token.jti };
        // Every read of the session (pages, actions, routes, /api/auth/session) passes here.
        if (!(await touchLiveSession(db, token.sid, token.sub))) throw new SessionEnded();
        return token;
      },
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub, signedInAt: token.signedInAt } }) as typeof session,
    },
    events: {
      async signOut({ token }) {
        const sessionId = token?.sid;
        const userId = token?.sub;
        if (typeof sessionId !== "string" || typeof userId !== "string") return;
        await db.$transaction(async (tx) => {
          if (await endSession(tx, sessionId, userId, "sign_out"))
            await appendAudit(tx, { kind: "auth.sign_out", actorId: userId, data: { sessionId } }, { subject: `user:${userId}` });
        });
      },
    },
    logger: {
      // An ended session is an expected answer, not an error worth a stack trace.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && (metadata as { name?: unknown } | undefined)?.name === "SessionEnded") return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}
