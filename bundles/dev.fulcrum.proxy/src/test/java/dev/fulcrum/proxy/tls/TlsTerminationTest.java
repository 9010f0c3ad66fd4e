package dev.fulcrum.proxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.TlsSettings;
import dev.fulcrum.proxy.testing.Certificates;
import dev.fulcrum.proxy.testing.Certificates.KeyForm;
import dev.fulcrum.proxy.testing.RecordingPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS decorator in front of a frontend's pipeline, on an embedded channel. */
class TlsTerminationTest {

    @TempDir
    Path dir;

    @Test
    void marksTheConnectionAsTlsAndPutsTheSniHandlerFirstBeforeThePlainPipeline() throws Exception {
        Path pem = Certificates.create(dir, "site.pem", KeyForm.EC_PKCS8, "site.test");
        RecordingPipeline plain = new RecordingPipeline(1);
        TlsTermination tls = TlsTermination.of(new TlsSettings(List.of(pem.toString()), List.of("http/1.1")), Mode.HTTP,
                plain, null, SslProvider.JDK);
        EmbeddedChannel client = new EmbeddedChannel();
        EmbeddedChannel other = new EmbeddedChannel();

        tls.accept(client);

        assertSame(plain.gate(), tls.gate());
        assertEquals(List.of(client), plain.accepted());
        assertInstanceOf(SniHandler.class, client.pipeline().first());
        assertTrue(TlsTermination.isTls(client));
        assertFalse(TlsTermination.isTls(other), "a connection on a plain bind");
        client.finishAndReleaseAll();
        other.finishAndReleaseAll();
    }
}
