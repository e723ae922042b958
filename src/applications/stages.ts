import type { StageValue } from "../db/tables";

/** The pipeline in order; an application moves one step at a time along it. */
export const PIPELINE_STAGES = ["APPLIED", "SCREENED", "INVITED", "TESTED", "LAUREATE", "OFFERED", "HIRED"] as const satisfies readonly StageValue[];
/** Every stage: the pipeline and its two exits. */
export const ALL_STAGES = [...PIPELINE_STAGES, "REJECTED", "WITHDRAWN"] as const satisfies readonly StageValue[];
