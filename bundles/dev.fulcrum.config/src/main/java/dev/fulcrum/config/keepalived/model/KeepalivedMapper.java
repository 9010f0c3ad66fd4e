package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.api.model.vrrp.VrrpTrackFile;
import dev.fulcrum.config.internal.ProblemCollector;
import dev.fulcrum.config.keepalived.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The meaning of a keepalived.conf statement tree (keepalived.conf(5), keepalived 2.2): maps every
 * keyword the model covers, reports every other keyword as unsupported (with its location and the
 * block it is in), checks argument counts and values, and the rules across blocks (unique names,
 * VRIDs, virtual servers; references to scripts, instances and groups). Collects every problem.
 */
public final class KeepalivedMapper {

    private KeepalivedMapper() {
    }

    /** The configuration, or empty if any problem is an error (all of them are in {@code problems}). */
    public static Optional<KeepalivedConfig> map(List<Statement> statements, ProblemCollector problems) {
        Args args = new Args(problems);
        Names names = names(statements, args);
        GlobalDefsMapper globalDefs = new GlobalDefsMapper(args, names);
        statements.stream().filter(s -> s.keyword().equals("global_defs")).forEach(globalDefs::read);
        GlobalSettings global = globalDefs.settings();

        VrrpScriptMapper scriptMapper = new VrrpScriptMapper(args);
        TrackFileMapper trackFileMapper = new TrackFileMapper(args);
        VrrpInstanceMapper instanceMapper = new VrrpInstanceMapper(args, names, global);
        SyncGroupMapper syncGroupMapper = new SyncGroupMapper(args, names, global);
        ServerGroupMapper serverGroupMapper = new ServerGroupMapper(args);
        VirtualServerMapper serverMapper = new VirtualServerMapper(args, names);
        List<VrrpScript> scripts = new ArrayList<>();
        List<VrrpTrackFile> trackFiles = new ArrayList<>();
        List<VrrpInstance> instances = new ArrayList<>();
        List<VrrpSyncGroup> syncGroups = new ArrayList<>();
        List<VirtualServerGroup> serverGroups = new ArrayList<>();
        List<VirtualServer> servers = new ArrayList<>();
        Rules rules = new Rules(args);
        for (Statement s : statements) {
            switch (s.keyword()) {
                case "global_defs": break;
                case "vrrp_script": scriptMapper.map(s).ifPresent(scripts::add); break;
                // keepalived.conf(5): "track_file <STRING> { # vrrp_track_file is a deprecated synonym"
                case "track_file", "vrrp_track_file": trackFileMapper.map(s).ifPresent(trackFiles::add); break;
                case "vrrp_instance": instanceMapper.map(s).ifPresent(i -> {
                    instances.add(i);
                    rules.uniqueVrid(s, i);
                });
                    break;
                case "vrrp_sync_group": syncGroupMapper.map(s).ifPresent(syncGroups::add); break;
                case "virtual_server_group": serverGroupMapper.map(s).ifPresent(serverGroups::add); break;
                case "virtual_server": serverMapper.map(s).ifPresent(v -> {
                    servers.add(v);
                    rules.uniqueVirtualServer(s, v);
                });
                    break;
                default: problems.unsupported(s.location(), s.keyword(), "the top level");
            }
        }
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        VrrpConfig vrrp = new VrrpConfig(scripts, instances, syncGroups, trackFiles);
        TrackFileWeights.warn(args, statements, vrrp);
        return Optional.of(new KeepalivedConfig(global, vrrp, new LvsConfig(servers, serverGroups)));
    }

    /** Collects defined names, reporting a second definition of a name as an error at its location. */
    private static Names names(List<Statement> statements, Args args) {
        Map<String, Set<String>> defined = new HashMap<>();
        Map<String, Statement> first = new HashMap<>();
        for (Statement s : statements) {
            if (!List.of("vrrp_instance", "vrrp_script", "vrrp_sync_group", "virtual_server_group", "track_file",
                    "vrrp_track_file").contains(s.keyword())
                    || s.arguments().size() != 1) {
                continue;
            }
            String name = s.arguments().get(0).text();
            // one name space for both spellings of a track file block
            String kind = s.keyword().equals("vrrp_track_file") ? "track_file" : s.keyword();
            Statement earlier = first.putIfAbsent(kind + " " + name, s);
            if (earlier != null) {
                args.error(s.arguments().get(0), "duplicate " + s.keyword() + " name: first defined at " + earlier.location());
            }
            defined.computeIfAbsent(kind, k -> new HashSet<>()).add(name);
        }
        return new Names(defined.getOrDefault("vrrp_instance", Set.of()), defined.getOrDefault("vrrp_script", Set.of()),
                defined.getOrDefault("virtual_server_group", Set.of()), defined.getOrDefault("track_file", Set.of()));
    }

    /** Rules across blocks. */
    private static final class Rules {
        private final Args args;
        private final Map<String, Statement> vrids = new HashMap<>();
        private final Map<String, Statement> services = new HashMap<>();

        Rules(Args args) {
            this.args = args;
        }

        /**
         * A VRID identifies one virtual router per interface and address family (RFC 5798 section
         * 5.2.3; keepalived refuses a second instance with the same interface, family and VRID).
         */
        void uniqueVrid(Statement s, VrrpInstance instance) {
            int family = VrrpInstanceMapper.family(instance.virtualAddresses());
            String key = instance.interfaceName() + " IPv" + (family == 16 ? "6" : "4") + " " + instance.virtualRouterId();
            Statement earlier = vrids.putIfAbsent(key, s);
            if (earlier != null) {
                Statement where = s.children("virtual_router_id").get(0);
                args.error(where.arguments().get(0), "virtual_router_id " + instance.virtualRouterId()
                        + " is already used on " + instance.interfaceName() + " (IPv" + (family == 16 ? "6" : "4")
                        + ") by vrrp_instance " + earlier.arguments().get(0).text() + " at " + earlier.location());
            }
        }

        /** One virtual server per address/port/protocol, fwmark/protocol or group/protocol. */
        void uniqueVirtualServer(Statement s, VirtualServer server) {
            String key = server.key() + " " + server.protocol();
            Statement earlier = services.putIfAbsent(key, s);
            if (earlier != null) {
                args.error(s, "duplicate virtual_server " + String.join(" ", s.argumentTexts()) + " "
                        + server.protocol() + ": first defined at " + earlier.location());
            }
        }
    }
}
