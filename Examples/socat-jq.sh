#!/bin/sh
# Querying laureated from a shell script with socat and jq, no laureatectl needed.
#   Examples/socat-jq.sh [SOCKET]
set -eu
sock=${1:-${LAUREATED_SOCKET:-/run/laureated/laureated.sock}}

call() { # METHOD PARAMS-JSON: prints the result, or the error on stderr and fails
    reply=$(printf '{"jsonrpc":"2.0","id":1,"method":"%s","params":%s}\n' "$1" "$2" | socat - "UNIX-CONNECT:$sock")
    if echo "$reply" | jq -e 'has("error")' >/dev/null; then
        echo "$reply" | jq -r '"error \(.error.code) \(.error.data.name): \(.error.message)"' >&2
        return 1
    fi
    echo "$reply" | jq -c .result
}

echo "LACIO is made by $(call laureate.get '{"id":"lacio"}' | jq -r .company)"
echo "Laureates per sector:"
call laureate.stats '{"by":"sector"}' | jq -r '.groups[] | "  \(.key // "(none)")\t\(.count)"'
echo "Electronics in Brittany: $(call laureate.search '{"sector":"electronique","region":"bretagne"}' | jq -r '[.items[].id] | join(", ")')"
if ! call laureate.get '{"id":"no-such-laureate"}' 2>/dev/null; then echo "a missing id is an error, as expected"; fi
