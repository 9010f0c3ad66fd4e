#!/bin/bash
# Kernel-tier interop check of dev.fulcrum.ipvs (see GuestKeepalivedInterop): inside the kernel rig's
# guest, real keepalived (checker only) and Fulcrum each program the IPVS table from the same
# keepalived.conf files; ipvsadm -Ln must print the same. Arguments: the keepalived.conf files.
#   rigs/kernel/run-in-guest bundles/dev.fulcrum.ipvs/src/test/guest/interop-check.sh FILE...
set -euo pipefail
source "${FULCRUM_REPO:-$PWD}/bundles/dev.fulcrum.ipvs/src/test/guest/classpath.sh"
exec java -XX:TieredStopAtLevel=1 -cp "$cp" dev.fulcrum.ipvs.internal.GuestKeepalivedInterop "$@"
