/**
 * The keys of the counter scopes (rollups.ts): one place that spells them. Coarse scopes: the campaign, an agency in a
 * campaign, a wave, a job profile in a campaign; and one vacancy. The database checks the same forms (rollups.ts) and
 * the recount in counter-rebuild.ts writes them in SQL.
 */
export const scopeKey = {
  campaign: (campaignId: number) => `c:${campaignId}`,
  agency: (campaignId: number, agencyCode: string) => `a:${campaignId}:${agencyCode}`,
  wave: (waveId: number) => `w:${waveId}`,
  jobProfile: (campaignId: number, jobProfileId: number) => `p:${campaignId}:${jobProfileId}`,
  vacancy: (vacancyId: number) => `v:${vacancyId}`,
};

/** The coarse scopes a vacancy counts in. */
export function vacancyCoarseScopes(v: { campaignId: number; agencyCode: string; waveId: number; jobProfileId: number }): string[] {
  return [
    scopeKey.campaign(v.campaignId),
    scopeKey.agency(v.campaignId, v.agencyCode),
    scopeKey.wave(v.waveId),
    scopeKey.jobProfile(v.campaignId, v.jobProfileId),
  ];
}
