package dev.fulcrum.config.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServerGroup;
import dev.fulcrum.api.model.proxy.Algorithm;
import dev.fulcrum.api.model.proxy.Criterion;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.LogVariable;

/**
 * Jackson annotations for model types, attached from outside (mix-ins) so that dev.fulcrum.api stays
 * free of Jackson: the type property of the four polymorphic interfaces, and the spelling of enums
 * that have a configuration keyword different from their constant name.
 */
final class ModelMixins {

    private ModelMixins() {
    }

    static void register(ObjectMapper mapper) {
        mapper.addMixIn(HealthChecker.class, HealthCheckerMixin.class);
        mapper.addMixIn(ServiceKey.class, ServiceKeyMixin.class);
        mapper.addMixIn(VirtualServerGroup.Member.class, MemberMixin.class);
        mapper.addMixIn(Algorithm.class, KeywordMixin.class);
        mapper.addMixIn(Criterion.Fetch.class, KeywordMixin.class);
        mapper.addMixIn(HttpCheckExpect.Match.class, KeywordMixin.class);
        mapper.addMixIn(Scheduler.class, IpvsNameMixin.class);
        mapper.addMixIn(LogFormatNode.class, LogFormatNodeMixin.class);
        mapper.addMixIn(LogVariable.class, LogVariableMixin.class);
    }

    /** keepalived.conf's checker block names. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "checker")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = HealthChecker.TcpCheck.class, name = "TCP_CHECK"),
        @JsonSubTypes.Type(value = HealthChecker.HttpGet.class, name = "HTTP_GET"),
        @JsonSubTypes.Type(value = HealthChecker.MiscCheck.class, name = "MISC_CHECK"),
        @JsonSubTypes.Type(value = HealthChecker.SmtpCheck.class, name = "SMTP_CHECK"),
        @JsonSubTypes.Type(value = HealthChecker.DnsCheck.class, name = "DNS_CHECK")})
    interface HealthCheckerMixin {
    }

    /** {@code virtual_server IP PORT | fwmark N | group NAME}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ServiceKey.Address.class, name = "address"),
        @JsonSubTypes.Type(value = ServiceKey.Fwmark.class, name = "fwmark"),
        @JsonSubTypes.Type(value = ServiceKey.Group.class, name = "group")})
    interface ServiceKeyMixin {
    }

    /** A virtual_server_group member: {@code IP[-LAST] [PORT]} or {@code fwmark N}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = VirtualServerGroup.AddressRange.class, name = "range"),
        @JsonSubTypes.Type(value = VirtualServerGroup.Fwmark.class, name = "fwmark")})
    interface MemberMixin {
    }

    /** One element of a log-format string (configuration.txt 8.2.6). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "node")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = LogFormatNode.Text.class, name = "text"),
        @JsonSubTypes.Type(value = LogFormatNode.Separator.class, name = "separator"),
        @JsonSubTypes.Type(value = LogFormatNode.Field.class, name = "field")})
    interface LogFormatNodeMixin {
    }

    /** Log-format variables as written after '%' ({@code ci}, {@code Tr}, {@code TR}: case matters). */
    abstract static class LogVariableMixin {
        @JsonValue
        abstract String code();
    }

    /** Enums written as their haproxy.cfg keyword ({@code roundrobin}, {@code path_beg}, {@code rstatus}). */
    abstract static class KeywordMixin {
        @JsonValue
        abstract String keyword();
    }

    /** IPVS schedulers as keepalived's lb_algo writes them ({@code wlc}). */
    abstract static class IpvsNameMixin {
        @JsonValue
        abstract String ipvsName();
    }
}
