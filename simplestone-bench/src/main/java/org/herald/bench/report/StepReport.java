package org.herald.bench.report;

import java.util.List;
import java.util.Map;

/**
 * One step of a run, as written to JSON/CSV and drawn in the HTML report. Rates per second, ratios
 * 0..1, CPU in percent of one core, memory in MiB (null when not measured).
 */
public record StepReport(int index, double targetRate, double offeredRate, double measuredSeconds,
                         long publishSent, long publishAccepted, long publishStaleEtag, long publishRejected,
                         long publishTimedOut, Map<String, Long> responseCodes, double publishSuccess,
                         long notifyExpected, long notifyInTime, long notifyExact, long notifyLate, long notifyMissing,
                         double notifySuccess, Percentiles publishLatencyMs, Percentiles notifyLatencyMs,
                         Percentiles exactNotifyLatencyMs, double publishPerSecond, double notifyPerSecond,
                         Double sutCpuPercent, Double sutRssMb, Double benchCpuPercent, Double benchRssMb,
                         long lateSends, double maxSendLagMs, long retransmissions,
                         boolean sustained, boolean generatorLimited, List<String> reasons) {}
