/** The query key of the balance, so you can invalidate it after a top-up. */
export const creditsQueryKey = (teamId: string) => ["saas-llm", "credits", teamId] as const;

/**
 * react-query keys used by the hooks, so apps can invalidate or prefetch them.
 *
 * @example queryClient.invalidateQueries({ queryKey: saasLLMKeys.job(jobId) })
 */
export const saasLLMKeys = {
  all: ["saas-llm"] as const,
  jobs: () => [...saasLLMKeys.all, "job"] as const,
  job: (jobId: string) => [...saasLLMKeys.jobs(), jobId] as const,
  jobCosts: (jobId: string) => [...saasLLMKeys.job(jobId), "costs"] as const,
  teamJobs: (teamId: string) => [...saasLLMKeys.all, "team-jobs", teamId] as const,
  credits: creditsQueryKey,
};
