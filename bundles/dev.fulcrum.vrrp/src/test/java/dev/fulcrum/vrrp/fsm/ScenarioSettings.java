package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.Authentication;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.NotifyScripts;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.api.model.vrrp.VrrpInstance;
import dev.fulcrum.vrrp.packet.Subnet;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A scenario's {@code settings} line, built the way the product builds it: a model
 * {@link VrrpInstance} (keepalived.conf(5) keywords) turned into {@link RouterSettings}.
 * Keys: version, vrid, priority, advert (s), address (the primary address), vips, state,
 * nopreempt, preempt-delay (s), no-accept, down-timer-adverts, auth (PASS password),
 * garp-repeat, garp-delay (s), garp-refresh (s), subnets, checksum-as-v2, strict; global_defs flags
 * lower-prio-no-advert, higher-prio-send-advert.
 */
record ScenarioSettings(RouterSettings router, List<Subnet> subnets) {

    static ScenarioSettings parse(String file, Scenario.SettingsLine line) {
        Arguments args = new Arguments(file, line.line(), line.words(), 1);
        InetAddress primary = address(args, args.required("address"));
        List<VirtualAddress> vips = new ArrayList<>();
        for (String vip : args.required("vips").split(",")) {
            vips.add(virtualAddress(args, vip));
        }
        List<VirtualAddress> excluded = new ArrayList<>();
        for (String address : args.string("excluded", "").split(",")) {
            if (!address.isEmpty()) {
                excluded.add(virtualAddress(args, address));
            }
        }
        List<Subnet> subnets = new ArrayList<>();
        for (String subnet : args.string("subnets", "").split(",")) {
            if (!subnet.isEmpty()) {
                VirtualAddress parsed = virtualAddress(args, subnet);
                subnets.add(new Subnet(parsed.address(), parsed.prefixLength()));
            }
        }
        String password = args.string("auth", null);
        int garpRepeat = args.integer("garp-repeat", -1);
        try {
            VrrpInstance instance = new VrrpInstance("VI_1",
                    InitialState.valueOf(args.string("state", "BACKUP")), "veth0", args.integer("vrid", 51),
                    args.integer("priority", VrrpInstance.DEFAULT_PRIORITY),
                    args.seconds("advert", VrrpInstance.DEFAULT_ADVERT_INTERVAL), args.integer("version", 3),
                    Optional.ofNullable(password).map(p -> new Authentication(Authentication.Type.PASS, p)), vips,
                    excluded, args.flag("nopreempt"), args.seconds("preempt-delay", Duration.ZERO),
                    !args.flag("no-accept"), args.flag("strict"), Optional.empty(), List.of(), Optional.empty(),
                    List.of(),
                    List.of(), false, NotifyScripts.NONE, false,
                    new GarpSettings(Optional.ofNullable(args.seconds("garp-delay", null)),
                            garpRepeat < 0 ? OptionalInt.empty() : OptionalInt.of(garpRepeat),
                            Optional.ofNullable(args.seconds("garp-refresh", null))));
            VrrpDefaults d = VrrpDefaults.DEFAULTS;
            VrrpDefaults defaults = new VrrpDefaults(d.version(), d.strict(), d.garpMasterDelay(),
                    d.garpMasterRepeat(), d.garpMasterRefresh(), d.garpInterval(), d.gnaInterval(),
                    d.skipCheckAdvAddr(), args.flag("lower-prio-no-advert"), args.flag("higher-prio-send-advert"),
                    d.startupDelay(), d.mcastGroup4(), d.mcastGroup6());
            RouterSettings router = RouterSettings.from(instance, defaults, primary)
                    .withDownTimerAdverts(args.integer("down-timer-adverts",
                            RouterSettings.DEFAULT_DOWN_TIMER_ADVERTS))
                    .withV3ChecksumAsV2(args.flag("checksum-as-v2"));
            args.finish();
            return new ScenarioSettings(router, subnets);
        } catch (IllegalArgumentException e) {
            throw args.error("bad settings: " + e.getMessage());
        }
    }

    static InetAddress address(Arguments args, String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw args.error("'" + literal + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw args.error("'" + literal + "' is not an IP address");
        }
    }

    private static VirtualAddress virtualAddress(Arguments args, String text) {
        int slash = text.indexOf('/');
        InetAddress address = address(args, slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return VirtualAddress.of(address);
        }
        try {
            return new VirtualAddress(address, Integer.parseInt(text.substring(slash + 1)), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw args.error("bad prefix in '" + text + "': " + e.getMessage());
        }
    }
}
