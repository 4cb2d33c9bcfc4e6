package io.custops.engine.internal;

import java.util.Arrays;

/**
 * Matches one customer's events to the funnel's steps by the rules of docs/analyses.md
 * ("Funnels"), reusing its buffers from customer to customer: no object per event.
 *
 * <p>Ordered and strict funnels keep, for every step k, the attempt that has reached step k
 * with the latest events (a later first step replaces an earlier one, a later occurrence of a
 * step replaces an earlier one whenever the windows allow it). Such an attempt dominates any
 * other that reached the same step: its start is not earlier and its last event is not
 * earlier, so every event that extends the other within the windows extends it too. The
 * customer's result is the first attempt to reach the deepest step.
 */
final class FunnelMatcher {

	/** How the steps must follow each other. */
	enum Order {
		/** Each step at or after the previous one; other events may come in between. */
		ORDERED,
		/** Each step the customer's very next event after the previous step. */
		STRICT,
		/** The steps in any order. */
		ANY;
	}

	/** An exclusion: an event of {@code type} between the events of steps {@code from} and {@code to} (0-based). */
	record Exclusion(int type, int from, int to) {
	}

	private final int n;
	private final int[] stepType;
	/** Per event type: the first step it matches, or n when none. */
	private final int[] rank;
	private final long window;
	private final long[] stepWindow;
	private final Order order;
	private final Exclusion[] exclusions;

	/** attempt[k * n + j]: event j of the attempt that has reached step k (j ≤ k). */
	private final int[] attempt;
	private final boolean[] live;
	/** The customer's result: its events, the depth reached. */
	final int[] best;
	int depth;
	private int[] sequence = new int[64];
	private final boolean[] done;
	private final int[] trial;

	FunnelMatcher(int[] stepType, int typeCount, long window, long[] stepWindow, Order order, Exclusion[] exclusions) {
		this.n = stepType.length;
		this.stepType = stepType;
		this.rank = new int[typeCount];
		Arrays.fill(rank, n);
		for (int k = n - 1; k >= 0; k--) {
			rank[stepType[k]] = k;
		}
		this.window = window;
		this.stepWindow = stepWindow;
		this.order = order;
		this.exclusions = exclusions;
		this.attempt = new int[n * n];
		this.live = new boolean[n];
		this.best = new int[n];
		this.done = new boolean[n];
		this.trial = new int[n];
	}

	/** Matches the events {@code [s, e)} of one customer; then {@link #depth} and {@link #best} hold the result. */
	void match(int s, int e, long[] time, int[] type) {
		int length = order(s, e, time, type);
		depth = 0;
		switch (order) {
		case ORDERED -> sequential(length, time, type, false);
		case STRICT -> sequential(length, time, type, true);
		case ANY -> anyOrder(length, time, type);
		}
		if (depth > 0 && exclusions.length > 0 && excluded(s, e, time, type)) {
			depth = 0;
		}
	}

	/**
	 * The events in time order, those of one second in step order (an event of an earlier step
	 * first, events of no step last, otherwise input order): the order in which same-second
	 * events convert best.
	 */
	private int order(int s, int e, long[] time, int[] type) {
		int length = e - s;
		if (sequence.length < length) {
			sequence = new int[Math.max(length, sequence.length * 2)];
		}
		int[] seq = sequence;
		for (int i = 0; i < length; i++) {
			seq[i] = s + i;
		}
		int runStart = 0;
		for (int i = 1; i <= length; i++) {
			if (i == length || time[seq[i]] != time[seq[runStart]]) {
				if (i - runStart > 1) {
					// insertion sort, stable: runs of one second are short
					for (int a = runStart + 1; a < i; a++) {
						int v = seq[a];
						int r = rank[type[v]];
						int b = a - 1;
						while (b >= runStart && rank[type[seq[b]]] > r) {
							seq[b + 1] = seq[b];
							b--;
						}
						seq[b + 1] = v;
					}
				}
				runStart = i;
			}
		}
		return length;
	}

	private void sequential(int length, long[] time, int[] type, boolean strict) {
		Arrays.fill(live, false);
		int[] seq = sequence;
		for (int p = 0; p < length; p++) {
			int i = seq[p];
			int ty = type[i];
			if (!strict && rank[ty] == n) {
				continue;
			}
			long t = time[i];
			// from the last step down, so that one event advances an attempt by one step only
			for (int k = n - 1; k >= 1; k--) {
				if (stepType[k] == ty && live[k - 1]) {
					int from = (k - 1) * n;
					if (t - time[attempt[from]] <= window && t - time[attempt[from + k - 1]] <= stepWindow[k]) {
						System.arraycopy(attempt, from, attempt, k * n, k);
						attempt[k * n + k] = i;
						live[k] = true;
						if (k + 1 > depth) {
							depth = k + 1;
							System.arraycopy(attempt, k * n, best, 0, k + 1);
						}
						continue;
					}
				}
				if (strict) {
					live[k] = false;
				}
			}
			if (stepType[0] == ty) {
				attempt[0] = i;
				live[0] = true;
				if (depth == 0) {
					depth = 1;
					best[0] = i;
				}
			} else if (strict) {
				live[0] = false;
			}
		}
	}

	/**
	 * Any order: every event of a step starts an attempt that takes, within the windows, each
	 * later event of a step not yet done; the deepest attempt counts, then the one completing
	 * first, then the one starting last.
	 */
	private void anyOrder(int length, long[] time, int[] type) {
		int[] seq = sequence;
		long bestEnd = Long.MAX_VALUE;
		for (int p = 0; p < length; p++) {
			int i = seq[p];
			if (rank[type[i]] == n) {
				continue;
			}
			Arrays.fill(done, false);
			long t0 = time[i];
			int d = 0;
			for (int q = p; q < length && d < n; q++) {
				int j = seq[q];
				long t = time[j];
				if (t - t0 > window || (d > 0 && t - time[trial[d - 1]] > stepWindow[d])) {
					break;
				}
				int step = free(type[j]);
				if (step >= 0) {
					done[step] = true;
					trial[d++] = j;
				}
			}
			long end = time[trial[d - 1]];
			if (d > depth || (d == depth && end <= bestEnd)) {
				depth = d;
				bestEnd = end;
				System.arraycopy(trial, 0, best, 0, d);
			}
		}
	}

	/** The first step of this type not yet done in the attempt, or −1. */
	private int free(int ty) {
		if (rank[ty] == n) {
			return -1;
		}
		for (int k = rank[ty]; k < n; k++) {
			if (stepType[k] == ty && !done[k]) {
				return k;
			}
		}
		return -1;
	}

	/**
	 * Whether an exclusion event falls between the result's events of its steps: at or after
	 * the event of step {@code from}, at or before that of step {@code to}, or, when the result
	 * stopped before {@code to}, within the window of its first step.
	 */
	private boolean excluded(int s, int e, long[] time, int[] type) {
		for (Exclusion x : exclusions) {
			if (depth <= x.from()) {
				continue;
			}
			long low = time[best[x.from()]];
			long high = depth > x.to() ? time[best[x.to()]]
					: window == Long.MAX_VALUE ? Long.MAX_VALUE : time[best[0]] + window;
			for (int i = s; i < e; i++) {
				if (type[i] == x.type() && time[i] >= low && time[i] <= high) {
					return true;
				}
			}
		}
		return false;
	}
}
