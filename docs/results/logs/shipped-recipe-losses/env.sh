# Shared by the scripts here (sourced): the jar (a build of a298766), the data, and the JVM flags every run used.
JAR=${JAR:-/tmp/grid10.jar}
J="java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=0 -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -jar $JAR"
D=/work/shared/data/msd-hippocampus
export OMP_WAIT_POLICY=PASSIVE
