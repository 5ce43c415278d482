package dev.workerhost.plugins.billing.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.spi.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a price's {@code tiers} JSON, {@code [{"up_to": 100, "unit_amount": "0.10", "flat_amount": 5}, ...,
 * {"up_to": null, ...}]}. Amounts may be JSON numbers or numeric strings; a missing amount is 0. Each {@code up_to}
 * must be greater than the one before, and only the last may be null.
 */
public final class TierParser {

    /** Decimals stay exact: 0.1 is read as BigDecimal 0.1, not the nearest double. */
    private static final ObjectReader READER =
            Json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TierParser() {
    }

    public static List<Tier> parse(String priceId, String tiersJson) {
        if (tiersJson == null || tiersJson.isBlank()) {
            throw invalid(priceId, "has no tiers");
        }
        JsonNode root;
        try {
            root = READER.readTree(tiersJson);
        } catch (JsonProcessingException e) {
            throw invalid(priceId, "has tiers that are not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw invalid(priceId, "has tiers that are not a non-empty JSON array");
        }
        List<Tier> tiers = new ArrayList<>();
        BigDecimal previousUpTo = BigDecimal.ZERO;
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                throw invalid(priceId, "has tier " + (i + 1) + " that is not a JSON object");
            }
            BigDecimal upTo = decimal(priceId, i, node, "up_to");
            if (upTo == null && i < root.size() - 1) {
                throw invalid(priceId, "has tier " + (i + 1) + " without up_to before the last tier");
            }
            if (upTo != null && upTo.compareTo(previousUpTo) <= 0) {
                throw invalid(priceId, "has tier " + (i + 1) + " whose up_to " + upTo.toPlainString()
                        + " is not greater than the previous one (" + previousUpTo.toPlainString() + ")");
            }
            tiers.add(new Tier(upTo, orZero(decimal(priceId, i, node, "unit_amount")),
                    orZero(decimal(priceId, i, node, "flat_amount"))));
            previousUpTo = upTo;
        }
        return tiers;
    }

    private static BigDecimal decimal(String priceId, int index, JsonNode tier, String field) {
        JsonNode value = tier.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below with the other malformed values
            }
        }
        throw invalid(priceId, "has tier " + (index + 1) + " whose " + field + " is not a number: " + value);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static InvalidDataException invalid(String priceId, String cause) {
        return new InvalidDataException("price " + priceId + " " + cause, "correct the price's tiers, e.g."
                + " [{\"up_to\": 100, \"unit_amount\": \"0.10\"}, {\"up_to\": null, \"unit_amount\": \"0.05\"}]");
    }
}
