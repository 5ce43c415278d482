package dev.workerhost.plugins.plan;

import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;

/** The plan plugin running on the SDK's test server against one throw-away database. */
final class SyncFixture implements AutoCloseable {

    final TestDatabase db;
    final PluginTestEnvironment env;

    private SyncFixture(TestDatabase db, PluginTestEnvironment env) {
        this.db = db;
        this.env = env;
    }

    /** {@code config}: HOCON with full paths over the plugin's reference.conf. */
    static SyncFixture start(TestDatabase.Engine engine, String config) {
        TestDatabase db = TestDatabase.create(engine);
        try {
            PluginTestEnvironment env = PluginTestEnvironment.builder()
                    .dataSource("default", db.dataSource())
                    .config("plugins.plan.demo-data = false\n" + config)
                    .start();
            return new SyncFixture(db, env);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    TenantRows tenant() {
        return TenantRows.fresh(db);
    }

    PriceSyncResult sync(PriceSyncInput input) {
        return env.execute("PriceSyncWorkflow", input, PriceSyncResult.class);
    }

    @Override
    public void close() {
        try {
            env.close();
        } finally {
            db.close();
        }
    }
}
