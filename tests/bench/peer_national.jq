# peer_national.jq — the report checks of rules-national.json in jq.
#   jq -c -f peer_national.jq FILE.json   ->  {"RULE-ID": violations, ...}
# A stated figure written with d decimals tolerates half a unit of its last digit.
def tol: tostring | if test("\\.") then 0.5 * pow(10; -(split(".")[1] | length)) else 0.5 end;
def off($stated; $expected): (($stated - $expected) | fabs) > ($stated | tol);
def n(bad): if bad then 1 else 0 end;
def total(f): map(f) | add;
. as $doc
| [.provinces[]
   | (.communes | total(.staff)) as $staff
   | {"COMMUNE-ONTIME-RATIO": (.communes | total(n(off(.on_time_pct; .on_time * 100 / .resolved)))),
      "PROVINCE-STAFF-SUM": n(.staff_total != $staff),
      "PROVINCE-AVG-STAFF": n(off(.avg_staff; $staff / (.communes | length))),
      "PROVINCE-ONTIME-RATIO":
        n(off(.on_time_rate_pct; (.communes | total(.on_time)) * 100 / (.communes | total(.resolved))))}]
| reduce .[] as $p ({}; reduce ($p | keys[]) as $k (.; .[$k] += $p[$k]))
| .["NATIONAL-STAFF-SUM"] = n($doc.staff_total != ($doc.provinces | total(.staff_total)))
