package org.gridplan.sim.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The third stage, streets (街道) and communities (社区): the lattice's rectangle of blocks is cut
 * into the requested number of street rectangles by recursive guillotine cuts across the longer
 * side, in proportion to the number of parts on each side, and each street into its communities
 * the same way (communities per street in proportion to its blocks, at least one each). It owns
 * the community rectangles in their final order, south-west first and street by street, with the
 * street of each and the ids {@code S01, S02, …} and {@code C01, C02, …} (zero-padded to at
 * least two digits). No randomness: the cuts depend on the lattice's size only.
 */
final class BlockCuts {

    /** A rectangle of blocks, {@code [x0, x1) × [y0, y1)} in block columns and rows. */
    record Rect(int x0, int y0, int x1, int y1) {
        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }

        int blocks() {
            return width() * height();
        }
    }

    private static final Comparator<Rect> SOUTH_WEST_FIRST = Comparator.comparingInt(Rect::y0)
            .thenComparingInt(Rect::x0);

    private final List<Rect> communityRects;
    private final List<String> streetOfCommunity;
    private final int communityDigits;

    private BlockCuts(List<Rect> communityRects, List<String> streetOfCommunity) {
        this.communityRects = communityRects;
        this.streetOfCommunity = streetOfCommunity;
        this.communityDigits = Math.max(2, Integer.toString(communityRects.size()).length());
    }

    /**
     * Cuts the blocks of {@code lattice} into {@code streets} streets and {@code communities}
     * communities.
     *
     * @throws IllegalArgumentException when the lattice has fewer blocks than communities, or a
     *                                  rectangle cannot be cut into its parts
     */
    static BlockCuts cut(StreetLattice lattice, int streets, int communities) {
        Rect all = new Rect(0, 0, lattice.cols(), lattice.rows());
        if (communities > all.blocks()) {
            throw new IllegalArgumentException(communities + " communities need as many blocks, but the "
                    + lattice.cols() + " x " + lattice.rows() + " lattice has " + all.blocks());
        }
        List<Rect> streetRects = new ArrayList<>();
        guillotine(all, streets, streetRects);
        streetRects.sort(SOUTH_WEST_FIRST);
        double[] weights = new double[streetRects.size()];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = streetRects.get(s).blocks();
        }
        int[] perStreet = GeneratorMath.apportion(weights, communities, 1);
        int digits = Math.max(2, Integer.toString(streetRects.size()).length());
        List<Rect> communityRects = new ArrayList<>();
        List<String> streetOfCommunity = new ArrayList<>();
        for (int s = 0; s < streetRects.size(); s++) {
            List<Rect> parts = new ArrayList<>();
            guillotine(streetRects.get(s), perStreet[s], parts);
            parts.sort(SOUTH_WEST_FIRST);
            for (Rect r : parts) {
                communityRects.add(r);
                streetOfCommunity.add("S" + GeneratorMath.pad(s + 1, digits));
            }
        }
        return new BlockCuts(communityRects, streetOfCommunity);
    }

    /** Cuts {@code r} into {@code n} rectangles across its longer side, in proportion to the parts on each side. */
    private static void guillotine(Rect r, int n, List<Rect> out) {
        if (n > r.blocks()) {
            throw new IllegalArgumentException("cannot cut " + r.blocks() + " blocks into " + n + " parts");
        }
        if (n == 1) {
            out.add(r);
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        boolean acrossX = r.width() >= r.height();
        for (int attempt = 0; attempt < 2; attempt++, acrossX = !acrossX) {
            int length = acrossX ? r.width() : r.height();
            int breadth = acrossX ? r.height() : r.width();
            int min = GeneratorMath.ceilDiv(n1, breadth);
            int max = length - GeneratorMath.ceilDiv(n2, breadth);
            if (min > max) {
                continue;
            }
            int cut = Math.max(min, Math.min(max, (int) Math.round(length * (double) n1 / n)));
            if (acrossX) {
                guillotine(new Rect(r.x0(), r.y0(), r.x0() + cut, r.y1()), n1, out);
                guillotine(new Rect(r.x0() + cut, r.y0(), r.x1(), r.y1()), n2, out);
            } else {
                guillotine(new Rect(r.x0(), r.y0(), r.x1(), r.y0() + cut), n1, out);
                guillotine(new Rect(r.x0(), r.y0() + cut, r.x1(), r.y1()), n2, out);
            }
            return;
        }
        throw new IllegalArgumentException("cannot cut " + r.width() + " x " + r.height() + " blocks into " + n
                + " rectangles");
    }

    /** Number of communities. */
    int communityCount() {
        return communityRects.size();
    }

    /** The blocks of community {@code c} (0-based, in id order). */
    Rect blocks(int c) {
        return communityRects.get(c);
    }

    /** The id of community {@code c}: {@code C01} for the first. */
    String communityId(int c) {
        return "C" + GeneratorMath.pad(c + 1, communityDigits);
    }

    /** The id of the street of community {@code c}. */
    String street(int c) {
        return streetOfCommunity.get(c);
    }
}
