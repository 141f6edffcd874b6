import path from "node:path";

// Where journeys put the screenshots people look at by eye: under Playwright's output folder,
// or SHOTS_DIR when set (a session's own folder).
export const shotsDir = (name = "") => path.join(process.env.SHOTS_DIR ?? "test-results/shots", name);
