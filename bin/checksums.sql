-- Row counts of every table of the application, then an MD5 over every row of the hours ledger (工时台账), its
-- confirmations and the placements. Used by bin/checksums.sh and by BackupRestoreIntegrationTest. Times as text
-- depend on the session's zone and style: fixed here, so that any client computes the same sums.
SET TIME ZONE 'UTC';
SET DateStyle = 'ISO, YMD';
SELECT 'rows ' || c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
        n.nspname, c.relname), false, true, '')))[1]::text
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
 ORDER BY c.relname;
SELECT 'md5 hrs_entry', md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM hrs_entry t;
SELECT 'md5 hrs_confirmation', md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM hrs_confirmation t;
SELECT 'md5 plc_placement', md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM plc_placement t;
