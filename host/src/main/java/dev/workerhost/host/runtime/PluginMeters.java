package dev.workerhost.host.runtime;

import dev.workerhost.host.loading.PluginClassLoader;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters plugins register, one view of the shared registry per loaded version of a plugin, tagged
 * {@code plugin=<name>}. When a version's class loader closes, its meters leave the shared registry: a removed
 * plugin's series end, and no gauge keeps calling (and keeping) the code of a version that is gone. Two versions of
 * one plugin run side by side during an upgrade and register the same meters; the shared registry keeps the first
 * registration of a name and tags, the old version's. So once the old version's meters are gone, the versions still
 * loaded register theirs again, bound to their own code (a counter they shared starts again from zero, which
 * Prometheus reads as a reset).
 */
final class PluginMeters {

    private final MeterRegistry shared;
    private final List<View> views = new ArrayList<>();

    PluginMeters(MeterRegistry shared) {
        this.shared = shared;
    }

    /** The registry a plugin version sees; its meters leave the shared registry when {@code loader} closes. */
    synchronized MeterRegistry viewFor(String pluginName, PluginClassLoader loader) {
        CompositeMeterRegistry meters = new CompositeMeterRegistry();
        meters.config().commonTags("plugin", pluginName);
        meters.add(shared);
        View view = new View(pluginName, meters);
        views.add(view);
        loader.whenClosed(() -> release(view));
        return meters;
    }

    private synchronized void release(View released) {
        views.remove(released);
        for (Meter meter : released.meters().getMeters()) {
            shared.remove(meter.getId());
        }
        released.meters().remove(shared);
        for (View other : views) {
            if (other.pluginName().equals(released.pluginName())) {
                // Re-adding the shared registry registers each of the view's meters there anew, with its own code.
                other.meters().remove(shared);
                other.meters().add(shared);
            }
        }
    }

    private record View(String pluginName, CompositeMeterRegistry meters) {}
}
