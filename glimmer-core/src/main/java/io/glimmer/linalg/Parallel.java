package io.glimmer.linalg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed pool of helper threads for the kernels that split their work into independent chunks
 * (dense updates, passes over rows). The caller works too, and chunks are claimed one at a time, so
 * a helper busy with another fit never makes the caller wait: it just does more chunks itself.
 * Callers must make each chunk's result independent of the thread that computes it (fixed chunk
 * boundaries, results merged in chunk order), so that output never depends on the thread count.
 * <p>
 * Threads: the system property {@code glimmer.threads} (default: min(2, available processors));
 * 1 runs everything on the calling thread.
 */
public final class Parallel {
    private static final int THREADS = configuredThreads();
    private static final ExecutorService HELPERS = THREADS > 1 ? Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(r, "glimmer-kernel");
        t.setDaemon(true);
        return t;
    }) : null;

    private Parallel() {
    }

    private static int configuredThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String p = System.getProperty("glimmer.threads");
        try {
            return Math.max(1, p == null ? Math.min(2, cores) : Integer.parseInt(p.trim()));
        } catch (NumberFormatException e) {
            return Math.min(2, cores);
        }
    }

    /** Number of threads (the caller included) that share the work. */
    public static int threads() {
        return THREADS;
    }

    /** Runs body(0) … body(count − 1), each exactly once, on the caller and the helpers; returns when all are done. */
    public static void forEach(int count, IntConsumer body) {
        if (count <= 1 || HELPERS == null) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        Job job = new Job(count, body);
        for (int h = 0; h < Math.min(THREADS - 1, count - 1); h++) {
            HELPERS.execute(job);
        }
        try {
            job.work();
        } finally {
            job.close();
        }
    }

    /** Chunks claimed by an atomic counter; a helper that starts after the caller has finished does nothing. */
    private static final class Job implements Runnable {
        private static final int CLOSED = 1 << 30;
        private final int count;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        /** Helpers inside {@link #work}, plus CLOSED once the caller no longer waits for new ones. */
        private final AtomicInteger active = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Job(int count, IntConsumer body) {
            this.count = count;
            this.body = body;
        }

        @Override
        public void run() {
            int s;
            do {
                s = active.get();
                if (s >= CLOSED) {
                    return;
                }
            } while (!active.compareAndSet(s, s + 1));
            try {
                work();
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (active.decrementAndGet() == CLOSED) {
                    LockSupport.unpark(caller);
                }
            }
        }

        void work() {
            int i;
            while (failure == null && (i = next.getAndIncrement()) < count) {
                body.accept(i);
            }
        }

        /** Waits for the helpers that started, then rethrows a helper's failure. */
        void close() {
            active.addAndGet(CLOSED);
            // a helper still inside usually ends its chunk within microseconds: spin before parking
            for (int spin = 0; spin < 2_000 && active.get() != CLOSED; spin++) {
                Thread.onSpinWait();
            }
            while (active.get() != CLOSED) {
                LockSupport.parkNanos(this, 100_000);
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            } else if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
