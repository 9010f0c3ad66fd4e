package dev.fulcrum.sched.registry;

import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;

/** A server whose weight, state and backup flag the test sets. */
final class TestServer implements ServerView {

    private final String id;
    private final boolean backup;
    private volatile int weight = 1;
    private volatile ServerState state = ServerState.UP;

    private TestServer(String id, boolean backup) {
        this.id = id;
        this.backup = backup;
    }

    static TestServer up(String id) {
        return new TestServer(id, false);
    }

    static TestServer backup(String id) {
        return new TestServer(id, true);
    }

    TestServer weight(int value) {
        weight = value;
        return this;
    }

    TestServer state(ServerState value) {
        state = value;
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
        return 0;
    }

    @Override
    public int inactiveConnections() {
        return 0;
    }

    @Override
    public int maxConnections() {
        return 0;
    }

    @Override
    public String toString() {
        return id;
    }
}
