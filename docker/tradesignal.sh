#!/usr/bin/env bash
# `tradesignal` in the publisher image (/usr/local/bin/tradesignal): the repository's ./tradesignal launcher without
# the build step, on the jars the image carries. The JVM flags are the launcher's (docker/check.sh compares them).
#   tradesignal publisher --kafka kafka:9092 ...     (what docker/publisher-entrypoint.sh runs)
#   tradesignal feed status                          (the feeds' state in /state)
set -euo pipefail

home=/opt/tradesignal
read -r -a java_opts <<<"${TRADESIGNAL_JAVA_OPTS:--Xmx512m}"

exec java "${java_opts[@]}" \
  --add-exports=java.base/sun.net.util=ALL-UNNAMED \
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
  --add-opens=java.base/java.text=ALL-UNNAMED \
  --add-opens=java.base/java.time=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED \
  "-Dlog4j2.configurationFile=${TRADESIGNAL_LOG4J_CONFIG:-tradesignal-cli-log4j2.properties}" \
  -cp "$home/tradesignal-job.jar:$home/lib/*" com.tradesignal.cli.TradeSignalCli "$@"
