package dev.fulcrum.sched.common;

import dev.fulcrum.api.sched.ServerView;
import java.util.List;

/** Weight arithmetic shared by the weighted tables (ip_vs_wrr.c, ip_vs_mh.c both reduce by the gcd). */
public final class Weights {

    private Weights() {
    }

    /** The greatest common divisor of the servers' weights; 0 for none. */
    public static int gcd(List<? extends ServerView> servers) {
        int gcd = 0;
        for (ServerView server : servers) {
            int a = gcd;
            int b = server.weight();
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            gcd = a;
        }
        return gcd;
    }

    /** The largest weight; 0 for none. */
    public static int max(List<? extends ServerView> servers) {
        int max = 0;
        for (ServerView server : servers) {
            max = Math.max(max, server.weight());
        }
        return max;
    }
}
