-- Cheaper writes for submissions, the outbox and webhook deliveries (docs/benchmarks.md, webhooks, 2026-11-30).
-- A move is written only with its application in hand (inserted or locked in the same transaction) and by an
-- authenticated client; applications and API clients are never deleted. The two checks cost every submitted
-- application two lookups (and a lock of its client's row, shared by every concurrent batch of that client).
ALTER TABLE "stage_events" DROP CONSTRAINT "stage_events_application_id_applications_id_fk";--> statement-breakpoint
ALTER TABLE "stage_events" DROP CONSTRAINT "stage_events_actor_client_id_api_clients_id_fk";--> statement-breakpoint
-- The fan-out creates deliveries from the events in the same statement, and events are never deleted: the check cost
-- every delivery a lookup and a lock of its event. No query looks deliveries up by event, so the index goes too (it cost
-- every delivery an entry at its creation and another at each update that is not HOT).
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_event_id_events_id_fk";--> statement-breakpoint
DROP INDEX "webhook_deliveries_event";--> statement-breakpoint
-- Only sequenced events in the feed's index: an unsequenced event cost an entry for its null, and the sequencer's search
-- for unsequenced events went through these nulls (and sorted them all) instead of events_unsequenced in id order.
DROP INDEX "events_position";--> statement-breakpoint
CREATE UNIQUE INDEX "events_position" ON "events" USING btree ("position") WHERE "events"."position" is not null;--> statement-breakpoint
-- Room on each page for the worker's lease (leased_until, lease_token: no index holds them), so taking a lease is a HOT
-- update, with no new index entries. drizzle-kit has no word for a table's storage parameters: this line is the only
-- place it is set.
ALTER TABLE "webhook_deliveries" SET (fillfactor = 50);
