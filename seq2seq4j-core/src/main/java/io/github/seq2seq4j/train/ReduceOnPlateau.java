package io.github.seq2seq4j.train;

/**
 * Multiplies the rate by {@code factor} when the watched dev metric has not improved for
 * {@code patience} validations (as {@code torch.optim.lr_scheduler.ReduceLROnPlateau} with
 * threshold 0), never going below {@code minLr}.
 */
public final class ReduceOnPlateau implements LrSchedule {
    private final boolean higherIsBetter;
    private final float factor;
    private final int patience;
    private final float minLr;
    private float lr;
    private double best;
    private int bad;

    public ReduceOnPlateau(float lr, boolean higherIsBetter, float factor, int patience, float minLr) {
        if (!(factor > 0f && factor < 1f) || patience < 0) {
            throw new IllegalArgumentException("plateau schedule needs 0 < factor < 1 and patience >= 0");
        }
        this.lr = lr;
        this.higherIsBetter = higherIsBetter;
        this.factor = factor;
        this.patience = patience;
        this.minLr = minLr;
        this.best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public float rate(long step) {
        return lr;
    }

    @Override
    public void onValidation(double metric) {
        boolean improved = higherIsBetter ? metric > best : metric < best;
        if (improved) {
            best = metric;
            bad = 0;
        } else if (++bad > patience) {
            lr = Math.max(minLr, lr * factor);
            bad = 0;
        }
    }

    @Override
    public double[] state() {
        return new double[] {lr, best, bad};
    }

    @Override
    public void loadState(double[] s) {
        lr = (float) s[0];
        best = s[1];
        bad = (int) s[2];
    }
}
