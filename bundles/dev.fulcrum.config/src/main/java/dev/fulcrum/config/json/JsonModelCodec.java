package dev.fulcrum.config.json;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ModelCodec;
import dev.fulcrum.api.model.DesiredState;
import org.osgi.service.component.annotations.Component;

/** The model JSON as an OSGi service, so that the REST bundle needs neither Jackson nor this package. */
@Component(service = ModelCodec.class)
public final class JsonModelCodec implements ModelCodec {

    private final ModelJson json = new ModelJson();

    @Override
    public String toJson(DesiredState state) {
        return json.write(state);
    }

    @Override
    public DesiredState fromJson(String text, String sourceName) throws ConfigException {
        return json.read(text, sourceName);
    }
}
