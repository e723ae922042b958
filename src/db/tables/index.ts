export * from "./enums";
export * from "./campaigns";
export * from "./job-profiles";
export * from "./vacancies";
export * from "./applications";
export * from "./test-sessions";
export * from "./api-clients";
export * from "./rollups";
