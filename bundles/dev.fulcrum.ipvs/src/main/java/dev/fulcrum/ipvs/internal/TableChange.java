package dev.fulcrum.ipvs.internal;

import dev.fulcrum.ipvs.IpvsClient;
import dev.fulcrum.ipvs.IpvsDestination;
import dev.fulcrum.ipvs.IpvsKey;
import dev.fulcrum.ipvs.IpvsService;
import dev.fulcrum.ipvs.IpvsText;
import dev.fulcrum.netlink.NetlinkException;

/** One change to the kernel's IPVS table: one netlink request. Implemented by exactly the records below. */
sealed interface TableChange {

    /** The service the change is about. */
    IpvsKey key();

    void applyTo(IpvsClient client) throws NetlinkException;

    /** For logs: "add service TCP 10.0.0.1:80". */
    String describe();

    record AddService(IpvsService service) implements TableChange {
        public IpvsKey key() {
            return service.key();
        }

        public void applyTo(IpvsClient client) throws NetlinkException {
            client.addService(service);
        }

        public String describe() {
            return "add service " + IpvsText.key(service.key());
        }
    }

    record EditService(IpvsService service) implements TableChange {
        public IpvsKey key() {
            return service.key();
        }

        public void applyTo(IpvsClient client) throws NetlinkException {
            client.editService(service);
        }

        public String describe() {
            return "edit service " + IpvsText.key(service.key());
        }
    }

    record DeleteService(IpvsKey key) implements TableChange {
        public void applyTo(IpvsClient client) throws NetlinkException {
            client.deleteService(key);
        }

        public String describe() {
            return "delete service " + IpvsText.key(key);
        }
    }

    record AddDestination(IpvsKey key, IpvsDestination destination) implements TableChange {
        public void applyTo(IpvsClient client) throws NetlinkException {
            client.addDestination(key, destination);
        }

        public String describe() {
            return "add " + IpvsText.destination(destination) + " to " + IpvsText.key(key);
        }
    }

    record EditDestination(IpvsKey key, IpvsDestination destination) implements TableChange {
        public void applyTo(IpvsClient client) throws NetlinkException {
            client.editDestination(key, destination);
        }

        public String describe() {
            return "edit " + IpvsText.destination(destination) + " of " + IpvsText.key(key);
        }
    }

    record DeleteDestination(IpvsKey key, IpvsDestination destination) implements TableChange {
        public void applyTo(IpvsClient client) throws NetlinkException {
            client.deleteDestination(key, destination);
        }

        public String describe() {
            return "delete " + IpvsText.destination(destination) + " from " + IpvsText.key(key);
        }
    }
}
