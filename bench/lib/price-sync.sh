# Scenario 2: PriceSyncWorkflow over M subscriptions (first run creates 2*M line items, second run skips all) vs one
# set-based INSERT ... SELECT by psql on a fresh copy of the same data; at M and 10*M (--quick: M only).

PRICE_SYNC_INPUT="{\"plan_id\":\"plan_bench\",\"tenant_id\":\"$TENANT\",\"environment_id\":\"$ENVIRONMENT\",\"user_id\":\"user_bench\"}"
PRICE_SYNC_ONE_INPUT=${PRICE_SYNC_INPUT/plan_bench/plan_bench_one}

load_price_sync_data() {
  psql_db "$1" -v tenant="$TENANT" -v environment="$ENVIRONMENT" -v subscriptions="$2" \
    -f "$BENCH/sql/price-sync-data.sql" >/dev/null
}

price_sync_baseline() {
  psql_db "$1" -v tenant="$TENANT" -v environment="$ENVIRONMENT" -f "$BENCH/sql/price-sync-baseline.sql"
}

# The workflow's own time of the Nth sync ($1) on the running host: from its "requested by user" log line to its
# "done:" line, so neither the CLI's JVM nor the machine's load on it counts.
sync_seconds() {
  python3 - "$HOST_LOG" "$1" <<'PY'
import datetime, sys
log, n = sys.argv[1], int(sys.argv[2])
started, done = [], []
for line in open(log, encoding="utf-8", errors="replace"):
    if "price sync of plan plan_bench (" in line and "requested by user" in line:
        at = datetime.datetime.fromisoformat(line.split()[0].replace("Z", "+00:00"))
        (done if " done: " in line else started).append(at)
print("%.3f" % (done[n - 1] - started[n - 1]).total_seconds())
PY
}

scenario_price_sync() {
  price_sync_once "$1"
  ((QUICK)) || price_sync_once $(($1 * 10))
}

price_sync_once() {
  local subscriptions=$1 expected=$(($1 * 2))
  step "price sync ($subscriptions): starting the host on a fresh database"
  local db port
  create_database price_sync db
  port=$(free_port)
  start_host "$db" "$port"

  step "price sync ($subscriptions): inserting a plan with 2 prices and $subscriptions subscriptions"
  load_price_sync_data "$db" "$subscriptions"
  psql_db "$db" -v tenant="$TENANT" -v environment="$ENVIRONMENT" -f "$BENCH/sql/price-sync-warm-up.sql" >/dev/null

  step "price sync ($subscriptions): warming the host up with a plan of one subscription, synced twice"
  run_workflow PriceSyncWorkflow "$PRICE_SYNC_ONE_INPUT" "$port"
  expect_json "$WORKFLOW_RESULT" ".line_items_created == 2"
  local cold_net=$WORKFLOW_NET_SECONDS
  run_workflow PriceSyncWorkflow "$PRICE_SYNC_ONE_INPUT" "$port"
  expect_json "$WORKFLOW_RESULT" ".line_items_skipped == 2"
  local one_net=$WORKFLOW_NET_SECONDS

  step "price sync ($subscriptions): first PriceSyncWorkflow (creates $expected line items)"
  run_workflow PriceSyncWorkflow "$PRICE_SYNC_INPUT" "$port"
  local first_seconds=$WORKFLOW_SECONDS first_net=$WORKFLOW_NET_SECONDS first_workflow
  first_workflow=$(sync_seconds 1)
  expect_json "$WORKFLOW_RESULT" ".subscriptions_processed == $subscriptions and .line_items_created == $expected"
  local stored
  stored=$(sql_value "$db" "SELECT count(*) FROM subscription_line_items WHERE plan_id = 'plan_bench'")
  [[ "$stored" == "$expected" ]] || die "subscription_line_items holds $stored rows, expected $expected"

  step "price sync ($subscriptions): second PriceSyncWorkflow (skips all)"
  run_workflow PriceSyncWorkflow "$PRICE_SYNC_INPUT" "$port"
  local second_seconds=$WORKFLOW_SECONDS second_net=$WORKFLOW_NET_SECONDS second_workflow
  second_workflow=$(sync_seconds 2)
  expect_json "$WORKFLOW_RESULT" ".line_items_created == 0 and .line_items_skipped == $expected"

  local rss
  rss=$(peak_rss_mb "$HOST_PID")

  step "price sync ($subscriptions): stopping the host (SIGTERM, expecting exit 0)"
  stop_host
  drop_database "$db"

  step "price sync ($subscriptions): baseline INSERT ... SELECT on a fresh copy of the data"
  local base_db
  create_database price_sync_base base_db
  apply_schema "$base_db"
  load_price_sync_data "$base_db" "$subscriptions"
  timed price_sync_baseline "$base_db"
  local base_first=$ELAPSED
  stored=$(sql_value "$base_db" "SELECT count(*) FROM subscription_line_items")
  [[ "$stored" == "$expected" ]] || die "the baseline inserted $stored line items, expected $expected"
  timed price_sync_baseline "$base_db"
  local base_second=$ELAPSED
  stored=$(sql_value "$base_db" "SELECT count(*) FROM subscription_line_items")
  [[ "$stored" == "$expected" ]] || die "the baseline's second run changed the line items: $stored"
  drop_database "$base_db"

  add_row "Price sync, $subscriptions subscriptions x 2 prices, first run (plan)" \
    "$(price_sync_cell "$first_seconds" "$first_net" "$first_workflow")" "${base_first} s" \
    "$(price_sync_ratios "$first_seconds" "$first_net" "$first_workflow" "$base_first")" "$(rss_cell "$rss")" \
    "creates $expected line items; baseline: one INSERT ... SELECT FROM subscriptions JOIN prices WHERE NOT EXISTS (same rules), psql; the host synced a plan of 1 subscription first (net of the CLI: ${cold_net} s on the fresh host, ${one_net} s again); load $(load_now)"
  add_row "Price sync, $subscriptions subscriptions, second run (all skipped)" \
    "$(price_sync_cell "$second_seconds" "$second_net" "$second_workflow")" "${base_second} s" \
    "$(price_sync_ratios "$second_seconds" "$second_net" "$second_workflow" "$base_second")" "(same host)" \
    "reads and decides $expected pairs, writes nothing"
}

# A sync's three times: end to end through the CLI, net of the CLI (from its "started workflow" line to its result,
# see run_workflow) and the workflow's own (its log lines).
price_sync_cell() {
  printf '%s s end to end, net of the CLI %s s; workflow %s s' "$1" "$2" "$3"
}

# The ratios of those three times ($1-$3) to the baseline's ($4).
price_sync_ratios() {
  printf '%s end to end, net of the CLI %s; workflow %s' "$(ratio "$1" "$4")" "$(ratio "$2" "$4")" "$(ratio "$3" "$4")"
}
