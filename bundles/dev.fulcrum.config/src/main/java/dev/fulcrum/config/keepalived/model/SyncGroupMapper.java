package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.vrrp.TrackedFile;
import dev.fulcrum.api.model.vrrp.TrackedInterface;
import dev.fulcrum.api.model.vrrp.TrackedScript;
import dev.fulcrum.api.model.vrrp.VrrpSyncGroup;
import dev.fulcrum.config.keepalived.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code vrrp_sync_group <NAME> { group { <INSTANCE>... } ... }}; every member
 * must be a defined vrrp_instance, and an instance can be in one sync group only.
 */
final class SyncGroupMapper {

    private final Args args;
    private final Names names;
    private final VrrpBlocks blocks;
    private final GlobalSettings global;
    /** Instance name to the sync group that took it first. */
    private final Map<String, String> memberOf = new HashMap<>();

    SyncGroupMapper(Args args, Names names, GlobalSettings global) {
        this.args = args;
        this.names = names;
        this.blocks = new VrrpBlocks(args, names);
        this.global = global;
    }

    Optional<VrrpSyncGroup> map(Statement s) {
        Optional<String> name = args.one(s, "a sync group name").map(t -> t.text());
        boolean ok = name.isPresent();
        String groupName = name.orElse("");
        List<String> members = new ArrayList<>();
        List<TrackedInterface> trackInterfaces = List.of();
        List<TrackedScript> trackScripts = List.of();
        List<TrackedFile> trackFiles = List.of();
        VrrpBlocks.Notify notify = new VrrpBlocks.Notify();
        boolean smtpAlert = global.smtpAlert();
        for (Statement c : s.block()) {
            switch (c.keyword()) {
                case "group": ok &= members(c, groupName, members); break;
                case "track_interface": trackInterfaces = blocks.trackInterfaces(c); break;
                case "track_script": trackScripts = blocks.trackScripts(c); break;
                case "track_file": trackFiles = blocks.trackFiles(c); break;
                case "smtp_alert": Optional<Boolean> alert = args.flag(c); ok &= alert.isPresent();
                    smtpAlert = alert.orElse(smtpAlert); break;
                default:
                    if (!notify.read(args, c)) {
                        args.problems().unsupported(c.location(), c.keyword(), "vrrp_sync_group " + groupName);
                    }
            }
        }
        if (ok && members.isEmpty()) {
            args.error(s, "vrrp_sync_group " + groupName + ": group { ... } with at least one vrrp_instance is required");
            ok = false;
        }
        return ok ? Optional.of(new VrrpSyncGroup(groupName, members, notify.scripts(), smtpAlert, trackInterfaces,
                trackScripts, trackFiles)) : Optional.empty();
    }

    private boolean members(Statement group, String groupName, List<String> members) {
        boolean ok = args.none(group);
        for (Statement member : group.block()) {
            ok &= args.none(member);
            String instance = member.keyword();
            if (!names.instances().contains(instance)) {
                args.error(member, "sync group member: no vrrp_instance of this name is defined");
                ok = false;
            } else if (memberOf.containsKey(instance)) {
                args.error(member, "vrrp_instance is already in sync group " + memberOf.get(instance)
                        + ": an instance can be in one sync group only");
                ok = false;
            } else {
                memberOf.put(instance, groupName);
                members.add(instance);
            }
        }
        return ok;
    }
}
