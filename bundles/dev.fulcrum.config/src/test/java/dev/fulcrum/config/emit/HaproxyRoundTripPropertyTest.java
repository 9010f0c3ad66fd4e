package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(emit(m)) == m for generated proxy models (see {@link ProxyArbitraries} for what is generated). */
class HaproxyRoundTripPropertyTest {

    @Property(tries = 300)
    void readOfEmitGivesTheModel(@ForAll("configs") ProxyConfig model) throws ConfigException {
        String emitted = HaproxyEmitter.emit(model);
        assertEquals(model, HaproxyCorpusRoundTripTest.read(emitted), emitted);
    }

    @Property(tries = 100)
    void emitIsIdempotent(@ForAll("configs") ProxyConfig model) throws ConfigException {
        String emitted = HaproxyEmitter.emit(model);
        assertEquals(emitted, HaproxyEmitter.emit(HaproxyCorpusRoundTripTest.read(emitted)));
    }

    @Provide
    Arbitrary<ProxyConfig> configs() {
        return ProxyArbitraries.configs();
    }
}
