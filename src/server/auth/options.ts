import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "../client-ip";
import { db } from "../db/client";
import { env } from "../env";
import { SignInError, signInWithPassword } from "./sign-in";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword(db(), credentials, clientIp(req?.headers));
          } catch (e) {
            // next-auth shows the message of an error thrown here on the sign-in page.
            if (e instanceof SignInError) throw new Error(e.message);
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      // The token carries only who signed in; roles and the active state are read per request.
      jwt: ({ token, user }) => (user ? { sub: user.id, signedInAt: Date.now(), iat: token.iat, exp: token.exp, jti: token.jti } : token),
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub, signedInAt: token.signedInAt } }) as typeof session,
    },
  };
}
