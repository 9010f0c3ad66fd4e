package dev.fulcrum.proxy.http;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.proxy.log.HttpExchangeLog;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.route.FrontendContext;
import io.netty.channel.Channel;

/** A {@code mode http} frontend: each admitted client connection gets a {@link ClientSession}. */
public final class HttpFrontend implements ClientPipeline {

    private final FrontendContext context;
    private final HeadParser parser = new HeadParser();

    public HttpFrontend(FrontendContext context) {
        this.context = context;
        // Checked now so that a bad "except" network fails the revision, not a request.
        context.config().options().forwardFor().ifPresent(ForwardedFor::new);
    }

    @Override
    public ConnectionGate gate() {
        return context.gate();
    }

    @Override
    public void accept(Channel client) {
        context.log().accepted(client, Mode.HTTP);
        HttpExchangeLog log = HttpExchangeLog.start(context.log(), context.gate(), client);
        HttpReader<RequestHead> reader = new HttpReader<>(parser::parseRequest, RequestHead::body);
        client.pipeline().addLast("http-request", reader);
        ClientSession session = new ClientSession(this, client, reader, log);
        context.gate().admit(client, session::start);
    }

    FrontendContext context() {
        return context;
    }

    HeadParser parser() {
        return parser;
    }
}
