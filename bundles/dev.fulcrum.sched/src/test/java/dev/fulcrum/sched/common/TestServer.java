package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;

/** A mutable server for tests; fields are volatile so picking threads see a writer's changes. */
public final class TestServer implements ServerView {

    private final String id;
    private volatile int weight;
    private volatile ServerState state = ServerState.UP;
    private volatile boolean backup;
    private volatile int active;
    private volatile int inactive;
    private volatile int maxConnections;

    public TestServer(String id, int weight) {
        this.id = id;
        this.weight = weight;
    }

    public static TestServer up(String id, int weight) {
        return new TestServer(id, weight);
    }

    public TestServer weight(int value) {
        weight = value;
        return this;
    }

    public TestServer state(ServerState value) {
        state = value;
        return this;
    }

    public TestServer backup(boolean value) {
        backup = value;
        return this;
    }

    public TestServer connections(int activeCount, int inactiveCount) {
        active = activeCount;
        inactive = inactiveCount;
        return this;
    }

    public TestServer maxConnections(int value) {
        maxConnections = value;
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
        return active;
    }

    @Override
    public int inactiveConnections() {
        return inactive;
    }

    @Override
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public String toString() {
        return id + "(w" + weight + " " + state + (backup ? " backup" : "") + " " + active + "/" + inactive + ")";
    }
}
