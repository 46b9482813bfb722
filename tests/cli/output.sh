#!/bin/sh
# output.sh REPORTLINT — no input and no device is ever lost to -o or
# --write-baseline: naming a file the run reads (under any name: a
# symlink, a hard link) is a usage error with nothing written; a device,
# FIFO or the process's stdout is written in place, never renamed over; a
# symlink to a file keeps being a symlink; and SIGINT, SIGTERM or SIGHUP
# during a run leaves no temporary file behind and ends the run as the
# signal does. Runs as root in CI: devices are made in $tmp, never touched
# in /dev (only /dev/null's inode is looked at, before and after).
rl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. "$(dirname "$0")/../lib.sh"

cd "$tmp" || exit 1
cat >rules.json <<'J'
{"ruleset": "out", "rules": [
  {"id": "MIN", "kind": "threshold", "value": "@.v", "min": 0}
]}
J
printf '{"v": -1}\n' >r1.json
printf '{"type": "object"}\n' >schema.json
printf '{"rules": ["rules.json"]}\n' >cfg.json
printf '{"reportlint-baseline": 1, "violations": []}\n' >base.json
cp r1.json keep.json
digest() { cksum "$@" 2>/dev/null; }

# ---- -o / --write-baseline naming an input: exit 2, nothing written --------
before=$(digest r1.json rules.json schema.json cfg.json base.json)
ln -s r1.json link.json
ln r1.json hard.json
mkdir rs && cp rules.json rs/set.json
for args in "-o r1.json" "-o link.json" "-o hard.json" "--write-baseline r1.json" \
            "-o rules.json" "-o schema.json" "-o cfg.json" "-o base.json" "--write-baseline schema.json"; do
    # shellcheck disable=SC2086
    expect 2 "$args names an input" -- "$rl" --config cfg.json -s schema.json --baseline base.json $args r1.json
    contains "$tmp/err" "this run reads" "$args: says why"
    contains "$tmp/err" "nothing was written" "$args: nothing written"
done
expect 2 "-o a rule set inside an -r directory" -- "$rl" --no-config -r rs -o rs/set.json r1.json
contains "$tmp/err" "a rule set this run reads" "-o rs/set.json"
expect 2 "-o and --write-baseline the same file" -- "$rl" --no-config -r rules.json -o same.json --write-baseline same.json r1.json
after=$(digest r1.json rules.json schema.json cfg.json base.json)
[ "$before" = "$after" ] && ok || bad "an input changed"
if ls ./*.tmp* rs/*.tmp* >/dev/null 2>&1; then bad "a temporary file was left"; else ok; fi
[ -L link.json ] && ok || bad "link.json is no longer a symlink"
# The documented flow is untouched: --write-baseline over the baseline it replaces.
expect 0 "--write-baseline over --baseline's file" -- "$rl" --no-config -r rules.json --baseline base.json --write-baseline base.json r1.json
contains base.json '"rule": "MIN"' "the baseline was rewritten"
# A new output file and an existing unrelated one are written as before.
expect 1 "-o a new file" -- "$rl" --no-config -r rules.json -o new.txt r1.json
contains new.txt "r1.json:1:7: error [MIN]" "-o new.txt"
expect 1 "-o over an old output" -- "$rl" --no-config -r rules.json -f json -o new.txt r1.json
contains new.txt '"rule":"MIN"' "-o replaced"

# ---- an -o that is not a regular file is written in place ------------------
mkfifo fifo
cat fifo >from-fifo &
reader=$!
expect 1 "-o a FIFO" -- "$rl" --no-config -r rules.json -o fifo r1.json
wait $reader
[ -p fifo ] && ok || bad "-o fifo: the FIFO was replaced"
contains from-fifo "r1.json:1:7: error [MIN]" "-o fifo: the reader got the report"
if mknod null c 1 3 2>/dev/null; then
    expect 1 "-o a character device" -- "$rl" --no-config -r rules.json -o null r1.json
    [ -c null ] && ok || bad "-o null: the device node was replaced"
    ln -s null null-link
    expect 1 "-o a symlink to a character device" -- "$rl" --no-config -r rules.json -o null-link r1.json
    [ -L null-link ] && [ -c null ] && ok || bad "-o null-link: the link or the device was replaced"
else
    echo "output.sh: mknod not permitted here; the character-device case is covered by /dev/null below"
fi
ino() { stat -c '%d:%i:%F' "$1"; }
dev_null=$(ino /dev/null)
expect 1 "-o /dev/null" -- "$rl" --no-config -r rules.json -o /dev/null r1.json
[ "$(ino /dev/null)" = "$dev_null" ] && ok || bad "-o /dev/null replaced /dev/null"
# /dev/stdout: the process's stdout, written through it (a >> file keeps its content).
printf 'kept\n' >log.txt
"$rl" --no-config -r rules.json -o /dev/stdout r1.json >>log.txt 2>err.txt
[ $? = 1 ] && ok || bad "-o /dev/stdout: exit status"
contains log.txt "kept" "-o /dev/stdout >> log: the old content stays"
contains log.txt "r1.json:1:7: error [MIN]" "-o /dev/stdout >> log: the report"
[ -f log.txt ] && [ ! -L log.txt ] && ok || bad "log.txt changed kind"
"$rl" --no-config -r rules.json -o /dev/stdout r1.json | grep -q "error \[MIN\]" && ok || bad "-o /dev/stdout into a pipe"
# A symlink to a regular file: the target is replaced, the link stays a link.
printf 'old\n' >target.txt
ln -s target.txt out-link.txt
expect 1 "-o a symlink to a file" -- "$rl" --no-config -r rules.json -o out-link.txt r1.json
[ -L out-link.txt ] && ok || bad "-o out-link.txt: the link was renamed over"
contains target.txt "error [MIN]" "-o out-link.txt: the target holds the report"

# ---- signals: no temporary file left, exit status of the signal ------------
# stdin is a FIFO held open here, so the run waits on it with -o's
# temporary file open.
mkfifo hold
exec 3<>hold
for sig in INT:2 TERM:15 HUP:1; do
    num=${sig#*:}
    sig=${sig%:*}
    rm -f sig.out sig.out.tmp*
    env --default-signal=INT,TERM,HUP "$rl" --no-config -r rules.json -o sig.out - <hold 2>/dev/null &
    pid=$!
    n=0
    while ! ls sig.out.tmp* >/dev/null 2>&1 && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
    ls sig.out.tmp* >/dev/null 2>&1 && ok || bad "SIG$sig: the temporary file never appeared"
    kill -s "$sig" $pid
    wait $pid 2>/dev/null
    st=$?
    want=$((128 + num))
    [ "$st" = "$want" ] && ok || bad "SIG$sig: exit $st, expected $want"
    if ls sig.out.tmp* >/dev/null 2>&1; then bad "SIG$sig left $(ls sig.out.tmp*)"; else ok; fi
    [ -e sig.out ] && bad "SIG$sig: sig.out was created" || ok
done
exec 3>&-
cmp -s r1.json keep.json && ok || bad "r1.json changed"

echo "output.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
