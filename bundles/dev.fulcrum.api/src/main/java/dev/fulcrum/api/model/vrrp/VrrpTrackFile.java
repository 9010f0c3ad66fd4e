package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) "Track files": {@code track_file <NAME> { file <PATH>; weight <-254..254> [reverse];
 * init_file [VALUE] [overwrite] }} ({@code vrrp_track_file} is the older name of the same block). The
 * file holds an integer; an instance tracking it adds value × weight to its priority, or with weight 0
 * goes to FAULT while the value is not 0.
 *
 * @param file    {@code file}, the path as written
 * @param weight  {@code weight}, default 1 (keepalived 2.2.7 refuses values outside -254..254)
 * @param reverse {@code weight ... reverse}: the value counts negated
 * @param init    {@code init_file}: what to write at start-up; absent: the file is left as it is
 */
public record VrrpTrackFile(String name, String file, int weight, boolean reverse, Optional<Init> init) {

    /** keepalived.conf(5): "file to track (weight defaults to 1)". */
    public static final int DEFAULT_WEIGHT = 1;
    /** keepalived 2.2.7 (vrrp_parser.c): a track_file weight outside this range is refused. */
    public static final int MAX_WEIGHT = 254;

    public VrrpTrackFile {
        Checks.name("name", name);
        Checks.name("file", file);
        Checks.range("weight", weight, -MAX_WEIGHT, MAX_WEIGHT);
        Objects.requireNonNull(init, "init");
    }

    /**
     * {@code init_file [VALUE] [overwrite]}: VALUE (default 0) is written to the file at start-up if it
     * does not exist, or whatever it holds with {@code overwrite}.
     */
    public record Init(int value, boolean overwrite) {
    }
}
