# Scenario 1: TaskProcessingWorkflow imports a CSV of N events vs psql \copy of the same rows into a copy of the
# events table (the product's schema: same primary key, index and columns) in a fresh database.

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
  # The import as the host ran it, from the task row: claimed (started_at) to finished (completed_at).
  local import_seconds
  import_seconds=$(sql_value "$db" "SELECT round(extract(epoch FROM completed_at - started_at), 3) FROM tasks
      WHERE id = 'task_bench_import'")
  local rss
  rss=$(peak_rss_mb "$HOST_PID")

  step "import: running the completed task again (expecting 0 rows added)"
  run_workflow TaskProcessingWorkflow \
    "{\"task_id\":\"task_bench_import\",\"tenant_id\":\"$TENANT\",\"environment_id\":\"$ENVIRONMENT\"}" "$port"
  expect_json "$WORKFLOW_RESULT" ".status == \"COMPLETED\" and .successful_records == $rows"
  stored=$(sql_value "$db" "SELECT count(*) FROM events")
  [[ "$stored" == "$rows" ]] || die "events holds $stored rows after the rerun, expected $rows"

  step "import: stopping the host (SIGTERM, expecting exit 0)"
  stop_host
  local rows_file=$WORK/events-rows.txt
  psql_db "$db" -c "\\copy events TO '$rows_file'"
  drop_database "$db"

  step "import: baseline psql \\copy of the same $rows rows into a copy of the events table"
  local base_db
  create_database import_base base_db
  apply_schema "$base_db"
  timed psql_db "$base_db" -c "\\copy events FROM '$rows_file'"
  local base_seconds=$ELAPSED
  stored=$(sql_value "$base_db" "SELECT count(*) FROM events")
  [[ "$stored" == "$rows" ]] || die "the baseline's events holds $stored rows, expected $rows"
  drop_database "$base_db"

  add_row "Import $rows events, ${size_mb} MB CSV (task)" \
    "$(rate "$rows" "$import_seconds") rows/s, import ${import_seconds} s (end to end $(timing_cell "$host_seconds"))" \
    "$(rate "$rows" "$base_seconds") rows/s, ${base_seconds} s" \
    "$(speed_ratio "$base_seconds" "$import_seconds") of \\copy's rows/s (end to end: $(speed_ratio "$base_seconds" "$(net_seconds "$host_seconds")") net of the CLI)" \
    "$(rss_cell "$rss")" \
    "baseline: psql \\copy of the rows the host stored (exported with \\copy TO) into events of a fresh database with the product's schema (PK + usage index), one transaction; worker-host: parses and maps the CSV (ids, RFC 3339 times, JSON properties) and writes it by binary COPY in resumable chunks of 10000 (rows + task counters per transaction); import = the task row's started_at to completed_at; a rerun added 0 rows; CLI round trip ${CLI_SECONDS} s"
}

# "0.93x" = worker-host's rows/s as a share of the baseline's, from the baseline's time $1 and worker-host's $2.
speed_ratio() {
  awk -v b="$1" -v a="$2" 'BEGIN { if (a <= 0) print "n/a"; else printf "%.2fx", b / a }'
}
