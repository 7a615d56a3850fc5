#!/bin/bash
# The full benchmark, ours (jar with neuron ranges and MallocTunables, /tmp/malloc.jar) against PyTorch's reference,
# each with glibc's huge pages alone (hugetlb=1, what `main` set before) and with MallocTunables.TUNABLES (what it sets
# now), two rounds, the second in reverse order. Background jobs paused (SIGSTOP): PAUSE="pid ..." torch-vs-ours.sh
[ -n "$PAUSE" ] && kill -STOP $PAUSE
trap '[ -n "$PAUSE" ] && kill -CONT $PAUSE' EXIT
H=glibc.malloc.hugetlb=1
M=$H:glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824
A="--width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5"
J="java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar /tmp/malloc.jar"
T="/usr/bin/python3 /work/shared/bench/torch_reference.py"
run() { # name tunables command...
  local name=$1 g=$2; shift 2
  echo "## $name, GLIBC_TUNABLES=$g, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  GLIBC_TUNABLES=$g /usr/bin/time -f "$name wall %e s, user %U s, sys %S s, peak RSS %M kB, minor faults %R" "$@" 2>&1 |
    grep -v WARN | sed "s/^/$name /"
}
for order in "ours-H ours-M torch-H torch-M" "torch-M torch-H ours-M ours-H"; do
  echo "# round: $order"
  for x in $order; do
    case $x in
      ours-H) run ours $H $J bench $A ;; ours-M) run ours $M $J bench $A ;;
      torch-H) run torch $H $T $A ;; torch-M) run torch $M $T $A ;;
    esac
  done
done
