-- A guard for optimistic single-statement writes (see reports.repository.ts writeIfCurrent):
-- the statement's final SELECT calls it with whether its conditional UPDATE found the row at the
-- version that was read; when it did not, the error aborts the whole statement, so none of its
-- other writes lands. SQLSTATE BP409 tells the application "someone changed it first".
CREATE OR REPLACE FUNCTION bioplan_expect_current(is_current boolean) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT is_current THEN
    RAISE EXCEPTION 'the row changed since it was read' USING ERRCODE = 'BP409';
  END IF;
  RETURN true;
END
$$;
