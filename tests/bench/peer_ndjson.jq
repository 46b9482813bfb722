# peer_ndjson.jq — the record checks of rules-ndjson.json in jq.
#   jq -n -c -f peer_ndjson.jq FILE.ndjson   ->  {"RULE-ID": violations, ...}
# ISO dates compare as strings; as_of is 2025-09-30; the due day is on time.
def bump($k; $bad): if $bad then .[$k] += 1 else . end;
reduce inputs as $r (
  {"PROC-DEADLINE": 0, "PROC-CODE": 0, "DECREE-NUMBER": 0, "FEE-NONNEG": 0, "RECEIVED-BEFORE-DUE": 0};
  bump("PROC-DEADLINE"; if $r.completed == null then "2025-09-30" > $r.due else $r.completed > $r.due end)
  | bump("PROC-CODE"; $r.procedure | test("^[1-3]\\.[0-9]{6}\\.000\\.00\\.00\\.H[0-9]{2}$") | not)
  | bump("DECREE-NUMBER"; $r.decree | test("^[0-9]{1,4}/[0-9]{4}/NĐ-CP$") | not)
  | bump("FEE-NONNEG"; $r.fee < 0)
  | bump("RECEIVED-BEFORE-DUE"; $r.received > $r.due)
)
