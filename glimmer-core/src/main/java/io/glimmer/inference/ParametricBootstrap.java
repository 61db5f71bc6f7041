package io.glimmer.inference;

import io.glimmer.fit.MixedModelFit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The parametric bootstrap of lme4's {@code bootMer(fit, FUN, nsim, use.u = FALSE)}: simulate
 * responses from the fitted model ({@link RefittableModel#simulator()}), refit each, and collect the
 * parameters ({@link NamedParameters}). Replicate i draws from its own seed, derived in order from
 * the master seed, so the result does not depend on the number of threads. A refit that fails is
 * counted, not fatal.
 */
public final class ParametricBootstrap {
    private static final int MAX_MESSAGES = 3;

    private ParametricBootstrap() {
    }

    /**
     * @param threads  worker threads (1 runs in the calling thread's pool of one)
     * @param progress told the number of finished replicates after each one (from worker threads), or null
     */
    public static BootstrapDistribution run(RefittableModel model, int nsim, long seed, int threads, IntConsumer progress) {
        return run(model.simulator(), NamedParameters.of(model.fit()), model::refit, nsim, seed, threads, progress);
    }

    /** The bootstrap with any refitting function (tests use one that fails on purpose). */
    static BootstrapDistribution run(ResponseDraws simulator, NamedParameters observed, Function<double[], MixedModelFit> refitter,
                                     int nsim, long seed, int threads, IntConsumer progress) {
        if (nsim < 1) {
            throw new io.glimmer.error.InputException("the number of bootstrap replicates must be at least 1, not " + nsim);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        List<String> names = observed.names();
        long[] seeds = ReplicateSeeds.of(seed, nsim);
        double[][] replicates = new double[nsim][];
        String[] errors = new String[nsim];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, nsim), daemonThreads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < nsim; i++) {
                int rep = i;
                futures.add(pool.submit(() -> {
                    try {
                        double[] y = simulator.simulate(new SplittableRandom(seeds[rep]));
                        MixedModelFit refit = refitter.apply(y);
                        replicates[rep] = parametersLike(names, refit);
                    } catch (RuntimeException e) {
                        errors[rep] = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    }
                    int n = done.incrementAndGet();
                    if (progress != null) {
                        progress.accept(n);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.glimmer.error.GlimmerException("the bootstrap was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new io.glimmer.error.GlimmerException("a bootstrap replicate failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int failed = 0;
        Set<String> messages = new LinkedHashSet<>();
        double[] nan = new double[names.size()];
        java.util.Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < nsim; i++) {
            if (replicates[i] == null) {
                failed++;
                replicates[i] = nan.clone();
                if (messages.size() < MAX_MESSAGES) {
                    messages.add(errors[i]);
                }
            }
        }
        return new BootstrapDistribution(names, observed.values(), replicates, failed, new ArrayList<>(messages));
    }

    /** The refit's parameters in the order of the original's names (the design is the same, so are the names). */
    private static double[] parametersLike(List<String> names, MixedModelFit refit) {
        NamedParameters p = NamedParameters.of(refit);
        if (!p.names().equals(names)) {
            throw new IllegalStateException("the refit's parameters " + p.names() + " differ from the fit's " + names);
        }
        return p.values();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "glimmer-bootstrap-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
