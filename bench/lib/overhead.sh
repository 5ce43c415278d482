# Scenario 4: N trivial workflows (one activity each) through worker-host (a fixture plugin) vs the same workflow and
# activity on a plain SDK WorkerFactory worker, both against one `bin/worker-host dev-server`, in alternated rounds:
# throughput and p50/p99 latency, median and range. Needs no database.

OVERHEAD_TIMEOUT=300   # seconds for one batch of workflows


# Compiles the fixture with javac against the distribution's libraries; the plugin jar holds the module, the
# workflow and the activity. Sets OVERHEAD_CLASSES, OVERHEAD_PLUGINS and BARE_JAVA (the java command of the bare
# worker and the load driver: they log as the host does, its logback.xml, so neither side pays for more logging; the
# host's jar is on their class path for that file's log filter, nothing else of it runs).
build_overhead_fixture() {
  OVERHEAD_CLASSES=$WORK/overhead/classes
  OVERHEAD_PLUGINS=$WORK/overhead/plugins
  BARE_JAVA=(java "-Xmx${HEAP_LIMIT_MB}m" "-Dlogback.configurationFile=$DIST/config/logback.xml"
    -cp "$OVERHEAD_CLASSES:$DIST/worker-host.jar:$DIST/lib/*")
  mkdir -p "$OVERHEAD_CLASSES/META-INF/services" "$OVERHEAD_PLUGINS"
  javac -d "$OVERHEAD_CLASSES" -cp "$DIST/lib/*" "$BENCH"/overhead/src/dev/workerhost/bench/overhead/*.java \
    || die "javac of the overhead fixture failed"
  echo dev.workerhost.bench.overhead.EchoModule >"$OVERHEAD_CLASSES/META-INF/services/dev.workerhost.spi.WorkflowModule"
  (cd "$OVERHEAD_CLASSES" && jar cf "$OVERHEAD_PLUGINS/bench-echo.jar" META-INF/services \
    dev/workerhost/bench/overhead/Echo*.class) || die "cannot build the fixture plugin jar"
}

# Runs the load driver against a task queue; sets DRIVER_SECONDS, DRIVER_P50 and DRIVER_P99 (milliseconds).
drive_workflows() {
  local out
  out=$(timeout $((OVERHEAD_TIMEOUT + 30)) "${BARE_JAVA[@]}" dev.workerhost.bench.overhead.LoadDriver "127.0.0.1:$1" "$2" "$3" "$OVERHEAD_TIMEOUT" 2>"$WORK/driver.err") \
    || die "the load driver failed on task queue $2: $(tail -n 20 "$WORK/driver.err")"
  [[ "$out" =~ ^[0-9.]+\ [0-9.]+\ [0-9.]+$ ]] || die "the load driver printed \"$out\", not its seconds, p50 and p99"
  read -r DRIVER_SECONDS DRIVER_P50 DRIVER_P99 <<<"$out"
}

# Host and bare worker run side by side against one dev-server, each on its own task queue with the SDK's worker
# options (the host's workers.defaults leave every option to the SDK, and its poller share for one task queue is the
# SDK's 5 + 5), so this is also the host's defaults against the SDK's. After a warm-up batch on each, batches
# alternate bare, host, bare, host ... for $2 rounds.
scenario_overhead() {
  local workflows=$1 rounds=$2 warm_up=$(($1 / 4 + 1)) r
  step "overhead: compiling the fixture plugin and the bare-SDK worker"
  build_overhead_fixture

  step "overhead: starting bin/worker-host dev-server, a bare SDK worker and worker-host with the fixture plugin"
  start_dev_server
  local port=$DEV_SERVER_PORT server_pid=$DEV_SERVER_PID
  start_and_wait "the bare worker" "$WORK/bare-worker.log" "bare worker ready" \
    "${BARE_JAVA[@]}" dev.workerhost.bench.overhead.BareWorker "127.0.0.1:$port" bench-echo-bare
  local bare_pid=$BACKGROUND_PID
  start_and_wait "the host" "$WORK/overhead-host.log" "worker-host ready" \
    env TEMPORAL_ADDRESS="127.0.0.1:$port" \
    JAVA_OPTS="-Xmx${HEAP_LIMIT_MB}m -Dhost.admin.port=0" "$DIST/bin/worker-host" run --plugins-dir "$OVERHEAD_PLUGINS"
  HOST_PID=$BACKGROUND_PID
  HOST_LOG=$WORK/overhead-host.log

  step "overhead: warm-up, $warm_up workflows on each side"
  drive_workflows "$port" bench-echo-bare "$warm_up"
  drive_workflows "$port" bench-echo "$warm_up"
  local bare_rate=() host_rate=() bare_p50=() host_p50=() bare_p99=() host_p99=()
  for ((r = 1; r <= rounds; r++)); do
    step "overhead: round $r of $rounds, $workflows workflows on the bare worker, then on worker-host"
    drive_workflows "$port" bench-echo-bare "$workflows"
    bare_rate+=("$(quotient "$workflows" "$DRIVER_SECONDS")") bare_p50+=("$DRIVER_P50") bare_p99+=("$DRIVER_P99")
    drive_workflows "$port" bench-echo "$workflows"
    host_rate+=("$(quotient "$workflows" "$DRIVER_SECONDS")") host_p50+=("$DRIVER_P50") host_p99+=("$DRIVER_P99")
  done
  local host_rss bare_rss
  host_rss=$(peak_rss_mb "$HOST_PID")
  bare_rss=$(peak_rss_mb "$bare_pid")
  step "overhead: stopping the host (SIGTERM, expecting exit 0), the bare worker and the dev-server"
  stop_host
  kill -TERM "$bare_pid" "$server_pid"

  add_median_row "$workflows trivial workflows (1 activity each), workflows/s, median of $rounds alternated rounds (range); ratio: host / bare, target >= 0.97" \
    workflows/s "$(rss_cell "$host_rss") (bare: $bare_rss MB)" \
    "baseline: the same classes on a plain WorkerFactory worker; both with the SDK's worker options (the host's defaults), running side by side against one dev-server; batches alternate bare, host, ... after a warm-up of $warm_up each; load driver: 8 threads start all, then wait for every result; load average $(load_now)" \
    "${host_rate[@]}" -- "${bare_rate[@]}"
  add_median_row "the same workflows, p50 latency (start to result), median of $rounds (range); ratio: host / bare" \
    ms "(same processes)" \
    "latency of each workflow from just before its start to its result, all $workflows of a batch started at once" \
    "${host_p50[@]}" -- "${bare_p50[@]}"
  add_median_row "the same workflows, p99 latency, median of $rounds (range); ratio: host / bare" ms "(same processes)" "" \
    "${host_p99[@]}" -- "${bare_p99[@]}"
}
