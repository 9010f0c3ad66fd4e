#!/bin/bash
# Reproduces the golden VRRP adverts in src/test/resources/golden from a real keepalived.
#
# Runs keepalived (Debian package keepalived 2.2.7, VRRP only: -P) in a network namespace this
# script creates and deletes, with one VRRPv2 instance (auth_type PASS), one VRRPv3 IPv4 instance
# and one VRRPv3 IPv6 instance on a veth; tcpdump captures what it sends; SIGTERM makes keepalived
# resign with priority-0 adverts (RFC 5798 section 6.4.3), which are captured too.
# For every instance the first advert and the first priority-0 advert are written as
# "key=value" files: the IP header fields the raw socket reports and the VRRP payload in hex.
#
# Needs root, keepalived and tcpdump.  Usage: capture.sh [OUTPUT_DIR]
set -euo pipefail

out=${1:-$(dirname "$0")/../resources/golden}
ns=fulcrum-capture-$$
work=$(mktemp -d)
cleanup() {
    [ -n "${keepalived_pid:-}" ] && kill "$keepalived_pid" 2>/dev/null || true
    [ -n "${tcpdump_pid:-}" ] && kill "$tcpdump_pid" 2>/dev/null || true
    ip netns delete "$ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns"
in_ns() { ip netns exec "$ns" "$@"; }
in_ns ip link set lo up
# No duplicate address detection: the IPv6 link-local source must be usable at once.
in_ns sysctl -q -w net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
in_ns ip link add va type veth peer name vb
in_ns ip address add 192.0.2.1/24 dev va
in_ns ip link set va up
in_ns ip link set vb up

cat > "$work/keepalived.conf" <<CONF
global_defs {
    router_id fulcrum-capture
}
vrrp_instance V2_PASS {
    state MASTER
    interface va
    virtual_router_id 51
    priority 150
    advert_int 1
    version 2
    authentication {
        auth_type PASS
        auth_pass fulcrum
    }
    virtual_ipaddress {
        192.0.2.100/24
        192.0.2.101/24
    }
}
vrrp_instance V3_IPV4 {
    state MASTER
    interface va
    virtual_router_id 52
    priority 200
    advert_int 1
    version 3
    virtual_ipaddress {
        198.51.100.10/24
        198.51.100.11/24
        198.51.100.12/24
    }
}
vrrp_instance V3_IPV6 {
    state MASTER
    interface va
    virtual_router_id 53
    priority 100
    advert_int 0.5
    version 3
    virtual_ipaddress {
        fe80::53/64
        2001:db8::53/64
    }
}
CONF

ip netns exec "$ns" tcpdump -i va -U -n -Z root -w "$work/vrrp.pcap" 'ip proto 112 or ip6 proto 112' 2>"$work/tcpdump.log" &
tcpdump_pid=$!
sleep 1
ip netns exec "$ns" keepalived -n -l -D -P -f "$work/keepalived.conf" -p "$work/keepalived.pid" \
    -r "$work/vrrp.pid" -c "$work/checkers.pid" >"$work/keepalived.log" 2>&1 &
keepalived_pid=$!
sleep 5
kill -TERM "$keepalived_pid"
wait "$keepalived_pid" || true
keepalived_pid=
sleep 1
kill "$tcpdump_pid"
wait "$tcpdump_pid" || true
tcpdump_pid=

version=$(keepalived -v 2>&1 | head -1)
mkdir -p "$out"
# tcpdump -x prints each IP packet (no link header) as hex; awk (POSIX, mawk will do) picks the fields out.
tcpdump -r "$work/vrrp.pcap" -n -x 2>/dev/null | awk -v out="$out" -v version="$version" '
function flush(   hex, ipv, ihl, payload, vrid, prio, kind, name, src, dst, ttl, i) {
    if (packet == "") return
    hex = packet; packet = ""
    ipv = substr(hex, 1, 1)
    if (ipv == "4") {
        ihl = hexval(substr(hex, 2, 1)) * 4
        ttl = hexval(substr(hex, 17, 2))
        src = dotted(substr(hex, 25, 8)); dst = dotted(substr(hex, 33, 8)); family = "ipv4"
    } else {
        ihl = 40
        ttl = hexval(substr(hex, 15, 2))
        src = colons(substr(hex, 17, 32)); dst = colons(substr(hex, 49, 32)); family = "ipv6"
    }
    payload = substr(hex, ihl * 2 + 1)
    vrid = hexval(substr(payload, 3, 2))
    prio = hexval(substr(payload, 5, 2))
    kind = "v" substr(payload, 1, 1) "-" (vrid == 51 ? "pass-" : "") family (prio == 0 ? "-priority0" : "")
    if (kind in seen) return
    seen[kind] = 1
    name = out "/" kind ".txt"
    print "# A VRRP advert sent by " version " (see src/test/capture/capture.sh)." > name
    print "source=" src > name
    print "destination=" dst > name
    print "ttl=" ttl > name
    print "payload=" payload > name
    close(name)
}
function hexval(h,   i, v) {
    v = 0
    for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
    return v
}
function dotted(h) {
    return hexval(substr(h,1,2)) "." hexval(substr(h,3,2)) "." hexval(substr(h,5,2)) "." hexval(substr(h,7,2))
}
function colons(h,   r, i) {
    r = substr(h, 1, 4)
    for (i = 5; i <= 32; i += 4) r = r ":" substr(h, i, 4)
    return r
}
/^[0-9]/ { flush(); next }
/^\t0x/ { line = $0; sub(/^\t0x[0-9a-f]+: +/, "", line); gsub(/ /, "", line); packet = packet line }
END { flush() }
'
ls -1 "$out"
