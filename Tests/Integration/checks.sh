#!/bin/bash
# Runs inside the test's systemd manager. Usage: checks.sh STAGE
# Prints PASS/FAIL per check; exits 1 on any FAIL.
STAGE=$1
SOCK=/run/laureated/laureated.sock
CTL="$STAGE/bin/laureatectl --socket $SOCK"
fails=0; T0=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}'; }
ok() { echo "[$(since "$T0")s] PASS $*"; }
bad() { echo "[$(since "$T0")s] FAIL $*"; fails=$((fails+1)); }
prop() { systemctl show -p "$2" --value "$1"; }
expect() { local v; v=$(prop "$1" "$2"); [ "$v" = "$3" ] && ok "$4 ($1 $2=$v)" || bad "$4 ($1 $2=$v, want $3)"; }
waitfor() { local i; for i in $(seq 1 $(( $4 * 10 ))); do [ "$(prop "$1" "$2")" = "$3" ] && return 0; sleep 0.1; done; return 1; }

systemctl daemon-reload

echo "--- socket unit listens before the service runs"
systemctl start laureated.socket && ok "systemctl start laureated.socket" || bad "start laureated.socket"
expect laureated.socket ActiveState active "socket listening"
expect laureated.service ActiveState inactive "service not started yet"
[ -S $SOCK ] && ok "socket file $SOCK ($(stat -c '%a %U:%G' $SOCK))" || bad "no socket file $SOCK"

echo "--- the first connection starts the service"
t=$(date +%s.%N)
out=$($CTL ping 2>&1) && ok "laureatectl ping through the socket: $out ($(since "$t")s)" || bad "ping: $out"
expect laureated.service ActiveState active "service started by the connection"
echo "    StatusText: $(prop laureated.service StatusText)"

echo "--- systemctl start returns only after READY=1"
systemctl stop laureated.service
t=$(date +%s.%N); systemctl start laureated.service; d=$(since "$t")
state=$(prop laureated.service ActiveState)/$(prop laureated.service SubState)
[ "$state" = "active/running" ] && ok "start returned after ${d}s with the unit $state" || bad "after start the unit is $state"
case "$(prop laureated.service StatusText)" in Serving*) ok "StatusText: $(prop laureated.service StatusText)";; *) bad "StatusText: $(prop laureated.service StatusText)";; esac
expect laureated.service NotifyAccess main "NotifyAccess"
[ "$(prop laureated.service WatchdogUSec)" = "30s" ] && ok "watchdog armed (WatchdogUSec=30s)" || bad "WatchdogUSec=$(prop laureated.service WatchdogUSec)"

echo "--- laureatectl through /run/laureated/laureated.sock"
out=$($CTL get lacio 2>&1); case "$out" in *Oxxius*) ok "laureatectl get lacio: $(echo "$out" | head -1)";; *) bad "get lacio: $out";; esac
out=$($CTL --json status 2>&1); case "$out" in *'"records":89'*) ok "status: 89 records";; *) bad "status: $out";; esac

echo "--- systemctl reload serves a changed dataset"
pid=$(prop laureated.service MainPID)
echo '{"id":"zz-systemd-test","company":"Reload SA","sector":"sante","call":"relocalisation","sources":["https://example.invalid/reload"]}' >> "$STAGE/data/laureates.jsonl"
t=$(date +%s.%N); systemctl reload laureated.service && ok "systemctl reload returned after $(since "$t")s" || bad "reload failed"
for _ in $(seq 1 100); do $CTL --json get zz-systemd-test >/dev/null 2>&1 && break; sleep 0.1; done
out=$($CTL --json get zz-systemd-test 2>&1); case "$out" in *'Reload SA'*) ok "new record served $(since "$t")s after reload";; *) bad "after reload: $out";; esac
waitfor laureated.service ActiveState active 10 && ok "active again after reload" || bad "stuck in $(prop laureated.service ActiveState)"
case "$(prop laureated.service StatusText)" in *reloaded*) ok "StatusText: $(prop laureated.service StatusText)";; *) bad "StatusText after reload: $(prop laureated.service StatusText)";; esac
expect laureated.service MainPID "$pid" "same MainPID after reload"

echo "--- no failed request across systemctl restart"
python3 "$STAGE/client-loop.py" $SOCK 6 > /tmp/loop.out 2>/tmp/loop.err & loop=$!
sleep 1.5; t=$(date +%s.%N); systemctl restart laureated.service && ok "restart returned after $(since "$t")s" || bad "restart failed"
sleep 1.5; systemctl restart laureated.service && ok "second restart" || bad "second restart failed"
wait $loop
result=$(cat /tmp/loop.out)
case "$result" in *" 0 failed") ok "client loop across two restarts: $result";; *) bad "client loop: $result; $(head -3 /tmp/loop.err)";; esac

echo "--- systemctl stop ends with success"
pid=$(prop laureated.service MainPID)
t=$(date +%s.%N); systemctl stop laureated.service && ok "stop returned after $(since "$t")s" || bad "stop failed"
expect laureated.service ActiveState inactive "inactive after stop"
expect laureated.service Result success "Result"
kill -0 "$pid" 2>/dev/null && bad "pid $pid still alive" || ok "pid $pid gone"
expect laureated.socket ActiveState active "socket still listening after the service stopped"
[ -S $SOCK ] && ok "socket file kept for the next activation" || bad "socket file removed"
systemctl stop laureated.socket
expect laureated.socket ActiveState inactive "socket stopped"

echo "--- result: $fails failure(s) in $(since "$T0")s"
[ $fails = 0 ]
