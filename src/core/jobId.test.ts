import { describe, expect, it } from "vitest";
import type { EndpointName } from "./endpoints";
import { ENDPOINTS } from "./endpointRules";
import { isJobId, routeOf } from "./jobId";

/** Every route, from the one table. */
const ROUTES = Object.fromEntries(Object.entries(ENDPOINTS).map(([name, e]) => [name, e.route])) as Record<EndpointName, (typeof ENDPOINTS)[EndpointName]["route"]>;
const ID = "6b0e3f8e-5f3b-4a59-9d1a-6f2f0d4c1a77";

describe("job ids", () => {
  it("accepts what Python's uuid.UUID() accepts", () => {
    for (const id of [ID, ID.toUpperCase(), ID.replace(/-/g, ""), `{${ID}}`, `urn:uuid:${ID}`]) expect(isJobId(id)).toBe(true);
  });
  it("rejects everything else", () => {
    for (const id of ["", "not-a-uuid", "12345", `${ID}0`, ID.slice(1), ` ${ID}`, `${ID}/complete`]) expect(isJobId(id)).toBe(false);
  });
  it("builds the method and path from the endpoint table, or throws a permanent bad_request that never names the id", () => {
    expect(routeOf(ROUTES, "getJobCosts", `{${ID}}`)).toEqual(["GET", `/api/jobs/${encodeURIComponent(`{${ID}}`)}/costs`]);
    expect(routeOf(ROUTES, "checkCredits", "a/b", "?credits_needed=1")).toEqual(["POST", "/api/credits/teams/a%2Fb/check?credits_needed=1"]);
    expect(() => routeOf(ROUTES, "getJob", "../health")).toThrow(expect.objectContaining({ kind: "bad_request", retryable: false, endpoint: "getJob", message: expect.not.stringContaining("../health") }));
  });

  it("every client route is its table row: method and path, with the id in its place", () => {
    for (const name of Object.keys(ENDPOINTS) as EndpointName[]) {
      const [method, path] = routeOf(ROUTES, name, ID);
      expect(`${method} ${path}`).toBe(ENDPOINTS[name].route.replace("{id}", ID));
    }
  });
});
