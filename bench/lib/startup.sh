# Scenario: process start to `worker-host ready` (the log line, written once every plugin started and its workers
# poll) of `bin/worker-host run`: with 3 and with N plugins generated from the overhead scenario's echo plugin
# (bench/overhead/src/.../Echo*.java, each copy in a folder of its own, so a class loader of its own, with its own
# name, task queue, workflow type and activity type), and with the 3 shipped plugins on PostgreSQL (schema current:
# an untimed first start migrates). All against one dev-server, the variants alternated round by round; the peak RSS
# of each start is read at ready. The N plugins start twice per round: with the host's poller share (unset pollers:
# 100 poll threads shared among the task queues, 2 workflow + 1 activity task pollers each at 100 plugins) and with
# STARTUP_SDK_POLLERS, the SDK's 5 + 5 per queue, to show what the poll threads cost. --quick (QUICK=1) leaves out
# the shipped plugins (the other scenarios start them) and the SDK's pollers: N plugins against 3 only.

STARTUP_SDK_POLLERS="-Dworkers.defaults.workflow-task-pollers=5 -Dworkers.defaults.activity-task-pollers=5"
ECHO_PACKAGE=dev/workerhost/bench/overhead

# Copies the echo plugin N times (P001 ... PNNN: "Echo" and "echo" replaced, in a package of its own) and compiles
# the copies in one javac run; copy NNN's jar goes into $WORK/startup/plugins-N/bench-pNNN/. Sets GENERATED_PLUGINS.
generate_plugins() {
  local count=$1 src=$WORK/startup/src classes=$WORK/startup/classes i id file
  GENERATED_PLUGINS=$WORK/startup/plugins-$count
  mkdir -p "$classes"
  for ((i = 1; i <= count; i++)); do
    printf -v id 'P%03d' "$i"
    mkdir -p "$src/${id,,}"
    for file in "$BENCH/overhead/src/$ECHO_PACKAGE"/Echo*.java; do
      sed -e "s/^package ${ECHO_PACKAGE//\//\\.};/package ${ECHO_PACKAGE//\//.}.${id,,};/" \
        -e "s/Echo/$id/g" -e "s/echo/${id,,}/g" "$file" >"$src/${id,,}/$(basename "${file/Echo/$id}")"
    done
  done
  find "$src" -name '*.java' >"$WORK/startup/sources.txt"
  javac -d "$classes" -cp "$DIST/lib/*" "@$WORK/startup/sources.txt" || die "javac of the generated plugins failed"
  for ((i = 1; i <= count; i++)); do
    printf -v id 'P%03d' "$i"
    local name=bench-${id,,} services=$WORK/startup/services/${id,,}
    mkdir -p "$GENERATED_PLUGINS/$name" "$services/META-INF/services"
    echo "${ECHO_PACKAGE//\//.}.${id,,}.${id}Module" >"$services/META-INF/services/dev.workerhost.spi.WorkflowModule"
    jar cf "$GENERATED_PLUGINS/$name/$name.jar" -C "$services" META-INF -C "$classes" "$ECHO_PACKAGE/${id,,}" \
      || die "cannot build the jar of $name"
  done
}

# Seconds from $1 (a `now` value) to the time stamp of the host log's ready line.
seconds_to_ready() {
  local stamp
  stamp=$(grep -m1 "worker-host ready" "$HOST_LOG" | cut -d' ' -f1)
  seconds_between "$1" "$(date -d "$stamp" +%s.%N)"
}

# Starts `bin/worker-host run` on plugins folder $1 (label $2) against the dev-server, with JVM options $4 and the
# environment in the rest; waits for ready, checks that the admin API counts $3 plugins STARTED; sets READY_SECONDS
# and READY_RSS_MB.
time_host_start() {
  local plugins=$1 label=$2 expected=$3 options=$4 admin_port started
  shift 4
  admin_port=$(free_port)
  HOST_LOG=$WORK/startup-$label.log
  rm -f "$HOST_LOG" "$HOST_LOG.out"
  started=$(now)
  start_and_wait "the host ($label)" "$HOST_LOG" "worker-host ready" env "$@" \
    TEMPORAL_ADDRESS="127.0.0.1:$DEV_SERVER_PORT" \
    JAVA_OPTS="-Xmx${HEAP_LIMIT_MB}m -Dhost.admin.port=$admin_port -Dhost.plugins.watch=false $options ${BENCH_HOST_OPTS:-}" \
    "$DIST/bin/worker-host" run --plugins-dir "$plugins"
  HOST_PID=$BACKGROUND_PID
  READY_SECONDS=$(seconds_to_ready "$started")
  READY_RSS_MB=$(peak_rss_mb "$HOST_PID")
  local count
  count=$(curl -sf "http://127.0.0.1:$admin_port/plugins" | jq '[.plugins[] | select(.state == "STARTED")] | length') \
    || die "GET /plugins of the host ($label) failed"
  ((count == expected)) || die "the host ($label) is ready with $count plugins STARTED, not $expected; see $HOST_LOG"
}

scenario_startup() {
  local count=$1 rounds=$2 r
  ((count >= 3)) || die "--plugins must be at least 3 (the scenario compares N plugins with 3)"
  step "startup: generating $count plugins from the echo plugin"
  generate_plugins "$count"
  local many=$GENERATED_PLUGINS
  GENERATED_PLUGINS=$WORK/startup/plugins-3
  mkdir -p "$GENERATED_PLUGINS"
  cp -r "$many"/bench-p00{1,2,3} "$GENERATED_PLUGINS"/
  local few=$GENERATED_PLUGINS
  start_dev_server
  local db= shipped_env=() shipped_options=-Dplugins.billing.schedule=
  if ((!QUICK)); then
    create_database startup db
    shipped_env=(WORKER_HOST_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" WORKER_HOST_DB_USER="$PG_USER")
    step "startup: first start of the shipped plugins (migrations; not timed)"
    time_host_start "$DIST/plugins" shipped-first 3 "$shipped_options" "${shipped_env[@]}"
    stop_host
  fi

  local shipped=() few_s=() many_s=() few_rss=() many_rss=() shipped_rss=() sdk_s=() sdk_rss=()
  for ((r = 1; r <= rounds; r++)); do
    step "startup: round $r of $rounds"
    if ((!QUICK)); then
      time_host_start "$DIST/plugins" "shipped-$r" 3 "$shipped_options" "${shipped_env[@]}"
      shipped+=("$READY_SECONDS"); shipped_rss+=("$READY_RSS_MB")
      stop_host
    fi
    time_host_start "$few" "few-$r" 3 ""
    few_s+=("$READY_SECONDS"); few_rss+=("$READY_RSS_MB")
    stop_host
    if ((!QUICK)); then
      time_host_start "$many" "sdk-pollers-$r" "$count" "$STARTUP_SDK_POLLERS"
      sdk_s+=("$READY_SECONDS"); sdk_rss+=("$READY_RSS_MB")
      stop_host
    fi
    time_host_start "$many" "many-$r" "$count" ""
    many_s+=("$READY_SECONDS"); many_rss+=("$READY_RSS_MB")
    if ((r == rounds)); then
      step "startup: a workflow on the last of the $count plugins"
      local last
      printf -v last 'P%03d' "$count"
      local result
      result=$(env -u TEMPORAL_ADDRESS -u JAVA_OPTS timeout "$WORKFLOW_TIMEOUT" "$DIST/bin/worker-host" workflow start \
        "${last}Workflow" --input '"ping"' --wait --plugins-dir "$many" --target "127.0.0.1:$DEV_SERVER_PORT" \
        2>"$WORK/startup-workflow.err") || die "${last}Workflow failed: $(cat "$WORK/startup-workflow.err")"
      [[ "$result" == '"ping"' ]] || die "${last}Workflow returned $result, not \"ping\""
    fi
    stop_host
  done
  kill -TERM "$DEV_SERVER_PID"
  [[ -n "$db" ]] && drop_database "$db"

  local few_median many_median few_rss_median many_rss_median
  few_median=$(stats "${few_s[@]}" | cut -d' ' -f1)
  many_median=$(stats "${many_s[@]}" | cut -d' ' -f1)
  few_rss_median=$(stats "${few_rss[@]}" | cut -d' ' -f1)
  many_rss_median=$(stats "${many_rss[@]}" | cut -d' ' -f1)
  add_row "Start to ready, $count generated plugins vs 3, median of $rounds (range)" \
    "$(median_cell s "${many_s[@]}")" \
    "$(median_cell s "${few_s[@]}")" \
    "$(awk -v a="$many_median" -v b="$few_median" 'BEGIN { printf "%+.2f", a - b }') s" \
    "$(printf '%.0f' "$many_rss_median") MB vs $(printf '%.0f' "$few_rss_median") MB / $HEAP_LIMIT_MB MB: $(awk -v a="$many_rss_median" -v b="$few_rss_median" -v n="$((count - 3))" 'BEGIN { printf "%.1f", (a - b) / n }') MB per plugin" \
    "each plugin its own folder and class loader, task queue, workflow and activity; the host's poller share (100 poll threads among the task queues, at least 2 workflow + 1 activity task pollers each); against a dev-server; ratio column: the difference (target < 2 s); load average $(load_now)"
  ((QUICK)) && return 0
  local sdk_median
  sdk_median=$(stats "${sdk_s[@]}" | cut -d' ' -f1)
  add_row "Start to ready, $count generated plugins with the SDK's 5 workflow + 5 activity task pollers each, vs 3" \
    "$(median_cell s "${sdk_s[@]}")" \
    "$(median_cell s "${few_s[@]}")" \
    "$(awk -v a="$sdk_median" -v b="$few_median" 'BEGIN { printf "%+.2f", a - b }') s" \
    "$(printf '%.0f' "$(stats "${sdk_rss[@]}" | cut -d' ' -f1)") MB / $HEAP_LIMIT_MB MB" \
    "the same plugins with $STARTUP_SDK_POLLERS (the host's default before the poller share)"
  add_row "Start to ready, the 3 shipped plugins on PostgreSQL (schema current), median of $rounds (range)" \
    "$(median_cell s "${shipped[@]}")" \
    "-" "-" \
    "$(printf '%.0f' "$(stats "${shipped_rss[@]}" | cut -d' ' -f1)") MB / $HEAP_LIMIT_MB MB" \
    "migrations already applied by an untimed first start; against the same dev-server"
}
