# Scenario 3: BillingSchedulerWorkflow bills N subscriptions of one plan (a fixed and a usage price) whose period has
# ended, over E usage events, vs one SQL statement computing the same invoices in psql (before the host bills, on the
# same database). Checks every invoice against the SQL's, one per subscription and period, and that a rerun bills
# nothing.

BILLING_SCHEDULER_INPUT=${BILLING_SCHEDULER_INPUT:-'{}'}

# The Nth scheduler pass's own time on the running host ($1): from its workflow time (the "pass at" instant it logs)
# to that log line, so neither the CLI's JVM nor its start-up counts.
scheduler_pass_seconds() {
  python3 - "$HOST_LOG" "$1" <<'PY'
import datetime, re, sys
log, n = sys.argv[1], int(sys.argv[2])
passes = []
for line in open(log, encoding="utf-8", errors="replace"):
    found = re.search(r"billing scheduler pass at (\S+):", line)
    if found:
        at = lambda text: datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        passes.append((at(found.group(1)), at(line.split()[0])))
started, logged = passes[n - 1]
print("%.3f" % (logged - started).total_seconds())
PY
}

billing_invoices_sql() {
  psql_db "$1" -v tenant="$TENANT" -v environment="$ENVIRONMENT" -f "$BENCH/sql/billing-invoices.sql"
}

scenario_billing() {
  local subscriptions=$1 events=$2
  step "billing: starting the host on a fresh database"
  local db port
  create_database billing db
  port=$(free_port)
  start_host "$db" "$port"

  step "billing: inserting $subscriptions subscriptions of one plan and $events events"
  psql_db "$db" -v tenant="$TENANT" -v environment="$ENVIRONMENT" -v subscriptions="$subscriptions" \
    -v events="$events" -f "$BENCH/sql/billing-data.sql" >/dev/null
  measure_cli_round_trip "$port"

  step "billing: baseline, the invoices computed by one SQL statement in psql (same database)"
  timed billing_invoices_sql "$db"
  local base_seconds=$ELAPSED

  step "billing: BillingSchedulerWorkflow over $subscriptions due subscriptions"
  run_workflow BillingSchedulerWorkflow "$BILLING_SCHEDULER_INPUT" "$port"
  local host_seconds=$WORKFLOW_SECONDS pass_seconds
  pass_seconds=$(scheduler_pass_seconds 1)
  expect_json "$WORKFLOW_RESULT" ".subscriptions_billed == $subscriptions and .invoices_created == $subscriptions"
  local checked
  checked=$(sql_value "$db" "SELECT count(*) || ' ' || count(DISTINCT i.subscription_id) || ' ' ||
      count(x.subscription_id) || ' ' || COALESCE(sum(i.total), 0) FROM invoices i LEFT JOIN expected_invoices x
      ON x.subscription_id = i.subscription_id AND x.period_start = i.period_start AND x.total = i.total")
  local expected_total
  expected_total=$(sql_value "$db" "SELECT sum(total) FROM expected_invoices")
  [[ "$checked" == "$subscriptions $subscriptions $subscriptions $expected_total" ]] \
    || die "invoices (count, subscriptions, equal to the SQL's, total) are $checked; expected $subscriptions $subscriptions $subscriptions $expected_total"

  step "billing: BillingSchedulerWorkflow again (nothing is due)"
  run_workflow BillingSchedulerWorkflow "$BILLING_SCHEDULER_INPUT" "$port"
  local rerun_seconds=$WORKFLOW_SECONDS rerun_pass_seconds
  rerun_pass_seconds=$(scheduler_pass_seconds 2)
  expect_json "$WORKFLOW_RESULT" '.subscriptions_billed == 0 and .invoices_created == 0 and .subscriptions_started == 0'
  checked=$(sql_value "$db" "SELECT count(*) FROM invoices")
  [[ "$checked" == "$subscriptions" ]] || die "the rerun left $checked invoices, expected $subscriptions"
  local rss
  rss=$(peak_rss_mb "$HOST_PID")

  step "billing: stopping the host (SIGTERM, expecting exit 0)"
  stop_host
  drop_database "$db"

  add_row "Billing, $subscriptions subscriptions x 2 prices over $events events, BillingSchedulerWorkflow (billing)" \
    "$(rate "$subscriptions" "$pass_seconds") invoices/s, $(timing_cell "$host_seconds"); workflow ${pass_seconds} s" \
    "${base_seconds} s" "$(ratio_cell "$host_seconds" "$base_seconds"); workflow $(ratio "$pass_seconds" "$base_seconds")" \
    "$(rss_cell "$rss")" \
    "every invoice equal to the SQL's (total $expected_total), one per subscription; invoices/s and "workflow": the pass's own time (its start to its log line); baseline: one CREATE TABLE AS SELECT of the invoices (FIXED lines + SUM of the customer's tokens in the period x 0.002, each rounded), psql; CLI round trip ${CLI_SECONDS} s"
  add_row "Billing, rerun of the scheduler (nothing due)" \
    "$(timing_cell "$rerun_seconds"); workflow ${rerun_pass_seconds} s" "" "" "(same host)" "0 invoices written"
}
