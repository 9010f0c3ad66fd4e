package dev.fulcrum.deploy.internal;

import java.nio.file.Path;

/** What the deployer last put into one bundle: the jar and the checksum of its bytes. */
record DeployRecord(long bundleId, Path file, long checksum) {
}
