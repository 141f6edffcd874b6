// A signed-in HTTP client for the benchmark: next-auth's credentials flow, cookies kept by hand.
export type Session = {
  email: string;
  baseUrl: string;
  /** The headers a request of this session's carries: its cookies and, for a write, its origin. */
  headers: () => Record<string, string>;
  get: (path: string) => Promise<Response>;
  post: (path: string, init: { body: ReadableStream<Uint8Array>; headers: Record<string, string> }) => Promise<Response>;
};

function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair?.indexOf("=") ?? -1;
        if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const jar = cookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.take(response);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: jar.header() } })).json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error(`Could not sign in as ${email}.`);
  return {
    email,
    baseUrl,
    headers: () => ({ cookie: jar.header(), origin: baseUrl }),
    get: (path) => fetch(`${baseUrl}${path}`, { headers: { cookie: jar.header() }, redirect: "manual" }),
    // A streamed body: fetch needs duplex "half" to send one.
    post: (path, init) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        body: init.body,
        headers: { ...init.headers, cookie: jar.header(), origin: baseUrl },
        redirect: "manual",
        duplex: "half",
      } as RequestInit),
  };
}
