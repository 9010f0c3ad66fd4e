package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(emit(m)) == m for generated keepalived models (see {@link VrrpArbitraries} for what is generated). */
class KeepalivedRoundTripPropertyTest {

    @Property(tries = 300)
    void readOfEmitGivesTheModel(@ForAll("vrrp") KeepalivedConfig model) {
        String emitted = KeepalivedEmitter.emit(model);
        assertEquals(model, KeepalivedCorpusRoundTripTest.read(emitted), emitted);
    }

    @Property(tries = 100)
    void emitIsIdempotent(@ForAll("vrrp") KeepalivedConfig model) {
        String emitted = KeepalivedEmitter.emit(model);
        assertEquals(emitted, KeepalivedEmitter.emit(KeepalivedCorpusRoundTripTest.read(emitted)));
    }

    @Provide
    Arbitrary<KeepalivedConfig> vrrp() {
        return VrrpArbitraries.configs();
    }
}
