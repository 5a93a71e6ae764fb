import * as core from '@actions/core';
import { runReview } from '../review-agent';

try {
  const turns = await runReview(process.env.GITHUB_EVENT_PATH ?? '');
  core.info(`review finished after ${turns} turns`);
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}
