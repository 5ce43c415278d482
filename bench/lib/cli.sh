# Scenario: the CLI's `workflow start TYPE --input ...` without --wait, as an operator types it, against an idle
# `bin/worker-host dev-server`: bin/worker-host as shipped (quick JIT, serial GC, the class-data sharing archive
# lib/worker-host.jsa) alternated with the same jar started plainly (`java -jar`, JVM defaults), N runs each after
# one untimed run of each (file cache). Needs no database.

CLI_TIMEOUT=60   # seconds for one CLI call

# Times one `workflow start` of the PriceSyncWorkflow example under the id $1, started by the command in the
# remaining arguments (up to the subcommand); checks it printed the started workflow; sets ELAPSED.
time_cli_start() {
  local id=$1 out start
  shift
  start=$(now)
  out=$(env -u TEMPORAL_ADDRESS -u JAVA_OPTS timeout "$CLI_TIMEOUT" "$@" workflow start PriceSyncWorkflow \
    --input "@$DIST/examples/PriceSyncWorkflow.json" --id "$id" --target "127.0.0.1:$DEV_SERVER_PORT" 2>&1) \
    || die "workflow start $id failed: $out"
  ELAPSED=$(seconds_between "$start" "$(now)")
  jq -e --arg id "$id" '.workflow_id == $id and .task_queue == "plan"' >/dev/null <<<"$out" \
    || die "workflow start $id printed no started workflow: $out"
}

scenario_cli() {
  local runs=$1 shipped=() plain=() i
  local plain_java=(java -Dworker.host.home="$DIST" -Dlogback.configurationFile="$DIST/config/logback.xml"
    -jar "$DIST/worker-host.jar")
  step "cli: starting bin/worker-host dev-server"
  start_dev_server
  local archive="no archive (lib/worker-host.jsa missing)"
  [[ -f "$DIST/lib/worker-host.jsa" ]] && archive="lib/worker-host.jsa ($(du -m "$DIST/lib/worker-host.jsa" | cut -f1) MB)"

  step "cli: $runs x workflow start (no --wait), bin/worker-host and plain java -jar alternated"
  time_cli_start "bench-cli-warm" "$DIST/bin/worker-host"
  time_cli_start "bench-cli-plain-warm" "${plain_java[@]}"
  local load_before
  load_before=$(load_now)
  for ((i = 1; i <= runs; i++)); do
    time_cli_start "bench-cli-$i" "$DIST/bin/worker-host"
    shipped+=("$ELAPSED")
    time_cli_start "bench-cli-plain-$i" "${plain_java[@]}"
    plain+=("$ELAPSED")
  done
  kill -TERM "$DEV_SERVER_PID"

  add_median_row "CLI \`workflow start PriceSyncWorkflow --input @FILE\`, no --wait, median of $runs (range); ratio: shipped / plain" \
    s "-" \
    "bin/worker-host as shipped: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, $archive; baseline: the same jar by plain \`java -jar\` (JVM defaults, no archive); both against an idle dev-server, alternated; load average $load_before before, $(load_now) after" \
    "${shipped[@]}" -- "${plain[@]}"
}
