#!/usr/bin/env bash
# Runs a main class of the cached Kafka jars: kafka-run.sh kafka.Kafka server.properties
# exec, so that stopping this process stops the JVM.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${BAOHO_HOME:?BAOHO_HOME must name the cache folder}"
exec java -Xms128m -Xmx"${BAOHO_KAFKA_HEAP:-768m}" -XX:+UseG1GC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$here/kafka-log4j.properties" \
  -cp "$BAOHO_HOME/kafka/libs/*" "$@"
