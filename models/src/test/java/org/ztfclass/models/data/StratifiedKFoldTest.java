package org.ztfclass.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.domain.TransientClass;

/** Folds partition the objects, keep the class proportions, do not depend on input order, and change with the seed. */
class StratifiedKFoldTest {

    private static List<LabelledObject> objects(int ia, int ii, int other) {
        List<LabelledObject> out = new ArrayList<>();
        int[] n = {ia, ii, other};
        for (TransientClass c : TransientClass.values()) {
            for (int i = 0; i < n[c.ordinal()]; i++) {
                out.add(new LabelledObject(new ObjectData("ZTF" + c.name() + i, null, null, List.of(), null, null, List.of()), c, c.name()));
            }
        }
        return out;
    }

    private static List<String> testIds(StratifiedKFold k, int f) {
        return k.split(f).test().stream().map(o -> o.data().objectId()).toList();
    }

    @Test
    void foldsPartitionTheObjectsAndAreStratified() {
        StratifiedKFold k = StratifiedKFold.of(objects(23, 11, 5), 5, 42);
        Set<String> seen = new HashSet<>();
        for (int f = 0; f < 5; f++) {
            StratifiedSplit s = k.split(f);
            assertEquals(39, s.train().size() + s.test().size());
            for (LabelledObject o : s.test()) {
                assertTrue(seen.add(o.data().objectId()), "tested twice: " + o.data().objectId());
            }
            long ia = s.test().stream().filter(o -> o.label() == TransientClass.SN_IA).count();
            long other = s.test().stream().filter(o -> o.label() == TransientClass.OTHER).count();
            assertTrue(ia == 4 || ia == 5, "SN Ia in fold " + f + ": " + ia);
            assertEquals(1, other);
        }
        assertEquals(39, seen.size());
    }

    @Test
    void inputOrderDoesNotMatterButTheSeedDoes() {
        List<LabelledObject> a = objects(20, 10, 10);
        List<LabelledObject> b = new ArrayList<>(a);
        Collections.reverse(b);
        StratifiedKFold x = StratifiedKFold.of(a, 4, 7);
        StratifiedKFold y = StratifiedKFold.of(b, 4, 7);
        StratifiedKFold z = StratifiedKFold.of(a, 4, 8);
        boolean differs = false;
        for (int f = 0; f < 4; f++) {
            assertEquals(testIds(x, f), testIds(y, f));
            differs |= !testIds(x, f).equals(testIds(z, f));
        }
        assertTrue(differs, "another seed gives other folds");
    }

    @Test
    void badRequestsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.of(objects(10, 10, 2), 3, 1)).getMessage()
                .contains("at least 3 labelled objects of OTHER, have 2"));
        assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.of(objects(10, 10, 10), 1, 1));
        List<LabelledObject> twice = objects(5, 5, 5);
        twice.add(twice.get(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.of(twice, 2, 1)).getMessage().contains("twice"));
    }
}
