ALTER TABLE "cycle_expected_unit" ADD COLUMN "section_changes" jsonb DEFAULT '[]'::jsonb NOT NULL;
