/**
 * GraphiQL, bundled with the service (nothing loaded from another host), with example operations for each kind of
 * caller. An API key pasted above the editor is kept in sessionStorage only: it is gone when the tab closes, never
 * written to localStorage, and sent as `Authorization: Bearer <key>` with every request from this page.
 */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./explorer.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import publicCampaign from "./operations/public-campaign.graphql?raw";
import publicSearch from "./operations/public-search.graphql?raw";
import publicVacancy from "./operations/public-vacancy.graphql?raw";
import hrSubmit from "./operations/hr-submit-applications.graphql?raw";
import hrSync from "./operations/hr-sync-applications.graphql?raw";
import taskforceDashboard from "./operations/taskforce-dashboard.graphql?raw";
import taskforceSession from "./operations/taskforce-create-test-session.graphql?raw";
import adminClient from "./operations/admin-create-api-client.graphql?raw";

const KEY = "campaign-api-explorer-key";
const endpoint = new URL("../graphql", window.location.href).toString();
const input = document.getElementById("api-key") as HTMLInputElement;
const state = document.getElementById("key-state") as HTMLSpanElement;

function showKeyState(): void {
  state.textContent = sessionStorage.getItem(KEY) ? "key set for this tab (sent as Authorization: Bearer …)" : "anonymous (public data)";
}
input.value = sessionStorage.getItem(KEY) ?? "";
input.addEventListener("input", () => {
  const key = input.value.trim();
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
  showKeyState();
});
document.getElementById("forget-key")!.addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  input.value = "";
  showKeyState();
});
showKeyState();

const fetchGraphQL = createGraphiQLFetcher({ url: endpoint });
const fetcher: typeof fetchGraphQL = (params, options) => {
  const key = sessionStorage.getItem(KEY);
  return fetchGraphQL(params, { ...options, headers: { ...options?.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) } });
};

/** Tabs and editors are kept for this browser tab only, like the key. */
const storage = {
  getItem: (name: string) => sessionStorage.getItem(`graphiql:${name}`),
  setItem: (name: string, value: string) => sessionStorage.setItem(`graphiql:${name}`, value),
  removeItem: (name: string) => sessionStorage.removeItem(`graphiql:${name}`),
  clear: () => {
    for (const name of Object.keys(sessionStorage)) if (name.startsWith("graphiql:")) sessionStorage.removeItem(name);
  },
  get length() {
    return Object.keys(sessionStorage).filter((name) => name.startsWith("graphiql:")).length;
  },
};

const tab = (query: string, variables?: object) => ({ query, variables: variables ? JSON.stringify(variables, null, 2) : undefined });
const defaultTabs = [
  tab(publicCampaign),
  tab(publicSearch, { filter: { campaignSlug: "asiel-migratie-2021", search: "assistante sociale", acceptingApplications: true } }),
  tab(publicVacancy, { id: "paste a vacancy id from the search" }),
  tab(hrSubmit, {
    input: {
      applications: [
        {
          externalId: "HR-0001",
          vacancyId: "paste a vacancy id of your agency",
          submittedAt: new Date().toISOString(),
          candidate: { email: "jan.peeters@example.be", firstName: "Jan", lastName: "Peeters" },
        },
      ],
    },
  }),
  tab(hrSync, { first: 50 }),
  tab(taskforceDashboard, { campaignSlug: "asiel-migratie-2021" }),
  tab(taskforceSession, {
    input: {
      kind: "WRITTEN",
      startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      place: "Selor, testcentrum Brussel",
      capacity: 40,
      vacancyIds: [],
    },
  }),
  tab(adminClient, { input: { name: "Fedasil HR system", role: "AGENCY_HR", agency: "FEDASIL" } }),
];

document.getElementById("graphiql")!.textContent = "";
createRoot(document.getElementById("graphiql")!).render(createElement(GraphiQL, { fetcher, defaultTabs, storage, shouldPersistHeaders: false }));
