-- Resumable imports (task plugin). A chunk of imported rows commits together with the task's counters, so
-- processed_records is also the resume position: a retry skips that many records of the file. The reasons of the
-- first errors (at most 10 'Line N: reason' lines, newline-separated) commit with them, so the error summary of a
-- resumed import is the same as that of an uninterrupted one; failed_records counts the rest.
ALTER TABLE tasks ADD COLUMN first_errors VARCHAR(65536);
