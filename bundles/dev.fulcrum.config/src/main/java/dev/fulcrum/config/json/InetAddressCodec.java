package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses as numeric literals ({@code "192.168.0.1"}, {@code "2001:db8::1"}); never a name
 * lookup: a string that is not a literal is rejected before {@link InetAddress#getByName} sees it.
 */
final class InetAddressCodec {

    static final String EXPECTED = "an IPv4 or IPv6 address literal";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private InetAddressCodec() {
    }

    static Optional<InetAddress> parse(String text) {
        if (!IPV4.matcher(text).matches() && !(IPV6.matcher(text).matches() && text.length() <= 45)) {
            return Optional.empty();
        }
        try {
            // A dotted quad or a text with ':' is parsed as a literal by the JDK, without DNS.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | RuntimeException notALiteral) {
            return Optional.empty();
        }
    }

    static final class Serializer extends StdScalarSerializer<InetAddress> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(InetAddress.class);
        }

        @Override
        public void serialize(InetAddress value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.getHostAddress());
        }
    }

    static final class Deserializer extends StdScalarDeserializer<InetAddress> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(InetAddress.class);
        }

        @Override
        public InetAddress deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (InetAddress) ctxt.handleUnexpectedToken(InetAddress.class, p);
            }
            String text = p.getText();
            Optional<InetAddress> address = parse(text);
            if (address.isEmpty()) {
                return (InetAddress) ctxt.handleWeirdStringValue(InetAddress.class, text, EXPECTED);
            }
            return address.get();
        }
    }
}
