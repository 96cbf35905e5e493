export { isJobHandle, type JobHandle, type JobRef } from "../core/jobs/jobHandle";
