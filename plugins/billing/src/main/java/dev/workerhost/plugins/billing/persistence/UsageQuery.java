package dev.workerhost.plugins.billing.persistence;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The events one usage line aggregates: the customer's events of the meter's name in one tenant and environment,
 * timestamped within {@code window} (start included, end excluded).
 */
public record UsageQuery(Scope scope, String externalCustomerId, Meter meter, Period window) {

    /**
     * The matching events, as alias {@code e}; served by index {@code events_usage_idx}. The column is qualified
     * because a bare {@code timestamp} reads as the start of a literal on H2.
     */
    static final String MATCHING_EVENTS = " FROM events e WHERE e.tenant_id = ? AND e.environment_id = ?"
            + " AND e.external_customer_id = ? AND e.event_name = ? AND e.timestamp >= ? AND e.timestamp < ?";

    public UsageQuery {
        requireNonNull(scope, "scope is null");
        requireNonNull(externalCustomerId, "externalCustomerId is null");
        requireNonNull(meter, "meter is null");
        requireNonNull(window, "window is null");
    }

    /** Binds the parameters of {@link #MATCHING_EVENTS} from {@code first} on; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, scope.tenantId());
        statement.setString(first + 1, scope.environmentId());
        statement.setString(first + 2, externalCustomerId);
        statement.setString(first + 3, meter.eventName());
        SqlTimes.set(statement, first + 4, window.start());
        SqlTimes.set(statement, first + 5, window.end());
        return first + 6;
    }
}
