package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.vrrp.fsm.Action.AddVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.BlockVipTraffic;
import dev.fulcrum.vrrp.fsm.Action.CancelTimer;
import dev.fulcrum.vrrp.fsm.Action.Log;
import dev.fulcrum.vrrp.fsm.Action.RemoveVirtualAddresses;
import dev.fulcrum.vrrp.fsm.Action.SendAdvert;
import dev.fulcrum.vrrp.fsm.Action.SendGratuitousArp;
import dev.fulcrum.vrrp.fsm.Action.SendUnsolicitedNa;
import dev.fulcrum.vrrp.fsm.Action.StartTimer;
import dev.fulcrum.vrrp.fsm.Action.StateChanged;
import dev.fulcrum.vrrp.fsm.Action.UnblockVipTraffic;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/** The one-line text of an action in scenario files ({@code expect ...}). */
final class ActionText {

    private ActionText() {
    }

    static String of(Action action) {
        if (action instanceof SendAdvert a) {
            return "send-advert priority=" + a.priority();
        } else if (action instanceof AddVirtualAddresses a) {
            return "add-vips " + vips(a.addresses());
        } else if (action instanceof RemoveVirtualAddresses a) {
            return "remove-vips " + vips(a.addresses());
        } else if (action instanceof SendGratuitousArp a) {
            return "garp " + hosts(a.addresses()) + " repeat=" + a.repeat();
        } else if (action instanceof SendUnsolicitedNa a) {
            return "unsolicited-na " + hosts(a.addresses()) + " repeat=" + a.repeat();
        } else if (action instanceof BlockVipTraffic a) {
            return "block-vip-traffic " + vips(a.addresses());
        } else if (action instanceof UnblockVipTraffic a) {
            return "unblock-vip-traffic " + vips(a.addresses());
        } else if (action instanceof StartTimer a) {
            return "start-timer " + a.kind() + " at=" + Arguments.formatInstant(a.at());
        } else if (action instanceof CancelTimer a) {
            return "cancel-timer " + a.kind();
        } else if (action instanceof StateChanged a) {
            return "state " + a.from() + " -> " + a.to();
        } else if (action instanceof Log a) {
            return "log " + a.message();
        }
        throw new IllegalArgumentException("no text for " + action);
    }

    private static String vips(List<VirtualAddress> addresses) {
        return addresses.stream().map(v -> v.address().getHostAddress() + "/" + v.prefixLength())
                .collect(Collectors.joining(","));
    }

    private static String hosts(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(","));
    }
}
