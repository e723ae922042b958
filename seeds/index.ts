export { agencies } from "./agencies";
export { competenceAreas } from "./competence-areas";
export { salaryScales } from "./salary-scales";
export { jobProfiles } from "./job-profiles";
export { campaign2021, DEFAULT_OVERALL_PASS_PERCENT } from "./campaign-2021";
export { places, provinces, regions } from "./places";
export type * from "./types";
