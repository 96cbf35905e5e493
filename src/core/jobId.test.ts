import { describe, expect, it } from "vitest";
import { isJobId, jobPath } from "./jobId";

const ID = "6b0e3f8e-5f3b-4a59-9d1a-6f2f0d4c1a77";

describe("job ids", () => {
  it("accepts what Python's uuid.UUID() accepts", () => {
    for (const id of [ID, ID.toUpperCase(), ID.replace(/-/g, ""), `{${ID}}`, `urn:uuid:${ID}`]) expect(isJobId(id)).toBe(true);
  });
  it("rejects everything else", () => {
    for (const id of ["", "not-a-uuid", "12345", `${ID}0`, ID.slice(1), ` ${ID}`, `${ID}/complete`]) expect(isJobId(id)).toBe(false);
  });
  it("builds the path, or throws a permanent bad_request that never names the id", () => {
    expect(jobPath(`{${ID}}`, "/costs", "getJobCosts")).toBe(`/api/jobs/${encodeURIComponent(`{${ID}}`)}/costs`);
    expect(() => jobPath("../health", "", "getJob")).toThrow(expect.objectContaining({ kind: "bad_request", retryable: false, endpoint: "getJob", message: expect.not.stringContaining("../health") }));
  });
});
