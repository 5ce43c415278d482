package dev.workerhost.plugins.billing.persistence;

import static dev.workerhost.plugins.billing.Rows.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Execution(ExecutionMode.CONCURRENT)
class UsageAggregatorTest {

    private static final Scope SCOPE = new Scope("t1", "env");
    private static final Period JANUARY =
            new Period(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));

    /**
     * The quantity of customer {@code cust_ext} in January, asked alone and asked among others as a page of invoices
     * asks ({@code aggregateAll}: on PostgreSQL one grouped statement per meter): both must agree.
     */
    private static BigDecimal aggregate(TestDatabase db, AggregationType type, String field) throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            Meter meter = new Meter("m1", "Meter", "api_call", type, field);
            UsageQuery query = new UsageQuery(SCOPE, "cust_ext", meter, JANUARY);
            UsageAggregator aggregator = UsageAggregator.forConnection(connection);
            BigDecimal alone = aggregator.aggregate(connection, query);
            UsageQuery nobody = new UsageQuery(SCOPE, "nobody", meter, JANUARY);
            UsageQuery december = new UsageQuery(SCOPE, "cust_ext", meter,
                    new Period(Instant.parse("2023-12-01T00:00:00Z"), JANUARY.start()));
            List<BigDecimal> together = aggregator.aggregateAll(connection, List.of(nobody, query, december, query));
            assertThat(together).hasSize(4);
            assertThat(together.get(0)).isEqualByComparingTo("0");
            assertThat(together.get(1)).isEqualByComparingTo(alone);
            assertThat(together.get(2)).isEqualByComparingTo(aggregator.aggregate(connection, december));
            assertThat(together.get(3)).isEqualByComparingTo(alone);
            return alone;
        }
    }

    private static TestDatabase database(TestDatabase.Engine engine) {
        TestDatabase db = TestDatabase.create(engine);
        DomainSchema.migrate(db.dataSource());
        return db;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void countsOnlyTheCustomersEventsOfTheMeterWithinTheWindowStartIncludedEndExcluded(TestDatabase.Engine engine)
            throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(
                    event("t1", "in_at_start", "api_call", "cust_ext", "2024-01-01T00:00:00Z", "{}"),
                    event("t1", "in_before_end", "api_call", "cust_ext", "2024-01-31T23:59:59Z", "{}"),
                    event("t1", "at_end", "api_call", "cust_ext", "2024-02-01T00:00:00Z", "{}"),
                    event("t1", "before_start", "api_call", "cust_ext", "2023-12-31T23:59:59Z", "{}"),
                    event("t1", "other_customer", "api_call", "someone_else", "2024-01-10T00:00:00Z", "{}"),
                    event("t1", "other_event", "login", "cust_ext", "2024-01-10T00:00:00Z", "{}"),
                    event("t2", "other_tenant", "api_call", "cust_ext", "2024-01-10T00:00:00Z", "{}"),
                    "INSERT INTO events (id, tenant_id, environment_id, event_name, external_customer_id, timestamp)"
                            + " VALUES ('other_env', 't1', 'env2', 'api_call', 'cust_ext',"
                            + " TIMESTAMP WITH TIME ZONE '2024-01-10 00:00:00+00')");

            assertThat(aggregate(db, AggregationType.COUNT, null)).isEqualByComparingTo("2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void sumAddsNumbersAndNumericStringsAndSkipsEventsWithoutTheField(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(
                    event("t1", "e1", "api_call", "cust_ext", "2024-01-02T00:00:00Z", "{\"bytes\": 1.5}"),
                    event("t1", "e2", "api_call", "cust_ext", "2024-01-03T00:00:00Z", "{\"bytes\": \"2.25\"}"),
                    event("t1", "e3", "api_call", "cust_ext", "2024-01-04T00:00:00Z", "{\"bytes\": 3}"),
                    event("t1", "e4", "api_call", "cust_ext", "2024-01-05T00:00:00Z", "{\"other\": 100}"),
                    event("t1", "e5", "api_call", "cust_ext", "2024-01-06T00:00:00Z", "{\"bytes\": null}"),
                    event("t1", "e6", "api_call", "cust_ext", "2024-02-01T00:00:00Z", "{\"bytes\": 1000}"),
                    event("t2", "e7", "api_call", "cust_ext", "2024-01-06T00:00:00Z", "{\"bytes\": 1000}"));

            assertThat(aggregate(db, AggregationType.SUM, "bytes")).isEqualByComparingTo("6.75");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void maxTakesTheGreatestNumericValue(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(
                    event("t1", "e1", "api_call", "cust_ext", "2024-01-02T00:00:00Z", "{\"seats\": 3}"),
                    event("t1", "e2", "api_call", "cust_ext", "2024-01-03T00:00:00Z", "{\"seats\": \"10.5\"}"),
                    event("t1", "e3", "api_call", "cust_ext", "2024-01-04T00:00:00Z", "{\"seats\": 7}"),
                    event("t1", "e4", "api_call", "other", "2024-01-04T00:00:00Z", "{\"seats\": 70}"));

            assertThat(aggregate(db, AggregationType.MAX, "seats")).isEqualByComparingTo("10.5");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void countUniqueCountsDistinctValuesAsTextSoOneAndQuotedOneAreTheSame(TestDatabase.Engine engine)
            throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(
                    event("t1", "e1", "api_call", "cust_ext", "2024-01-02T00:00:00Z", "{\"user\": \"a\"}"),
                    event("t1", "e2", "api_call", "cust_ext", "2024-01-03T00:00:00Z", "{\"user\": \"b\"}"),
                    event("t1", "e3", "api_call", "cust_ext", "2024-01-04T00:00:00Z", "{\"user\": \"a\"}"),
                    event("t1", "e4", "api_call", "cust_ext", "2024-01-05T00:00:00Z", "{\"user\": 1}"),
                    event("t1", "e5", "api_call", "cust_ext", "2024-01-06T00:00:00Z", "{\"user\": \"1\"}"),
                    event("t1", "e6", "api_call", "cust_ext", "2024-01-07T00:00:00Z", "{}"),
                    event("t1", "e7", "api_call", "cust_ext", "2024-02-07T00:00:00Z", "{\"user\": \"c\"}"));

            assertThat(aggregate(db, AggregationType.COUNT_UNIQUE, "user")).isEqualByComparingTo("3");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void latestTakesTheValueOfTheLatestEventThatHasTheFieldAndBreaksTiesByHighestId(TestDatabase.Engine engine)
            throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(
                    event("t1", "e1", "api_call", "cust_ext", "2024-01-02T00:00:00Z", "{\"seats\": 5}"),
                    event("t1", "e_a", "api_call", "cust_ext", "2024-01-20T00:00:00Z", "{\"seats\": 9}"),
                    event("t1", "e_b", "api_call", "cust_ext", "2024-01-20T00:00:00Z", "{\"seats\": \"11\"}"),
                    event("t1", "e3", "api_call", "cust_ext", "2024-01-10T00:00:00Z", "{\"seats\": 7}"),
                    event("t1", "e4", "api_call", "cust_ext", "2024-01-25T00:00:00Z", "{\"note\": \"no seats\"}"),
                    event("t1", "e5", "api_call", "cust_ext", "2024-02-01T00:00:00Z", "{\"seats\": 99}"));

            assertThat(aggregate(db, AggregationType.LATEST, "seats")).isEqualByComparingTo("11");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void noMatchingEventsGiveZeroForEveryAggregation(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(event("t1", "e1", "api_call", "someone_else", "2024-01-02T00:00:00Z", "{\"v\": 5}"));

            for (AggregationType type : AggregationType.values()) {
                assertThat(aggregate(db, type, type == AggregationType.COUNT ? null : "v"))
                        .as(type.name()).isEqualByComparingTo("0");
            }
        }
    }

    /** "lots" fails PostgreSQL's numeric cast; "NaN" and "Infinity" pass it, but are no number BigDecimal holds. */
    @ParameterizedTest
    @CsvSource({"H2, lots", "POSTGRESQL, lots", "H2, NaN", "POSTGRESQL, NaN", "POSTGRESQL, Infinity"})
    void aNonNumericValueFailsNamingTheMeterAndTheEvent(TestDatabase.Engine engine, String value) throws Exception {
        try (TestDatabase db = database(engine)) {
            db.execute(
                    event("t1", "e1", "api_call", "cust_ext", "2024-01-02T00:00:00Z", "{\"bytes\": 5}"),
                    event("t1", "e2", "api_call", "cust_ext", "2024-01-03T00:00:00Z",
                            "{\"bytes\": \"" + value + "\"}"));

            for (AggregationType type : new AggregationType[] {AggregationType.SUM, AggregationType.MAX}) {
                String message = "meter m1 (" + type + " of properties.bytes over api_call events): event e2 has"
                        + " properties.bytes = " + value + ", which is not a number";
                assertThatThrownBy(() -> aggregate(db, type, "bytes"))
                        .isInstanceOf(InvalidDataException.class).hasMessage(message);
                assertThatThrownBy(() -> {
                    try (Connection connection = db.dataSource().getConnection()) {
                        UsageQuery query = new UsageQuery(
                                SCOPE, "cust_ext", new Meter("m1", "Meter", "api_call", type, "bytes"), JANUARY);
                        UsageAggregator.forConnection(connection).aggregateAll(connection, List.of(query));
                    }
                }).as("aggregateAll").isInstanceOf(InvalidDataException.class).hasMessage(message);
            }
        }
    }
}
