package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import java.time.Duration;
import java.time.Instant;

/** A server whose figures a test sets (volatile: read by picking threads while another one changes them). */
final class TestServer implements ServerView {

    private final String id;
    private volatile int weight;
    private volatile ServerState state = ServerState.UP;
    private volatile boolean backup;
    private volatile int activeConnections;
    private volatile int maxConnections;
    private volatile Duration slowStart = Duration.ZERO;
    private volatile Instant upSince = Instant.EPOCH;

    TestServer(String id, int weight) {
        this.id = id;
        this.weight = weight;
    }

    static TestServer of(String id) {
        return new TestServer(id, 1);
    }

    TestServer weight(int value) {
        weight = value;
        return this;
    }

    TestServer state(ServerState value) {
        state = value;
        return this;
    }

    TestServer backup(boolean value) {
        backup = value;
        return this;
    }

    TestServer connections(int value) {
        activeConnections = value;
        return this;
    }

    TestServer maxConnections(int value) {
        maxConnections = value;
        return this;
    }

    TestServer slowStart(Duration period, Instant since) {
        slowStart = period;
        upSince = since;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public ServerState state() {
        return state;
    }

    @Override
    public boolean backup() {
        return backup;
    }

    @Override
    public int activeConnections() {
        return activeConnections;
    }

    @Override
    public int inactiveConnections() {
        return 0;
    }

    @Override
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public Duration slowStart() {
        return slowStart;
    }

    @Override
    public Instant upSince() {
        return upSince;
    }

    @Override
    public String toString() {
        return id;
    }
}
