# Shared by the scripts here (sourced): the jar (a build of a298766; from 2026-12-01 08:13 a build of 5b489c1, the same
# train-ann, convert, finetune and evaluate), the data, and the JVM flags every run used.
JAR=${JAR:-/tmp/grid10.jar}
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar $JAR"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
# From 2026-12-01 08:45 (Dice fold 3 on): this machine's page faults are costly (a paravirtualised kernel: 90k faults/s,
# half the time in the kernel); glibc's hugetlb tunable lets malloc back ND4J's large buffers with transparent huge pages
# (bench snn-train 12.6 -> 62.5 slice-timesteps/s here, docs/benchmarks.md). Arithmetic unchanged; only times differ.
export GLIBC_TUNABLES=glibc.malloc.hugetlb=1
