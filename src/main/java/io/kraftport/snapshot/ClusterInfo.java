package io.kraftport.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Facts about a Kafka cluster as its Admin API reports them. {@code kafkaVersion} is what the
 * cluster tells about its version (the inter-broker protocol on ZooKeeper mode, the finalized
 * metadata.version on KRaft), or null when it tells nothing; {@code mode} is {@code zookeeper} or
 * {@code kraft} when known.
 */
@JsonPropertyOrder({"clusterId", "brokerCount", "kafkaVersion", "mode"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterInfo(String clusterId, int brokerCount, String kafkaVersion, String mode) {}
