-- Every request of a signed-in student looks the student up by account (Roster.ofAccount): without this index that
-- is a sequential scan of the whole roster (8 ms at 30,000 students, on every apply of the rush).
CREATE INDEX org_student_account_ix ON org_student (account_id);
