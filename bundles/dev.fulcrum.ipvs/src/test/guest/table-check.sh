#!/bin/bash
# Kernel-tier check of dev.fulcrum.ipvs (see GuestTableCheck): run inside the kernel rig's guest,
#   ./mvnw -B -o verify -pl bundles/dev.fulcrum.ipvs -am
#   rigs/kernel/run-in-guest bundles/dev.fulcrum.ipvs/src/test/guest/table-check.sh
# from the repository root. It uses the module's compiled classes and JNA from the local Maven
# repository; exit status 0 when every check passed.
set -euo pipefail
root=${FULCRUM_REPO:-$PWD} # run-in-guest runs a copy of this script in the caller's directory
m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
cp=$root/bundles/dev.fulcrum.api/target/classes
cp=$cp:$root/bundles/dev.fulcrum.netlink/target/classes
cp=$cp:$root/bundles/dev.fulcrum.ipvs/target/classes
cp=$cp:$root/bundles/dev.fulcrum.ipvs/target/test-classes
cp=$cp:$m2/net/java/dev/jna/jna/5.19.1/jna-5.19.1.jar
cp=$cp:$m2/org/osgi/org.osgi.service.log/1.5.0/org.osgi.service.log-1.5.0.jar
exec java -XX:TieredStopAtLevel=1 -cp "$cp" dev.fulcrum.ipvs.internal.GuestTableCheck
