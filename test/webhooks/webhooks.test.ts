import { Webhook } from "standardwebhooks";
import { toGlobalId } from "../../src/common/global-id";
import { RETRY_DELAYS_S } from "../../src/webhooks/retry-schedule";
import { createKey, createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { FeedFollower } from "../helpers/events";
import { insertVacancies } from "../helpers/factories";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { CREATE_ENDPOINT, DELIVERIES, Receiver, registerReceiver, stopTestWorkers, TestClock, testWorker, verifySignature } from "../helpers/webhooks";

let server: TestServer;
let keys: Keys;
const vacancy: Record<string, string> = {};
const receivers: Receiver[] = [];

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  for (const agency of ["DVZ", "CGVS"] as const)
    vacancy[agency] = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: agency }))[0]);
});
afterAll(async () => {
  await stopTestWorkers();
  for (const r of receivers) await r.down();
  await server.close();
});

async function receiver(): Promise<Receiver> {
  const r = new Receiver();
  await r.up();
  receivers.push(r);
  return r;
}

async function push(agency: "DVZ" | "CGVS", key: string, count: number): Promise<string[]> {
  const data = await server.data(SUBMIT, { input: { applications: Array.from({ length: count }, () => submission(vacancy[agency])) } }, { key });
  return data.submitApplications.results.map((r: any) => r.application.id);
}

describe("signed deliveries", () => {
  test("an HR system's receiver gets each event once, signed per Standard Webhooks, numbered without gaps", async () => {
    const hr = await createKey(server, "AGENCY_HR", "DVZ", "DVZ HR with webhooks");
    const r = await receiver();
    const created = await server.data(CREATE_ENDPOINT, { input: { url: r.url, eventTypes: ["APPLICATION_SUBMITTED", "APPLICATION_MOVED"] } }, { key: hr });
    const { secret, webhookEndpoint } = created.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookEndpoint).toMatchObject({ url: r.url, eventTypes: ["APPLICATION_SUBMITTED", "APPLICATION_MOVED"], enabled: true, lastSequence: 0 });
    expect(webhookEndpoint.secretPrefix).toBe(secret.slice(0, 10));
    r.secrets.push(secret);

    const ids = await push("DVZ", hr, 3);
    await server.data(MOVE, { input: { applicationId: ids[1], toStage: "SCREENED" } }, { key: hr });
    await server.data(`mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { userErrors { code } } }`, { id: ids[2] }, { key: hr });
    await testWorker(server).drain();

    expect(r.received).toHaveLength(4);
    // The receiver verifies each delivery exactly as the docs show, with the standardwebhooks library.
    for (const d of r.received) {
      expect(new Webhook(secret).verify(d.raw, d.headers as Record<string, string>)).toEqual(d.body);
      expect(d.headers["content-type"]).toBe("application/json");
      expect(d.headers["webhook-id"]).toBe(d.body.id);
      expect(Math.abs(Number(d.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(r.received.map((d) => [d.body.sequence, d.body.type, d.body.data.applicationId, d.body.data.stage])).toEqual([
      [1, "application.submitted", ids[0], "APPLIED"],
      [2, "application.submitted", ids[1], "APPLIED"],
      [3, "application.submitted", ids[2], "APPLIED"],
      [4, "application.moved", ids[1], "SCREENED"],
    ]);
    // The body is the feed's event: same id, same data, and a cursor to go on from in the feed.
    const feed = new FeedFollower(server, hr, ["APPLICATION_MOVED"]);
    const moved = (await feed.poll()).find((e) => e.payload.applicationId === ids[1])!;
    expect(r.received[3].body).toEqual({
      id: moved.id,
      type: "application.moved",
      timestamp: moved.recordedAt,
      sequence: 4,
      cursor: r.received[3].body.cursor,
      data: moved.payload,
    });
    const after = await server.data(
      `query($c: String) { events(after: $c, types: [APPLICATION_MOVED]) { edges { node { id } } } }`,
      { c: r.received[3].body.cursor },
      { key: hr },
    );
    expect(after.events.edges.filter((e: any) => e.node.id === moved.id)).toEqual([]);

    const listed = await server.data(`{ webhookEndpoints { totalCount edges { node { id lastSequence secretPrefix } } } }`, {}, { key: hr });
    expect(listed.webhookEndpoints).toEqual({
      totalCount: 1,
      edges: [{ node: { id: webhookEndpoint.id, lastSequence: 4, secretPrefix: secret.slice(0, 10) } }],
    });
    const deliveries = await server.data(DELIVERIES, { endpointId: webhookEndpoint.id }, { key: hr });
    expect(deliveries.webhookDeliveries.totalCount).toBe(4);
    const newest = deliveries.webhookDeliveries.edges[0].node;
    expect(newest).toMatchObject({ sequence: 4, status: "DELIVERED", attemptCount: 1, nextAttemptAt: null, lastResponseStatus: 200 });
    expect(newest.attempts).toEqual([
      { attemptedAt: newest.deliveredAt, responseStatus: 200, latencyMs: newest.attempts[0].latencyMs, succeeded: true, error: null },
    ]);
    // Another client neither lists nor reads it.
    expect((await server.data(`{ webhookEndpoints { totalCount } }`, {}, { key: keys.dvz })).webhookEndpoints.totalCount).toBe(0);
    const foreign = await server.gql(DELIVERIES, { endpointId: webhookEndpoint.id }, { key: keys.dvz });
    expect(foreign.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("an agency's endpoint never receives another agency's events; the taskforce's none with candidate references", async () => {
    const [dvz, cgvs, taskforce] = [await receiver(), await receiver(), await receiver()];
    const dvzKey = await createKey(server, "AGENCY_HR", "DVZ", "DVZ HR, all types");
    const cgvsKey = await createKey(server, "AGENCY_HR", "CGVS", "CGVS HR, all types");
    const tfKey = await createKey(server, "TASKFORCE", undefined, "taskforce listener");
    await registerReceiver(server, dvzKey, dvz);
    await registerReceiver(server, cgvsKey, cgvs);
    await registerReceiver(server, tfKey, taskforce);

    const dvzApps = await push("DVZ", dvzKey, 4);
    const cgvsApps = await push("CGVS", cgvsKey, 3);
    await server.data(MOVE, { input: { applicationId: cgvsApps[0], toStage: "SCREENED" } }, { key: cgvsKey });
    await server.data(
      `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { userErrors { code } } }`,
      { input: { kind: "WRITTEN", startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), place: "Selor", capacity: 5, vacancyIds: [vacancy.CGVS] } },
      { key: keys.taskforce },
    );
    await testWorker(server).drain();

    // Subjects are delivered in parallel: compare in each endpoint's sequence order.
    for (const r of [dvz, cgvs, taskforce]) r.received.sort((x, y) => x.body.sequence - y.body.sequence);
    const agencies = (r: Receiver) => [...new Set(r.received.map((d) => d.body.data.agency ?? null))].sort();
    expect(dvz.received.map((d) => d.body.type)).toEqual([...dvzApps.map(() => "application.submitted"), "test_session.scheduled"]);
    expect(agencies(dvz)).toEqual(["DVZ", null]);
    expect(cgvs.received.map((d) => d.body.type)).toEqual([...cgvsApps.map(() => "application.submitted"), "application.moved", "test_session.scheduled"]);
    expect(agencies(cgvs)).toEqual(["CGVS", null]);
    expect(taskforce.received.map((d) => d.body.type)).toEqual(["test_session.scheduled"]);
    for (const r of [dvz, cgvs, taskforce]) {
      expect(r.received.every((d) => d.verified)).toBe(true);
      expect(r.received.map((d) => d.body.sequence)).toEqual(r.received.map((_, i) => i + 1));
    }
  });
});

describe("one person, two agencies", () => {
  test("each agency's endpoint hears only of its own record of the person: submissions, updates, erasure", async () => {
    const [dvz, cgvs] = [await receiver(), await receiver()];
    const dvzKey = await createKey(server, "AGENCY_HR", "DVZ", "DVZ HR, one person");
    const cgvsKey = await createKey(server, "AGENCY_HR", "CGVS", "CGVS HR, one person");
    const types = ["APPLICATION_SUBMITTED", "CANDIDATE_UPDATED", "CANDIDATE_ERASED"];
    await registerReceiver(server, dvzKey, dvz, types);
    await registerReceiver(server, cgvsKey, cgvs, types);
    const person = { email: "een.persoon@example.be", firstName: "Een", lastName: "Persoon" };
    const atDvz = submission(vacancy.DVZ, {}, person);
    const atCgvs = submission(vacancy.CGVS, {}, person);
    const [dvzApp] = (await server.data(SUBMIT, { input: { applications: [atDvz] } }, { key: dvzKey })).submitApplications.results.map(
      (r: any) => r.application.id,
    );
    const [cgvsApp] = (await server.data(SUBMIT, { input: { applications: [atCgvs] } }, { key: cgvsKey })).submitApplications.results.map(
      (r: any) => r.application.id,
    );
    await server.data(SUBMIT, { input: { applications: [{ ...atCgvs, candidate: { ...person, lastName: "Anders" } }] } }, { key: cgvsKey });
    const dvzCandidate = (await server.data(`query($id: ID!) { application(id: $id) { candidate { id } } }`, { id: dvzApp }, { key: dvzKey })).application
      .candidate.id;
    // DVZ, the controller of its own record, erases it with its HR key; CGVS's record of the person is CGVS's.
    const erased = await server.data(
      `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`,
      { id: dvzCandidate },
      { key: dvzKey },
    );
    expect(erased.eraseCandidate.userErrors).toEqual([]);
    await testWorker(server).drain();

    const applicationsIn = (r: Receiver) => r.received.flatMap((d) => [d.body.data.applicationId, ...(d.body.data.applicationIds ?? [])].filter(Boolean));
    expect(new Set(applicationsIn(dvz))).toEqual(new Set([dvzApp]));
    expect(new Set(applicationsIn(cgvs))).toEqual(new Set([cgvsApp]));
    expect(dvz.received.every((d) => d.body.data.agency === "DVZ")).toBe(true);
    expect(cgvs.received.every((d) => d.body.data.agency === "CGVS")).toBe(true);
    expect(dvz.received.map((d) => d.body.type).sort()).toEqual(["application.submitted", "candidate.erased"]);
    expect(cgvs.received.map((d) => d.body.type)).toContain("candidate.updated");
    expect(dvz.received.map((d) => d.body.type)).not.toContain("candidate.updated");
    expect(cgvs.received.map((d) => d.body.type)).not.toContain("candidate.erased");
    // Each agency's events name its own candidate: the two records share no id.
    const candidatesIn = (r: Receiver) => [...new Set(r.received.map((d) => d.body.data.candidateId))];
    expect(candidatesIn(dvz)).toEqual([dvzCandidate]);
    expect(candidatesIn(cgvs)).toHaveLength(1);
    expect(candidatesIn(cgvs)[0]).not.toBe(dvzCandidate);
    const stillThere = await server.data(`query($id: ID!) { application(id: $id) { candidate { lastName erased } } }`, { id: cgvsApp }, { key: cgvsKey });
    expect(stillThere.application.candidate).toEqual({ lastName: "Anders", erased: false });
    for (const r of [dvz, cgvs]) expect(JSON.stringify(r.received.map((d) => d.body))).not.toMatch(/persoon|Anders|example\.be/i);
  });
});

describe("failures, retries and replay", () => {
  test("a receiver answering 500 is retried on the schedule for 27 hours, then dead-lettered; redeliverWebhook replays it", async () => {
    const hr = await createKey(server, "AGENCY_HR", "CGVS", "CGVS flaky receiver");
    const r = await receiver();
    r.answer = 500;
    const endpointId = await registerReceiver(server, hr, r, ["APPLICATION_SUBMITTED"]);
    const clock = new TestClock();
    const worker = testWorker(server, clock);
    const [appId] = await push("CGVS", hr, 1);

    await worker.drain();
    expect(r.received).toHaveLength(1);
    let waited = 0;
    for (const delay of RETRY_DELAYS_S) {
      const before = r.received.length;
      clock.advance(delay * 1000 - 1000);
      await worker.drain();
      expect(r.received).toHaveLength(before); // not due yet
      clock.advance(1000);
      await worker.drain();
      expect(r.received).toHaveLength(before + 1);
      waited += delay;
    }
    expect(waited).toBeGreaterThanOrEqual(24 * 3600);
    expect(r.received).toHaveLength(RETRY_DELAYS_S.length + 1);
    expect(new Set(r.received.map((d) => d.body.id)).size).toBe(1);
    expect(r.received.every((d) => d.verified)).toBe(true);
    clock.advance(30 * 86_400_000);
    await worker.drain();
    expect(r.received).toHaveLength(RETRY_DELAYS_S.length + 1); // dead: no more attempts

    const dead = (await server.data(DELIVERIES, { endpointId, status: "DEAD" }, { key: hr })).webhookDeliveries;
    expect(dead.totalCount).toBe(1);
    const node = dead.edges[0].node;
    expect(node).toMatchObject({ sequence: 1, status: "DEAD", attemptCount: 12, nextAttemptAt: null, deliveredAt: null, lastResponseStatus: 500 });
    expect(node.event.payload.applicationId).toBe(appId);
    expect(node.attempts.map((a: any) => [a.responseStatus, a.succeeded, a.error])).toEqual(node.attempts.map(() => [500, false, null]));
    const gaps = node.attempts.slice(1).map((a: any, i: number) => (Date.parse(a.attemptedAt) - Date.parse(node.attempts[i].attemptedAt)) / 1000);
    expect(gaps).toEqual([...RETRY_DELAYS_S]);

    r.answer = 200;
    const replay = await server.data(
      `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { queuedCount userErrors { field code } } }`,
      { input: { endpointId, fromSequence: 1, toSequence: 1 } },
      { key: hr },
    );
    expect(replay.redeliverWebhook).toEqual({ queuedCount: 1, userErrors: [] });
    clock.advance(1000);
    await worker.drain();
    expect(r.received).toHaveLength(RETRY_DELAYS_S.length + 2);
    const delivered = (await server.data(DELIVERIES, { endpointId }, { key: hr })).webhookDeliveries.edges[0].node;
    expect(delivered).toMatchObject({ status: "DELIVERED", attemptCount: 1, lastResponseStatus: 200 });
    expect(delivered.attempts).toHaveLength(13);
    await worker.stop();
  });

  test("a receiver down for a while, then back, gets every event, in order per application", async () => {
    const hr = await createKey(server, "AGENCY_HR", "DVZ", "DVZ receiver that goes down");
    const r = await receiver();
    await registerReceiver(server, hr, r, ["APPLICATION_SUBMITTED", "APPLICATION_MOVED", "APPLICATION_WITHDRAWN"]);
    const clock = new TestClock();
    const worker = testWorker(server, clock);
    const feed = new FeedFollower(server, hr, ["APPLICATION_SUBMITTED", "APPLICATION_MOVED", "APPLICATION_WITHDRAWN"]);
    await feed.poll();
    await r.down();

    const ids = await push("DVZ", hr, 5);
    await worker.drain(); // every first attempt fails: connection refused
    for (const id of ids) await server.data(MOVE, { input: { applicationId: id, toStage: "SCREENED" } }, { key: hr });
    clock.advance(10_000);
    await worker.drain();
    for (const id of ids.slice(0, 3)) await server.data(MOVE, { input: { applicationId: id, toStage: "REJECTED", reason: "INELIGIBLE" } }, { key: hr });
    await server.data(`mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { userErrors { code } } }`, { id: ids[4] }, { key: hr });
    clock.advance(30_000);
    await worker.drain();
    expect(r.received).toHaveLength(0);

    await r.up();
    for (let i = 0; i < 10; i++) {
      clock.advance(3_600_000);
      await worker.drain();
    }
    const expected = await feed.poll();
    expect(expected).toHaveLength(14);
    expect(r.received.map((d) => d.body.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(r.received.every((d) => d.verified)).toBe(true);
    for (const id of ids) {
      const versions = r.received.filter((d) => d.body.data.applicationId === id).map((d) => d.body.data.version);
      expect(versions).toEqual(id === ids[4] || ids.slice(0, 3).includes(id) ? [1, 2, 3] : [1, 2]);
    }
    await worker.stop();
  });
});

describe("managing endpoints", () => {
  test("refused registrations say why and create nothing", async () => {
    const hr = await createKey(server, "AGENCY_HR", "RVV", "RVV refusals");
    const tf = await createKey(server, "TASKFORCE", undefined, "taskforce refusals");
    const cases: [string, Record<string, unknown>, string, string[]][] = [
      [hr, { url: "http://10.0.0.7/hooks" }, "URL_NOT_ALLOWED", ["input", "url"]],
      [hr, { url: "http://169.254.169.254/latest/meta-data" }, "URL_NOT_ALLOWED", ["input", "url"]],
      [hr, { url: "http://[fd00::1]:8080/x" }, "URL_NOT_ALLOWED", ["input", "url"]],
      [hr, { url: "http://[::ffff:192.168.1.1]/x" }, "URL_NOT_ALLOWED", ["input", "url"]],
      [hr, { url: "ftp://example.org/x" }, "INVALID_URL", ["input", "url"]],
      [hr, { url: "https://user:pw@example.org/x" }, "INVALID_URL", ["input", "url"]],
      [hr, { url: "not a url" }, "INVALID_URL", ["input", "url"]],
      [hr, { url: "http://no-such-host.invalid/x" }, "HOST_NOT_FOUND", ["input", "url"]],
      [tf, { url: "http://127.0.0.1:9/x", eventTypes: ["VACANCY_PUBLISHED", "APPLICATION_MOVED"] }, "EVENT_TYPE_NOT_READABLE", ["input", "eventTypes", "1"]],
      [ADMIN_KEY, { url: "http://127.0.0.1:9/x" }, "NO_API_CLIENT", ["input"]],
    ];
    for (const [key, input, code, field] of cases) {
      const result = await server.data(CREATE_ENDPOINT, { input }, { key });
      expect([input, result.createWebhookEndpoint.userErrors.map((e: any) => [e.code, e.field])]).toEqual([input, [[code, field]]]);
      expect(result.createWebhookEndpoint.secret).toBeNull();
    }
    expect((await server.data(`{ webhookEndpoints { totalCount } }`, {}, { key: hr })).webhookEndpoints.totalCount).toBe(0);
    const anonymous = await server.gql(CREATE_ENDPOINT, { input: { url: "http://127.0.0.1:9/x" } });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  test("disable, enable, rotate the secret, delete; another client's endpoint is ENDPOINT_NOT_FOUND", async () => {
    const hr = await createKey(server, "AGENCY_HR", "DVZ", "DVZ endpoint management");
    const r = await receiver();
    const endpointId = await registerReceiver(server, hr, r, ["APPLICATION_SUBMITTED"]);
    const clock = new TestClock();
    const worker = testWorker(server, clock);
    const change = (name: string) =>
      server.data(
        `mutation($id: ID!) { ${name}(input: { endpointId: $id }) { webhookEndpoint { enabled } userErrors { code } } }`,
        { id: endpointId },
        { key: hr },
      );

    for (const name of ["disableWebhookEndpoint", "enableWebhookEndpoint", "rotateWebhookSecret", "deleteWebhookEndpoint"]) {
      const other = await server.gql(
        `mutation($id: ID!) { ${name}(input: { endpointId: $id }) { userErrors { code } } }`,
        { id: endpointId },
        { key: keys.dvz },
      );
      expect([name, other.body.data![name].userErrors]).toEqual([name, [{ code: "ENDPOINT_NOT_FOUND" }]]);
    }

    r.answer = 500;
    await push("DVZ", hr, 1);
    await worker.drain(); // delivery 1 fails once and waits for its retry
    expect((await change("disableWebhookEndpoint")).disableWebhookEndpoint).toEqual({ webhookEndpoint: { enabled: false }, userErrors: [] });
    expect((await change("disableWebhookEndpoint")).disableWebhookEndpoint.userErrors).toEqual([{ code: "ALREADY_DISABLED" }]);
    await push("DVZ", hr, 1); // recorded while disabled: never delivered (the feed has it)
    r.answer = 200;
    clock.advance(60_000);
    await worker.drain();
    expect(r.received).toHaveLength(1); // the retry waits while disabled
    await change("enableWebhookEndpoint");
    await worker.drain();
    expect(r.received.map((d) => [d.body.sequence, d.headers["webhook-id"]])).toEqual([
      [1, r.received[0].body.id],
      [1, r.received[0].body.id],
    ]);
    r.received.splice(0, 1);

    const rotated = await server.data(
      `mutation($id: ID!) { rotateWebhookSecret(input: { endpointId: $id }) { secret webhookEndpoint { previousSecretExpiresAt } userErrors { code } } }`,
      { id: endpointId },
      { key: hr },
    );
    const [oldSecret] = r.secrets;
    const newSecret = rotated.rotateWebhookSecret.secret;
    expect(newSecret).not.toBe(oldSecret);
    await push("DVZ", hr, 1);
    await worker.drain();
    const during = r.received[1];
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(during.raw, during.headers as Record<string, string>)).toEqual(during.body);
    expect(new Webhook(newSecret).verify(during.raw, during.headers as Record<string, string>)).toEqual(during.body);
    clock.advance(24 * 3_600_000 + 1000);
    await push("DVZ", hr, 1);
    await worker.drain();
    const later = r.received[2];
    expect(String(later.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verifySignature(newSecret, later.headers, later.raw)).toBe(true);
    expect(verifySignature(oldSecret, later.headers, later.raw)).toBe(false);

    const deleted = await server.data(
      `mutation($id: ID!) { deleteWebhookEndpoint(input: { endpointId: $id }) { deletedEndpointId userErrors { code } } }`,
      { id: endpointId },
      { key: hr },
    );
    expect(deleted.deleteWebhookEndpoint).toEqual({ deletedEndpointId: endpointId, userErrors: [] });
    expect((await server.data(`{ webhookEndpoints { totalCount } }`, {}, { key: hr })).webhookEndpoints.totalCount).toBe(0);
    // The audit log names the endpoint (the other client's refused attempt too), never its secret.
    const audit = await server.data(
      `{ auditLog(first: 5, filter: { operation: "rotateWebhookSecret" }) { edges { node { outcome targetType targetId detail } } } }`,
      {},
      { key: ADMIN_KEY },
    );
    expect(audit.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.targetId === endpointId)).toEqual([
      { outcome: "OK", targetType: "WebhookEndpoint", targetId: endpointId, detail: null },
      { outcome: "USER_ERROR", targetType: "WebhookEndpoint", targetId: endpointId, detail: null },
    ]);
    expect(JSON.stringify(audit)).not.toContain(newSecret);
    await worker.stop();
  });

  test("an eleventh endpoint is TOO_MANY_ENDPOINTS; enabling an enabled one is ALREADY_ENABLED; neither changes anything", async () => {
    const hr = await createKey(server, "AGENCY_HR", "DVZ", "DVZ ten endpoints");
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await server.data(CREATE_ENDPOINT, { input: { url: `http://127.0.0.1:9/hook-${i}` } }, { key: hr });
      expect(created.createWebhookEndpoint.userErrors).toEqual([]);
      ids.push(created.createWebhookEndpoint.webhookEndpoint.id);
    }
    const LIST = `{ webhookEndpoints(first: 20) { totalCount edges { node { id url enabled secretPrefix lastSequence } } } }`;
    const before = await server.data(LIST, {}, { key: hr });
    expect(before.webhookEndpoints.totalCount).toBe(10);

    const eleventh = await server.data(CREATE_ENDPOINT, { input: { url: "http://127.0.0.1:9/hook-10" } }, { key: hr });
    expect(eleventh.createWebhookEndpoint).toEqual({
      secret: null,
      webhookEndpoint: null,
      userErrors: [{ field: ["input", "url"], code: "TOO_MANY_ENDPOINTS", message: "An API client may register at most 10 endpoints." }],
    });
    const enabled = await server.data(
      `mutation($id: ID!) { enableWebhookEndpoint(input: { endpointId: $id }) { webhookEndpoint { id } userErrors { field code message } } }`,
      { id: ids[0] },
      { key: hr },
    );
    expect(enabled.enableWebhookEndpoint).toEqual({
      webhookEndpoint: null,
      userErrors: [{ field: ["input", "endpointId"], code: "ALREADY_ENABLED", message: "The endpoint is already enabled." }],
    });
    expect(await server.data(LIST, {}, { key: hr })).toEqual(before);
  });

  test("a revoked client's endpoint gets nothing more, not even what was pending", async () => {
    const hr = await createKey(server, "AGENCY_HR", "CGVS", "CGVS client to be revoked");
    const r = await receiver();
    await registerReceiver(server, hr, r, ["APPLICATION_SUBMITTED"]);
    const clock = new TestClock();
    const worker = testWorker(server, clock);
    r.answer = 500;
    await push("CGVS", hr, 1);
    await worker.drain();
    expect(r.received).toHaveLength(1);
    const clientId = (
      await server.data(`{ viewer { name } apiClients(first: 100) { edges { node { id name } } } }`, {}, { key: ADMIN_KEY })
    ).apiClients.edges.find((e: any) => e.node.name === "CGVS client to be revoked").node.id;
    await server.data(`mutation($id: ID!) { revokeApiClient(input: { apiClientId: $id }) { userErrors { code } } }`, { id: clientId }, { key: ADMIN_KEY });
    r.answer = 200;
    await push("CGVS", keys.cgvs, 1); // the agency's events go on; this endpoint's owner no longer reads them
    clock.advance(3_600_000);
    await worker.drain();
    expect(r.received).toHaveLength(1);
    await worker.stop();
  });

  test("redeliverWebhook refuses bad ranges; the deliveries page costs the same statements for 2 or 50", async () => {
    const hr = await createKey(server, "AGENCY_HR", "CGVS", "CGVS replay");
    const r = await receiver();
    const endpointId = await registerReceiver(server, hr, r, ["APPLICATION_SUBMITTED"]);
    await push("CGVS", hr, 50);
    await testWorker(server).drain();
    const REDELIVER = `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { queuedCount userErrors { field code } } }`;
    for (const [input, code] of [
      [{ fromSequence: 5 }, "INVALID_RANGE"],
      [{ fromSequence: 9, toSequence: 3 }, "INVALID_RANGE"],
      [{ fromSequence: 1, toSequence: 20_000 }, "INVALID_RANGE"],
      [{ deliveryId: "bm9wZQ" }, "DELIVERY_NOT_FOUND"],
    ] as const) {
      const result = await server.data(REDELIVER, { input: { endpointId, ...input } }, { key: hr });
      expect([input, result.redeliverWebhook.queuedCount, result.redeliverWebhook.userErrors.map((e: any) => e.code)]).toEqual([input, 0, [code]]);
    }
    const range = await server.data(REDELIVER, { input: { endpointId, fromSequence: 10, toSequence: 14 } }, { key: hr });
    expect(range.redeliverWebhook.queuedCount).toBe(5);
    await testWorker(server).drain();
    expect(r.received.slice(50).map((d) => d.body.sequence)).toEqual([10, 11, 12, 13, 14]);

    const small = await server.gql(DELIVERIES, { endpointId, first: 2 }, { key: hr });
    const large = await server.gql(DELIVERIES, { endpointId, first: 50 }, { key: hr });
    expect(large.body.data!.webhookDeliveries.edges).toHaveLength(50);
    expect(large.statements).toBe(small.statements);
  });
});
