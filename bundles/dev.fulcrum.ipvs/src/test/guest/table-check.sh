#!/bin/bash
# Kernel-tier check of dev.fulcrum.ipvs (see GuestTableCheck): run inside the kernel rig's guest,
#   ./mvnw -B -o verify -pl bundles/dev.fulcrum.ipvs -am
#   rigs/kernel/run-in-guest bundles/dev.fulcrum.ipvs/src/test/guest/table-check.sh
# from the repository root. It uses the module's compiled classes and JNA from the local Maven
# repository; exit status 0 when every check passed.
set -euo pipefail
source "${FULCRUM_REPO:-$PWD}/bundles/dev.fulcrum.ipvs/src/test/guest/classpath.sh"
exec java -XX:TieredStopAtLevel=1 -cp "$cp" dev.fulcrum.ipvs.internal.GuestTableCheck
