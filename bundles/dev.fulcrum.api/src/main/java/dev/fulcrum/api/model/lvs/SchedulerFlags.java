package dev.fulcrum.api.model.lvs;

/**
 * keepalived.conf(5) scheduler flags: {@code flag-1} ({@code sh-fallback}, {@code mh-fallback}),
 * {@code flag-2} ({@code sh-port}, {@code mh-port}), {@code flag-3}; IP_VS_SVC_F_SCHED1..3.
 */
public record SchedulerFlags(boolean flag1, boolean flag2, boolean flag3) {

    public static final SchedulerFlags NONE = new SchedulerFlags(false, false, false);
}
