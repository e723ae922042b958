// The reference campaign site: a small static page on its own origin that reads everything from the public API.
// ?api=<GraphQL URL> says where the API is (default: /graphql on this origin).
const API = new URLSearchParams(location.search).get("api") ?? "/graphql";
const CAMPAIGN = "asiel-migratie-2021";

const WORDS = {
  NL: {
    filled: "van de {target} posten ingevuld",
    open: "posten staan nu open",
    agency: "Dienst",
    wave: "Golf",
    hired: "aangeworven",
    search: "Zoek een vacature",
    level: "Niveau",
    regime: "Taalregime",
    province: "Provincie",
    region: "Gewest",
    results: "vacatures",
    deadline: "Uiterste datum",
    continuous: "Doorlopend solliciteren",
    salary: "Wedde",
    illustrative: "Bedragen ter illustratie, niet de werkelijke wedde.",
    sessions: "Volgende testmomenten",
    seats: "plaatsen vrij",
    back: "Terug",
    profile: "Functie",
    language: "Talen",
  },
  FR: {
    filled: "postes pourvus sur {target}",
    open: "postes ouverts maintenant",
    agency: "Service",
    wave: "Vague",
    hired: "engagés",
    search: "Chercher une offre",
    level: "Niveau",
    regime: "Régime linguistique",
    province: "Province",
    region: "Région",
    results: "offres",
    deadline: "Date limite",
    continuous: "Candidatures en continu",
    salary: "Traitement",
    illustrative: "Montants à titre d'illustration, pas le traitement réel.",
    sessions: "Prochaines épreuves",
    seats: "places libres",
    back: "Retour",
    profile: "Fonction",
    language: "Langues",
  },
  EN: {
    filled: "of {target} posts filled",
    open: "posts open now",
    agency: "Agency",
    wave: "Wave",
    hired: "hired",
    search: "Search vacancies",
    level: "Level",
    regime: "Language regime",
    province: "Province",
    region: "Region",
    results: "vacancies",
    deadline: "Deadline",
    continuous: "Continuous recruitment",
    salary: "Salary",
    illustrative: "Illustrative amounts, not the actual pay.",
    sessions: "Upcoming tests",
    seats: "seats left",
    back: "Back",
    profile: "Job",
    language: "Languages",
  },
};

const state = { lang: "NL", search: "", selected: { agencies: [], waveNumbers: [], levels: [], languageRegimes: [], provinces: [], regions: [] } };
const app = document.getElementById("app");
const t = (key) => WORDS[state.lang][key];

async function gql(query, variables) {
  const response = await fetch(API, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": state.lang.toLowerCase() },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c != null));
  return node;
}

const HOME = `query Home($lang: Language, $filter: VacancyFilter) {
  campaign(slug: "${CAMPAIGN}") { name(lang: $lang) progress {
    target hired openPosts
    byAgency { agency { code name(lang: $lang) } target hired openPosts }
    byWave { wave { number name(lang: $lang) } target hired openPosts } } }
  vacancies(filter: $filter, first: 50) { totalCount edges { node { id title(lang: $lang) place(lang: $lang) headcountTarget agency { code } } } }
  vacancyFacets(filter: $filter) {
    agencies { agency { code name(lang: $lang) } count }
    waves { wave { number name(lang: $lang) } count }
    levels { level count }
    languageRegimes { languageRegime count }
    provinces { province { code name(lang: $lang) } count }
    regions { region { code name(lang: $lang) } count }
  }
}`;

const VACANCY = `query Vacancy($id: ID!, $lang: Language) { vacancy(id: $id) {
  title(lang: $lang) description(lang: $lang) place(lang: $lang) applicationDeadline headcountTarget languageRequirement(lang: $lang)
  agency { name(lang: $lang) }
  jobProfile { functionCode title(lang: $lang) purpose(lang: $lang) professionalCategory(lang: $lang) }
  salaryScale { code illustrative minMonthlyGrossEur maxMonthlyGrossEur }
  upcomingTestSessions(first: 5) { startsAt kind place(lang: $lang) seatsLeft }
} }`;

function facetGroup(name, legend, items, valueOf, labelOf) {
  return el(
    "fieldset",
    { "data-facet": name },
    el("legend", {}, legend),
    items.map((item) => {
      const value = valueOf(item);
      const checked = state.selected[name].includes(value);
      return el(
        "label",
        { style: "display:block" },
        el("input", {
          type: "checkbox",
          value,
          checked,
          onchange: () => {
            state.selected[name] = checked ? state.selected[name].filter((v) => v !== value) : [...state.selected[name], value];
            render();
          },
        }),
        ` ${labelOf(item)} (${item.count})`,
      );
    }),
  );
}

function filter() {
  const f = { campaignSlug: CAMPAIGN };
  if (state.search.trim()) f.search = state.search.trim();
  for (const [name, values] of Object.entries(state.selected)) if (values.length) f[name] = name === "waveNumbers" ? values.map(Number) : values;
  return f;
}

async function renderHome() {
  const data = await gql(HOME, { lang: state.lang, filter: filter() });
  const p = data.campaign.progress;
  const progressTable = (rows, label) =>
    el(
      "table",
      {},
      rows.map((r) =>
        el("tr", {}, el("th", {}, label(r)), el("td", {}, `${r.hired} / ${r.target} ${t("hired")}`), el("td", {}, `${r.openPosts} ${t("open")}`)),
      ),
    );
  const f = data.vacancyFacets;
  const searchBox = el("input", { type: "search", id: "search", value: state.search, "aria-label": t("search"), placeholder: t("search") });
  const form = el(
    "form",
    { onsubmit: (event) => (event.preventDefault(), (state.search = searchBox.value), render()) },
    searchBox,
    el("button", { type: "submit" }, "🔎"),
  );
  app.replaceChildren(
    el("h1", {}, data.campaign.name),
    el("p", { class: "counter", id: "filled" }, `${p.hired} ${t("filled").replace("{target}", p.target)}`),
    el("p", { id: "open-posts" }, `${p.openPosts} ${t("open")}`),
    el(
      "div",
      { id: "by-agency" },
      progressTable(p.byAgency, (r) => r.agency.name),
    ),
    el(
      "div",
      { id: "by-wave" },
      progressTable(p.byWave, (r) => r.wave.name),
    ),
    el("h2", {}, t("search")),
    form,
    el(
      "div",
      { class: "search" },
      el(
        "aside",
        {},
        facetGroup(
          "agencies",
          t("agency"),
          f.agencies,
          (i) => i.agency.code,
          (i) => i.agency.name,
        ),
        facetGroup(
          "waveNumbers",
          t("wave"),
          f.waves,
          (i) => String(i.wave.number),
          (i) => i.wave.name,
        ),
        facetGroup(
          "levels",
          t("level"),
          f.levels,
          (i) => i.level,
          (i) => i.level,
        ),
        facetGroup(
          "languageRegimes",
          t("regime"),
          f.languageRegimes,
          (i) => i.languageRegime,
          (i) => i.languageRegime,
        ),
        facetGroup(
          "provinces",
          t("province"),
          f.provinces,
          (i) => i.province.code,
          (i) => i.province.name,
        ),
        facetGroup(
          "regions",
          t("region"),
          f.regions,
          (i) => i.region.code,
          (i) => i.region.name,
        ),
      ),
      el(
        "section",
        {},
        el("p", { id: "result-count" }, `${data.vacancies.totalCount} ${t("results")}`),
        el(
          "ul",
          { class: "results", id: "results" },
          data.vacancies.edges.map(({ node }) =>
            el(
              "li",
              {},
              el("a", { href: `#/vacancy/${node.id}`, "data-id": node.id }, node.title),
              ` — ${node.place} (${node.agency.code}, ${node.headcountTarget})`,
            ),
          ),
        ),
      ),
    ),
  );
}

async function renderVacancy(id) {
  const { vacancy: v } = await gql(VACANCY, { id, lang: state.lang });
  const money = (n) => new Intl.NumberFormat(`${state.lang.toLowerCase()}-BE`, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
  const date = (iso) =>
    new Intl.DateTimeFormat(`${state.lang.toLowerCase()}-BE`, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" }).format(new Date(iso));
  app.replaceChildren(
    el("a", { href: "#/" }, `← ${t("back")}`),
    el("h1", { id: "vacancy-title" }, v.title),
    el("p", { id: "vacancy-place" }, `${v.agency.name} — ${v.place}`),
    el("p", { id: "vacancy-description" }, v.description),
    el("h2", {}, t("profile")),
    el("p", { id: "vacancy-profile" }, `${v.jobProfile.functionCode} — ${v.jobProfile.title} (${v.jobProfile.professionalCategory})`),
    el("p", {}, v.jobProfile.purpose),
    el("p", { id: "vacancy-languages" }, `${t("language")}: ${v.languageRequirement}`),
    el("h2", {}, t("salary")),
    el("p", { id: "vacancy-salary" }, `${v.salaryScale.code}: ${money(v.salaryScale.minMonthlyGrossEur)} – ${money(v.salaryScale.maxMonthlyGrossEur)}`),
    v.salaryScale.illustrative ? el("p", { class: "note", id: "salary-note" }, t("illustrative")) : null,
    el("p", { id: "vacancy-deadline" }, v.applicationDeadline ? `${t("deadline")}: ${date(v.applicationDeadline)}` : t("continuous")),
    el("h2", {}, t("sessions")),
    el(
      "ul",
      { id: "vacancy-sessions" },
      v.upcomingTestSessions.map((s) => el("li", {}, `${date(s.startsAt)} — ${s.kind} — ${s.place} — ${s.seatsLeft} ${t("seats")}`)),
    ),
  );
}

async function render() {
  document.documentElement.lang = state.lang.toLowerCase();
  for (const button of document.querySelectorAll("[data-lang]")) button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
  const route = location.hash.match(/^#\/vacancy\/(.+)$/);
  try {
    await (route ? renderVacancy(decodeURIComponent(route[1])) : renderHome());
    app.dataset.ready = `${state.lang}:${location.hash}:${JSON.stringify(filter())}`;
  } catch (error) {
    app.replaceChildren(el("p", { role: "alert" }, String(error.message ?? error)));
    app.dataset.ready = "error";
  }
}

for (const button of document.querySelectorAll("[data-lang]")) button.addEventListener("click", () => ((state.lang = button.dataset.lang), render()));
window.addEventListener("hashchange", render);
render();
