package dev.workerhost.plugins.plan;

import static dev.workerhost.plugins.plan.TenantRows.FAR_AHEAD;
import static dev.workerhost.plugins.plan.TenantRows.LONG_AGO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.plan.TenantRows.LineItem;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.testkit.TestDatabase.Engine;
import io.micrometer.core.instrument.Counter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The price-sync rules (docs/domain.md, "plan"), end to end: rows inserted with plain SQL, the workflow run on the
 * test server with the real activities, the line items and counts read back. Each test works in a tenant of its own on a database
 * shared by the class (one per engine); a page of two subscriptions makes every test cross page boundaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PriceSyncRulesTest {

    private static final Instant ENDED = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ADDED_BY_PLAN_SYNC = "{\"added_by\":\"plan_sync\"}";

    private final Map<Engine, SyncFixture> fixtures = new EnumMap<>(Engine.class);

    @BeforeAll
    void startFixtures() {
        for (Engine engine : Engine.values()) {
            fixtures.put(engine, SyncFixture.start(engine, "plugins.plan.page-size = 2"));
        }
    }

    @AfterAll
    void closeFixtures() {
        fixtures.values().forEach(SyncFixture::close);
    }

    private PriceSyncResult sync(Engine engine, TenantRows rows, String plan) {
        return fixtures.get(engine).sync(rows.syncInput(plan));
    }

    private static PriceSyncResult result(
            TenantRows rows, String plan, long subscriptions, long created, long terminated, long skipped) {
        return new PriceSyncResult(rows.id(plan), subscriptions, created, terminated, skipped);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createsALineItemPerPriceWithQuantityOneForFixedAndZeroForUsage(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("fixed", "plan", "FIXED").insert();
        rows.price("usage", "plan", "USAGE").insert();
        rows.subscription("active", "plan").insert();
        rows.subscription("trialing", "plan").with("subscription_status", "TRIALING").insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 2, 4, 0, 0));

        for (String subscription : List.of("active", "trialing")) {
            List<LineItem> lineItems = rows.lineItems(subscription);
            assertThat(lineItems).extracting(LineItem::priceId).containsExactly(rows.id("fixed"), rows.id("usage"));
            assertThat(lineItems).extracting(LineItem::quantity).containsExactly(BigDecimal.ONE, BigDecimal.ZERO);
            assertThat(lineItems).allSatisfy(lineItem -> {
                assertThat(lineItem.id()).startsWith("li_");
                assertThat(lineItem.planId()).isEqualTo(rows.id("plan"));
                assertThat(lineItem.metadata()).isEqualTo(ADDED_BY_PLAN_SYNC);
                assertThat(lineItem.startDate()).isEqualTo(LONG_AGO);
                assertThat(lineItem.endDate()).isNull();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNewLineItemStartsAtTheLaterOfPriceStartAndSubscriptionStart(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        Instant priceStart = Instant.parse("2024-03-01T00:00:00Z");
        Instant laterSubscriptionStart = Instant.parse("2024-06-15T12:30:00Z");
        rows.plan("plan");
        rows.price("price", "plan", "FIXED").with("start_date", priceStart).insert();
        rows.price("upcoming", "plan", "FIXED").with("start_date", FAR_AHEAD).insert();
        rows.subscription("early", "plan").with("start_date", LONG_AGO).insert();
        rows.subscription("late", "plan").with("start_date", laterSubscriptionStart).insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 2, 4, 0, 0));

        assertThat(rows.lineItems("early")).extracting(LineItem::startDate).containsExactly(priceStart, FAR_AHEAD);
        assertThat(rows.lineItems("late")).extracting(LineItem::startDate)
                .containsExactly(laterSubscriptionStart, FAR_AHEAD);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void endsTheOpenLineItemsOfAnEndedPriceAtThePricesEnd(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        Instant alreadyEnded = Instant.parse("2024-06-01T00:00:00Z");
        rows.plan("plan");
        rows.price("ended", "plan", "FIXED").with("end_date", ENDED).insert();
        rows.subscription("open", "plan").insert();
        rows.subscription("ending_later", "plan").insert();
        rows.subscription("closed", "plan").insert();
        rows.subscription("without", "plan").insert();
        rows.lineItem("li_open", "open", "ended").insert();
        rows.lineItem("li_ending_later", "ending_later", "ended").with("end_date", FAR_AHEAD).insert();
        rows.lineItem("li_closed", "closed", "ended").with("end_date", alreadyEnded).insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 4, 0, 2, 2));

        assertThat(rows.lineItem("li_open").endDate()).isEqualTo(ENDED);
        assertThat(rows.lineItem("li_ending_later").endDate()).isEqualTo(ENDED);
        assertThat(rows.lineItem("li_closed").endDate()).isEqualTo(alreadyEnded);
        assertThat(rows.lineItems("without")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void skipsAPriceTheSubscriptionAlreadyHasOrHasAnEndDateAheadFor(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("current", "plan", "FIXED").insert();
        rows.price("ending_soon", "plan", "FIXED").with("end_date", FAR_AHEAD).insert();
        rows.subscription("sub", "plan").insert();
        rows.lineItem("li_current", "sub", "current").insert();
        rows.lineItem("li_ending_soon", "sub", "ending_soon").insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 1, 0, 0, 2));

        assertThat(rows.lineItems("sub")).extracting(LineItem::id)
                .containsExactly(rows.id("li_current"), rows.id("li_ending_soon"));
        assertThat(rows.lineItem("li_ending_soon").endDate()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOverrideStandsForItsParentPriceAndIsNeverEnded(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("active", "plan", "FIXED").insert();
        rows.price("ended", "plan", "FIXED").with("end_date", ENDED).insert();
        rows.subscription("sub", "plan").insert();
        // The subscription's own deals: prices of its own whose parents are the plan's prices.
        rows.price("active_override", "plan", "FIXED").with("subscription_id", rows.id("sub"))
                .with("parent_price_id", rows.id("active")).with("amount", 5).insert();
        rows.price("ended_override", "plan", "FIXED").with("subscription_id", rows.id("sub"))
                .with("parent_price_id", rows.id("ended")).insert();
        rows.lineItem("li_active_override", "sub", "active_override").insert();
        rows.lineItem("li_ended_override", "sub", "ended_override").insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 1, 0, 0, 2));

        assertThat(rows.lineItems("sub")).extracting(LineItem::id, LineItem::endDate).containsExactly(
                Tuple.tuple(rows.id("li_active_override"), null),
                Tuple.tuple(rows.id("li_ended_override"), null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void skipsPricesInAnotherCurrencyPeriodOrPeriodCount(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("euro", "plan", "FIXED").with("currency", "EUR").insert();
        rows.price("annual", "plan", "FIXED").with("billing_period", "ANNUAL").insert();
        rows.price("quarterly", "plan", "FIXED").with("billing_period_count", 3).insert();
        rows.price("matching", "plan", "FIXED").insert();
        rows.subscription("sub", "plan").insert();
        rows.subscription("quarterly_sub", "plan").with("billing_period_count", 3).insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 2, 2, 0, 6));

        assertThat(rows.lineItems("sub")).extracting(LineItem::priceId).containsExactly(rows.id("matching"));
        assertThat(rows.lineItems("quarterly_sub")).extracting(LineItem::priceId)
                .containsExactly(rows.id("quarterly"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void skipsAnEndedPriceTheSubscriptionNeverHad(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("ended", "plan", "USAGE").with("end_date", ENDED).insert();
        rows.subscription("sub", "plan").insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 1, 0, 0, 1));

        assertThat(rows.lineItems("sub")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ignoresArchivedPricesAndPricesOfASingleSubscription(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("archived", "plan", "FIXED").with("status", "ARCHIVED").insert();
        rows.price("archived_ended", "plan", "FIXED").with("status", "ARCHIVED").with("end_date", ENDED).insert();
        rows.price("published", "plan", "FIXED").insert();
        rows.subscription("sub", "plan").insert();
        rows.price("own", "plan", "FIXED").with("subscription_id", rows.id("sub")).insert();
        rows.lineItem("li_archived_ended", "sub", "archived_ended").insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 1, 1, 0, 0));

        assertThat(rows.lineItems("sub")).extracting(LineItem::priceId, LineItem::endDate).containsExactly(
                Tuple.tuple(rows.id("archived_ended"), null),
                Tuple.tuple(rows.id("published"), null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void leavesCancelledDraftAndPausedSubscriptionsAndOtherPlansAlone(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.plan("other_plan");
        rows.price("price", "plan", "FIXED").insert();
        rows.subscription("cancelled", "plan").with("subscription_status", "CANCELLED").insert();
        rows.subscription("draft", "plan").with("subscription_status", "DRAFT").insert();
        rows.subscription("paused", "plan").with("subscription_status", "PAUSED").insert();
        rows.subscription("other", "other_plan").insert();
        rows.subscription("active", "plan").insert();

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 1, 1, 0, 0));

        assertThat(rows.allLineItems()).extracting(LineItem::subscriptionId).containsExactly(rows.id("active"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSecondRunChangesNothing(Engine engine) {
        TenantRows rows = fixtures.get(engine).tenant();
        rows.plan("plan");
        rows.price("fixed", "plan", "FIXED").insert();
        rows.price("usage", "plan", "USAGE").insert();
        rows.price("ended", "plan", "FIXED").with("end_date", ENDED).insert();
        rows.price("euro", "plan", "FIXED").with("currency", "EUR").insert();
        for (int i = 1; i <= 5; i++) {
            rows.subscription("sub" + i, "plan").insert();
            rows.lineItem("li_ended" + i, "sub" + i, "ended").insert();
        }

        Map<String, Double> before = lineItemMeter(engine);

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 5, 10, 5, 5));
        List<LineItem> afterFirstRun = rows.allLineItems();
        Map<String, Double> afterFirst = lineItemMeter(engine);

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 5, 0, 0, 20));
        assertThat(rows.allLineItems()).isEqualTo(afterFirstRun);
        Map<String, Double> afterRerun = lineItemMeter(engine);
        assertThat(difference(before, afterFirst))
                .isEqualTo(Map.of("created", 10.0, "terminated", 5.0, "skipped", 5.0));
        assertThat(difference(afterFirst, afterRerun))
                .isEqualTo(Map.of("created", 0.0, "terminated", 0.0, "skipped", 20.0));
    }

    /** The plugin's plan.sync.line.items counter by action. */
    private Map<String, Double> lineItemMeter(Engine engine) {
        return fixtures.get(engine).env.meterRegistry().get("plan.sync.line.items").counters().stream()
                .collect(Collectors.toMap(counter -> counter.getId().getTag("action"), Counter::count));
    }

    private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void touchesNoRowOfAnotherTenantOrEnvironment(Engine engine) {
        SyncFixture fixture = fixtures.get(engine);
        TenantRows rows = fixture.tenant();
        TenantRows otherEnvironment = rows.otherEnvironment();
        TenantRows otherTenant = fixture.tenant();
        rows.plan("plan");
        rows.price("price", "plan", "FIXED").insert();
        rows.subscription("sub", "plan").insert();
        // Same plan id elsewhere, with a subscription that would get a line item if the sync looked there.
        for (TenantRows elsewhere : List.of(otherEnvironment, otherTenant)) {
            elsewhere.subscription("sub", "plan").with("plan_id", rows.id("plan")).insert();
            elsewhere.price("price", "plan", "FIXED").with("plan_id", rows.id("plan")).insert();
        }

        assertThat(sync(engine, rows, "plan")).isEqualTo(result(rows, "plan", 1, 1, 0, 0));

        assertThat(otherEnvironment.allLineItems()).isEmpty();
        assertThat(otherTenant.allLineItems()).isEmpty();
    }
}
