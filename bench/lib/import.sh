# Scenario 1: TaskProcessingWorkflow imports a CSV of N events vs psql \copy of the same file.

# N rows of event_name,external_customer_id,timestamp,properties.region (about 66 bytes a row).
generate_events_csv() {
  awk -v n="$1" 'BEGIN {
    split("eu-central-1 us-east-1 ap-south-1 sa-east-1", regions, " ")
    print "event_name,external_customer_id,timestamp,properties.region"
    for (i = 1; i <= n; i++) {
      s = i % 86400
      printf "api_request,customer_%06d,2024-05-%02dT%02d:%02d:%02d.%03dZ,%s\n",
        i % 100000, 1 + int(i / 86400) % 28, int(s / 3600), int(s / 60) % 60, s % 60, i % 1000, regions[1 + i % 4]
    }
  }' >"$2"
}

scenario_import() {
  local rows=$1 csv=$WORK/events.csv
  step "import: generating a CSV of $rows events"
  generate_events_csv "$rows" "$csv"
  local size_mb
  size_mb=$(du -m "$csv" | cut -f1)

  step "import: starting the host on a fresh database"
  local db port
  create_database import db
  port=$(free_port)
  start_host "$db" "$port"

  measure_cli_round_trip "$port"

  step "import: inserting the PENDING task row"
  psql_db "$db" -c "INSERT INTO tasks (id, tenant_id, environment_id, task_type, entity_type, file_url, file_name,
      file_type, task_status) VALUES ('task_bench_import', '$TENANT', '$ENVIRONMENT', 'IMPORT', 'EVENTS',
      'file://$csv', 'events.csv', 'CSV', 'PENDING')"

  step "import: TaskProcessingWorkflow over $rows rows"
  run_workflow TaskProcessingWorkflow \
    "{\"task_id\":\"task_bench_import\",\"tenant_id\":\"$TENANT\",\"environment_id\":\"$ENVIRONMENT\"}" "$port"
  local host_seconds=$WORKFLOW_SECONDS
  expect_json "$WORKFLOW_RESULT" ".status == \"COMPLETED\" and .processed_records == $rows and .successful_records == $rows"
  local stored
  stored=$(sql_value "$db" "SELECT count(*) FROM events")
  [[ "$stored" == "$rows" ]] || die "events holds $stored rows, expected $rows"
  local rss
  rss=$(peak_rss_mb "$HOST_PID")

  step "import: stopping the host (SIGTERM, expecting exit 0)"
  stop_host
  drop_database "$db"

  step "import: baseline psql \\copy into a fresh database"
  local base_db
  create_database import_base base_db
  psql_db "$base_db" -c "CREATE TABLE staging_events (event_name text, external_customer_id text,
      \"timestamp\" timestamptz, \"properties.region\" text)"
  timed psql_db "$base_db" -c "\\copy staging_events FROM '$csv' WITH (FORMAT csv, HEADER true)"
  local base_seconds=$ELAPSED
  stored=$(sql_value "$base_db" "SELECT count(*) FROM staging_events")
  [[ "$stored" == "$rows" ]] || die "staging_events holds $stored rows, expected $rows"
  drop_database "$base_db"

  add_row "Import $rows events, ${size_mb} MB CSV (task)" \
    "$(rate "$rows" "$host_seconds") rows/s, $(timing_cell "$host_seconds")" \
    "$(rate "$rows" "$base_seconds") rows/s, ${base_seconds} s" \
    "$(ratio_cell "$host_seconds" "$base_seconds")" \
    "$(rss_cell "$rss")" \
    "baseline: psql \\copy into a logged staging table of the 4 CSV columns, no index; worker-host: into events (PK + usage index, ON CONFLICT DO NOTHING, JSON properties), chunks of 1000 with task counters per transaction; CLI round trip ${CLI_SECONDS} s"
}
