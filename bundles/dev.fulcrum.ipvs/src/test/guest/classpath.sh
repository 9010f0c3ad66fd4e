# Sourced by the guest scripts here: the classpath of this module's compiled classes and test
# classes, what they need from the reactor (dev.fulcrum.config for the keepalived.conf reader,
# dev.fulcrum.health and dev.fulcrum.os for the real checkers) and JNA and Netty from the local Maven
# repository. Sets root (the repository) and cp.
root=${FULCRUM_REPO:-$PWD}
m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
cp=$root/bundles/dev.fulcrum.api/target/classes
cp=$cp:$root/bundles/dev.fulcrum.netlink/target/classes
cp=$cp:$root/bundles/dev.fulcrum.config/target/classes
cp=$cp:$root/bundles/dev.fulcrum.health/target/classes
cp=$cp:$root/bundles/dev.fulcrum.os/target/classes
cp=$cp:$root/bundles/dev.fulcrum.ipvs/target/classes
cp=$cp:$root/bundles/dev.fulcrum.ipvs/target/test-classes
cp=$cp:$m2/net/java/dev/jna/jna/5.19.1/jna-5.19.1.jar
cp=$cp:$m2/org/osgi/org.osgi.service.log/1.5.0/org.osgi.service.log-1.5.0.jar
for netty in common buffer transport resolver handler codec-base transport-native-unix-common; do
    cp=$cp:$m2/io/netty/netty-$netty/4.2.18.Final/netty-$netty-4.2.18.Final.jar
done
