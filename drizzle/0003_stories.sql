CREATE TABLE "story_keys" (
	"cluster_id" bigint NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"facts" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "occurred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "story_keys" ADD CONSTRAINT "story_keys_cluster_id_story_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."story_clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "story_keys_key" ON "story_keys" USING btree ("key","cluster_id","at");--> statement-breakpoint
CREATE INDEX "story_keys_cluster_idx" ON "story_keys" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "events_occurred_idx" ON "events" USING btree ("occurred_at");--> statement-breakpoint
UPDATE "events" SET "occurred_at" = coalesce((SELECT min(a."published_at") FROM "event_sources" es JOIN "articles" a ON a."id" = es."article_id" WHERE es."event_id" = "events"."id"), "events"."first_seen_at");
