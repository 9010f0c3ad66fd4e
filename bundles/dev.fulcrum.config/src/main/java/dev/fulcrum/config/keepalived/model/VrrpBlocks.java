package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.TrackedSubsystem;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The value blocks shared by vrrp_instance and vrrp_sync_group (keepalived.conf(5)):
 * {@code virtual_ipaddress}, {@code track_interface}, {@code track_script}, {@code track_file}, {@code unicast_peer}
 * and the {@code notify_*} scripts.
 */
final class VrrpBlocks {

    /** The subsystems Fulcrum's own bundles publish (their fulcrum.subsystem service property), vrrp excepted. */
    static final List<String> FULCRUM_SUBSYSTEMS = List.of("config", "deploy", "host", "ipvs", "proxy", "sched",
            "syslog");

    private final Args args;
    private final Names names;

    VrrpBlocks(Args args, Names names) {
        this.args = args;
        this.names = names;
    }

    /** {@code <IPADDR>[/<MASK>] [brd <IPADDR>] [dev <STRING>] [scope <SCOPE>] [label <LABEL>]} per line. */
    List<VirtualAddress> addresses(Statement block) {
        args.none(block);
        List<VirtualAddress> result = new ArrayList<>();
        for (Statement line : block.block()) {
            address(line).ifPresent(result::add);
        }
        return result;
    }

    private Optional<VirtualAddress> address(Statement line) {
        String text = line.keyword();
        int slash = text.indexOf('/');
        Optional<InetAddress> address = Args.parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            args.error(line, "expected <IPADDR>[/<MASK>]");
            return Optional.empty();
        }
        int max = address.get().getAddress().length * 8;
        int prefix = max;
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            if (!mask.matches("\\d{1,3}") || Integer.parseInt(mask) > max) {
                args.error(line, "expected a prefix length 0.." + max + " after '/'");
                return Optional.empty();
            }
            prefix = Integer.parseInt(mask);
        }
        Optional<InetAddress> brd = Optional.empty();
        Optional<String> dev = Optional.empty();
        Optional<String> scope = Optional.empty();
        Optional<String> label = Optional.empty();
        List<Token> a = line.arguments();
        for (int i = 0; i < a.size(); i += 2) {
            String option = a.get(i).text();
            if (!List.of("brd", "dev", "scope", "label").contains(option)) {
                args.problems().unsupported(a.get(i).location(), option, "virtual_ipaddress");
                return Optional.empty();
            }
            if (i + 1 >= a.size()) {
                args.problems().error(a.get(i).end(), "", option + ": missing argument");
                return Optional.empty();
            }
            Token value = a.get(i + 1);
            switch (option) {
                case "brd":
                    brd = args.address(value);
                    if (brd.isEmpty()) {
                        return Optional.empty();
                    }
                    break;
                case "dev": dev = Optional.of(value.text()); break;
                case "scope":
                    if (args.choice(value, List.of("site", "link", "host", "nowhere", "global")).isEmpty()) {
                        return Optional.empty();
                    }
                    scope = Optional.of(value.text());
                    break;
                default: label = Optional.of(value.text());
            }
        }
        return Optional.of(new VirtualAddress(address.get(), prefix, brd, dev, scope, label));
    }

    /** {@code track_interface { <IF> [weight <-253..253>] }}. */
    List<TrackedInterface> trackInterfaces(Statement block) {
        args.none(block);
        List<TrackedInterface> result = new ArrayList<>();
        for (Statement line : block.block()) {
            weight(line).ifPresent(w -> result.add(new TrackedInterface(line.keyword(), w.orElse(0))));
        }
        return result;
    }

    /** {@code track_script { <SCRIPT_NAME> [weight <-253..253>] }}; the script must be defined. */
    List<TrackedScript> trackScripts(Statement block) {
        args.none(block);
        List<TrackedScript> result = new ArrayList<>();
        for (Statement line : block.block()) {
            if (!names.scripts().contains(line.keyword())) {
                args.error(line, "track_script: no vrrp_script of this name is defined");
                continue;
            }
            weight(line).ifPresent(w -> result.add(new TrackedScript(line.keyword(), w)));
        }
        return result;
    }

    /**
     * {@code track_file { <NAME> [weight <-254..254> [reverse|noreverse]] }}: the track_file must be
     * defined; a name listed twice is an error (keepalived 2.2.7 ignores the second with a message).
     */
    List<TrackedFile> trackFiles(Statement block) {
        args.none(block);
        List<TrackedFile> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Statement line : block.block()) {
            if (!names.trackFiles().contains(line.keyword())) {
                args.error(line, "track_file: no track_file block of this name is defined");
            } else if (!seen.add(line.keyword())) {
                args.error(line, "track_file: this track_file is already listed in the block");
            } else {
                fileWeight(line).ifPresent(result::add);
            }
        }
        return result;
    }

    /** The words after a track_file name: {@code [weight <-254..254> [reverse|noreverse]]}. */
    private Optional<TrackedFile> fileWeight(Statement line) {
        if (!args.count(line, 0, 3, "[weight <-254..254> [reverse|noreverse]]")) {
            return Optional.empty();
        }
        List<Token> words = line.arguments();
        if (words.isEmpty()) {
            return Optional.of(new TrackedFile(line.keyword()));
        }
        Optional<Integer> weight = weightValue(line, VrrpTrackFile.MAX_WEIGHT);
        Optional<Boolean> reverse = Optional.empty();
        if (weight.isPresent() && words.size() == 3) {
            Optional<String> option = args.choice(words.get(2), List.of("reverse", "noreverse"));
            if (option.isEmpty()) {
                return Optional.empty();
            }
            reverse = option.map("reverse"::equals);
        }
        Optional<Boolean> r = reverse;
        return weight.map(w -> new TrackedFile(line.keyword(), OptionalInt.of(w), r));
    }

    /**
     * Fulcrum's {@code track_subsystem { <SUBSYSTEM> [weight <-253..253>] }}: not "vrrp" itself; a name
     * that no Fulcrum bundle uses is a warning (a hot-deployed bundle may bring it), and counts as
     * failing while no subsystem of that name runs.
     */
    List<TrackedSubsystem> trackSubsystems(Statement block) {
        args.none(block);
        List<TrackedSubsystem> result = new ArrayList<>();
        for (Statement line : block.block()) {
            if (line.keyword().equals(TrackedSubsystem.SELF)) {
                args.error(line, "track_subsystem: a vrrp_instance cannot track the vrrp subsystem itself");
                continue;
            }
            if (!FULCRUM_SUBSYSTEMS.contains(line.keyword())) {
                args.warning(line, "track_subsystem: no Fulcrum subsystem is called this (known: "
                        + String.join(", ", FULCRUM_SUBSYSTEMS) + "); it counts as failing while none of this name runs");
            }
            weight(line).ifPresent(w -> result.add(new TrackedSubsystem(line.keyword(), w.orElse(0))));
        }
        return result;
    }

    /** {@code [weight <-253..253>]} after a tracked name; empty when invalid (reported). */
    private Optional<OptionalInt> weight(Statement line) {
        if (!args.count(line, 0, 2, "[weight <-253..253>]")) {
            return Optional.empty();
        }
        if (line.arguments().isEmpty()) {
            return Optional.of(OptionalInt.empty());
        }
        return weightValue(line, 253).map(OptionalInt::of);
    }

    /** The N of "weight N" in the first two arguments, in -max..max; empty when invalid (reported). */
    private Optional<Integer> weightValue(Statement line, int max) {
        Token keyword = line.arguments().get(0);
        if (!keyword.text().equals("weight")) {
            args.error(keyword, "expected weight");
            return Optional.empty();
        }
        if (line.arguments().size() < 2) {
            args.problems().error(keyword.end(), "", "weight: missing argument: expected an integer -" + max + ".." + max);
            return Optional.empty();
        }
        return args.integer(line.arguments().get(1), -max, max);
    }

    /** {@code unicast_peer { <IPADDR> ... }}. */
    List<InetAddress> peers(Statement block) {
        args.none(block);
        List<InetAddress> result = new ArrayList<>();
        for (Statement line : block.block()) {
            args.none(line);
            Optional<InetAddress> peer = Args.parseAddress(line.keyword());
            if (peer.isEmpty()) {
                args.error(line, "expected an IPv4 or IPv6 address");
            }
            peer.ifPresent(result::add);
        }
        return result;
    }

    /** Collects {@code notify_master|backup|fault|stop} and {@code notify}; false if the keyword is none of them. */
    static final class Notify {
        private Optional<String> master = Optional.empty();
        private Optional<String> backup = Optional.empty();
        private Optional<String> fault = Optional.empty();
        private Optional<String> stop = Optional.empty();
        private Optional<String> generic = Optional.empty();

        boolean read(Args args, Statement s) {
            switch (s.keyword()) {
                case "notify_master": master = args.text(s, "a command").or(() -> master); return true;
                case "notify_backup": backup = args.text(s, "a command").or(() -> backup); return true;
                case "notify_fault": fault = args.text(s, "a command").or(() -> fault); return true;
                case "notify_stop": stop = args.text(s, "a command").or(() -> stop); return true;
                case "notify": generic = args.text(s, "a command").or(() -> generic); return true;
                default: return false;
            }
        }

        NotifyScripts scripts() {
            return new NotifyScripts(master, backup, fault, stop, generic);
        }
    }
}
