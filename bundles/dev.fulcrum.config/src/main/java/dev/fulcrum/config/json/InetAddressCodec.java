package dev.fulcrum.config.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import dev.fulcrum.config.internal.IpLiterals;
import java.net.InetAddress;
import java.util.Optional;

/**
 * IP addresses as numeric literals ({@code "192.168.0.1"}, {@code "2001:db8::1"}); never a name
 * lookup ({@link IpLiterals}).
 */
final class InetAddressCodec {

    static final String EXPECTED = "an IPv4 or IPv6 address literal";

    private InetAddressCodec() {
    }

    static Optional<InetAddress> parse(String text) {
        return IpLiterals.parse(text);
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
