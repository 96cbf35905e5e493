import type { createJobMethods } from "../jobMethods";
import type { Job } from "../types";

type Methods = Pick<ReturnType<typeof createJobMethods>, "listTeamJobs">;

/**
 * Page size of the lookup. The list cannot filter by metadata, so it asks for jobs of every status, newest first
 * (a completed one says what was charged): a call's jobs were created moments ago and sit on the first page unless the team
 * opened many jobs since.
 */
export const LOOKUP_PAGE = 10;
/** Further pages are read only while they still hold jobs created after the call started. */
const MAX_PAGES = 5;
/** Server and client clocks differ: look a little further back than the call's start. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** Whether a job was created for the single-shot call `clientRequestId` (its metadata carries the id). */
export const isJobOfCall = (clientRequestId: string) => (job: Job): boolean => job.metadata?.client_request_id === clientRequestId;

/** The jobs (every status) whose metadata carries `clientRequestId`. Usually one small request. */
export async function findCallJobs(methods: Methods, clientRequestId: string, since: number): Promise<Job[]> {
  const found: Job[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { jobs } = await methods.listTeamJobs({ limit: LOOKUP_PAGE, offset: page * LOOKUP_PAGE }, { retry: false });
    found.push(...jobs.filter(isJobOfCall(clientRequestId)));
    const oldest = jobs[jobs.length - 1];
    if (jobs.length < LOOKUP_PAGE || !oldest || oldest.created_at.getTime() < since - CLOCK_SKEW_MS) break;
  }
  return found;
}
