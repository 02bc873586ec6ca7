import type { Config } from "../config/schema.js";
import type { Curriculum } from "../curriculum/load.js";

/** A portfolio repository's config and the curriculum it names, both valid and consistent with each other. */
export interface RepositorySetup {
  config: Config;
  curriculum: Curriculum;
  /** The curriculum file in the repository, when the config names one. */
  curriculumPath?: string;
}
