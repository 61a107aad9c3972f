// The registry both runners dispatch through: job name -> job function.
import { extractArticle } from "./extract-article.ts";
import { fetchArticle } from "./fetch-article.ts";
import { pollFeed } from "./poll-feed.ts";
import { reprocess } from "./reprocess.ts";
import type { JobDataMap, JobDeps, JobHandler, JobName, JobResultMap } from "./types.ts";

const jobHandlers: { [N in JobName]: JobHandler<N> } = {
  pollFeed,
  fetchArticle,
  extractArticle,
  reprocess,
};

/** Runs a job by name with its typed data. */
export function runJob<N extends JobName>(name: N, data: JobDataMap[N], deps: JobDeps, jobKey: string): Promise<JobResultMap[N]> {
  return (jobHandlers[name] as JobHandler<N>)(data, deps, jobKey);
}
