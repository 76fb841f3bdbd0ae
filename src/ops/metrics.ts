// A tiny Prometheus registry (text format 0.0.4): counters, gauges read at scrape time and
// histograms. Enough for /metrics without a dependency. Label values here come from small
// fixed sets (platforms, command names, "command"/"mention"), never from user text, so the
// number of series stays bounded.

/** One answered question, as the bot reports it after each answer (createBot's onAnswer). */
export interface AnswerEvent {
  platform: string;
  via: string;
  command: string;
  kind: string;
  latencyMs: number;
}

type Labels = Record<string, string>;

/** Prometheus label value escaping: backslash, double quote and newline. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

interface Metric {
  readonly name: string;
  render(): string[];
}

abstract class Labelled<V> implements Metric {
  protected readonly series = new Map<string, { labels: Labels; value: V }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    private readonly type: 'counter' | 'histogram' | 'gauge',
  ) {}

  /** The series for these labels, created on first use (labels outside labelNames are ignored). */
  protected at(labels: Labels, init: () => V): { labels: Labels; value: V } {
    const clean: Labels = {};
    for (const n of this.labelNames) clean[n] = labels[n] ?? '';
    const key = JSON.stringify(clean);
    let s = this.series.get(key);
    if (!s) {
      s = { labels: clean, value: init() };
      this.series.set(key, s);
    }
    return s;
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...this.samples()];
  }

  protected abstract samples(): string[];
}

export class Counter extends Labelled<number> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, labelNames, 'counter');
  }

  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`counter ${this.name} can only go up`);
    this.at(labels, () => 0).value += by;
  }

  get(labels: Labels = {}): number {
    return this.at(labels, () => 0).value;
  }

  protected samples(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${formatLabels(s.labels)} ${formatNumber(s.value)}`);
  }
}

/** A gauge whose value is read when /metrics is scraped (e.g. the number of loaded facts). */
export class Gauge extends Labelled<number> {
  constructor(
    name: string,
    help: string,
    private readonly collect: () => { labels?: Labels; value: number }[],
  ) {
    super(name, help, [], 'gauge');
  }

  protected samples(): string[] {
    return this.collect().map((s) => `${this.name}${formatLabels(s.labels ?? {})} ${formatNumber(s.value)}`);
  }
}

interface HistogramSeries {
  counts: number[]; // per bucket, not cumulative
  sum: number;
  count: number;
}

export class Histogram extends Labelled<HistogramSeries> {
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    super(name, help, labelNames, 'histogram');
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(labels: Labels, value: number): void {
    const s = this.at(labels, () => ({ counts: this.buckets.map(() => 0), sum: 0, count: 0 })).value;
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }

  protected samples(): string[] {
    const out: string[] = [];
    for (const { labels, value } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += value.counts[i]!;
        out.push(`${this.name}_bucket${formatLabels({ ...labels, le: formatNumber(b) })} ${cumulative}`);
      });
      out.push(`${this.name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${value.count}`);
      out.push(`${this.name}_sum${formatLabels(labels)} ${formatNumber(value.sum)}`);
      out.push(`${this.name}_count${formatLabels(labels)} ${value.count}`);
    }
    return out;
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];

  register<M extends Metric>(metric: M): M {
    if (this.metrics.some((m) => m.name === metric.name)) throw new Error(`metric ${metric.name} registered twice`);
    this.metrics.push(metric);
    return metric;
  }

  /** The whole registry in Prometheus text exposition format 0.0.4. */
  render(): string {
    return this.metrics.map((m) => m.render().join('\n')).join('\n') + '\n';
  }
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Answer latency buckets in seconds: answers are usually a few ms; the top buckets catch stalls. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** dealbot's metrics. Platforms and the summary poster report into these; createBot reports via onAnswer. */
export function createMetrics(opts: { facts?: () => number | undefined } = {}) {
  const registry = new Registry();
  const questions = registry.register(
    new Counter('dealbot_questions_total', 'Questions answered (rate-limited ones are counted in dealbot_rate_limited_total).', ['platform', 'via', 'command']),
  );
  const noFacts = registry.register(
    new Counter('dealbot_no_fact_answers_total', 'Questions answered with no fact found.', ['platform']),
  );
  const errors = registry.register(
    new Counter('dealbot_answer_errors_total', 'Questions whose command failed (the user got an apology).', ['platform']),
  );
  const latency = registry.register(
    new Histogram('dealbot_answer_latency_seconds', 'Time from question to Reply, in seconds.', ['platform'], LATENCY_BUCKETS),
  );
  const platformErrors = registry.register(
    new Counter('dealbot_platform_errors_total', 'Errors reported by a platform connection or API call.', ['platform']),
  );
  const summariesPosted = registry.register(
    new Counter('dealbot_summaries_posted_total', 'Daily summaries posted to a channel.', ['platform']),
  );
  const summaryFailures = registry.register(
    new Counter('dealbot_summary_failures_total', 'Daily summary posts that failed.', ['platform']),
  );
  const alertsPosted = registry.register(
    new Counter('dealbot_alerts_posted_total', 'Price and fact-change alerts posted to a channel.', ['platform', 'kind']),
  );
  const alertFailures = registry.register(new Counter('dealbot_alert_failures_total', 'Alert posts that failed.', ['platform', 'kind']));
  const rateLimited = registry.register(
    new Counter('dealbot_rate_limited_total', 'Questions refused by a rate limit.', ['platform', 'scope']),
  );
  const reloads = registry.register(
    new Counter('dealbot_fact_reloads_total', 'Fact base reloads after a file change.', ['result']),
  );
  const votes = registry.register(
    new Counter('dealbot_feedback_votes_total', 'Votes on answers (up, down) and "what was missing" notes (comment), by platform.', ['platform', 'vote']),
  );
  if (opts.facts) {
    const facts = opts.facts;
    registry.register(
      new Gauge('dealbot_facts', 'Facts in the fact base being served.', () => {
        const n = facts();
        return n === undefined ? [] : [{ value: n }];
      }),
    );
  }

  /** For createBot's `onAnswer`. */
  function onAnswer(event: AnswerEvent): void {
    questions.inc({ platform: event.platform, via: event.via, command: event.command });
    if (event.kind === 'no-facts') noFacts.inc({ platform: event.platform });
    if (event.kind === 'error') errors.inc({ platform: event.platform });
    latency.observe({ platform: event.platform }, event.latencyMs / 1000);
  }

  /** For the delivery policy's `onVote`. */
  function onVote(event: { platform: string; vote: string }): void {
    votes.inc({ platform: event.platform, vote: event.vote });
  }

  return { registry, questions, noFacts, errors, latency, platformErrors, summariesPosted, summaryFailures, alertsPosted, alertFailures, rateLimited, reloads, votes, onAnswer, onVote };
}

export type Metrics = ReturnType<typeof createMetrics>;
