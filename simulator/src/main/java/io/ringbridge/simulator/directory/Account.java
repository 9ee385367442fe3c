package io.ringbridge.simulator.directory;

import java.util.ArrayList;
import java.util.List;

/** A RingCentral account with its extensions. */
public record Account(long id, String name, RingCxSettings ringCx, List<Extension> extensions) {

    public Account {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public boolean ringCxEnabled() {
        return ringCx != null && ringCx.enabled();
    }

    Account withId(long newId) {
        return new Account(newId, name, ringCx, extensions);
    }

    Account withExtensions(List<Extension> newExtensions) {
        return new Account(id, name, ringCx, newExtensions);
    }

    Account plus(Extension extension) {
        List<Extension> list = new ArrayList<>(extensions);
        list.add(extension);
        return withExtensions(list);
    }
}
