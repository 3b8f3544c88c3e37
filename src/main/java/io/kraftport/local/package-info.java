/**
 * Real Kafka clusters and schema registries on 127.0.0.1, for {@code kraftport demo} and the
 * integration tests: a ZooKeeper-mode 3.x source, a KRaft 4.x target with a SCRAM listener, and
 * Apicurio registries, each in its own JVM.
 *
 * <p>{@link io.kraftport.local.LocalStack} starts the whole scene. Below it, {@link
 * io.kraftport.local.Distribution} downloads a server once with the machine's {@code mvn} into
 * {@code $KRAFTPORT_HOME/dist} (default {@code ~/.kraftport}), {@link
 * io.kraftport.local.ManagedProcess} runs one server JVM and guarantees it is stopped and its data
 * deleted, and one class per server ({@link io.kraftport.local.ZooKeeperNode}, {@link
 * io.kraftport.local.ZkKafkaBroker}, {@link io.kraftport.local.KraftNode}, {@link
 * io.kraftport.local.ApicurioNode}) knows its configuration and its readiness check. Each server
 * role trains a class-data cache on first use, so later starts need about half the CPU.
 */
package io.kraftport.local;
