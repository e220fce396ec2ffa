# Sourced by ./failready and by the image's entrypoint (packaging/entrypoint.sh): the JVM flags and the
# class-data archive a command runs with, in one place, so a container runs the jar exactly as the
# launcher does.

# C1 only: on 2 cores the C2 compiler costs more CPU than it saves for runs of seconds (measured:
# 100k evaluation 9.5 s CPU with C1, 16 s with C2). The parallel collector: an evaluation keeps its
# whole estate live, so collections copy a lot, and two GC threads beat one (100k evaluation, 2 cores:
# 9.7-10.0 s with Parallel, 11.4-12.1 s with Serial, peak RSS 0.65-0.8 GB).
# Heap shape, chosen by measurement (2 cores, GC logs): an evaluation's estate lives to the end, so
# anything that survives a young collection is promoted at once (MaxTenuringThreshold=0) instead of
# being copied between survivor spaces up to 7 times, and the young generation stays small (96 MB:
# its pages are touched, so it is RSS). The old generation starts at 8% of RAM (container-aware;
# committed, not touched): with the default start the adaptive policy ran a Full GC (Ergonomics)
# each time it grew, 0.75-1.3 s at 100k and seven of them at 1M. Measured against the flags before:
# 100k 6.2 s vs 6.8 s wall, 516 MB vs 772 MB RSS; 1M 92 s vs 135 s CPU, 2.7 GB vs 4.0 GB RSS; render
# 100k 490 MB vs 580 MB. Starting at 25% ran no Full GC at 1M (76 s CPU) but kept its garbage: 3.1 GB.
# Metaspace: a run without a class-data archive (the first run of a build, FAILREADY_CDS=off, user
# rule directories) loads ~28 MB of class metadata (Drools, the rule model's lambdas), past the JVM's
# initial 21 MB threshold, and the JVM answers with a young and a Full GC ("Metadata GC Threshold")
# in the middle of rule firing: 0.4-0.7 s CPU for nothing, since a CLI run never unloads classes.
# With the archive, archived classes do not count against the threshold (~2 MB loaded otherwise).
# MinHeapFreeRatio=60: an estate that outgrows the starting heap (1M resources: ~2.4 GB) meets a Full
# GC, and the parallel collector's own sizing then left only a few hundred MB free, so the next
# promotions ran another Full GC (five at 1M, 2-5 s each, over 20 s of GC CPU). With 60% of the heap
# kept free after a Full GC (1.5x the live data, committed, not touched) 1M runs one: GC CPU 36 -> 23 s,
# peak RSS 2.70 -> 2.78 GB. Runs that fit the starting heap (10k, 100k) never run a Full GC: unchanged.
# One compiler thread: C1 compiles ~3,900 methods in the first second of a small evaluation, and two
# compiler threads took the CPU from the two threads firing rules. Interleaved medians on 2 cores:
# 10k evaluation 1.46 -> 1.32 s, scan --demo 1.30 -> 1.16 s; 100k (3.74 / 3.69 s), 1M (29.5 / 29.6 s)
# and gate --report unchanged.
# FAILREADY_JAVA_OPTS replaces these flags and the huge-pages flag below (e.g. -Xmx for very large estates).
FAILREADY_DEFAULT_JVM_OPTS="-XX:+UseParallelGC -Xss4m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xmn96m -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=8 -XX:MetaspaceSize=128m -XX:MinHeapFreeRatio=60"

# The "quick" commands (gate --report, rules; see failready_archive_kind) read one report or the
# catalog and exit: half a second that a runbook's pre-check waits for, spent mostly starting the JVM.
# The heap shape above is for an estate that stays live; here it only costs start-up: committing an
# old generation of 8 % of RAM and a fixed young generation took 0.05 s of a 0.55 s `gate --report`
# of a 10k report (medians of 11 interleaved runs, 2 cores), and the serial collector gained nothing
# over the parallel one there while being slower on a 100k report (1.9 vs 2.3-3.1 s). Without
# performance data (-XX:-UsePerfData) the JVM does not create its /tmp/hsperfdata file; `jps` does not
# list the process, which nobody needs of a command this short.
FAILREADY_QUICK_JVM_OPTS="-XX:+UseParallelGC -Xss4m -XX:TieredStopAtLevel=1 -XX:-UsePerfData"

# Class-data sharing: static AppCDS archives of the classes the commands load (Drools, Jackson,
# picocli, FreeMarker, the AWS SDK) cut start-up by a third or more. Static, not the dynamic
# -XX:ArchiveClassesAtExit kind: JDK 17 leaves pre-Java-6 class files such as picocli's out of a
# dynamic archive, and loading and verifying those from the jar was a quarter of `gate --report`.
# One archive per kind of command, because mapping a big archive costs every run that uses it: with
# one ~180 MB archive for everything, `gate --report` was a third slower and a 10k evaluation 0.2 s
# slower than with archives of their own classes.
#   quick:    gate --report, rules
#   collect:  collect, and scan of a live estate (the AWS SDK's classes)
#   evaluate: everything else (evaluate, scan --demo, gate --snapshot, report, diff, bench, ...)
FAILREADY_ARCHIVE_KINDS="evaluate quick collect"

# How a run maps its archive. The JDK 17 updates map archives at a random address by default
# (ArchiveRelocationMode=1, against address guessing), which rewrites every pointer in the 60-100 MB
# archive at each start: ~0.1 s of a run's start-up (JVM start to main 0.37 s -> 0.28 s wall, 0.34 ->
# 0.25 s CPU, 2 cores). Mode 0 maps it at its own address as JDK 17.0.0-17.0.x did, falling back to a
# random one if that is taken. Logging off: a stale archive must not put JVM warnings into the output.
FAILREADY_CDS_JVM_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Xlog:cds=off -Xlog:cds+dynamic=off"

# FAILREADY_CDS, checked the same way by ./failready and the image's entrypoint: a misspelt "off" must
# not silently run with the archives (nor a misspelt "wait" start a detached builder).
failready_check_cds_mode() {
  case "${FAILREADY_CDS:-on}" in
    on|off|wait) ;;
    *) echo "failready: FAILREADY_CDS must be on (the default), off or wait, not '${FAILREADY_CDS}'" >&2; exit 2 ;;
  esac
}

# Transparent huge pages for the Java heap, where the kernel offers them to a process that asks
# (/sys/kernel/mm/transparent_hugepage/enabled is "always" or "madvise", the usual Linux defaults): a
# run touches its young generation and the estate's pages once each, and with 4 KB pages that was
# 56k page faults at 10k resources and 128k at 100k (16k each with 2 MB pages) and most of the
# system time. Interleaved medians on 2 cores: 10k evaluation 1.93 -> 1.69 s, 100k 4.32 -> 3.74 s,
# gate --report of a 10k report 0.51 -> 0.37 s; 1M 33.1 -> 31.9 s at the same peak RSS (2.77 GB).
# Only where the kernel supports them: elsewhere JDK 17 prints a warning on standard output (where
# a --format json report may be going), and the flag does not exist on macOS.
failready_thp_opts() {
  local mode
  { read -r mode </sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null || return 0
  [[ "$mode" == *"[always]"* || "$mode" == *"[madvise]"* ]] && echo "-XX:+UseTransparentHugePages"
  return 0
}

failready_jvm_opts() {  # failready_jvm_opts KIND -> the JVM flags a command of that kind runs with
  if [[ -n "${FAILREADY_JAVA_OPTS:-}" ]]; then echo "$FAILREADY_JAVA_OPTS"
  elif [[ "$1" == quick ]]; then echo "$FAILREADY_QUICK_JVM_OPTS $(failready_thp_opts)"
  else echo "$FAILREADY_DEFAULT_JVM_OPTS $(failready_thp_opts)"; fi
}

failready_archive_kind() {  # failready_archive_kind ARGS... -> the kind of archive the command loads
  local kind=evaluate a
  case "${1:-}" in
    rules) kind=quick ;;
    # -r FILE, -rFILE, --report FILE, --report=FILE (as EnginePrefetch reads them)
    gate) for a in "$@"; do [[ "$a" == --report || "$a" == --report=* || ( "$a" == -r* && "$a" != --* ) ]] && kind=quick; done ;;
    collect) kind=collect ;;
    scan) kind=collect; for a in "$@"; do [[ "$a" == --demo ]] && kind=evaluate; done ;;
  esac
  echo "$kind"
}

# The bundled tree (rules, demo, templates, schemas) is a small jar beside the shaded one, on its
# manifest's Class-Path (scanner/pom.xml): a run opens it as a file system without indexing the shaded
# jar's ~89k entries. The two are built, installed and replaced together.
FAILREADY_BUNDLE=failready-bundle.jar

# An archive is named after the jars it was dumped from (size and modification time to the nanosecond
# of the shaded jar and of the bundle beside it, which the archive's class path includes), so an
# archive of an earlier build is never picked for a rebuilt jar: it is simply not found. The JVM
# checks the same (it refuses an archive whose class path jars changed size or time), but then only
# warns and runs slower; naming makes the launcher notice and build a fresh one. (The JVM checks the
# class path only up to the last jar it archived classes from, so never the class-less bundle: the
# name is what ties an archive to the pair it was dumped with.)
failready_jar_stamp() {  # failready_jar_stamp JAR -> SIZE-MTIME-BUNDLESIZE-BUNDLEMTIME; fails without the bundle
  local s dir=.
  [[ "$1" == */* ]] && dir="${1%/*}"
  # one process, not a pipe: the launcher runs this on every command
  s="$(stat -c '%s-%.9Y' "$1" "$dir/$FAILREADY_BUNDLE" 2>/dev/null \
    || stat -f '%z-%Fm' "$1" "$dir/$FAILREADY_BUNDLE" 2>/dev/null)" || return 1
  s="${s//./}"
  echo "${s//$'\n'/-}"
}

failready_archive() {  # failready_archive DIR KIND STAMP -> the archive's path
  echo "$1/failready-$2-$3.jsa"
}
