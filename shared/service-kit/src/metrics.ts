import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client';
import { STAGES, type PipelineQueues } from '@claimflow/queues';

/**
 * The pipeline's Prometheus metrics, one registry per process: in `claims run`
 * every stage shares it, labelled by stage. Served at /metrics.
 */
let defaultsOn = false;

export function enableDefaultMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ prefix: 'claimflow_' });
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const metrics = {
  jobsCompleted: new Counter({ name: 'claimflow_jobs_completed_total', help: 'Jobs completed, per stage', labelNames: ['stage'] }),
  jobsFailed: new Counter({ name: 'claimflow_jobs_failed_total', help: 'Jobs that failed for good, per stage', labelNames: ['stage'] }),
  jobsRetried: new Counter({ name: 'claimflow_jobs_retried_total', help: 'Job attempts that failed and will be retried, per stage', labelNames: ['stage'] }),
  jobLatency: new Histogram({ name: 'claimflow_job_latency_seconds', help: 'From enqueue to completion, per stage', labelNames: ['stage'], buckets: SECONDS }),
  jobProcessing: new Histogram({ name: 'claimflow_job_processing_seconds', help: 'Processing time of a job, per stage', labelNames: ['stage'], buckets: SECONDS }),
  papersWritten: new Counter({ name: 'claimflow_papers_written_total', help: 'Papers upserted by the writer' }),
  claimsWritten: new Counter({ name: 'claimflow_claims_written_total', help: 'Claims upserted by the writer' }),
  recordsRejected: new Counter({ name: 'claimflow_records_rejected_total', help: 'Input records rejected, by reason', labelNames: ['reason'] }),
};

/** A bounded label for a rejection: field and reason with numbers folded, so label values stay few. */
export function rejectionReasonLabel(field: string | null, reason: string): string {
  const short = reason.replace(/^not JSON:.*/, 'not JSON').replace(/\d+/g, 'N').slice(0, 60);
  return field ? `${field}: ${short}` : short;
}

let depthGauge: Gauge | null = null;

/** Queue depths by stage and state, read from Redis when /metrics is scraped. */
export function trackQueueDepths(queues: PipelineQueues): void {
  if (depthGauge) return;
  depthGauge = new Gauge({
    name: 'claimflow_queue_jobs',
    help: 'Jobs in each queue, by state',
    labelNames: ['stage', 'state'],
    async collect() {
      const counts = await queues.counts();
      for (const stage of STAGES) {
        for (const [state, n] of Object.entries(counts[stage])) this.set({ stage, state }, n);
      }
    },
  });
}

export { register as metricsRegistry };
