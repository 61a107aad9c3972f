ALTER TABLE "feeds" ADD COLUMN "kind" text DEFAULT 'rss' NOT NULL;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "selectors" jsonb;