# Shared helpers of bench/run: steps and failures, cleanup, databases, the host process, timing and results.
# Sourced, not run. Expects REPO, DIST, WORK (a temp dir) and RESULTS (the table rows file) to be set.

PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
HOST_READY_TIMEOUT=120   # seconds for a host to log "worker-host ready"
HOST_STOP_TIMEOUT=60     # seconds for a host to exit after SIGTERM
WORKFLOW_TIMEOUT=600     # seconds for one `workflow start --wait`
HEAP_LIMIT_MB=256        # -Xmx of every host run, the column "heap limit"
TENANT=tenant_bench      # the scope of every row the scenarios insert
ENVIRONMENT=env_bench

STEP="starting"
CREATED_DATABASES=()
STARTED_PIDS=()

# Names what the run is doing, so a failure says which step broke.
step() {
  STEP="$*"
  printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
  printf 'bench FAILED at step "%s": %s\n' "$STEP" "$*" >&2
  exit 1
}

on_error() {
  printf 'bench FAILED at step "%s": command on line %s of %s exited %s\n' "$STEP" "$2" "$3" "$1" >&2
}

# Stops every process this run started and drops every database it created; runs on any exit.
cleanup() {
  local pid db
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] || continue
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  done
  for db in "${CREATED_DATABASES[@]:-}"; do
    [[ -n "$db" ]] && psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  done
  [[ -n "${WORK:-}" && -d "$WORK" && "${KEEP_WORK:-}" != 1 ]] && rm -rf "$WORK"
  return 0
}

psql_admin() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}

# psql on database $1; the remaining arguments go to psql.
psql_db() {
  local db=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" "$@"
}

# One number (or string) from a query.
sql_value() {
  psql_db "$1" -tA -c "$2"
}

# Creates a throw-away database named bench_<label>_<random> and stores its name in the variable named $2 (not
# printed: cleanup must learn of it in this shell, not in a command substitution's subshell).
create_database() {
  local name
  name="bench_$1_$(date +%s)_${RANDOM}${RANDOM}"
  CREATED_DATABASES+=("$name")
  psql_admin -c "CREATE DATABASE \"$name\"" || die "cannot create database $name on $PG_HOST:$PG_PORT as $PG_USER"
  printf -v "$2" '%s' "$name"
}

drop_database() {
  psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null
}

# The product schema applied by psql (the baselines' databases; the hosts migrate their own with Flyway).
apply_schema() {
  local migration
  while read -r migration; do
    psql_db "$1" -f "$migration" >/dev/null || die "cannot apply $migration to $1"
  done < <(ls "$REPO"/plugins/domain/src/main/resources/db/migration/workerhost/V*__*.sql | sort -V)
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

now() {
  date +%s.%N
}

# Seconds between two `now` values, 3 decimals.
seconds_between() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'
}

# Runs a command, its standard output discarded, and sets ELAPSED to its wall-clock seconds.
timed() {
  local start end
  start=$(now)
  "$@" >/dev/null
  end=$(now)
  ELAPSED=$(seconds_between "$start" "$end")
}

# Starts a background process with stderr to $2, waits for the line $3 on stderr or stdout; sets BACKGROUND_PID.
start_and_wait() {
  local what=$1 log=$2 ready=$3
  shift 3
  "$@" >"$log.out" 2>"$log" &
  BACKGROUND_PID=$!
  STARTED_PIDS+=("$BACKGROUND_PID")
  local waited=0
  until grep -q "$ready" "$log" "$log.out" 2>/dev/null; do
    kill -0 "$BACKGROUND_PID" 2>/dev/null || die "$what exited before it was ready: $(tail -n 20 "$log")"
    ((waited++ < HOST_READY_TIMEOUT * 2)) || die "$what was not ready after ${HOST_READY_TIMEOUT}s; see $log"
    sleep 0.5
  done
}

# Starts `bin/worker-host dev-server` (the embedded Temporal server alone) on a free port and waits for it; sets
# DEV_SERVER_PORT and DEV_SERVER_PID.
start_dev_server() {
  DEV_SERVER_PORT=$(free_port)
  start_and_wait "dev-server" "$WORK/dev-server-$DEV_SERVER_PORT.log" \
    "listening on 127.0.0.1:$DEV_SERVER_PORT" \
    env -u JAVA_OPTS "$DIST/bin/worker-host" dev-server --port "$DEV_SERVER_PORT"
  DEV_SERVER_PID=$BACKGROUND_PID
}

# Starts `bin/worker-host run` against database $1 with embedded Temporal on port $2 and waits for it to be ready.
# Sets HOST_PID (the JVM: the launcher execs java) and HOST_LOG. BENCH_JDBC_PARAMS (e.g. reWriteBatchedInserts=true)
# is appended to the JDBC URL, for experiments with driver options. Import files come from $WORK.
start_host() {
  HOST_LOG=$WORK/host-$1.log
  start_and_wait "the host" "$HOST_LOG" "worker-host ready" env -u TEMPORAL_ADDRESS \
    WORKER_HOST_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$1${BENCH_JDBC_PARAMS:+?$BENCH_JDBC_PARAMS}" \
    WORKER_HOST_DB_USER="$PG_USER" \
    WORKER_HOST_ADMIN_PORT="$(free_port)" \
    JAVA_OPTS="-Xmx${HEAP_LIMIT_MB}m -Dtemporal.embedded.port=$2 -Dplugins.billing.schedule= -Dplugins.task.sources.folders.0=$WORK -Dhost.admin.port=0 ${BENCH_HOST_OPTS:-}" \
    "$DIST/bin/worker-host" run
  HOST_PID=$BACKGROUND_PID
}

# Peak resident set of process $1 so far, in MB (VmHWM).
peak_rss_mb() {
  awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

# SIGTERM to the host; fails unless it exits 0 within HOST_STOP_TIMEOUT.
stop_host() {
  kill -TERM "$HOST_PID"
  local waited=0
  while kill -0 "$HOST_PID" 2>/dev/null; do
    ((waited++ < HOST_STOP_TIMEOUT)) || die "the host did not exit ${HOST_STOP_TIMEOUT}s after SIGTERM"
    sleep 1
  done
  local rc=0
  wait "$HOST_PID" || rc=$?
  ((rc == 0)) || die "the host exited $rc after SIGTERM (expected 0); last lines of $HOST_LOG:
$(tail -n 20 "$HOST_LOG")"
}

# `bin/worker-host workflow start TYPE --input JSON --wait` against the running host. Sets WORKFLOW_RESULT to the
# result JSON, WORKFLOW_SECONDS to its wall-clock time (CLI JVM start-up included) and WORKFLOW_NET_SECONDS to the
# time from the CLI's "started workflow" line (written once the server has accepted the start) to the first line of
# the result on its standard output: the workflow as the server ran it and the CLI's wait for its result, without
# the JVM start, plugin loading, input check and connection before the start, or the JVM's exit after the result.
run_workflow() {
  local type=$1 input=$2 port=$3 out=$WORK/workflow.out err=$WORK/workflow.err times rc=0
  times=$(timed_cli "$out" "$err" env -u TEMPORAL_ADDRESS -u JAVA_OPTS timeout "$WORKFLOW_TIMEOUT" \
    "$DIST/bin/worker-host" workflow start "$type" --input "$input" --wait --target "127.0.0.1:$port") || rc=$?
  ((rc == 0)) || die "$type exited $rc (124 = timed out after ${WORKFLOW_TIMEOUT}s): $(cat "$err" "$out")"
  read -r WORKFLOW_SECONDS WORKFLOW_NET_SECONDS <<<"$times"
  [[ "$WORKFLOW_NET_SECONDS" != - ]] || die "$type: the CLI wrote no \"started workflow\" line or no result: $(cat "$err")"
  WORKFLOW_RESULT=$(cat "$out")
}

# Runs a command with its standard output to $1 and standard error to $2, noting when each line arrives; prints
# "WALL NET": the command's wall-clock seconds, and the seconds from its "started workflow" line on standard error
# to its first line on standard output ("-" if either is missing). Exits with the command's status.
timed_cli() {
  python3 - "$@" <<'PY'
import subprocess, sys, threading, time
out_path, err_path, command = sys.argv[1], sys.argv[2], sys.argv[3:]
marks = {}

def copy(stream, path, mark, first_line_only):
    with open(path, "wb") as sink:
        for line in stream:
            if mark not in marks and (first_line_only or line.startswith(b"started workflow")):
                marks[mark] = time.monotonic()
            sink.write(line)

began = time.monotonic()
cli = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
readers = [threading.Thread(target=copy, args=(cli.stdout, out_path, "result", True)),
           threading.Thread(target=copy, args=(cli.stderr, err_path, "started", False))]
for reader in readers:
    reader.start()
status = cli.wait()
ended = time.monotonic()
for reader in readers:
    reader.join()
net = "%.3f" % (marks["result"] - marks["started"]) if len(marks) == 2 else "-"
print("%.3f %s" % (ended - began, net))
sys.exit(status)
PY
}

# Times a CLI call that does no work (`workflow show` of an unknown id: JVM start, Temporal client, one RPC) against
# the idle host; sets CLI_SECONDS, the fixed part of every `workflow start --wait` time.
measure_cli_round_trip() {
  local start out
  start=$(now)
  out=$(env -u TEMPORAL_ADDRESS -u JAVA_OPTS timeout 60 "$DIST/bin/worker-host" workflow show bench-no-such-workflow \
    --target "127.0.0.1:$1" 2>&1) && die "workflow show of an unknown id succeeded: $out"
  [[ "$out" == *"no workflow with id bench-no-such-workflow"* ]] || die "workflow show did not reach the server: $out"
  CLI_SECONDS=$(seconds_between "$start" "$(now)")
}

# Seconds the workflow took net of the CLI round trip (never below 1 ms).
net_seconds() {
  awk -v a="$1" -v c="$CLI_SECONDS" 'BEGIN { n = a - c; printf "%.3f", n < 0.001 ? 0.001 : n }'
}

# "12.345 s (net 9.1 s)": end to end through the CLI, and without the CLI round trip.
timing_cell() {
  printf '%s s (net %.1f s)' "$1" "$(net_seconds "$1")"
}

# "3.2x (net 2.1x)"
ratio_cell() {
  printf '%s (net %s)' "$(ratio "$1" "$2")" "$(ratio "$(net_seconds "$1")" "$2")"
}

# Fails unless the JSON in $1 satisfies the jq condition $2.
expect_json() {
  jq -e "$2" >/dev/null <<<"$1" || die "expected $2 in: $1"
}

# One table row: scenario, worker-host, baseline, ratio, peak RSS / heap limit, notes.
add_row() {
  local line="|" cell
  for cell in "$@"; do line+=" $cell |"; done
  printf '%s\n' "$line" >>"$RESULTS"
}

# "3.2x" = worker-host took 3.2 times the baseline's time.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.1fx", a / b }'
}

rate() {
  awk -v n="$1" -v s="$2" 'BEGIN { printf "%d", n / s }'
}

# "median min max" of the numbers given as arguments.
stats() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.3f %.3f %.3f\n", m, v[1], v[NR] }'
}

# "0.812 s (0.790-0.901)": the median of the numbers after the unit $1, and their range.
median_cell() {
  local unit=$1 median low high
  shift
  read -r median low high < <(stats "$@")
  awk -v m="$median" -v u="$unit" -v l="$low" -v h="$high" '
    function f(x) { return x >= 1000 ? sprintf("%.0f", x) : sprintf("%.4g", x) }
    BEGIN { printf "%s %s (%s-%s)", f(m), u, f(l), f(h) }'
}

# One row of worker-host's measurements against the baseline's, each as median (range), and the quotient of the
# medians: title $1, unit $2, RSS cell $3, notes $4, then worker-host's values, "--", the baseline's values.
add_median_row() {
  local title=$1 unit=$2 rss=$3 notes=$4 host=()
  shift 4
  while (($#)) && [[ $1 != -- ]]; do host+=("$1"); shift; done
  shift
  add_row "$title" "$(median_cell "$unit" "${host[@]}")" "$(median_cell "$unit" "$@")" \
    "$(quotient "$(stats "${host[@]}" | cut -d' ' -f1)" "$(stats "$@" | cut -d' ' -f1)")" "$rss" "$notes"
}

# "0.98": $1 / $2, two decimals.
quotient() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.2f", a / b }'
}

# The 1-minute load average now: the machine is shared, so every timed row says how busy it was.
load_now() {
  cut -d' ' -f1 /proc/loadavg
}

rss_cell() {
  printf '%s MB / %s MB' "$1" "$HEAP_LIMIT_MB"
}
