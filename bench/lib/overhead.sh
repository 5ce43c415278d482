# Scenario 4: N trivial workflows (one activity each) through worker-host (a fixture plugin) vs the same workflow and
# activity on a plain SDK WorkerFactory worker, both against one `bin/worker-host dev-server`. Needs no database.

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

# Runs the load driver against a task queue; sets DRIVER_SECONDS.
drive_workflows() {
  DRIVER_SECONDS=$(timeout $((OVERHEAD_TIMEOUT + 30)) "${BARE_JAVA[@]}" dev.workerhost.bench.overhead.LoadDriver "127.0.0.1:$1" "$2" "$3" "$OVERHEAD_TIMEOUT" 2>"$WORK/driver.err") \
    || die "the load driver failed on task queue $2: $(tail -n 20 "$WORK/driver.err")"
  [[ "$DRIVER_SECONDS" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "the load driver printed \"$DRIVER_SECONDS\", not its seconds"
}

scenario_overhead() {
  local workflows=$1 warm_up=$(($1 / 4 + 1))   # an untimed batch first on each side: both JITs warm
  step "overhead: compiling the fixture plugin and the bare-SDK worker"
  build_overhead_fixture

  step "overhead: starting bin/worker-host dev-server"
  start_dev_server
  local port=$DEV_SERVER_PORT server_pid=$DEV_SERVER_PID

  # The bare worker first: should the in-memory server slow down as executions accumulate, worker-host pays it.
  step "overhead: $workflows workflows on a bare SDK worker"
  start_and_wait "the bare worker" "$WORK/bare-worker.log" "bare worker ready" \
    "${BARE_JAVA[@]}" dev.workerhost.bench.overhead.BareWorker "127.0.0.1:$port" bench-echo-bare
  local bare_pid=$BACKGROUND_PID
  drive_workflows "$port" bench-echo-bare "$warm_up"
  drive_workflows "$port" bench-echo-bare "$workflows"
  local bare_seconds=$DRIVER_SECONDS bare_rss
  bare_rss=$(peak_rss_mb "$bare_pid")
  kill -TERM "$bare_pid"

  step "overhead: $workflows workflows on worker-host with the fixture plugin"
  start_and_wait "the host" "$WORK/overhead-host.log" "worker-host ready" \
    env TEMPORAL_ADDRESS="127.0.0.1:$port" WORKER_HOST_ADMIN_PORT="$(free_port)" \
    JAVA_OPTS="-Xmx${HEAP_LIMIT_MB}m -Dhost.admin.port=0" "$DIST/bin/worker-host" run --plugins-dir "$OVERHEAD_PLUGINS"
  HOST_PID=$BACKGROUND_PID
  HOST_LOG=$WORK/overhead-host.log
  drive_workflows "$port" bench-echo "$warm_up"
  drive_workflows "$port" bench-echo "$workflows"
  local host_seconds=$DRIVER_SECONDS host_rss
  host_rss=$(peak_rss_mb "$HOST_PID")
  step "overhead: stopping the host (SIGTERM, expecting exit 0) and the dev-server"
  stop_host
  kill -TERM "$server_pid"

  add_row "$workflows trivial workflows, 1 activity each (fixture plugin)" \
    "$(rate "$workflows" "$host_seconds") workflows/s, ${host_seconds} s" \
    "$(rate "$workflows" "$bare_seconds") workflows/s, ${bare_seconds} s" \
    "$(ratio "$host_seconds" "$bare_seconds")" \
    "$(rss_cell "$host_rss") (bare: $bare_rss MB)" \
    "baseline: the same classes on a plain WorkerFactory worker (SDK defaults); both against one dev-server; load driver: 8 threads start all, then wait for every result; each side gets an untimed warm-up batch of $warm_up first"
}
