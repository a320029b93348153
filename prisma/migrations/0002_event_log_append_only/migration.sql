-- The event log is the archive (一事一档, 002 五(十)): rows are only ever appended.
CREATE FUNCTION event_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER event_log_append_only
  BEFORE UPDATE OR DELETE ON "Event"
  FOR EACH STATEMENT EXECUTE FUNCTION event_log_is_append_only();
