package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.config.Workload;
import io.failready.facts.RegionPair;

import java.util.List;

/** Everything the evaluation produced for one workload, before scoring. */
public record WorkloadResult(Workload workload, List<RegionPair> pairs, List<Evaluation> evaluations, List<String> waiverNotices) {}
