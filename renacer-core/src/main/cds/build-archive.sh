#!/usr/bin/env bash
# Builds the class-data-sharing archive of renacer.jar (Maven package, after the shade): one training run
# records the classes a short trace loads, then -Xshare:dump maps them into target/renacer.jsa, which the
# ./renacer launcher hands to the JVM. It lives next to the jar, in the build's own folder, never in /tmp.
# Without it renacer still runs (the JDK's default archive only); so a failure here warns, it does not fail.
set -uo pipefail
jar=$1
archive=$2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# the launcher's options: an archive is only used by a JVM started with the same garbage collector
options=(-XX:-UsePerfData -XX:+UseSerialGC)
list=$(mktemp -d)/renacer.classlist
trap 'rm -rf "$(dirname "$list")"' EXIT
rm -f "$archive"
# a trace of `true` loads the CLI, the decoders, the tracer and JNA; -c the statistics; ptrace may be refused
# where the build runs (a container): the classes up to the refusal are recorded all the same
"$java" "${options[@]}" -XX:DumpLoadedClassList="$list" -jar "$jar" -f -qq -o /dev/null true >/dev/null 2>&1
if ! "$java" "${options[@]}" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" \
        -cp "$jar" >/dev/null 2>&1 || [ ! -s "$archive" ]; then
    echo "renacer-core: warning: no class-data-sharing archive made ($archive): renacer will start slower" >&2
    rm -f "$archive"
fi
exit 0
