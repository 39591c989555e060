package org.strokemeta.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Sums over the partitions of an RDD in a fixed order, so that the same data give the same bits on every run, however
 * the tasks are scheduled. (Spark's own {@code treeAggregate} adds the partitions' results in the order the tasks
 * finish.) Each partition adds its elements in order; up to {@link #DIRECT} partitions send their sums to the driver,
 * which adds them in partition order; beyond, a tree: groups of consecutive partitions are added in order where they
 * are, then the groups' sums on the driver.
 */
final class PartitionSums {
    /** Up to this many partitions their sums go straight to the driver. */
    static final int DIRECT = 64;

    private PartitionSums() {
    }

    /**
     * The sum over all elements: {@code value} of each, added by {@code add} in element order within a partition,
     * then over partitions in partition order.
     */
    static <E, S> S sum(JavaRDD<E> rdd, Function<E, S> value, Function2<S, S, S> add, S zero) throws Exception {
        JavaRDD<Tuple2<Integer, S>> perPartition = rdd.mapPartitionsWithIndex((p, it) -> {
            S s = zero;
            while (it.hasNext()) {
                s = add.call(s, value.call(it.next()));
            }
            return List.of(new Tuple2<>(p, s)).iterator();
        }, true);
        int partitions = rdd.getNumPartitions();
        List<Tuple2<Integer, S>> parts;
        if (partitions <= DIRECT) {
            parts = perPartition.collect();
        } else {
            int fan = (int) Math.ceil(Math.sqrt(partitions));
            parts = perPartition.mapToPair(t -> new Tuple2<>(t._1() / fan, t)).groupByKey(Math.max(1, (partitions + fan - 1) / fan))
                    .map(g -> new Tuple2<>(g._1(), inOrder(g._2().iterator(), add, zero))).collect();
        }
        List<Tuple2<Integer, S>> sorted = new ArrayList<>(parts);
        sorted.sort(java.util.Comparator.comparing(Tuple2::_1));
        S total = zero;
        for (Tuple2<Integer, S> t : sorted) {
            total = add.call(total, t._2());
        }
        return total;
    }

    /** The values of one group of partitions added in partition order. */
    private static <S> S inOrder(Iterator<Tuple2<Integer, S>> it, Function2<S, S, S> add, S zero) throws Exception {
        List<Tuple2<Integer, S>> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        l.sort(java.util.Comparator.comparing(Tuple2::_1));
        S s = zero;
        for (Tuple2<Integer, S> t : l) {
            s = add.call(s, t._2());
        }
        return s;
    }
}
