CREATE TABLE "articles" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feed_id" integer NOT NULL,
	"url" text NOT NULL,
	"guid" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"full_text" text,
	"lang" text,
	"author" text,
	"published_at" timestamp with time zone,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_hash" text NOT NULL,
	"simhash" bigint,
	"cluster_id" bigint,
	"ruleset_version" text,
	"extracted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" bigint NOT NULL,
	"subject" text NOT NULL,
	"subject_type" text NOT NULL,
	"chip" text NOT NULL,
	"chip_domestic" boolean NOT NULL,
	"stage" text NOT NULL,
	"modality" text NOT NULL,
	"negated" boolean DEFAULT false NOT NULL,
	"evidence_start" integer NOT NULL,
	"evidence_end" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_sources" (
	"event_id" bigint NOT NULL,
	"article_id" bigint NOT NULL,
	"score" real NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator" text NOT NULL,
	"cluster_id" bigint NOT NULL,
	"title" text NOT NULL,
	"score" real NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"novel" boolean DEFAULT false NOT NULL,
	"source_count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"alerted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feeds" (
	"id" serial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"site_url" text,
	"lang" text,
	"category" text,
	"note" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"allow_private" boolean DEFAULT false NOT NULL,
	"fetch_full_text" boolean DEFAULT false NOT NULL,
	"interval_seconds" integer DEFAULT 900 NOT NULL,
	"next_fetch_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetch_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_new_item_at" timestamp with time zone,
	"last_status" text,
	"last_http_status" integer,
	"last_error" text,
	"etag" text,
	"last_modified" text,
	"error_count" integer DEFAULT 0 NOT NULL,
	"consecutive_errors" integer DEFAULT 0 NOT NULL,
	"broken" boolean DEFAULT false NOT NULL,
	"broken_reason" text,
	"silent" boolean DEFAULT false NOT NULL,
	"parser" text,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fetch_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feed_id" integer NOT NULL,
	"job_key" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"http_status" integer,
	"bytes" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"new_items" integer DEFAULT 0 NOT NULL,
	"parser" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" bigint NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"surface" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"discovered" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_clusters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"simhash" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_cluster_id_story_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."story_clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_cluster_id_story_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."story_clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fetch_runs" ADD CONSTRAINT "fetch_runs_feed_id_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_url_key" ON "articles" USING btree ("url");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_feed_guid_key" ON "articles" USING btree ("feed_id","guid");--> statement-breakpoint
CREATE INDEX "articles_content_hash_idx" ON "articles" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "articles_ruleset_idx" ON "articles" USING btree ("ruleset_version");--> statement-breakpoint
CREATE INDEX "articles_published_idx" ON "articles" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "articles_cluster_idx" ON "articles" USING btree ("cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_article_key" ON "claims" USING btree ("article_id","subject","chip","stage","negated");--> statement-breakpoint
CREATE INDEX "claims_subject_idx" ON "claims" USING btree ("subject","chip","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sources_key" ON "event_sources" USING btree ("event_id","article_id");--> statement-breakpoint
CREATE INDEX "event_sources_article_idx" ON "event_sources" USING btree ("article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_indicator_cluster_key" ON "events" USING btree ("indicator","cluster_id");--> statement-breakpoint
CREATE INDEX "events_status_idx" ON "events" USING btree ("status","score");--> statement-breakpoint
CREATE INDEX "events_first_seen_idx" ON "events" USING btree ("first_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feeds_url_key" ON "feeds" USING btree ("url");--> statement-breakpoint
CREATE INDEX "feeds_due_idx" ON "feeds" USING btree ("next_fetch_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fetch_runs_job_key" ON "fetch_runs" USING btree ("job_key");--> statement-breakpoint
CREATE INDEX "fetch_runs_feed_idx" ON "fetch_runs" USING btree ("feed_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_article_span_key" ON "mentions" USING btree ("article_id","start","end","type");--> statement-breakpoint
CREATE INDEX "mentions_name_idx" ON "mentions" USING btree ("type","name");--> statement-breakpoint
CREATE INDEX "reviews_event_idx" ON "reviews" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "story_clusters_created_idx" ON "story_clusters" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_name_key" ON "users" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_token_key" ON "users" USING btree ("token_hash");