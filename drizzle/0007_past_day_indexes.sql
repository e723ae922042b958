CREATE INDEX "vacancy_stage_daily_day" ON "vacancy_stage_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "rollup_duration_daily_scope_day" ON "rollup_duration_daily" USING btree ("scope","day");--> statement-breakpoint
CREATE INDEX "rollup_exit_daily_scope_day" ON "rollup_exit_daily" USING btree ("scope","day");