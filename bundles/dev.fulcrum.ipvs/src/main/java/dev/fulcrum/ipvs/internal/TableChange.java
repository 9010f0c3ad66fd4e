package dev.fulcrum.ipvs.internal;

import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsText;

/** One change to the kernel's IPVS table: one netlink request. Implemented by exactly the records below. */
sealed interface TableChange {

    /** The service the change is about. */
    IpvsKey key();

    /** Adds this change's request to {@code batch}. */
    void addTo(IpvsClient.Batch batch);

    /** Whether it takes something away (a destination or a service) rather than adding or editing. */
    default boolean removes() {
        return false;
    }

    /** For logs: "add service TCP 10.0.0.1:80". */
    String describe();

    record AddService(IpvsService service) implements TableChange {
        public IpvsKey key() {
            return service.key();
        }

        public void addTo(IpvsClient.Batch batch) {
            batch.addService(service);
        }

        public String describe() {
            return "add service " + IpvsText.key(service.key());
        }
    }

    record EditService(IpvsService service) implements TableChange {
        public IpvsKey key() {
            return service.key();
        }

        public void addTo(IpvsClient.Batch batch) {
            batch.editService(service);
        }

        public String describe() {
            return "edit service " + IpvsText.key(service.key());
        }
    }

    record DeleteService(IpvsKey key) implements TableChange {
        public boolean removes() {
            return true;
        }

        public void addTo(IpvsClient.Batch batch) {
            batch.deleteService(key);
        }

        public String describe() {
            return "delete service " + IpvsText.key(key);
        }
    }

    record AddDestination(IpvsKey key, IpvsDestination destination) implements TableChange {
        public void addTo(IpvsClient.Batch batch) {
            batch.addDestination(key, destination);
        }

        public String describe() {
            return "add " + IpvsText.destination(destination) + " to " + IpvsText.key(key);
        }
    }

    record EditDestination(IpvsKey key, IpvsDestination destination) implements TableChange {
        public void addTo(IpvsClient.Batch batch) {
            batch.editDestination(key, destination);
        }

        public String describe() {
            return "edit " + IpvsText.destination(destination) + " of " + IpvsText.key(key);
        }
    }

    record DeleteDestination(IpvsKey key, IpvsDestination destination) implements TableChange {
        public boolean removes() {
            return true;
        }

        public void addTo(IpvsClient.Batch batch) {
            batch.deleteDestination(key, destination);
        }

        public String describe() {
            return "delete " + IpvsText.destination(destination) + " from " + IpvsText.key(key);
        }
    }
}
