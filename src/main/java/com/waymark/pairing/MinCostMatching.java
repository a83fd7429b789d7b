package com.waymark.pairing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A matching of maximum cardinality and, among those, minimum total cost, in a general (non-bipartite)
 * graph: Edmonds' blossom algorithm in its primal-dual form, as described by Galil, "Efficient
 * algorithms for finding maximum matching in graphs" (ACM Computing Surveys, 1986).
 *
 * <p>Written for the dense graphs of a pairing round (everyone may meet almost everyone), so edges live
 * in a matrix and the dual step scans all pairs of vertices: simple to check, and fast enough for a few
 * hundred people. All arithmetic is on {@code long}s, so the result is exact and deterministic.
 *
 * <p>Vocabulary: vertices are {@code 0..n-1}; blossoms (odd cycles shrunk to one node) are numbered
 * {@code n..2n-1}. During a stage, top-level nodes are labelled OUTER (even distance from a free
 * vertex in the alternating forest, "S" in the literature), INNER ("T") or FREE (unreached).
 *
 * <p>Why not JGraphT's {@code KolmogorovWeightedPerfectMatching} (tried for issue 15, with Edmonds for the
 * size and a free "sits out" vertex per person left over): it works on {@code double}s and gives up with
 * "There is no perfect matching" once a dual change passes 10^10, while {@link CostModel}'s exact tiers
 * put a repeat at 2^34 for 20 people and 2^46 for 200. {@code RepeatMinimisationTest}'s round robin and
 * the 2^40 costs of {@code MinCostMatchingTest} failed that way, though perfect matchings exist.
 */
final class MinCostMatching {

    private static final int FREE = 0;
    private static final int OUTER = 1;
    private static final int INNER = 2;

    private final int n;
    private final boolean[][] edge;
    private final long[][] weight;

    /** Partner of each vertex, or -1. */
    private final int[] mate;
    /** Top-level blossom (or the vertex itself) holding each vertex. */
    private final int[] top;
    /** Immediate parent blossom of each node, or -1 at top level. */
    private final int[] parent;
    /** Base vertex of each node; -1 for an unused blossom number. */
    private final int[] base;
    /** Sub-nodes of a blossom round its cycle, starting with the one holding the base. */
    private final int[][] children;
    /** Edge from child i to child i+1 of a blossom: {@code edgeOut[b][i]} lies in child i, {@code edgeIn[b][i]} in child i+1. */
    private final int[][] edgeOut;
    private final int[][] edgeIn;
    private final int[] label;
    /** The edge over which a labelled top-level node joined the forest: from a vertex outside into a vertex inside. */
    private final int[] labelFrom;
    private final int[] labelTo;
    /** Vertices: twice the dual variable u(v). Blossoms: the dual variable z(b). */
    private final long[] dual;
    private final ArrayDeque<Integer> unusedBlossoms = new ArrayDeque<>();
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    private final boolean[] mark;

    private MinCostMatching(long[][] cost, boolean[][] allowed) {
        n = cost.length;
        edge = allowed;
        weight = new long[n][n];
        long maxCost = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && allowed[i][j]) {
                    if (cost[i][j] < 0 || cost[i][j] != cost[j][i] || !allowed[j][i]) {
                        throw new IllegalArgumentException("costs must be symmetric and non-negative");
                    }
                    maxCost = Math.max(maxCost, cost[i][j]);
                }
            }
        }
        // Maximising (maxCost + 1 - cost) over matchings of the largest size minimises their cost.
        long maxWeight = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && allowed[i][j]) {
                    weight[i][j] = maxCost + 1 - cost[i][j];
                    maxWeight = Math.max(maxWeight, weight[i][j]);
                }
            }
        }
        mate = new int[n];
        Arrays.fill(mate, -1);
        top = new int[n];
        parent = new int[2 * n];
        base = new int[2 * n];
        children = new int[2 * n][];
        edgeOut = new int[2 * n][];
        edgeIn = new int[2 * n][];
        label = new int[2 * n];
        labelFrom = new int[2 * n];
        labelTo = new int[2 * n];
        dual = new long[2 * n];
        mark = new boolean[2 * n];
        Arrays.fill(parent, -1);
        Arrays.fill(base, -1);
        for (int v = 0; v < n; v++) {
            top[v] = v;
            base[v] = v;
            dual[v] = maxWeight;
        }
        for (int b = 2 * n - 1; b >= n; b--) {
            unusedBlossoms.push(b);
        }
    }

    /**
     * Returns {@code mate}, where {@code mate[i]} is the partner of vertex i or -1. {@code allowed[i][j]}
     * says whether i and j may be matched; {@code cost} must be symmetric and non-negative where allowed.
     */
    static int[] solve(long[][] cost, boolean[][] allowed) {
        if (cost.length != allowed.length) {
            throw new IllegalArgumentException("cost and allowed differ in size");
        }
        return new MinCostMatching(cost, allowed).run();
    }

    private int[] run() {
        // Each stage either augments the matching by one edge or proves it has maximum cardinality.
        for (int stage = 0; stage <= n / 2; stage++) {
            Arrays.fill(label, FREE);
            Arrays.fill(labelFrom, -1);
            Arrays.fill(labelTo, -1);
            queue.clear();
            for (int v = 0; v < n; v++) {
                if (mate[v] == -1 && label[top[v]] == FREE) {
                    assignLabel(v, OUTER, -1);
                }
            }
            if (!growUntilAugmented()) {
                break;
            }
            // Blossoms whose dual fell to zero need not stay shrunk; expanding them keeps the next stage exact.
            for (int b = n; b < 2 * n; b++) {
                if (base[b] >= 0 && parent[b] == -1 && label[b] == OUTER && dual[b] == 0) {
                    expand(b, true);
                }
            }
        }
        return mate.clone();
    }

    /** Grows the alternating forest over tight edges, changing the duals when stuck; true once augmented. */
    private boolean growUntilAugmented() {
        while (true) {
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int w = 0; w < n; w++) {
                    if (!edge[v][w] || top[v] == top[w] || slack(v, w) != 0) {
                        continue;
                    }
                    int bw = top[w];
                    if (label[bw] == FREE) {
                        assignLabel(w, INNER, v);
                    } else if (label[bw] == OUTER) {
                        int commonBase = findCommonBase(v, w);
                        if (commonBase >= 0) {
                            addBlossom(commonBase, v, w);
                        } else {
                            augment(v, w);
                            return true;
                        }
                    }
                }
            }
            if (!changeDuals()) {
                return false;
            }
        }
    }

    /** Twice the slack of an edge between two different top-level nodes. */
    private long slack(int v, int w) {
        return dual[v] + dual[w] - 2 * weight[v][w];
    }

    /**
     * Moves the duals by the largest step that keeps them feasible, then queues what became possible.
     * Returns false when nothing can change: the matching then has maximum cardinality.
     */
    private boolean changeDuals() {
        long delta = Long.MAX_VALUE;
        int kind = 0;
        int target = -1;
        for (int v = 0; v < n; v++) {
            if (label[top[v]] != OUTER) {
                continue;
            }
            for (int w = 0; w < n; w++) {
                if (!edge[v][w] || top[v] == top[w]) {
                    continue;
                }
                int other = label[top[w]];
                if (other == FREE) {
                    long d = slack(v, w);
                    if (d < delta) {
                        delta = d;
                        kind = 2;
                        target = v;
                    }
                } else if (other == OUTER && v < w) {
                    long s = slack(v, w);
                    if ((s & 1) != 0) {
                        throw new IllegalStateException("odd slack between outer vertices");
                    }
                    if (s / 2 < delta) {
                        delta = s / 2;
                        kind = 3;
                        target = v;
                    }
                }
            }
        }
        for (int b = n; b < 2 * n; b++) {
            if (base[b] >= 0 && parent[b] == -1 && label[b] == INNER && dual[b] < delta) {
                delta = dual[b];
                kind = 4;
                target = b;
            }
        }
        if (kind == 0) {
            return false;
        }
        for (int v = 0; v < n; v++) {
            int l = label[top[v]];
            if (l == OUTER) {
                dual[v] -= delta;
            } else if (l == INNER) {
                dual[v] += delta;
            }
        }
        for (int b = n; b < 2 * n; b++) {
            if (base[b] >= 0 && parent[b] == -1) {
                if (label[b] == OUTER) {
                    dual[b] += delta;
                } else if (label[b] == INNER) {
                    dual[b] -= delta;
                }
            }
        }
        if (kind == 4) {
            expand(target, false);
            // Sub-blossoms left off the forest may now be reachable over tight edges: look again.
            for (int v = 0; v < n; v++) {
                if (label[top[v]] == OUTER) {
                    queue.add(v);
                }
            }
        } else {
            queue.add(target);
        }
        return true;
    }

    private void assignLabel(int w, int kind, int from) {
        int b = top[w];
        label[b] = kind;
        labelTo[b] = w;
        labelFrom[b] = from;
        if (kind == OUTER) {
            forEachLeaf(b, queue::add);
        } else {
            int b0 = base[b];
            assignLabel(mate[b0], OUTER, b0);
        }
    }

    /** Walks up the forest from both ends; returns the base of the new blossom, or -1 for an augmenting path. */
    private int findCommonBase(int v, int w) {
        List<Integer> visited = new ArrayList<>();
        int found = -1;
        while (v != -1) {
            int b = top[v];
            if (mark[b]) {
                found = base[b];
                break;
            }
            mark[b] = true;
            visited.add(b);
            v = labelFrom[b] == -1 ? -1 : labelFrom[top[labelFrom[b]]];
            if (w != -1) {
                int swap = v;
                v = w;
                w = swap;
            }
        }
        for (int b : visited) {
            mark[b] = false;
        }
        return found;
    }

    /** Shrinks the odd cycle closed by tight edge (v, w) into a new outer blossom. */
    private void addBlossom(int commonBase, int v, int w) {
        int bb = top[commonBase];
        int b = unusedBlossoms.pop();
        List<Integer> nodes = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        List<Integer> vSide = new ArrayList<>();
        List<int[]> vLinks = new ArrayList<>();
        for (int bv = top[v]; bv != bb; bv = top[labelFrom[bv]]) {
            vSide.add(bv);
            vLinks.add(new int[] {labelFrom[bv], labelTo[bv]});
        }
        nodes.add(bb);
        for (int i = vSide.size() - 1; i >= 0; i--) {
            nodes.add(vSide.get(i));
            links.add(vLinks.get(i));
        }
        links.add(new int[] {v, w});
        for (int bw = top[w]; bw != bb; bw = top[labelFrom[bw]]) {
            nodes.add(bw);
            links.add(new int[] {labelTo[bw], labelFrom[bw]});
        }
        int k = nodes.size();
        children[b] = new int[k];
        edgeOut[b] = new int[k];
        edgeIn[b] = new int[k];
        for (int i = 0; i < k; i++) {
            children[b][i] = nodes.get(i);
            edgeOut[b][i] = links.get(i)[0];
            edgeIn[b][i] = links.get(i)[1];
        }
        base[b] = base[bb];
        parent[b] = -1;
        label[b] = OUTER;
        labelFrom[b] = labelFrom[bb];
        labelTo[b] = labelTo[bb];
        dual[b] = 0;
        for (int child : children[b]) {
            parent[child] = b;
            boolean wasInner = label[child] == INNER;
            forEachLeaf(child, leaf -> {
                if (wasInner) {
                    queue.add(leaf); // inner vertices turn outer inside an outer blossom
                }
                top[leaf] = b;
            });
        }
    }

    /** Flips the matching along the alternating path found between the two trees joined by (v, w). */
    private void augment(int v, int w) {
        augmentFrom(v, w);
        augmentFrom(w, v);
    }

    private void augmentFrom(int s, int partner) {
        while (true) {
            int bs = top[s];
            if (bs >= n) {
                rotate(bs, s);
            }
            mate[s] = partner;
            if (labelFrom[bs] == -1) {
                return; // reached the root of the tree
            }
            int bt = top[labelFrom[bs]];
            int nextOuter = labelFrom[bt];
            int entry = labelTo[bt];
            if (bt >= n) {
                rotate(bt, entry);
            }
            mate[entry] = nextOuter;
            s = nextOuter;
            partner = entry;
        }
    }

    /** Makes vertex v the base of blossom b, re-matching the cycle (recursively) so it stays alternating. */
    private void rotate(int b, int v) {
        int t = v;
        while (parent[t] != b) {
            t = parent[t];
        }
        if (t >= n) {
            rotate(t, v);
        }
        int k = children[b].length;
        int i = indexOf(children[b], t);
        int j = i;
        int step;
        if ((i & 1) == 1) {
            j -= k; // odd position: walk forwards round the cycle to the base
            step = 1;
        } else {
            step = -1;
        }
        while (j != 0) {
            j += step;
            int x = linkEnd(b, j, step, true);
            int y = linkEnd(b, j, step, false);
            int first = child(b, j);
            if (first >= n) {
                rotate(first, x);
            }
            j += step;
            int second = child(b, j);
            if (second >= n) {
                rotate(second, y);
            }
            mate[x] = y;
            mate[y] = x;
        }
        children[b] = rotateLeft(children[b], i);
        edgeOut[b] = rotateLeft(edgeOut[b], i);
        edgeIn[b] = rotateLeft(edgeIn[b], i);
        base[b] = v;
    }

    /** Dissolves top-level blossom b into its children; mid-stage, an inner blossom's path is relabelled. */
    private void expand(int b, boolean endOfStage) {
        for (int child : children[b]) {
            parent[child] = -1;
            if (child < n) {
                top[child] = child;
            } else if (endOfStage && dual[child] == 0) {
                expand(child, true);
            } else {
                forEachLeaf(child, leaf -> top[leaf] = child);
            }
        }
        if (!endOfStage && label[b] == INNER) {
            relabelInner(b);
        }
        children[b] = null;
        edgeOut[b] = null;
        edgeIn[b] = null;
        base[b] = -1;
        label[b] = FREE;
        labelFrom[b] = -1;
        labelTo[b] = -1;
        dual[b] = 0;
        unusedBlossoms.push(b);
    }

    /**
     * After an inner blossom opens, the even-length path from the child it was entered by to its base
     * joins the forest (alternately inner and outer); the other children become free.
     */
    private void relabelInner(int b) {
        int[] nodes = children[b];
        for (int child : nodes) {
            label[child] = FREE;
            labelFrom[child] = -1;
            labelTo[child] = -1;
        }
        int k = nodes.length;
        int i = indexOf(nodes, top[labelTo[b]]);
        int j = i;
        int step;
        if ((i & 1) == 1) {
            j -= k;
            step = 1;
        } else {
            step = -1;
        }
        int from = labelFrom[b];
        int to = labelTo[b];
        while (j != 0) {
            assignLabel(to, INNER, from); // also labels the next child, its mate, outer
            from = linkEnd(b, j + step, step, true);
            to = linkEnd(b, j + step, step, false);
            j += 2 * step;
        }
        int baseChild = nodes[0];
        label[baseChild] = INNER;
        labelFrom[baseChild] = from;
        labelTo[baseChild] = to;
    }

    /** One end of the cycle edge from child j to child j+step of blossom b: the end in child j if {@code near}. */
    private int linkEnd(int b, int j, int step, boolean near) {
        int k = children[b].length;
        if (step == 1) {
            int idx = Math.floorMod(j, k);
            return near ? edgeOut[b][idx] : edgeIn[b][idx];
        }
        int idx = Math.floorMod(j - 1, k);
        return near ? edgeIn[b][idx] : edgeOut[b][idx];
    }

    private int child(int b, int j) {
        return children[b][Math.floorMod(j, children[b].length)];
    }

    private void forEachLeaf(int b, java.util.function.IntConsumer action) {
        if (b < n) {
            action.accept(b);
            return;
        }
        for (int child : children[b]) {
            forEachLeaf(child, action);
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("not a child: " + value);
    }

    private static int[] rotateLeft(int[] values, int by) {
        int[] rotated = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rotated[i] = values[(i + by) % values.length];
        }
        return rotated;
    }
}
