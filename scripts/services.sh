#!/usr/bin/env bash
# Installs, starts, probes and stops the real services baoho needs, on 127.0.0.1, without Docker:
#   postgres    PostgreSQL 15 from Debian's binaries, our own cluster (initdb) on our own port
#   kafka       Apache Kafka 3.9 from Maven Central jars, one KRaft node
#   temporal    the Temporal CLI dev server (go install), with its Web UI and our search attributes
#   testserver  Temporal's time-skipping test server (Maven Central), installed only: tests start it
# Everything is cached under $BAOHO_HOME (default .baoho/, git-ignored), so a second run is fast.
# Starting is idempotent: a service already answering on its port is reused, not started twice.
# When DATABASE_URL, KAFKA_BROKERS or TEMPORAL_ADDRESS is set, that service is external: not started.
#
# usage: scripts/services.sh install|start|stop|status|env [postgres|kafka|temporal|testserver ...]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/scripts/services"
BAOHO_HOME="${BAOHO_HOME:-$ROOT/.baoho}"
PG_PORT="${BAOHO_PG_PORT:-55432}"
KAFKA_PORT="${BAOHO_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${BAOHO_KAFKA_CONTROLLER_PORT:-9093}"
TEMPORAL_PORT="${BAOHO_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${BAOHO_TEMPORAL_UI_PORT:-8233}"
TEMPORAL_CLI_VERSION="v1.5.1"
PG_VERSION=15
LOGS="$BAOHO_HOME/logs"
RUN="$BAOHO_HOME/run"
mkdir -p "$BAOHO_HOME/bin" "$LOGS" "$RUN"

say() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

# Waits for a probe command to succeed, polling; fails with the log's tail after the timeout.
wait_for() {
  local what="$1" timeout_s="$2" log="$3"; shift 3
  local deadline=$((SECONDS + timeout_s))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      say "$what did not become ready within ${timeout_s}s; last lines of $log:"
      tail -n 30 "$log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { local f="$RUN/$1.pid"; [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null; }

# Starts a command detached in its own session so it outlives this script; records its pid.
spawn() {
  local name="$1"; shift
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN/$name.pid"
}

stop_pid() {
  local name="$1" f="$RUN/$1.pid"
  [[ -f "$f" ]] || return 0
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { say "$name did not stop in 15s; killing"; kill -KILL -- "-$pid" 2>/dev/null || true; }
  fi
  rm -f "$f"
}

# ---------------------------------------------------------------- PostgreSQL
pg_bin() {
  local d="/usr/lib/postgresql/$PG_VERSION/bin"
  [[ -x "$d/initdb" ]] && { echo "$d"; return; }
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return; }
  return 1
}

# PostgreSQL refuses to run as root: as root we run it as the 'postgres' system user.
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_postgres() {
  [[ -n "${DATABASE_URL:-}" ]] && return 0
  if ! pg_bin >/dev/null; then
    say "installing PostgreSQL $PG_VERSION from Debian's packages"
    [[ $EUID -eq 0 ]] || die "PostgreSQL $PG_VERSION is missing; install postgresql-$PG_VERSION (Debian) and retry"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
  fi
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    # the postgres user must be able to reach the cache folder, even inside a private (0700) checkout
    local d="$BAOHO_HOME"
    while [[ "$d" != "/" ]]; do
      if ! runuser -u postgres -- test -x "$d" 2>/dev/null; then chmod o+x "$d"; fi
      d="$(dirname "$d")"
    done
  fi
  local data="$BAOHO_HOME/pg/data"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    say "initdb: a new PostgreSQL cluster in $data"
    mkdir -p "$BAOHO_HOME/pg"
    [[ $EUID -eq 0 ]] && chown postgres "$BAOHO_HOME/pg"
    as_pg "$(pg_bin)/initdb" -D "$data" -U baoho --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1 \
      || { tail -n 20 "$LOGS/initdb.log" >&2; die "initdb failed"; }
    cat >>"$data/postgresql.conf" <<EOF
# baoho local cluster
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$BAOHO_HOME/pg'
max_connections = 300
shared_buffers = 256MB
EOF
  fi
}

pg_ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

start_postgres() {
  if [[ -n "${DATABASE_URL:-}" ]]; then say "postgres: external ($DATABASE_URL)"; return 0; fi
  install_postgres
  if pg_ready; then say "postgres: already running on 127.0.0.1:$PG_PORT (reused)"; else
    as_pg touch "$LOGS/postgres.log" 2>/dev/null || { touch "$LOGS/postgres.log"; [[ $EUID -eq 0 ]] && chown postgres "$LOGS/postgres.log"; }
    as_pg "$(pg_bin)/pg_ctl" -D "$BAOHO_HOME/pg/data" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null \
      || { tail -n 30 "$LOGS/postgres.log" >&2; die "postgres did not start"; }
    wait_for postgres 60 "$LOGS/postgres.log" pg_ready
    say "postgres: started on 127.0.0.1:$PG_PORT"
  fi
  "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U baoho -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'baoho'" | grep -q 1 \
    || "$(pg_bin)/createdb" -h 127.0.0.1 -p "$PG_PORT" -U baoho baoho
}

stop_postgres() {
  [[ -n "${DATABASE_URL:-}" ]] && return 0
  [[ -f "$BAOHO_HOME/pg/data/postmaster.pid" ]] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$BAOHO_HOME/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  say "postgres: stopped"
}

# ---------------------------------------------------------------- Kafka
install_kafka() {
  [[ -n "${KAFKA_BROKERS:-}" ]] && return 0
  local libs="$BAOHO_HOME/kafka/libs"
  if [[ ! -f "$libs/.complete" ]] || ! cmp -s "$HERE/kafka-pom.xml" "$libs/.pom"; then
    say "kafka: copying Apache Kafka jars from Maven Central"
    command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Kafka's jars"
    rm -rf "$libs"; mkdir -p "$libs"
    mvn -q -B -f "$HERE/kafka-pom.xml" dependency:copy-dependencies -DoutputDirectory="$libs" \
      >"$LOGS/kafka-install.log" 2>&1 || { tail -n 30 "$LOGS/kafka-install.log" >&2; die "could not fetch Kafka"; }
    cp "$HERE/kafka-pom.xml" "$libs/.pom"; touch "$libs/.complete"
  fi
  local conf="$BAOHO_HOME/kafka/server.properties" data="$BAOHO_HOME/kafka/data"
  cat >"$conf" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  if [[ ! -f "$data/meta.properties" ]]; then
    say "kafka: formatting KRaft storage in $data"
    mkdir -p "$data"
    local cluster_id; cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$conf" >"$LOGS/kafka-format.log" 2>&1 \
      || { tail -n 20 "$LOGS/kafka-format.log" >&2; die "kafka storage format failed"; }
  fi
}

kafka_java() { BAOHO_HOME="$BAOHO_HOME" bash "$HERE/kafka-run.sh" "$@"; }

kafka_ready() { node "$ROOT/scripts/probe.js" kafka "127.0.0.1:$KAFKA_PORT"; }

start_kafka() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then say "kafka: external ($KAFKA_BROKERS)"; return 0; fi
  install_kafka
  if port_open "$KAFKA_PORT"; then say "kafka: already running on 127.0.0.1:$KAFKA_PORT (reused)"; else
    BAOHO_HOME="$BAOHO_HOME" spawn kafka bash "$HERE/kafka-run.sh" kafka.Kafka "$BAOHO_HOME/kafka/server.properties"
  fi
  wait_for kafka 120 "$LOGS/kafka.log" kafka_ready
  say "kafka: ready on 127.0.0.1:$KAFKA_PORT"
}

stop_kafka() { [[ -n "${KAFKA_BROKERS:-}" ]] && return 0; pid_alive kafka && { stop_pid kafka; say "kafka: stopped"; } || true; }

# ---------------------------------------------------------------- Temporal dev server
temporal_cli() { echo "$BAOHO_HOME/bin/temporal"; }

install_temporal() {
  [[ -n "${TEMPORAL_ADDRESS:-}" ]] && return 0
  local stamp="$BAOHO_HOME/bin/.temporal-$TEMPORAL_CLI_VERSION"
  if [[ ! -x "$(temporal_cli)" || ! -f "$stamp" ]]; then
    say "temporal: building the Temporal CLI $TEMPORAL_CLI_VERSION (go install)"
    command -v go >/dev/null || die "Go is needed to build the Temporal CLI"
    GOBIN="$BAOHO_HOME/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" \
      >"$LOGS/temporal-install.log" 2>&1 || { tail -n 30 "$LOGS/temporal-install.log" >&2; die "could not build the Temporal CLI"; }
    touch "$stamp"
  fi
}

# The dev server's flags, the case search attributes among them, shared with the tests' private servers: one flag
# and its value per line, # for comments.
TEMPORAL_FLAGS_FILE="$ROOT/scripts/services/temporal-dev-server.flags"

temporal_ready() { "$(temporal_cli)" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" --command-timeout 2s | grep -q SERVING; }

start_temporal() {
  if [[ -n "${TEMPORAL_ADDRESS:-}" ]]; then say "temporal: external ($TEMPORAL_ADDRESS)"; return 0; fi
  install_temporal
  if port_open "$TEMPORAL_PORT"; then say "temporal: already running on 127.0.0.1:$TEMPORAL_PORT (reused)"; else
    mkdir -p "$BAOHO_HOME/temporal"
    local args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
      --db-filename "$BAOHO_HOME/temporal/dev.db" --log-level warn)
    local flag value
    while read -r flag value; do
      [[ -z "$flag" || "$flag" == \#* ]] || args+=("$flag" "$value")
    done < "$TEMPORAL_FLAGS_FILE"
    spawn temporal "$(temporal_cli)" "${args[@]}"
  fi
  wait_for temporal 90 "$LOGS/temporal.log" temporal_ready
  wait_for temporal-ui 30 "$LOGS/temporal.log" port_open "$TEMPORAL_UI_PORT"
  say "temporal: ready on 127.0.0.1:$TEMPORAL_PORT, Web UI http://127.0.0.1:$TEMPORAL_UI_PORT"
}

stop_temporal() { [[ -n "${TEMPORAL_ADDRESS:-}" ]] && return 0; pid_alive temporal && { stop_pid temporal; say "temporal: stopped"; } || true; }

# ---------------------------------------------------------------- Temporal time-skipping test server
install_testserver() {
  local libs="$BAOHO_HOME/testserver/libs" wrapper="$BAOHO_HOME/bin/temporal-test-server"
  if [[ ! -f "$libs/.complete" ]] || ! cmp -s "$HERE/temporal-test-server-pom.xml" "$libs/.pom"; then
    say "testserver: copying Temporal's time-skipping test server from Maven Central"
    rm -rf "$libs"; mkdir -p "$libs"
    mvn -q -B -f "$HERE/temporal-test-server-pom.xml" dependency:copy-dependencies -DoutputDirectory="$libs" \
      >"$LOGS/testserver-install.log" 2>&1 || { tail -n 30 "$LOGS/testserver-install.log" >&2; die "could not fetch the test server"; }
    cp "$HERE/temporal-test-server-pom.xml" "$libs/.pom"; touch "$libs/.complete"
  fi
  # exec, so the SDK's kill of its direct child stops the JVM itself
  cat >"$wrapper" <<EOF
#!/bin/sh
exec java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '$libs/*' io.temporal.testserver.TestServer "\$@"
EOF
  chmod +x "$wrapper"
}

# ---------------------------------------------------------------- keys
# The development master keys of the local-file key provider (git-ignored, created once, mode 600).
ensure_master_keys() {
  local file="${MASTER_KEYS_FILE:-$BAOHO_HOME/keys/master-keys.json}"
  [[ -f "$file" ]] && return 0
  MASTER_KEYS_FILE="$file" node --require "$ROOT/scripts/swc-register.js" "$ROOT/libs/crypto/src/keys-cli.ts" init >/dev/null
  say "keys: development master key created in $file"
}

# ---------------------------------------------------------------- dev identity
# The local development key pair (RS256) the apps trust and scripts/token.ts signs with; made once, kept.
ensure_dev_keys() {
  local dir="$BAOHO_HOME/keys"
  [[ -f "$dir/dev-private.pem" && -f "$dir/dev-public.pem" ]] && return 0
  mkdir -p "$dir" && chmod 700 "$dir"
  node -e '
    const { generateKeyPairSync } = require("node:crypto");
    const fs = require("node:fs");
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    fs.writeFileSync(process.argv[1] + "/dev-private.pem", privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    fs.writeFileSync(process.argv[1] + "/dev-public.pem", publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
  ' "$dir"
  say "dev identity: RS256 key pair created in $dir"
}

# ---------------------------------------------------------------- env
print_env() {
  echo "export DATABASE_URL='${DATABASE_URL:-postgres://baoho:baoho@127.0.0.1:$PG_PORT/baoho}'"
  echo "export KAFKA_BROKERS='${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}'"
  echo "export TEMPORAL_ADDRESS='${TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}'"
  echo "export TEMPORAL_UI_URL='${TEMPORAL_UI_URL:-http://127.0.0.1:$TEMPORAL_UI_PORT}'"
  echo "export TEMPORAL_TEST_SERVER_PATH='${TEMPORAL_TEST_SERVER_PATH:-$BAOHO_HOME/bin/temporal-test-server}'"
  echo "export BAOHO_HOME='$BAOHO_HOME'"
  echo "export MASTER_KEYS_FILE='${MASTER_KEYS_FILE:-$BAOHO_HOME/keys/master-keys.json}'"
  echo "export AUTH_ISSUER='${AUTH_ISSUER:-baoho-dev}'"
  echo "export AUTH_AUDIENCE='${AUTH_AUDIENCE:-baoho}'"
  # Keys named by the caller (a JWKS URL or an inline key) win; otherwise the apps trust the dev key.
  if [[ -z "${AUTH_JWKS_URL:-}" && -z "${AUTH_PUBLIC_KEY:-}" ]]; then
    echo "export AUTH_PUBLIC_KEY_FILE='${AUTH_PUBLIC_KEY_FILE:-$BAOHO_HOME/keys/dev-public.pem}'"
  fi
}

ALL=(postgres kafka temporal testserver)
cmd="${1:-status}"; shift || true
services=("$@"); ((${#services[@]})) || services=("${ALL[@]}")

# Runs "<step>_<service>" for each service side by side; fails if any of them did.
each_side_by_side() {
  local step="$1"; shift
  # the time-skipping test server is only installed: the workflow tests start their own
  for s in "$@"; do { [[ "$step" == start && "$s" == testserver ]] || "${step}_$s"; } & done
  local rc=0; for job in $(jobs -p); do wait "$job" || rc=1; done
  return $rc
}

# The keys every app needs and the env file the scripts source.
write_keys_and_env() {
  ensure_master_keys
  ensure_dev_keys
  print_env >"$BAOHO_HOME/env"
}

case "$cmd" in
  install)
    each_side_by_side install "${services[@]}" ;;
  start)
    # install first (downloads and builds run side by side), then start side by side
    each_side_by_side install "${services[@]}" || die "install failed"
    each_side_by_side start "${services[@]}" || die "a service did not start"
    write_keys_and_env ;;
  stop)
    for s in "${services[@]}"; do [[ "$s" == testserver ]] || "stop_$s"; done ;;
  status)
    pg_bin >/dev/null && pg_ready && echo "postgres: up on 127.0.0.1:$PG_PORT" || echo "postgres: down"
    port_open "$KAFKA_PORT" && echo "kafka: up on 127.0.0.1:$KAFKA_PORT" || echo "kafka: down"
    port_open "$TEMPORAL_PORT" && echo "temporal: up on 127.0.0.1:$TEMPORAL_PORT" || echo "temporal: down" ;;
  env) ensure_dev_keys; print_env ;;
  prepare)
    # what a run on private services needs (the fault suite): everything installed, the keys, the env file;
    # nothing started
    each_side_by_side install "${ALL[@]}" || die "install failed"
    write_keys_and_env ;;
  *) die "usage: scripts/services.sh install|prepare|start|stop|status|env [postgres|kafka|temporal|testserver ...]" ;;
esac
