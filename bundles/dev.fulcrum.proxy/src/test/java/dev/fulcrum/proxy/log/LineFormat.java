package dev.fulcrum.proxy.log;

import java.util.Map;

/** A log line format LogDifferentialTest splits into named fields. */
interface LineFormat {

    /** Every field of {@code line} by name; fails when the line does not have the format. */
    Map<String, String> fields(String line);

    /** The fields that must be equal between HAProxy and this proxy, the varying ones reduced to their shape. */
    Map<String, String> comparable(String line);
}
