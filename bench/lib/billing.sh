# Scenario 3: SubscriptionBillingWorkflow invoices one ended period whose usage line sums E events vs the same
# aggregation as one SQL query in psql. Run at E/10 and E on fresh hosts, to show the peak RSS does not grow with E.

BILLING_INPUT="{\"subscription_id\":\"sub_bench_billing\",\"tenant_id\":\"$TENANT\",\"environment_id\":\"$ENVIRONMENT\"}"

billing_usage_total() {
  psql_db "$1" -tA -v tenant="$TENANT" -v environment="$ENVIRONMENT" -f "$BENCH/sql/billing-usage.sql"
}

billing_once() {
  local events=$1
  step "billing ($events events): starting the host on a fresh database"
  local db port
  create_database billing db
  port=$(free_port)
  start_host "$db" "$port"

  step "billing ($events events): inserting a subscription, a SUM meter and $events events"
  psql_db "$db" -v tenant="$TENANT" -v environment="$ENVIRONMENT" -v events="$events" \
    -f "$BENCH/sql/billing-data.sql" >/dev/null
  measure_cli_round_trip "$port"

  step "billing ($events events): SubscriptionBillingWorkflow"
  run_workflow SubscriptionBillingWorkflow "$BILLING_INPUT" "$port"
  local host_seconds=$WORKFLOW_SECONDS
  expect_json "$WORKFLOW_RESULT" '.invoices_created == 1'
  local invoices expected_total invoice_total
  invoices=$(sql_value "$db" "SELECT count(*) FROM invoices")
  [[ "$invoices" == 1 ]] || die "$invoices invoices stored, expected 1"
  invoice_total=$(sql_value "$db" "SELECT total FROM invoices")

  step "billing ($events events): baseline aggregation query in psql (same database)"
  timed billing_usage_total "$db"
  local base_seconds=$ELAPSED
  expected_total=$(billing_usage_total "$db")
  [[ "$invoice_total" == "$expected_total" ]] || die "invoice total $invoice_total, SQL computes $expected_total"
  local rss
  rss=$(peak_rss_mb "$HOST_PID")

  step "billing ($events events): stopping the host (SIGTERM, expecting exit 0)"
  stop_host
  drop_database "$db"

  add_row "Billing, 1 period over $events events (billing)" \
    "$(timing_cell "$host_seconds")" "${base_seconds} s" "$(ratio_cell "$host_seconds" "$base_seconds")" \
    "$(rss_cell "$rss")" \
    "invoice total $invoice_total = SQL's; baseline: SELECT round(SUM((properties::jsonb->>'tokens')::numeric) * 0.002, 2) over the period, psql; CLI round trip ${CLI_SECONDS} s"
}

scenario_billing() {
  local events=$1
  if ((events >= 10 && !QUICK)); then
    billing_once $((events / 10))
  fi
  billing_once "$events"
}
