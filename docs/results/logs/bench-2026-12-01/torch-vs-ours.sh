#!/bin/bash
# Ours and PyTorch's reference, each with and without glibc's huge-page tunable, two rounds (second in reverse order).
cd /work/main
J="java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar target/hippo-snn.jar"
A="--width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5"
run() { # name tunable
  echo "## $1 GLIBC_TUNABLES='$2' load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ $1 = ours ]; then GLIBC_TUNABLES=$2 /usr/bin/time -v $J bench $A 2>&1
  else GLIBC_TUNABLES=$2 /usr/bin/time -v /usr/bin/python3 ../shared/bench/torch_reference.py $A 2>&1; fi \
    | grep -E "slices/s|slice-timesteps/s|peak-rss|GLIBC|Elapsed|Maximum resident|Minor|System time|User time" | sed "s/^/$1 /"
}
H=glibc.malloc.hugetlb=1
run ours ""; run torch ""; run ours $H; run torch $H
run torch $H; run ours $H; run torch ""; run ours ""
