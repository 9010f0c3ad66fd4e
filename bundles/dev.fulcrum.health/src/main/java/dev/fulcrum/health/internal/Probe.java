package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/** One check of a target. Never completes exceptionally: every failure is an outcome. */
@FunctionalInterface
interface Probe {

    CompletionStage<CheckOutcome> check(InetSocketAddress target);
}
